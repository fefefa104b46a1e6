package diag

import (
	"strings"
	"testing"
)

func TestDiagnosticString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: Pos{"c.yaml", 3, 7}, Msg: "unknown key \"titel\"", Hint: " (did you mean \"title\"?)"},
			`c.yaml:3:7: unknown key "titel" (did you mean "title"?)`},
		{Diagnostic{Pos: Pos{File: "api.yaml"}, Severity: Notice, Msg: "response 409 kept"},
			"api.yaml: notice: response 409 kept"},
		{Diagnostic{Pos: Pos{"t.yaml", 1, 1}, Severity: Warning, Msg: "stale"}, "t.yaml:1:1: warning: stale"},
		{Diagnostic{Pos: Pos{File: "error.tmpl", Line: 3}, Msg: "bad character"}, "error.tmpl:3: bad character"},
		{Diagnostic{Pos: Pos{"api.yaml", 9, 5}, Msg: "differs", Remedy: Remedy{Kind: ForceReplacesComponent, Component: "components.schemas.X"}},
			"api.yaml:9:5: differs"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestListSortsCapsAndCounts(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list is an error")
	}
	l.Add(Diagnostic{Pos: Pos{"b.yaml", 1, 1}, Severity: Notice, Msg: "n"})
	if l.Err() != nil {
		t.Fatal("a notice alone is an error")
	}
	l.Errorf(Pos{"a.yaml", 9, 1}, "late %d", 9)
	l.Errorf(Pos{"a.yaml", 2, 5}, "early")
	err := l.Err()
	if err == nil {
		t.Fatal("errors are no error")
	}
	want := "a.yaml:2:5: early\na.yaml:9:1: late 9\nb.yaml:1:1: notice: n"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	for i := range MaxKept + 5 {
		l.Errorf(Pos{"z.yaml", i + 1, 1}, "x")
	}
	if l.Count() != MaxKept+8 || len(l.Items) != MaxKept {
		t.Errorf("Count %d kept %d", l.Count(), len(l.Items))
	}
	if lines := strings.Split(l.Error(), "\n"); len(lines) != MaxPrinted+1 || !strings.Contains(lines[MaxPrinted], "more problems") {
		t.Errorf("printed %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

// Of a list of more diagnostics than it prints, Error prints every error
// first, in place, and warnings in the room left; its last line counts
// what it left out of each kind. A stale translation's thousands of
// warnings hid the one problem failing the run, and were counted as
// problems.
func TestListPrintsErrorsFirst(t *testing.T) {
	warning := func(line int) Diagnostic {
		return Diagnostic{Pos: Pos{"t.yaml", line, 1}, Severity: Warning, Msg: "stale"}
	}
	problem := func(line int) Diagnostic { return Diagnostic{Pos: Pos{"t.yaml", line, 1}, Msg: "bad"} }
	tests := []struct {
		name       string
		warnings   []int // lines of the warnings added, after the errors
		errors     []int // lines of the errors, added first
		wantErrors int   // errors printed
		wantLast   string
		wantErr    bool // Err is not nil
	}{
		{"errors after many warnings", lines(1, 150), []int{400, 500}, 2, "t.yaml: … and 52 more warnings", true},
		{"more errors than printed", lines(1, 10), lines(200, 1200), MaxPrinted, "t.yaml: … and 901 more problems and 10 more warnings", true},
		{"warnings past the kept ones", lines(1, MaxKept+50), []int{MaxKept + 100}, 1, "t.yaml: … and 951 more warnings", true},
		{"warnings alone, past the kept ones", lines(1, MaxKept+50), nil, 0, "t.yaml: … and 950 more warnings", false},
		{"errors alone", nil, lines(1, 150), MaxPrinted, "t.yaml: … and 50 more problems", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l List
			for _, line := range tt.errors {
				l.Add(problem(line))
			}
			for _, line := range tt.warnings {
				l.Add(warning(line))
			}
			if got := l.Count(); got != len(tt.errors)+len(tt.warnings) {
				t.Errorf("Count() = %d, want %d", got, len(tt.errors)+len(tt.warnings))
			}
			if (l.Err() != nil) != tt.wantErr {
				t.Errorf("Err() = %v, want an error: %v", l.Err() != nil, tt.wantErr)
			}
			l.Sort()
			printed := strings.Split(l.Error(), "\n")
			last := printed[len(printed)-1]
			printed = printed[:len(printed)-1]
			if last != tt.wantLast {
				t.Errorf("last line %q, want %q", last, tt.wantLast)
			}
			if len(printed) != MaxPrinted {
				t.Errorf("printed %d diagnostics, want %d", len(printed), MaxPrinted)
			}
			errs := 0
			for _, line := range printed {
				if !strings.Contains(line, "warning:") {
					errs++
				}
			}
			if errs != tt.wantErrors {
				t.Errorf("printed %d errors, want %d", errs, tt.wantErrors)
			}
		})
	}
}

// lines is from, from+1, …, to.
func lines(from, to int) []int {
	var l []int
	for i := from; i <= to; i++ {
		l = append(l, i)
	}
	return l
}
