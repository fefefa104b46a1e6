package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	openapiTestdata = "../../internal/openapi/testdata"
	oaCatalog       = "../../catalog.yaml"
)

func readOA(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// runOA runs "errgen openapi" and returns its exit code and output.
func runOA(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := runOpenAPI("errgen", args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// copySpec copies a test spec into a fresh directory and returns its path.
func copySpec(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, readOA(t, filepath.Join(openapiTestdata, name)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// dirNames lists a directory, to catch leftover temporary files.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

const webhooksNotice = ":98:1: notice: webhooks: not augmented: the API's clients answer them, so their responses are the client's, not the API's errors"

func TestOpenAPIWritesAugmentedSpec(t *testing.T) {
	tests := []struct {
		spec, golden string
		extra        []string
		notices      []string // on stderr, each after the spec's path, a line starting with the position as a catalog's warnings do
	}{
		// the spec's own 409 is kept, and said so; its webhooks are not augmented, and said so
		{"tasks-3.1.yaml", "tasks-3.1.yaml", nil, []string{
			":88:9: notice: PUT /tasks/{id}: response 409 kept: the spec already defines it (errgen's is Conflict)",
			webhooksNotice}},
		{"tasks-3.1.yaml", "tasks-3.1.force.yaml", []string{"--force"}, []string{webhooksNotice}},
		{"petstore-expanded.yaml", "petstore-expanded.force.yaml", []string{"--force"}, nil},
		{"notes-3.0.json", "notes-3.0.json", []string{"--catalog", "../../testdata/presets/problem.yaml"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			in := copySpec(t, tt.spec)
			dir := filepath.Dir(in)
			out := filepath.Join(dir, "out", "augmented"+filepath.Ext(tt.spec))
			args := append([]string{"--catalog", oaCatalog, "--spec", in, "--out", out}, tt.extra...)
			code, stdout, stderr := runOA(t, args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			want := ""
			for _, n := range tt.notices {
				want += in + n + "\n"
			}
			if stderr != want {
				t.Errorf("stderr = %q, want %q", stderr, want)
			}
			if stdout != "wrote "+out+"\nerrgen: wrote 1 output\n" {
				t.Errorf("stdout = %q, want it to report %s", stdout, out)
			}
			// a YAML copy starts with errgen's header and the spec to edit
			golden := readOA(t, filepath.Join(openapiTestdata, "golden", tt.golden))
			if filepath.Ext(tt.spec) == ".yaml" {
				golden = append([]byte(copyHeader("../"+filepath.Base(in))), golden...)
			}
			if got := readOA(t, out); !bytes.Equal(got, golden) {
				t.Errorf("%s differs from golden/%s:\n%s", out, tt.golden, got[:min(len(got), 300)])
			}
			if !bytes.Equal(readOA(t, in), readOA(t, filepath.Join(openapiTestdata, tt.spec))) {
				t.Error("the input spec was modified")
			}
			if names := dirNames(t, filepath.Dir(out)); len(names) != 1 {
				t.Errorf("output directory holds %v, want only the output", names)
			}
			// the same run again finds nothing to write
			code, stdout, stderr = runOA(t, args...)
			if code != exitOK || stdout != "errgen: 1 output up to date\n" {
				t.Errorf("second run: exit %d, stdout %q, stderr %q; want 0 and nothing written", code, stdout, stderr)
			}
		})
	}
}

func TestOpenAPIInPlace(t *testing.T) {
	in := copySpec(t, "tasks-3.1.yaml")
	code, _, stderr := runOA(t, "--catalog", oaCatalog, "--spec", in, "--out", in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !bytes.Equal(readOA(t, in), readOA(t, filepath.Join(openapiTestdata, "golden", "tasks-3.1.yaml"))) {
		t.Error("in-place augmentation differs from the golden")
	}
	if names := dirNames(t, filepath.Dir(in)); len(names) != 1 {
		t.Errorf("directory holds %v, want only the spec", names)
	}
}

// An output that is another spec, which only mentions errgen's marker, is
// its author's: errgen refuses to replace it. Once errgen has augmented
// into it (the marker where errgen writes it), a re-run may.
func TestOpenAPIKeepsASpecThatMentionsTheMarker(t *testing.T) {
	in := copySpec(t, "tasks-3.1.yaml")
	out := filepath.Join(t.TempDir(), "public.yaml")
	mine := "openapi: 3.1.0\ninfo:\n  title: Public API\n  version: '1'\n  description: Our errors come from errgen, which records what it adds under x-errgen.\npaths: {}\n"
	if err := os.WriteFile(out, []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runOA(t, "--catalog", oaCatalog, "--spec", in, "--out", out)
	if code != exitFailure || !strings.Contains(stderr, "refusing to overwrite it") {
		t.Errorf("over a spec that mentions x-errgen: exit %d, stderr %q", code, stderr)
	}
	if got := string(readOA(t, out)); got != mine {
		t.Errorf("the author's spec was overwritten with:\n%s", got)
	}
	if err := os.Remove(out); err != nil {
		t.Fatal(err)
	}
	for run := range 2 { // the second run replaces what the first wrote
		if code, _, stderr := runOA(t, "--catalog", oaCatalog, "--spec", in, "--out", out); code != exitOK {
			t.Fatalf("run %d: exit %d: %s", run+1, code, stderr)
		}
		spec, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(in, append(spec, "# edited after the first run\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(string(readOA(t, out)), "# edited after the first run") {
		t.Error("the second run did not replace the output")
	}
}

// A failure writes nothing: no new output, an existing output untouched,
// no temporary file left behind.
func TestOpenAPIFailuresWriteNothing(t *testing.T) {
	unknown := filepath.Join(t.TempDir(), "unknown.yaml")
	spec := "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /things:\n    get:\n      x-errors: [NOPE]\n      responses:\n        '200': {description: OK}\n"
	if err := os.WriteFile(unknown, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	clash := filepath.Join(t.TempDir(), "clash.yaml")
	// the spec's NotFound differs from errgen's, which GET /things uses
	if err := os.WriteFile(clash, []byte(strings.Replace(spec, "[NOPE]", "[NOT_FOUND]", 1)+"components:\n  responses:\n    NotFound: {description: Not here}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badCatalog := filepath.Join(t.TempDir(), "catalog.yaml")
	if err := os.WriteFile(badCatalog, []byte("version: 1\napi: X\nerrors:\n  - code: A\n    status: 200\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string // --out is appended
		code   int
		stderr []string
	}{
		{"unknown code", []string{"--catalog", oaCatalog, "--spec", unknown}, exitFailure, []string{
			unknown + `:6:18: GET /things: x-errors: unknown error code "NOPE" (not in ` + oaCatalog + `): declare it in the catalog, or take it out of x-errors`,
			"was not written",
		}},
		{"clash without force", []string{"--catalog", oaCatalog, "--spec", clash}, exitFailure, []string{
			clash + ":11:5: components.responses.NotFound is already defined", "--force",
		}},
		{"invalid spec", []string{"--catalog", oaCatalog, "--spec", filepath.Join(openapiTestdata, "tictactoe.yaml")}, exitFailure, []string{
			"tictactoe.yaml:27:9: GET /board: security must be a list",
		}},
		{"invalid catalog", []string{"--catalog", badCatalog, "--spec", unknown}, exitFailure, []string{
			badCatalog + ":5:13: ", "2 problems; nothing was written",
		}},
		{"missing catalog", []string{"--catalog", "no-such-catalog.yaml", "--spec", unknown}, exitFailure, []string{"errgen: ", "no-such-catalog.yaml"}},
		{"missing spec file", []string{"--catalog", oaCatalog, "--spec", "no-such-spec.yaml"}, exitFailure, []string{"errgen: ", "no-such-spec.yaml"}},
		{"no spec flag", []string{"--catalog", oaCatalog}, exitUsage, []string{"errgen: openapi needs --spec\n", "Run 'errgen openapi --help' for usage."}},
		{"unknown flag", []string{"--spec", unknown, "--frobnicate"}, exitUsage, []string{"errgen: unknown flag: --frobnicate"}},
		{"stray argument", []string{"--spec", unknown, oaCatalog, "extra"}, exitUsage, []string{`errgen: unexpected argument "extra"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.yaml")
			const previous = "previous contents\n"
			if err := os.WriteFile(out, []byte(previous), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := runOA(t, append(tt.args, "--out", out)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if got := string(readOA(t, out)); got != previous {
				t.Errorf("the existing output was overwritten with:\n%s", got)
			}
			if names := dirNames(t, dir); len(names) != 1 {
				t.Errorf("directory holds %v, want only the untouched output", names)
			}
		})
	}
	// no --out at all: a usage error, nothing created next to the spec
	code, _, stderr := runOA(t, "--catalog", oaCatalog, "--spec", unknown)
	if code != exitUsage || !strings.Contains(stderr, "errgen: openapi needs --out") {
		t.Errorf("without --out: exit %d, stderr %q", code, stderr)
	}
	if names := dirNames(t, filepath.Dir(unknown)); len(names) != 1 {
		t.Errorf("spec directory holds %v", names)
	}
}

func TestOpenAPIHelp(t *testing.T) {
	code, stdout, stderr := runOA(t, "--help")
	if code != exitOK {
		t.Errorf("--help: exit %d", code)
	}
	for _, want := range []string{"errgen openapi [CATALOG] --spec IN --out OUT", "--catalog", "--force", "--allow-invalid-spec", "x-errors"} {
		if !strings.Contains(stdout+stderr, want) {
			t.Errorf("--help does not mention %q:\n%s%s", want, stdout, stderr)
		}
	}
}

// An input that is not valid before errgen touches it is refused as the
// input's problem, nothing written; --allow-invalid-spec writes it
// augmented, its text kept, and says why on stderr.
func TestOpenAPIAllowInvalidSpec(t *testing.T) {
	spec := "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {type: integer}\n              example: not a number\n"
	path := filepath.Join(t.TempDir(), "api.yaml")
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.yaml")
	code, _, stderr := runOA(t, "--catalog", oaCatalog, "--spec", path, "--out", out)
	if code != exitFailure || !strings.HasPrefix(stderr, path+":5:5: the input spec is not valid (before errgen changed anything): invalid paths: ") ||
		!strings.Contains(stderr, "\n"+path+": use --allow-invalid-spec to augment it anyway\n") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output written for an invalid input")
	}
	code, _, stderr = runOA(t, "--catalog", oaCatalog, "--spec", path, "--out", out, "--allow-invalid-spec")
	if code != exitOK || !strings.Contains(stderr, "the input spec is not valid (before errgen changed anything), augmented anyway") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	got := readOA(t, out)
	// errgen's marker heads the operation
	if i, j := bytes.Index(got, []byte("      x-errgen: ")), bytes.Index(got, []byte("      responses:")); i < 0 || j < i ||
		!bytes.HasPrefix(append(got[:i:i], got[j:]...), []byte(copyHeader(relPath(t, filepath.Dir(out), path))+strings.TrimSuffix(spec, "\n"))) {
		t.Errorf("the input's text is not kept:\n%s", got)
	}
}

// Re-running on errgen's own output needs no --force and changes nothing;
// --check passes then, and fails with a diff once the catalog changes.
func TestOpenAPIRerunAndCheck(t *testing.T) {
	in := copySpec(t, "tasks-3.1.yaml")
	catalogPath := filepath.Join(filepath.Dir(in), "catalog.yaml")
	if err := os.WriteFile(catalogPath, readOA(t, oaCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--catalog", catalogPath, "--spec", in, "--out", in}
	for i := range 2 {
		if code, _, stderr := runOA(t, args...); code != exitOK {
			t.Fatalf("run %d: exit %d: %s", i+1, code, stderr)
		}
	}
	if code, stdout, stderr := runOA(t, append(args, "--check")...); code != exitOK || !strings.Contains(stdout, "up to date") {
		t.Fatalf("--check on a fresh spec: exit %d: %s%s", code, stdout, stderr)
	}
	catalog := strings.Replace(string(readOA(t, catalogPath)), "message: Validation failed", "message: The request is not valid", 1)
	if err := os.WriteFile(catalogPath, []byte(catalog), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readOA(t, in)
	code, stdout, stderr := runOA(t, append(args, "--check")...)
	if code != exitFailure || !strings.Contains(stdout, "+                error: The request is not valid") || !strings.Contains(stderr, "errgen openapi --catalog") {
		t.Errorf("--check on a stale spec: exit %d:\n%s%s", code, stdout, stderr)
	}
	if !bytes.Equal(before, readOA(t, in)) {
		t.Error("--check wrote the spec")
	}
	if code, _, stderr := runOA(t, args...); code != exitOK {
		t.Fatalf("re-run after the catalog changed: exit %d: %s", code, stderr)
	}
}

// openapi --check names the command to run as errgen was invoked, as
// generate's --check does: a service's CI runs go tool errgen.
func TestOpenAPICheckNamesCommand(t *testing.T) {
	in := copySpec(t, "tasks-3.1.yaml")
	out := filepath.Join(filepath.Dir(in), "out.yaml")
	for _, prog := range []string{"go tool errgen", "go run ./cmd/errgen", "./bin/errgen"} {
		var stdout, stderr bytes.Buffer
		code := runAs(prog, []string{"openapi", "--catalog", oaCatalog, "--spec", in, "--out", out, "--check"}, &stdout, &stderr)
		want := " does not exist; to create it, run: " + prog + " openapi --catalog " + oaCatalog + " --spec "
		if code != exitFailure || !strings.Contains(stderr.String(), want) {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant 1 and %q", prog, code, stderr.String(), want)
		}
	}
}

// copyHeader is the first lines of an augmented YAML copy of the spec at
// from (relative to the copy's folder).
func copyHeader(from string) string {
	return "# Code generated by errgen. DO NOT EDIT.\n# errgen writes this file whole from " + from + " and the error catalog: edit those.\n"
}

// relPath is path relative to dir, slash-separated.
func relPath(t *testing.T, dir, path string) string {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

// --out none is no file name to errgen openapi: none turns an output off
// everywhere else (an openapi.augment item's out, --openapi-out), and the
// command has no other output, so it is a usage error, where it wrote a
// file named none; ./none names that file.
func TestOpenAPIOutNone(t *testing.T) {
	for _, tt := range []struct {
		out     string
		code    int
		stderr  string
		written []string
	}{
		{"none", exitUsage, "errgen: openapi --out none: none turns an output off, and this command writes no other; name the file to write (./none for a file called none)\nRun 'errgen openapi --help' for usage.\n", nil},
		{"./none", exitOK, "", []string{"none"}},
	} {
		t.Run(tt.out, func(t *testing.T) {
			dir := workdir(t)
			spec := readOA(t, filepath.Join(openapiTestdata, "tasks-3.1.yaml"))
			if err := os.WriteFile(filepath.Join(dir, "tasks.yaml"), spec, 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := runIn(t, dir, "openapi", "--spec", "tasks.yaml", "--out", tt.out)
			if code != tt.code || (tt.stderr != "" && stderr != tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr, tt.code, tt.stderr)
			}
			var written []string
			for _, name := range dirNames(t, dir) {
				if name == "none" {
					written = append(written, name)
				}
			}
			if !slices.Equal(written, tt.written) {
				t.Errorf("wrote %v, want %v", written, tt.written)
			}
		})
	}
}
