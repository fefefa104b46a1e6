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
	Items           []Diagnostic // the first MaxKept added; sorted by Sort
	Dropped         int          // errors added beyond MaxKept, counted only
	DroppedWarnings int          // warnings (and notices) added beyond MaxKept, counted only
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
		l.Drop(d.Severity)
		return
	}
	l.Items = append(l.Items, d)
}

// Drop counts a diagnostic of severity s that is not kept: a warning past
// the limit is no error, and a list failing on its dropped warnings alone
// would fail a run that has none.
func (l *List) Drop(s Severity) {
	if s == Error {
		l.Dropped++
	} else {
		l.DroppedWarnings++
	}
}

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Keeps reports whether the next diagnostic added is kept, so worth the
// cost of a hint.
func (l *List) Keeps() bool { return len(l.Items) < MaxKept }

// Count is the number of diagnostics added, kept or not.
func (l *List) Count() int { return len(l.Items) + l.Dropped + l.DroppedWarnings }

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
// how many more there are. Errors come first: of a list of many warnings
// and a few errors, the errors are printed (in place, by position) and
// warnings fill what room is left, since the errors are what the reader
// must fix; a stale translation of thousands of entries otherwise hid the
// one problem failing the run.
func (l *List) Error() string {
	shown, left := l.printed()
	var b strings.Builder
	for i, d := range shown {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	if len(shown) < l.Count() && len(l.Items) > 0 {
		fmt.Fprintf(&b, "\n%s: … and %s", l.Items[left].Pos.File, l.more(shown))
	}
	return b.String()
}

// printed is what Error prints: every kept error up to MaxPrinted, then
// the first warnings up to MaxPrinted in all, in the list's order; and
// the index of the first kept diagnostic it leaves out (the last kept when
// it leaves out dropped ones alone), whose file the count of those left
// names. Items[len(shown)] named another file when an error was printed in
// place of the warnings before it.
func (l *List) printed() ([]Diagnostic, int) {
	if len(l.Items) <= MaxPrinted {
		return l.Items, max(len(l.Items)-1, 0)
	}
	errs := min(l.Errors(), MaxPrinted)
	others := MaxPrinted - errs
	shown := make([]Diagnostic, 0, MaxPrinted)
	left := -1
	for i, d := range l.Items {
		switch {
		case d.Severity == Error && errs > 0:
			errs--
		case d.Severity != Error && others > 0:
			others--
		default:
			if left < 0 {
				left = i
			}
			continue
		}
		shown = append(shown, d)
	}
	return shown, left
}

// more says how many problems and warnings Error leaves out, shown being
// those it prints: "12 more problems", "3 more problems and 900 more
// warnings".
func (l *List) more(shown []Diagnostic) string {
	errs := l.Errors() + l.Dropped
	for _, d := range shown {
		if d.Severity == Error {
			errs--
		}
	}
	warnings := l.Count() - len(shown) - errs
	switch {
	case warnings == 0:
		return counted(errs, "problem")
	case errs == 0:
		return counted(warnings, "warning")
	}
	return counted(errs, "problem") + " and " + counted(warnings, "warning")
}

// counted is "1 more problem", "2 more problems".
func counted(n int, what string) string {
	if n == 1 {
		return "1 more " + what
	}
	return fmt.Sprintf("%d more %ss", n, what)
}

// Err returns l sorted when it holds an error, else nil.
func (l *List) Err() error {
	if l.Errors() == 0 && l.Dropped == 0 {
		return nil
	}
	l.Sort()
	return l
}
