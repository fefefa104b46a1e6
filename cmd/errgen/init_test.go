package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// errgen init's catalog, for every preset, validates, generates, and the
// generated package passes go vet; the schema line names the committed
// schema, which accepts the catalog.
func TestInitValidatesGeneratesAndVets(t *testing.T) {
	schema, err := catalogtest.CompileSchema(errgen.Schema(), errgen.SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	for _, preset := range catalog.PresetNames() {
		t.Run(preset, func(t *testing.T) {
			dir := t.TempDir()
			code, stdout, stderr := runIn(t, dir, "init", "--format", preset, "svc")
			path := filepath.Join("svc", "catalog.yaml")
			if code != exitOK || stderr != "" || !strings.HasPrefix(stdout, "errgen: wrote "+path+" (envelope format: "+preset+")\n") {
				t.Fatalf("init: exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			data := mustRead(t, filepath.Join(dir, path))
			if first, _, _ := strings.Cut(string(data), "\n"); first != "# yaml-language-server: $schema="+errgen.SchemaURL {
				t.Errorf("first line %q does not name the schema", first)
			}
			if !bytes.Contains(data, []byte("\nformat: "+preset+"\n")) {
				t.Errorf("the catalog does not use the %s envelope", preset)
			}
			if err := schema.Validate(data); err != nil {
				t.Errorf("the schema rejects the starter: %v", err)
			}
			if code, stdout, stderr := runIn(t, dir, "validate", path); code != exitOK || !strings.Contains(stdout, "is valid: 6 errors") {
				t.Fatalf("validate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			if code, stdout, stderr := runIn(t, filepath.Join(dir, "svc"), "catalog.yaml"); code != exitOK || !strings.HasSuffix(stdout, "errgen: wrote 3 outputs\n") {
				t.Fatalf("generate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			goVet(t, filepath.Join(dir, "svc"))
		})
	}
}

// goVet vets the package generated under dir/generated in a module of its own.
func goVet(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/svc\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go vet: %v\n%s", err, out)
	}
}

// Every preset has its starter text.
func TestInitKnowsEveryPreset(t *testing.T) {
	for _, p := range catalog.PresetNames() {
		if presetAbout[p] == "" {
			t.Errorf("preset %s has no description for errgen init", p)
		}
	}
	if len(presetAbout) != len(catalog.PresetNames()) {
		t.Errorf("errgen init describes %d presets, the catalog knows %d", len(presetAbout), len(catalog.PresetNames()))
	}
}

// errgen init's next steps name the command as errgen was invoked,
// quoting paths for the shell, with the outputs beside the catalog.
func TestInitNamesCommand(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr strings.Builder
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code := runAs("go tool errgen", []string{"init", "my svc"}, &stdout, &stderr)
	want := "errgen: wrote my svc/catalog.yaml (envelope format: problem)\nNext: edit it, then run go tool errgen validate 'my svc/catalog.yaml' and go tool errgen 'my svc/catalog.yaml' --out 'my svc/generated'\n"
	if code != exitOK || stdout.String() != want || stderr.String() != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and %q", code, stdout.String(), stderr.String(), want)
	}
}

// errgen init never overwrites a catalog: exit 1, the file untouched.
func TestInitRefusesToOverwrite(t *testing.T) {
	dir := workdir(t)
	before := mustRead(t, filepath.Join(dir, "catalog.yaml"))
	code, stdout, stderr := runIn(t, dir, "init")
	if code != exitFailure || stdout != "" || !strings.HasPrefix(stderr, "errgen: catalog.yaml already exists; errgen init never overwrites a catalog") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and a refusal", code, stdout, stderr)
	}
	if !bytes.Equal(mustRead(t, filepath.Join(dir, "catalog.yaml")), before) {
		t.Error("the catalog was changed")
	}
}

// errgen init DIR refuses, as a usage error writing nothing, a DIR that
// is a file, or that names one: errgen init catalog.yaml would make a
// folder catalog.yaml/ holding catalog.yaml.
func TestInitTakesAFolder(t *testing.T) {
	for _, tt := range []struct{ name, arg, want string }{
		{"a catalog's name", "catalog.yaml", "errgen: catalog.yaml names a file, not a folder: errgen init DIR writes DIR/catalog.yaml (run errgen init)\n"},
		{"a path to a file", "api/errors.YML", "errgen: api/errors.YML names a file, not a folder: errgen init DIR writes DIR/catalog.yaml (run errgen init api)\n"},
		{"an existing file", "notes.txt", "errgen: notes.txt is a file: errgen init takes the folder to write catalog.yaml in\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "notes.txt"), "mine\n")
			code, stdout, stderr := runIn(t, dir, "init", tt.arg)
			if want := tt.want + "Run 'errgen init --help' for usage.\n"; code != exitUsage || stdout != "" || stderr != want {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, stdout, stderr, want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("%d entries in the folder, want notes.txt alone", len(entries))
			}
		})
	}
}

// errgen schema prints the committed catalog.schema.json, byte for byte.
func TestSchemaCommand(t *testing.T) {
	code, stdout, stderr := runIn(t, t.TempDir(), "schema")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if want := mustRead(t, "../../catalog.schema.json"); stdout != string(want) {
		t.Error("errgen schema differs from the committed catalog.schema.json")
	}
	if !strings.Contains(stdout, `"$id": "`+errgen.SchemaURL+`"`) {
		t.Errorf("the schema's $id is not %s", errgen.SchemaURL)
	}
}

// The output keys errgen init writes commented work once uncommented: the
// schema accepts them, and "errgen catalog.yaml" then "--check" need no flag.
func TestInitOutputKeysUncommented(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runIn(t, dir, "init"); code != exitOK {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	data := string(mustRead(t, filepath.Join(dir, "catalog.yaml")))
	var keys []string
	for _, line := range []string{"  # out: internal/apierrors/errors.go", "# openapi:", "#   out: api/errors.yaml", "# docs:", "#   out: docs/errors.md", "#   layout: compact"} {
		i := strings.Index(data, "\n"+line)
		if i < 0 {
			t.Fatalf("the starter has no line %q", line)
		}
		uncommented := strings.Replace(line, "# ", "", 1)
		data = data[:i+1] + uncommented + data[i+1+len(line):]
		keys = append(keys, strings.TrimSpace(uncommented))
	}
	// The augment example names a spec the starter does not have: it stays commented.
	if err := os.WriteFile(filepath.Join(dir, "catalog.yaml"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	schema, err := catalogtest.CompileSchema(errgen.Schema(), errgen.SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate([]byte(data)); err != nil {
		t.Errorf("the schema rejects %v: %v", keys, err)
	}
	if code, stdout, stderr := runIn(t, dir, "catalog.yaml"); code != exitOK || !strings.HasSuffix(stdout, "errgen: wrote 3 outputs\n") {
		t.Fatalf("generate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, out := range []string{"internal/apierrors/errors.go", "api/errors.yaml", "docs/errors.md"} {
		if _, err := os.Stat(filepath.Join(dir, out)); err != nil {
			t.Errorf("%s: %v", out, err)
		}
	}
	if code, stdout, stderr := runIn(t, dir, "--check"); code != exitOK || stdout != "errgen: 3 outputs up to date\n" {
		t.Errorf("--check: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
