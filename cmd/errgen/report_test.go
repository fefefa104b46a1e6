package main

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/diag"
)

// printDiagnostics is every command's way of printing diagnostics: sorted,
// one a line, position first, the severity named when it is no error.
func TestPrintDiagnostics(t *testing.T) {
	tests := []struct {
		name   string
		items  []diag.Diagnostic
		want   string
		errors int
	}{
		{"none", nil, "", 0},
		{"sorted, hints after the message", []diag.Diagnostic{
			{Pos: diag.Pos{File: "c.yaml", Line: 9, Col: 3}, Msg: "late"},
			{Pos: diag.Pos{File: "c.yaml", Line: 2, Col: 1}, Msg: `unknown key "titel"`, Hint: ` (did you mean "title"?)`},
		}, "c.yaml:2:1: unknown key \"titel\" (did you mean \"title\"?)\nc.yaml:9:3: late\n", 2},
		{"notices are no errors", []diag.Diagnostic{
			{Pos: diag.Pos{File: "api.yaml", Line: 88, Col: 9}, Severity: diag.Notice, Msg: "response 409 kept"},
			{Pos: diag.Pos{File: "api.yaml"}, Severity: diag.Warning, Msg: "no operations"},
		}, "api.yaml: warning: no operations\napi.yaml:88:9: notice: response 409 kept\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			l := &diag.List{Items: tt.items}
			if n := printDiagnostics("errgen", "", &b, l); n != tt.errors {
				t.Errorf("%d errors, want %d", n, tt.errors)
			}
			if b.String() != tt.want {
				t.Errorf("printed:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}

// A failed load's count names its problems, and its warnings apart: a
// stale translation printed beside a problem is no problem.
func TestReportCatalogErrorCount(t *testing.T) {
	pos := diag.Pos{File: "catalog.yaml", Line: 3, Col: 1}
	problem := diag.Diagnostic{Pos: pos, Msg: "bad"}
	warning := diag.Diagnostic{Pos: pos, Severity: diag.Warning, Msg: "stale"}
	notice := diag.Diagnostic{Pos: pos, Severity: diag.Notice, Msg: "kept"}
	tests := []struct {
		name string
		list diag.List
		want string
	}{
		{"one problem", diag.List{Items: []diag.Diagnostic{problem}}, "1 problem"},
		{"problems and warnings", diag.List{Items: []diag.Diagnostic{warning, problem, warning, problem}}, "2 problems, 2 warnings"},
		{"a notice is neither", diag.List{Items: []diag.Diagnostic{problem, notice}}, "1 problem"},
		{"dropped errors are problems", diag.List{Items: []diag.Diagnostic{problem, warning}, Dropped: 5}, "6 problems, 1 warning"},
		{"dropped warnings are warnings", diag.List{Items: []diag.Diagnostic{problem, warning}, DroppedWarnings: 5}, "1 problem, 6 warnings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			reportCatalogError("errgen", "catalog.yaml", &tt.list, &b)
			if want := "errgen: catalog.yaml: " + tt.want + "; nothing was written\n"; !strings.HasSuffix(b.String(), want) {
				t.Errorf("printed:\n%s\nwant it to end with %q", b.String(), want)
			}
		})
	}
}
