package catalog

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a catalog.
type Problem struct {
	Pos Pos    // where; zero when the whole file is at fault
	Msg string // what is wrong, lower case, no trailing period
}

// Problems is every problem found in one catalog. Load returns it as its
// error so that a user fixes everything in one round trip.
type Problems struct {
	File    string    // the catalog's path as given
	List    []Problem // sorted by position; the first maxKept found
	Dropped int       // problems found beyond maxKept, counted but not kept

	budget    int  // edit-distance cells hints may still cost; see suggest
	budgetSet bool // budget has been given its start value
}

// maxKept bounds the problems kept, and maxPrinted those Error prints: a
// catalog of a million unknown keys needs its first problems fixed, not a
// million lines.
const (
	maxKept    = 1000
	maxPrinted = 100
)

// Count is the number of problems found, kept or not.
func (p *Problems) Count() int { return len(p.List) + p.Dropped }

// Error formats one problem a line as file:line:col: message, the first
// maxPrinted of them, then how many more there are.
func (p *Problems) Error() string {
	var b strings.Builder
	for i, pr := range p.List {
		if i == maxPrinted {
			fmt.Fprintf(&b, "\n%s: … and %d more problems", p.File, p.Count()-maxPrinted)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		line, col := pr.Pos.Line, pr.Pos.Col
		if line == 0 {
			line, col = 1, 1
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s", p.File, line, col, pr.Msg)
	}
	return b.String()
}

func (p *Problems) add(pos Pos, format string, args ...any) {
	if !p.keeps() {
		p.Dropped++
		return
	}
	p.List = append(p.List, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// keeps reports whether the next problem added is kept, so worth the
// cost of a hint. A catalog of a million unknown keys spent two thirds of
// its time and memory on hints for problems only counted.
func (p *Problems) keeps() bool { return len(p.List) < maxKept }

// suggestKey is suggest for a problem that may not be kept.
func (p *Problems) suggestKey(s string, candidates []string) string {
	if !p.keeps() {
		return ""
	}
	return suggest(s, candidates)
}

// err returns p sorted, or nil when there is no problem.
func (p *Problems) err() error {
	if p.Count() == 0 {
		return nil
	}
	sort.SliceStable(p.List, func(i, j int) bool {
		a, b := p.List[i].Pos, p.List[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return p
}

// suggest returns a " (did you mean X?)" hint naming the candidate closest
// to s, or "" when none is close enough to help. For the short, fixed lists
// of keys, types and references; lists as long as the catalog go through
// Problems.suggest, which bounds the work.
func suggest(s string, candidates []string) string {
	budget := maxSuggestCost
	return suggestWithin(s, candidates, &budget)
}

// maxSuggestCost bounds the edit-distance cells one catalog's hints may
// cost in all: tens of milliseconds. Past it, problems come without hints.
const maxSuggestCost = 20_000_000

// maxSuggestLen is the longest name a hint is looked for: nobody mistypes
// a 200-character code into another one.
const maxSuggestLen = 64

// suggest is suggest over a list that grows with the catalog (its codes,
// an error's details), within the catalog's budget.
func (p *Problems) suggest(s string, candidates []string) string {
	if !p.keeps() {
		return ""
	}
	if !p.budgetSet {
		p.budget, p.budgetSet = maxSuggestCost, true
	}
	return suggestWithin(s, candidates, &p.budget)
}

func suggestWithin(s string, candidates []string, budget *int) string {
	if len(s) > maxSuggestLen || *budget <= 0 {
		return ""
	}
	lower := strings.ToLower(s)
	for _, c := range candidates {
		if len(s) >= 3 && len(c) >= len(s) && strings.EqualFold(c[:len(s)], s) {
			return fmt.Sprintf(" (did you mean %q?)", c) // a truncated name
		}
	}
	// A hint must be close: at most one edit in three characters (one for
	// short names), so that "enum" is not taken for "name".
	best, bestDist := "", max(1, len(s)/3)+1
	for _, c := range candidates {
		if diff := len(c) - len(s); diff >= bestDist || -diff >= bestDist || len(c) > maxSuggestLen {
			continue // the distance is at least the difference in length
		}
		if *budget -= len(s) * len(c); *budget < 0 {
			return ""
		}
		if d := editDistance(lower, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the optimal string alignment distance between a and b:
// Levenshtein's, with swapping two neighbours ("titel") one edit.
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Suggest returns a " (did you mean X?)" hint naming the candidate closest
// to s, or "" when none is close enough: for a command's own short lists,
// such as errgen diff's kinds.
func Suggest(s string, candidates []string) string {
	return suggest(s, candidates)
}
