package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// bundledCatalog is the repository's catalog, used as a realistic input.
const bundledCatalog = "../../catalog.yaml"

// runIn runs the command in dir and returns its exit code and output.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	return runAsIn(t, dir, "errgen", args...)
}

// workdir returns a temporary directory holding the bundled catalog, its
// gRPC and Connect outputs turned off: the tests of outputs count the
// three every catalog has; TestRPCOutputs turns the others on.
func workdir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(bundledCatalog)
	if err != nil {
		t.Fatal(err)
	}
	data = rpcOutputsOff.ReplaceAll(data, nil)
	if err := os.WriteFile(filepath.Join(dir, "catalog.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	copyTranslations(t, dir)
	return dir
}

// copyTranslations copies the bundled catalog's translation files into
// dir/translations, for a copy of the bundled catalog in dir.
func copyTranslations(t *testing.T, dir string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(filepath.Dir(bundledCatalog), "translations", "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no translation files beside %s: %v", bundledCatalog, err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "translations"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if err := os.WriteFile(filepath.Join(dir, "translations", filepath.Base(p)), mustRead(t, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rpcOutputsOff matches the bundled catalog's grpc.out and grpc.connect_out.
var rpcOutputsOff = regexp.MustCompile(`(?m)^  (out|connect_out): generated/apierrors(grpc|connect)/.*\n`)

// defaultOutputs are the bundled catalog's outputs in their default places:
// the Go package, the OpenAPI document and a page per language.
var defaultOutputs = []string{"generated/apierrors/errors.go", "generated/openapi.yaml", "generated/errors.md", "generated/errors.de.md", "generated/errors.fr.md"}

func TestGenerateDefaults(t *testing.T) {
	dir := workdir(t)
	code, stdout, stderr := runIn(t, dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, out := range defaultOutputs {
		if _, err := os.Stat(filepath.Join(dir, out)); err != nil {
			t.Errorf("%s not written: %v", out, err)
		}
		if !strings.Contains(stdout, "wrote "+filepath.FromSlash(out)) {
			t.Errorf("stdout does not report %s: %q", out, stdout)
		}
	}
	// A second run changes nothing, so writes nothing.
	code, stdout, _ = runIn(t, dir, "generate")
	if code != exitOK || stdout != "errgen: 5 outputs up to date\n" {
		t.Errorf("second run: exit %d, stdout %q; want 0 and nothing written", code, stdout)
	}
	if code, _, stderr := runIn(t, dir, "--check"); code != exitOK {
		t.Errorf("--check on fresh outputs: exit %d: %s", code, stderr)
	}
}

func TestCheckFindsHandEdits(t *testing.T) {
	dir := workdir(t)
	if code, _, stderr := runIn(t, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	path := filepath.Join(dir, "generated", "errors.md")
	edited := append(mustRead(t, path), "hand edit\n"...)
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, dir, "--check")
	if code != exitFailure {
		t.Fatalf("--check after a hand edit: exit %d, want 1", code)
	}
	if !strings.Contains(stdout, "-hand edit") || !strings.Contains(stderr, "out of date") {
		t.Errorf("--check printed no diff:\nstdout %s\nstderr %s", stdout, stderr)
	}
	if !bytes.Equal(mustRead(t, path), edited) {
		t.Error("--check wrote the file")
	}
}

// --check counts the outputs it found stale, missing and up to date: a
// missing one is not up to date.
func TestCheckCountsMissingApart(t *testing.T) {
	tests := []struct {
		name    string
		edit    []string // outputs edited by hand
		remove  []string // outputs removed
		summary string
	}{
		{"stale", []string{"errors.md"}, nil, "errgen: 1 output out of date, 4 up to date; "},
		{"stale and missing", []string{"errors.md"}, []string{"openapi.yaml"}, "errgen: 1 output out of date, 1 missing, 3 up to date; "},
		{"two stale, one missing", []string{"errors.md", "apierrors/errors.go"}, []string{"openapi.yaml"}, "errgen: 2 outputs out of date, 1 missing, 2 up to date; "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := workdir(t)
			if code, _, stderr := runIn(t, dir); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, name := range tt.edit {
				path := filepath.Join(dir, "generated", filepath.FromSlash(name))
				if err := os.WriteFile(path, append(mustRead(t, path), "// hand edit\n"...), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, name := range tt.remove {
				if err := os.Remove(filepath.Join(dir, "generated", name)); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := runIn(t, dir, "--check")
			if code != exitFailure || !strings.Contains(stderr, tt.summary) {
				t.Errorf("exit %d, stderr:\n%s\nwant 1 and %q", code, stderr, tt.summary)
			}
		})
	}
}

func TestInvalidCatalogWritesNothing(t *testing.T) {
	dir := t.TempDir()
	bad := `version: 1
api: Shop API
errors:
  - code: NOT_FOUND
    status: 404
    mesage: Not here
  - code: NOT_FOUND
    status: 404
  - code: TEAPOT
    status: 418
    title: Teapot
    message: "{temperature} degrees"
  - code: BOOM
    status: 700
    fallback: true
  - code: INTERNAL
    status: 500
    details:
      - {name: count, type: integer, example: many}
`
	if err := os.WriteFile(filepath.Join(dir, "catalog.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runIn(t, dir)
	if code != exitFailure {
		t.Fatalf("exit %d, want 1", code)
	}
	var located []string
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.HasPrefix(line, "catalog.yaml:") {
			located = append(located, line)
		}
	}
	if len(located) != 5 {
		t.Errorf("%d file:line:col problems, want 5:\n%s", len(located), stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "generated")); !os.IsNotExist(err) {
		t.Errorf("an output was written for an invalid catalog (%v)", err)
	}
	if code, _, _ := runIn(t, dir, "validate"); code != exitFailure {
		t.Errorf("validate: exit %d, want 1", code)
	}
}

func TestRefusesForeignFile(t *testing.T) {
	dir := workdir(t)
	path := filepath.Join(dir, "generated", "errors.md")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	mine := []byte("# Our hand-written errors page\n")
	if err := os.WriteFile(path, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runIn(t, dir)
	if code != exitFailure || !strings.Contains(stderr, "first line is not errgen's header") {
		t.Fatalf("exit %d, stderr %q; want a refusal", code, stderr)
	}
	if !bytes.Equal(mustRead(t, path), mine) {
		t.Error("the foreign file was overwritten")
	}
	for _, out := range defaultOutputs[:2] {
		if _, err := os.Stat(filepath.Join(dir, out)); !os.IsNotExist(err) {
			t.Errorf("%s was written although the run was refused", out)
		}
	}
}

func TestOutputFlags(t *testing.T) {
	dir := workdir(t)
	code, _, stderr := runIn(t, dir, "--go-out", "svc/errs/errors.go", "--go-package", "errs",
		"--openapi-out", "api/errors.yaml", "--markdown-out", "docs/errors.md")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	goFile := mustRead(t, filepath.Join(dir, "svc/errs/errors.go"))
	if !bytes.Contains(goFile, []byte("\npackage errs\n")) {
		t.Error("--go-package not applied")
	}
	for _, p := range []string{"api/errors.yaml", "docs/errors.md"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "generated")); !os.IsNotExist(err) {
		t.Error("default outputs written although every path was given")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestFailingEmitterWritesNothing changes the catalog (so every output
// would change) and makes the Markdown emitter fail while rendering, with
// a broken template override (its problem printed at the file as the
// user named its folder): no output may be touched, not even those
// emitted before it.
func TestFailingEmitterWritesNothing(t *testing.T) {
	dir := workdir(t)
	if code, _, stderr := runIn(t, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	before := map[string][]byte{}
	for _, out := range defaultOutputs {
		before[out] = mustRead(t, filepath.Join(dir, out))
	}
	cat := filepath.Join(dir, "catalog.yaml")
	changed := strings.Replace(string(mustRead(t, cat)), "api: One Stack API", "api: One Stack API v2", 1)
	if err := os.WriteFile(cat, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl := filepath.Join(dir, "tmpl")
	if err := os.MkdirAll(tmpl, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmpl, "sections.tmpl"), []byte("{{.Titel}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, dir, "--templates", "./tmpl")
	want := `tmpl/sections.tmpl:1:3: <.Titel>: the page has no field Titel (did you mean "Title"?)
errgen: markdown output: errors.md: 1 problem; nothing was written
`
	if code != exitFailure || stderr != want {
		t.Fatalf("exit %d, stderr\n%s\nwant exit 1, stderr\n%s", code, stderr, want)
	}
	if stdout != "" {
		t.Errorf("something was written: %q", stdout)
	}
	for _, out := range defaultOutputs {
		if !bytes.Equal(mustRead(t, filepath.Join(dir, out)), before[out]) {
			t.Errorf("%s was modified by a failed run", out)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "generated"))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// --go-package is held to go.package's rule: a name that is no package, or
// a path leading out of --out, is a usage error and nothing is written.
func TestGoPackageFlagIsChecked(t *testing.T) {
	for _, pkg := range []string{"x//../../../../zz", "_", "main", "init", "type", "Errs"} {
		t.Run(pkg, func(t *testing.T) {
			dir := workdir(t)
			code, _, stderr := runIn(t, dir, "--out", "out", "--go-package", pkg)
			if code != exitUsage || !strings.Contains(stderr, "--go-package") {
				t.Errorf("exit %d, stderr %q; want a usage error naming --go-package", code, stderr)
			}
			entries, _ := os.ReadDir(filepath.Dir(dir))
			for _, e := range entries {
				if e.Name() == "zz" {
					t.Error("zz written outside --out")
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
				t.Error("outputs written although the run was refused")
			}
		})
	}
}
