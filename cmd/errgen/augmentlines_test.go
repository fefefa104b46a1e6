package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A spec's problems and notices print as a catalog's do: each line starts
// with file:line:col, so that editors and CI (docs/diff.md's problem
// matcher) annotate the spec's line. They were printed after "errgen: ",
// which a matcher took for part of the file's name.
func TestAugmentLinesStartWithPosition(t *testing.T) {
	positioned := regexp.MustCompile(`(?m)^[^ :]+\.(?:yaml|json):\d+:\d+: `)
	prefixed := regexp.MustCompile(`(?m)^errgen: [^ :]+\.(?:yaml|json):\d+:\d+: `)
	unknown := filepath.Join(t.TempDir(), "unknown.yaml")
	spec := "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /things:\n    get:\n      x-errors: [NOPE]\n      responses:\n        '200': {description: OK}\n"
	if err := os.WriteFile(unknown, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := outputsCatalog(t, "openapi: augment: [{spec: api/tasks.yaml, out: api/tasks.gen.yaml}]")
	specPath := filepath.Join(dir, "svc/api/tasks.yaml")
	text := readFileT(t, specPath)
	if err := os.WriteFile(specPath, []byte(strings.Replace(text, "\n  schemas:\n", "\n  responses:\n    BadRequest: {description: The spec's own}\n  schemas:\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		run      func() (int, string, string)
		wantCode int
		want     string // a line starting with the position ends so
	}{
		{"errgen openapi, notices", func() (int, string, string) {
			return runOA(t, "--catalog", oaCatalog, "--spec", copySpec(t, "tasks-3.1.yaml"), "--out", filepath.Join(t.TempDir(), "out.yaml"))
		}, exitOK, ":88:9: notice: PUT /tasks/{id}: response 409 kept"},
		{"errgen openapi, a problem", func() (int, string, string) {
			return runOA(t, "--catalog", oaCatalog, "--spec", unknown, "--out", filepath.Join(t.TempDir(), "out.yaml"))
		}, exitFailure, `:6:18: GET /things: x-errors: unknown error code "NOPE"`},
		{"openapi.augment, a problem", func() (int, string, string) {
			return runIn(t, dir, "svc/catalog.yaml")
		}, exitFailure, "components.responses.BadRequest is already defined"},
	} {
		code, _, stderr := tc.run()
		if code != tc.wantCode {
			t.Errorf("%s: exit %d, want %d:\n%s", tc.name, code, tc.wantCode, stderr)
		}
		if m := prefixed.FindString(stderr); m != "" {
			t.Errorf("%s: a line starts with %q, not with its position:\n%s", tc.name, m, stderr)
		}
		found := false
		for _, line := range strings.Split(stderr, "\n") {
			found = found || positioned.MatchString(line) && strings.Contains(line, tc.want)
		}
		if !found {
			t.Errorf("%s: no line starts with a position and has %q:\n%s", tc.name, tc.want, stderr)
		}
	}
}
