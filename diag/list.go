package diag

import (
	"fmt"
	"slices"
	"strings"
)

// List collects the diagnostics of one run, so that a user fixes
// everything in one round trip. It keeps the first MaxKept and counts the
// rest: a catalog of a million unknown keys needs its first problems fixed,
// not a million lines.
type List struct {
	Items   []Diagnostic // the first MaxKept added; sorted by Sort
	Dropped int          // diagnostics added beyond MaxKept, counted only
}

// MaxKept bounds the diagnostics a List keeps, and MaxPrinted those Error
// prints.
const (
	MaxKept    = 1000
	MaxPrinted = 100
)

// Add appends d, or only counts it once MaxKept are kept.
func (l *List) Add(d Diagnostic) {
	if !l.Keeps() {
		l.Dropped++
		return
	}
	l.Items = append(l.Items, d)
}

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Keeps reports whether the next diagnostic added is kept, so worth the
// cost of a hint.
func (l *List) Keeps() bool { return len(l.Items) < MaxKept }

// Count is the number of diagnostics added, kept or not.
func (l *List) Count() int { return len(l.Items) + l.Dropped }

// Errors is the number of kept diagnostics of severity Error.
func (l *List) Errors() int {
	n := 0
	for _, d := range l.Items {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders the diagnostics by position, keeping the order of those at
// the same place.
func (l *List) Sort() {
	slices.SortStableFunc(l.Items, func(a, b Diagnostic) int { return a.Pos.Compare(b.Pos) })
}

// Error prints one diagnostic a line, the first MaxPrinted of them, then
// how many more there are.
func (l *List) Error() string {
	var b strings.Builder
	for i, d := range l.Items {
		if i == MaxPrinted {
			fmt.Fprintf(&b, "\n%s: … and %d more problems", d.Pos.File, l.Count()-MaxPrinted)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Err returns l sorted when it holds an error, else nil.
func (l *List) Err() error {
	if l.Errors() == 0 && l.Dropped == 0 {
		return nil
	}
	l.Sort()
	return l
}
