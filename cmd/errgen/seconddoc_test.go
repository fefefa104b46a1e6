package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A spec of two YAML documents is refused the same way by the three
// commands that augment it: errgen openapi, errgen generate's
// openapi.augment and errgen validate, at the second's ---, nothing
// written. Before, each augmented the first document and kept the second
// byte for byte, unread.
func TestSecondDocumentRefused(t *testing.T) {
	dir := outputsCatalog(t, "openapi: augment: [{spec: api/tasks.yaml, out: api/tasks.gen.yaml}]")
	spec := filepath.Join(dir, "svc/api/tasks.yaml")
	text := readFileT(t, spec)
	line := strings.Count(text, "\n") + 1
	if err := os.WriteFile(spec, []byte(text+"---\nopenapi: 3.1.0\ninfo: {title: Other, version: '2'}\npaths: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "svc/api/tasks.yaml:" + strconv.Itoa(line) + ":1: a second YAML document: an OpenAPI spec is one document"
	for _, args := range [][]string{
		{"openapi", "svc/catalog.yaml", "--spec", "svc/api/tasks.yaml", "--out", "svc/api/out.yaml"},
		{"generate", "svc/catalog.yaml"},
		{"validate", "svc/catalog.yaml"},
	} {
		code, _, stderr := runIn(t, dir, args...)
		if code != exitFailure || !strings.Contains(stderr, want) {
			t.Errorf("errgen %s: exit %d, want %d and %q:\n%s", strings.Join(args, " "), code, exitFailure, want, stderr)
		}
	}
	for _, out := range []string{"svc/api/out.yaml", "svc/api/tasks.gen.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, out)); !os.IsNotExist(err) {
			t.Errorf("%s was written (%v)", out, err)
		}
	}
}
