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
