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
	File string    // the catalog's path as given
	List []Problem // sorted by position
}

// Error formats one problem a line as file:line:col: message.
func (p *Problems) Error() string {
	var b strings.Builder
	for i, pr := range p.List {
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
	p.List = append(p.List, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// err returns p sorted, or nil when there is no problem.
func (p *Problems) err() error {
	if len(p.List) == 0 {
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
// to s, or "" when none is close enough to help.
func suggest(s string, candidates []string) string {
	best, bestDist := "", len(s)/2+2
	for _, c := range candidates {
		if len(s) >= 3 && strings.HasPrefix(strings.ToLower(c), strings.ToLower(s)) {
			return fmt.Sprintf(" (did you mean %q?)", c) // a truncated name
		}
	}
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
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
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
