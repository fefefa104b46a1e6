package catalog

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/errgen/errgen/diag"
)

// problems collects the diagnostics of one catalog as the decoders find
// them: it puts the catalog's file in their positions and bounds the cost of
// their hints. Load returns its list, a *diag.List, as its error.
type problems struct {
	list diag.List
	file string // the catalog's path as given

	budget    int  // edit-distance cells hints may still cost; see suggest
	budgetSet bool // budget has been given its start value

	// hinted is the hint suggest or suggestKey last returned, which the
	// message add formats next carries: add moves it, and what follows it,
	// to the diagnostic's Hint. The decoders pass hints as arguments of
	// add's format, as they did when a problem was one string; this keeps
	// their calls as they are.
	hinted string

	// within names what the problems added next are inside, such as
	// `error "CARD_DECLINED"`, for those whose decoders know only their own
	// part: a detail's problems name its error, as the checks made after
	// decoding do. "" for none.
	within string
}

// at is pos in the catalog's file. A position in the model leaves File
// empty (it is the catalog's own); one of line 0, the whole file, is 1:1,
// where an editor jumps and as errgen has always printed it.
func at(file string, pos Pos) Pos {
	if pos.File == "" {
		pos.File = file
	}
	if pos.Line == 0 {
		pos.Line, pos.Col = 1, 1
	}
	return pos
}

// add reports an error at pos. A hint suggest or suggestKey gave for it
// becomes its Hint, with the rest of the message after it ("unknown code
// "X" (did you mean "Y"?): attach only codes the catalog declares" has the
// hint ` (did you mean "Y"?): attach only…`).
func (p *problems) add(pos Pos, format string, args ...any) {
	if !p.keeps() {
		p.hinted = ""
		p.list.Dropped++
		return
	}
	p.list.Add(p.format(pos, format, args...))
}

// format is the diagnostic add reports, whether or not it is kept.
func (p *problems) format(pos Pos, format string, args ...any) diag.Diagnostic {
	hinted := p.hinted
	p.hinted = ""
	msg, hint := fmt.Sprintf(format, args...), ""
	if i := strings.LastIndex(msg, hinted); hinted != "" && i >= 0 {
		msg, hint = msg[:i], msg[i:]
	}
	return diag.Diagnostic{Pos: at(p.file, pos), Msg: p.inside(msg), Hint: hint, Command: diag.CommandIn(args...)}
}

// hint reports an error at pos with a hint computed otherwise than by
// suggest or suggestKey, printed right after the message.
func (p *problems) hint(pos Pos, hint string, format string, args ...any) {
	p.namingHint(pos, diag.Naming{Format: hint}, format, args...)
}

// namingHint is hint for a hint that may name one of errgen's commands,
// which the diagnostic then records, as it does one its message names.
func (p *problems) namingHint(pos Pos, hint diag.Naming, format string, args ...any) {
	p.hinted = ""
	if !p.keeps() {
		p.list.Dropped++
		return
	}
	p.list.Add(diag.Diagnostic{Pos: at(p.file, pos), Msg: p.inside(fmt.Sprintf(format, args...)), Hint: hint.String(),
		Command: cmp.Or(hint.Command, diag.CommandIn(args...))})
}

// inside puts what the problem is within before its message.
func (p *problems) inside(msg string) string {
	if p.within == "" {
		return msg
	}
	return p.within + ": " + msg
}

// keeps reports whether the next problem added is kept, so worth the
// cost of a hint. A catalog of a million unknown keys spent two thirds of
// its time and memory on hints for problems only counted.
func (p *problems) keeps() bool { return p.list.Keeps() }

// Count is the number of problems found, kept or not.
func (p *problems) Count() int { return p.list.Count() }

// suggestKey is suggest for a problem that may not be kept.
func (p *problems) suggestKey(s string, candidates []string) string {
	if !p.keeps() {
		return ""
	}
	p.hinted = suggest(s, candidates)
	return p.hinted
}

// err returns the list sorted, or nil when there is no problem.
func (p *problems) err() error {
	if p.list.Count() == 0 {
		return nil
	}
	p.list.Sort()
	return &p.list
}

// Report returns the errors among diagnostics found in c, such as those of
// errgen.Check, as a sorted *diag.List in c's file, or nil when there are
// none. Warnings and notices fail nothing: Load, given the same check,
// keeps them in c.Warnings, where the run reports them once.
func (c *Catalog) Report(ds []diag.Diagnostic) error {
	p := &problems{file: c.File}
	for _, d := range ds {
		if d.Severity != diag.Error {
			continue
		}
		d.Pos = at(c.File, d.Pos)
		p.list.Add(d)
	}
	return p.err()
}

// suggest returns a " (did you mean X?)" hint naming the candidate closest
// to s, or "" when none is close enough to help. For the short, fixed lists
// of keys, types and references; lists as long as the catalog go through
// problems.suggest, which bounds the work.
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
func (p *problems) suggest(s string, candidates []string) string {
	if !p.keeps() {
		return ""
	}
	if !p.budgetSet {
		p.budget, p.budgetSet = maxSuggestCost, true
	}
	p.hinted = suggestWithin(s, candidates, &p.budget)
	return p.hinted
}

func suggestWithin(s string, candidates []string, budget *int) string {
	if best := closest(s, candidates, budget); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// closest is the candidate a suggestion names for s, or "".
func closest(s string, candidates []string, budget *int) string {
	if len(s) > maxSuggestLen || *budget <= 0 {
		return ""
	}
	lower := strings.ToLower(s)
	for _, c := range candidates {
		if len(s) >= 3 && len(c) >= len(s) && strings.EqualFold(c[:len(s)], s) {
			return c // a truncated name
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
	return best
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
