package catalog

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/diag"
)

// countingFiles are MemFiles that count the reads of each name and the
// globs of each pattern.
type countingFiles struct {
	MemFiles
	reads, globs map[string]int
}

func (f *countingFiles) Read(name string, limit int64) ([]byte, string, error) {
	f.reads[name]++
	return f.MemFiles.Read(name, limit)
}

func (f *countingFiles) Glob(pattern string) ([]string, error) {
	f.globs[pattern]++
	return f.MemFiles.Glob(pattern)
}

// A name or pattern the include list repeats is read or globbed once, and
// each repetition still reported as before: a file listed a million times
// was read a million times. The problems are those the loader reported
// reading every repetition again.
func TestIncludeReadsEachFileOnce(t *testing.T) {
	files := &countingFiles{MemFiles: MemFiles{
		"catalog.yaml":  []byte("version: 1\napi: Split\ninclude: [e.yaml, e.yaml, ./e.yaml, '[e].yaml', '[e].yaml', gone.yaml, gone.yaml, catalog.yaml, catalog.yaml, '*.yaml', '*.yaml']\n"),
		"e.yaml":        []byte("errors:\n  - {code: INTERNAL_ERROR, status: 500, fallback: true}\n"),
		"f.yml":         []byte("errors: []\n"),
		"nothing.yaml2": nil,
	}, reads: map[string]int{}, globs: map[string]int{}}
	_, err := LoadFiles(files, "catalog.yaml")
	var l *diag.List
	if !errors.As(err, &l) {
		t.Fatalf("want problems, got %v", err)
	}
	want := []string{
		`catalog.yaml:3:19: include "e.yaml" is listed twice: list each file once`,
		`catalog.yaml:3:27: include "./e.yaml" names e.yaml, which include "e.yaml" names too: include each file once`,
		`catalog.yaml:3:37: include "[e].yaml" names e.yaml, which include "e.yaml" names too: include each file once`,
		`catalog.yaml:3:49: include "[e].yaml" names e.yaml, which include "e.yaml" names too: include each file once`,
		`catalog.yaml:3:61: include "gone.yaml": no such file gone.yaml: paths are relative to the catalog's folder; correct it, or create the file`,
		`catalog.yaml:3:72: include "gone.yaml": no such file gone.yaml: paths are relative to the catalog's folder; correct it, or create the file`,
		`catalog.yaml:3:83: include "catalog.yaml" names the root catalog itself: include only files of errors`,
		`catalog.yaml:3:97: include "catalog.yaml" names the root catalog itself: include only files of errors`,
		`catalog.yaml:3:111: include "*.yaml" names the root catalog itself: include only files of errors`,
		`catalog.yaml:3:111: include "*.yaml" names e.yaml, which include "e.yaml" names too: include each file once`,
		`catalog.yaml:3:111: warning: include "*.yaml" leaves out f.yml, whose name ends in .yml: rename it f.yaml, or include it as well`,
		`catalog.yaml:3:121: include "*.yaml" names the root catalog itself: include only files of errors`,
		`catalog.yaml:3:121: include "*.yaml" names e.yaml, which include "e.yaml" names too: include each file once`,
		`catalog.yaml:3:121: warning: include "*.yaml" leaves out f.yml, whose name ends in .yml: rename it f.yaml, or include it as well`,
	}
	var got []string
	for _, d := range l.Items {
		got = append(got, d.String())
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("problems:\n%s\nwant:\n%s", g, w)
	}
	for name, n := range files.reads {
		if n != 1 {
			t.Errorf("%s read %d times, want once", name, n)
		}
	}
	for pattern, n := range files.globs {
		if n != 1 {
			t.Errorf("%s globbed %d times, want once", pattern, n)
		}
	}
}

// The folders beside a misspelt one are listed once however many includes
// name files in misspelt folders there: each include's suggestion comes
// from the one glob of their files the include cache keeps.
func TestNearFolderListsFoldersOnce(t *testing.T) {
	tests := []struct {
		name, include string
		want          []string // the suggestions, in order
	}{
		{"one", "[error/core.yaml]", []string{"errors/core.yaml"}},
		{"several", "[error/core.yaml, erors/billing.yaml, error/gone.yaml, teams/biling/x.yaml, team/billing/x.yaml]",
			[]string{"errors/core.yaml", "errors/billing.yaml", "", "teams/billing/x.yaml", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := &countingFiles{MemFiles: MemFiles{
				"catalog.yaml":         []byte("version: 1\napi: Split\ninclude: " + tt.include + "\n"),
				"errors/core.yaml":     []byte("errors:\n  - {code: INTERNAL_ERROR, status: 500, fallback: true}\n"),
				"errors/billing.yaml":  []byte("errors:\n  - {code: B, status: 402}\n"),
				"teams/billing/x.yaml": []byte("errors:\n  - {code: X, status: 400}\n"),
			}, reads: map[string]int{}, globs: map[string]int{}}
			_, err := LoadFiles(files, "catalog.yaml")
			var l *diag.List
			if !errors.As(err, &l) || len(l.Items) != len(tt.want) {
				t.Fatalf("want %d problems, got %v", len(tt.want), err)
			}
			for i, d := range l.Items {
				want := ""
				if tt.want[i] != "" {
					want = " (did you mean " + strconv.Quote(tt.want[i]) + "?)"
				}
				if !strings.Contains(d.Msg, want) || want == "" && strings.Contains(d.Msg, "did you mean") {
					t.Errorf("problem %d: %s: want the suggestion %q", i, d, tt.want[i])
				}
			}
			for pattern, n := range files.globs {
				if n != 1 {
					t.Errorf("%s globbed %d times, want once", pattern, n)
				}
			}
			if files.globs["*/*"] != 1 {
				t.Errorf("the folders beside were listed %d times, want once", files.globs["*/*"])
			}
		})
	}
}
