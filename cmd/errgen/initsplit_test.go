package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/internal/catalogtest"
)

// errgen init --split writes the starter as a root and two included files,
// each accepted by the schema, which validate as one catalog of three files
// and generate exactly what the one-file starter generates.
func TestInitSplit(t *testing.T) {
	schema, err := catalogtest.CompileSchema(errgen.Schema(), errgen.SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	code, stdout, stderr := runIn(t, dir, "init", "--split", "split")
	if code != exitOK || stderr != "" || !strings.HasPrefix(stdout, "errgen: wrote split/catalog.yaml and split/errors/*.yaml (format problem)\n") {
		t.Fatalf("init --split: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, f := range []string{"catalog.yaml", "errors/client.yaml", "errors/server.yaml"} {
		if err := schema.Validate(mustRead(t, filepath.Join(dir, "split", f))); err != nil {
			t.Errorf("the schema rejects %s: %v", f, err)
		}
	}
	if code, stdout, stderr := runIn(t, dir, "validate", "split/catalog.yaml"); code != exitOK || stdout != "errgen: split/catalog.yaml is valid: 6 errors in 3 files\n" {
		t.Fatalf("validate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, stderr := runIn(t, dir, "init", "one"); code != exitOK {
		t.Fatalf("init: %s", stderr)
	}
	for _, d := range []string{"split", "one"} {
		if code, _, stderr := runIn(t, filepath.Join(dir, d), "catalog.yaml"); code != exitOK {
			t.Fatalf("generate %s: %s", d, stderr)
		}
	}
	for _, out := range []string{"apierrors/errors.go", "openapi.yaml", "errors.md"} {
		if !bytes.Equal(mustRead(t, filepath.Join(dir, "split", "generated", out)), mustRead(t, filepath.Join(dir, "one", "generated", out))) {
			t.Errorf("generated/%s differs between the split starter and the one-file one", out)
		}
	}
	if code, _, stderr := runIn(t, dir, "init", "--split", "split"); code != exitFailure || !strings.Contains(stderr, "split/catalog.yaml already exists") {
		t.Errorf("a second init --split: exit %d, stderr %q", code, stderr)
	}
}
