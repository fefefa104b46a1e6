package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
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
	if code != exitOK || stderr != "" || !strings.HasPrefix(stdout, "errgen: wrote split/catalog.yaml and split/errors/*.yaml (envelope format: problem)\n") {
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

// --check reads the included files as generation does: an edit in one
// makes the outputs stale, and a problem there is reported at its line.
func TestCheckSplitCatalog(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runIn(t, dir, "init", "--split"); code != exitOK {
		t.Fatalf("init --split: %s", stderr)
	}
	if code, _, stderr := runIn(t, dir, "catalog.yaml"); code != exitOK {
		t.Fatalf("generate: %s", stderr)
	}
	if code, stdout, stderr := runIn(t, dir, "catalog.yaml", "--check"); code != exitOK || stdout != "errgen: 3 outputs up to date\n" {
		t.Fatalf("--check: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	server := filepath.Join(dir, "errors", "server.yaml")
	data := mustRead(t, server)
	writeFile(t, server, strings.Replace(string(data), "An unexpected error occurred.", "Something broke.", 1))
	if code, stdout, _ := runIn(t, dir, "catalog.yaml", "--check"); code != exitFailure || !strings.Contains(stdout, "Something broke.") {
		t.Errorf("--check after an edit in an included file: exit %d, stdout %q", code, stdout)
	}
	writeFile(t, server, strings.Replace(string(data), "status: 500", "status: 600", 1))
	code, _, stderr := runIn(t, dir, "catalog.yaml", "--check")
	if code != exitFailure || !strings.Contains(stderr, filepath.Join("errors", "server.yaml")+":8:13: status 600 is not an error status") {
		t.Errorf("--check with a problem in an included file: exit %d, stderr %q", code, stderr)
	}
}

// errgen init --split refuses a folder whose errors/*.yaml exist, naming
// them, and writes nothing: its include would read them as its errors
// (an errors: [] among them made the new catalog invalid at once).
func TestInitSplitRefusesExistingErrors(t *testing.T) {
	tests := []struct {
		name     string
		existing []string // files under DIR before init --split
		code     int
		stderr   string
	}{
		{"one file", []string{"errors/billing.yaml"}, exitFailure,
			"errgen: " + filepath.FromSlash("svc/errors/billing.yaml") + " already exists, and the split catalog's include: [errors/*.yaml] would read it as its own errors: move it away, or give another directory\n"},
		{"the starter's names too", []string{"errors/a.yaml", "errors/client.yaml"}, exitFailure,
			"errgen: " + filepath.FromSlash("svc/errors/a.yaml") + ", " + filepath.FromSlash("svc/errors/client.yaml") + " already exist, and the split catalog's include: [errors/*.yaml] would read them as its own errors: move them away, or give another directory\n"},
		{"the catalog first", []string{"catalog.yaml", "errors/billing.yaml"}, exitFailure,
			"errgen: " + filepath.FromSlash("svc/catalog.yaml") + " already exists; errgen init never overwrites a catalog: move it away or give another directory\n"},
		{"other files", []string{"errors/README.md"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.existing {
				writeFile(t, filepath.Join(dir, "svc", f), "errors: []\n")
			}
			code, _, stderr := runIn(t, dir, "init", "--split", "svc")
			if code != tt.code || stderr != tt.stderr {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
			if code == exitOK {
				return
			}
			for _, f := range []string{"catalog.yaml", "errors/client.yaml", "errors/server.yaml"} {
				if slices.Contains(tt.existing, f) {
					continue
				}
				if _, err := os.Stat(filepath.Join(dir, "svc", f)); err == nil {
					t.Errorf("%s was written", f)
				}
			}
		})
	}
}

// errgen init --split writes its three files all or none: where errors/
// cannot be made (a file of that name is there), catalog.yaml, written
// first, is removed again, and the folder is as it was.
func TestInitSplitAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "svc", "errors"), "not a folder\n")
	listing := func() []string {
		var names []string
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			names = append(names, strings.TrimPrefix(path, dir))
			return err
		})
		return names
	}
	before := listing()
	code, _, stderr := runIn(t, dir, "init", "--split", "svc")
	if code != exitFailure || !strings.Contains(stderr, "not a directory") {
		t.Fatalf("exit %d, stderr %q; want %d and a folder that cannot be made", code, stderr, exitFailure)
	}
	if after := listing(); !slices.Equal(after, before) {
		t.Errorf("files after the failure %q, before %q", after, before)
	}
}
