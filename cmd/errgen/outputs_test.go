package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// outputsCatalog is the bundled catalog with every output placed by the
// catalog, in svc/ under a fresh directory; it returns that directory.
func outputsCatalog(t *testing.T, keys string) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(bundledCatalog)
	if err != nil {
		t.Fatal(err)
	}
	text := string(rpcOutputsOff.ReplaceAll(data, nil))
	for _, section := range []string{"go:", "openapi:", "docs:"} {
		if !strings.Contains(text, "\n"+section+"\n") {
			t.Fatalf("the bundled catalog has no %s section to extend", section)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(keys), "\n") {
		section, key, _ := strings.Cut(line, " ")
		text = strings.Replace(text, "\n"+section+"\n", "\n"+section+"\n  "+key+"\n", 1)
	}
	svc := filepath.Join(dir, "svc", "api")
	if err := os.MkdirAll(svc, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "svc", "catalog.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	copyTranslations(t, filepath.Join(dir, "svc"))
	spec := readOA(t, filepath.Join(openapiTestdata, "tasks-3.1.yaml"))
	if err := os.WriteFile(filepath.Join(svc, "tasks.yaml"), spec, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

const allOutputKeys = `
go: out: internal/apierrors/errors.go
openapi: out: api/errors.yaml
openapi: augment: [{spec: api/tasks.yaml, out: api/tasks.gen.yaml}]
docs: out: docs/errors.md
`

var catalogOutputs = []string{"svc/internal/apierrors/errors.go", "svc/api/errors.yaml", "svc/docs/errors.md", "svc/docs/errors.de.md", "svc/docs/errors.fr.md", "svc/api/tasks.gen.yaml"}

// With the outputs in the catalog, "errgen CATALOG" and "--check" need no
// other flag; the paths are relative to the catalog's folder, not the
// working directory; openapi.augment is one of the outputs.
func TestOutputsFromCatalog(t *testing.T) {
	dir := outputsCatalog(t, allOutputKeys)
	if code, _, stderr := runIn(t, dir, "svc/catalog.yaml", "--check"); code != exitFailure ||
		!strings.HasSuffix(stderr, "\nerrgen: "+strings.Join(fromSlash(catalogOutputs), ", ")+" do not exist; to create them, run: errgen svc/catalog.yaml\n") {
		t.Errorf("--check before the first run: exit %d, stderr %q", code, stderr)
	}
	code, stdout, stderr := runIn(t, dir, "svc/catalog.yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, out := range catalogOutputs {
		if _, err := os.Stat(filepath.Join(dir, out)); err != nil {
			t.Errorf("%s not written: %v", out, err)
		}
	}
	if !strings.HasSuffix(stdout, "errgen: wrote 6 outputs\n") {
		t.Errorf("stdout %q", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "generated")); !os.IsNotExist(err) {
		t.Errorf("generated/ was created although the catalog places every output")
	}
	if code, stdout, stderr := runIn(t, filepath.Join(dir, "svc"), "--check"); code != exitOK || stdout != "errgen: 6 outputs up to date\n" {
		t.Errorf("--check in the catalog's folder: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// One missing output: one line naming it and the command (after the
	// augmentation's notices about the spec).
	if err := os.Remove(filepath.Join(dir, "svc/docs/errors.md")); err != nil {
		t.Fatal(err)
	}
	want := "errgen: " + filepath.FromSlash("svc/docs/errors.md") + " does not exist; to create it, run: errgen svc/catalog.yaml\n"
	if code, _, stderr := runIn(t, dir, "svc/catalog.yaml", "--check"); code != exitFailure || !strings.HasSuffix(stderr, "\n"+want) {
		t.Errorf("--check with the page missing: exit %d, stderr %q, want %q", code, stderr, want)
	}
}

// A flag replaces only the key it names, relative to the working
// directory; --out moves only the outputs the catalog leaves unset; none
// in the catalog turns an output off.
func TestOutputFlagsOverrideKeys(t *testing.T) {
	dir := outputsCatalog(t, `
go: out: none
docs: out: docs/errors.md
`)
	code, _, stderr := runIn(t, dir, "svc/catalog.yaml", "--out", "elsewhere", "--markdown-out", "page.md")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for path, want := range map[string]bool{
		"page.md":                       true,  // the flag, from the working directory
		"svc/docs/errors.md":            false, // the key the flag replaced
		"elsewhere/openapi.yaml":        true,  // unset in the catalog: --out
		"elsewhere/apierrors/errors.go": false, // none in the catalog
		"svc/internal":                  false,
	} {
		if _, err := os.Stat(filepath.Join(dir, path)); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", path, err == nil, want)
		}
	}
	// The flag turns on what the catalog turns off.
	if code, _, stderr := runIn(t, dir, "svc/catalog.yaml", "--go-out", "e.go", "--openapi-out", "none", "--markdown-out", "none"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "e.go")); err != nil {
		t.Errorf("--go-out did not override go.out: none: %v", err)
	}
}

func fromSlash(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.FromSlash(p)
	}
	return out
}

// An output turned off is not computed: with the page off, a page template
// that cannot render does not fail the run.
func TestOutputOffIsNotComputed(t *testing.T) {
	dir := workdir(t)
	tmpl := filepath.Join(dir, "tmpl")
	if err := os.Mkdir(tmpl, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmpl, "page.tmpl"), []byte(`{{template "no such part"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runIn(t, dir, "--templates", "tmpl", "--out", "all"); code != exitFailure {
		t.Fatalf("with the page on, a template that cannot render: exit %d, want %d", code, exitFailure)
	}
	code, _, stderr := runIn(t, dir, "--templates", "tmpl", "--out", "off", "--openapi-out", "none", "--markdown-out", "none")
	if code != exitOK {
		t.Fatalf("with the page off: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "off", "openapi.yaml")); err == nil {
		t.Error("openapi.yaml written although turned off")
	}
}

// An augmented spec written beside its source is errgen's output although
// its first line is the author's: when the catalog changes what it holds,
// the next run replaces it (the marker errgen leaves says so), while a file
// of the same name without the marker is still refused.
func TestAugmentedOutputIsRewritten(t *testing.T) {
	dir := outputsCatalog(t, allOutputKeys)
	if code, _, stderr := runIn(t, dir, "svc/catalog.yaml"); code != exitOK {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	catalogPath := filepath.Join(dir, "svc/catalog.yaml")
	gen := filepath.Join(dir, "svc/api/tasks.gen.yaml")
	before := readFileT(t, gen)
	text := strings.Replace(readFileT(t, catalogPath), "Resource not found", "No such resource", 1)
	if err := os.WriteFile(catalogPath, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runIn(t, dir, "svc/catalog.yaml"); code != exitOK {
		t.Fatalf("a run after a catalog change: exit %d: %s", code, stderr)
	}
	if after := readFileT(t, gen); after == before || !strings.Contains(after, "No such resource") {
		t.Errorf("the augmented spec was not rewritten with the new message")
	}
	if err := os.WriteFile(gen, []byte("openapi: 3.1.0\ninfo: {title: Mine, version: '1'}\npaths: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runIn(t, dir, "svc/catalog.yaml"); code != exitFailure || !strings.Contains(stderr, "tasks.gen.yaml exists and is neither the spec nor a copy errgen augmented (it has no x-errgen marker)") {
		t.Errorf("a spec of the author's at the output's path: exit %d, stderr %q", code, stderr)
	}
}

func readFileT(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A problem of an openapi.augment spec whose remedy is a flag of errgen
// openapi (errgen CATALOG has neither --force nor --allow-invalid-spec) is
// followed by the errgen openapi command line that gives it, or, for a
// component of a spec written to another file, which --force would not
// replace for good, by the item's replace list (TestAugmentForceRemedyLasts
// follows each); errgen openapi, which has the flags, prints no such line.
// The flag is the problem's, not a word of the message: a spec's own text
// quoting a flag draws no line for it (before, an example or an x-errors
// code naming --force drew a --force run that failed the same way, and
// one saying "even with --allow-invalid-spec" hid the flag's line).
func TestAugmentFlagHints(t *testing.T) {
	const cmd = "errgen openapi svc/catalog.yaml --spec svc/api/tasks.yaml --out svc/api/tasks.gen.yaml"
	for _, tc := range []struct {
		name, old, new string
		want, not      []string
	}{
		{"a component of the spec's named like errgen's", "\n  schemas:\n", "\n  responses:\n    BadRequest: {description: The spec's own}\n  schemas:\n",
			[]string{"use --replace components.responses.BadRequest (or --force) to replace it", "errgen: openapi.augment reads svc/api/tasks.yaml as it is on every run, so a run with --force writing svc/api/tasks.gen.yaml would not last; ",
				"add replace: [components.responses.BadRequest] to the openapi.augment item of api/tasks.yaml in svc/catalog.yaml (or set openapi.prefix, or rename the spec's)\n"},
			[]string{"--allow-invalid-spec", "openapi.augment runs without --force", " --force\n"}},
		{"a spec that is not valid", "    get:\n      summary: List tasks\n", "    get:\n      security: {bearerAuth: []}\n      summary: List tasks\n",
			[]string{"--allow-invalid-spec augments it anyway", "errgen: openapi.augment refuses a spec that fails validation; ", "(a go:generate line): " + cmd + " --allow-invalid-spec\n"},
			[]string{"openapi.augment runs without --force"}},
		{"a spec split into files", "      parameters:\n        - name: due_before\n", "      parameters:\n        - $ref: 'common.yaml#/components/parameters/Page'\n        - name: due_before\n",
			[]string{"refers to another file (common.yaml#/components/parameters/Page), which errgen does not read", "errgen: openapi.augment refuses a spec that fails validation; ", "(a go:generate line): " + cmd + " --allow-invalid-spec\n"},
			[]string{"is not valid", "openapi.augment runs without --force"}},
		{"a duplicate key, refused even with the flag", "      operationId: listTasks\n", "      operationId: listTasks\n      operationId: again\n",
			[]string{"even with --allow-invalid-spec"},
			[]string{"openapi.augment refuses", "openapi.augment runs without"}},
		{"an example quoting the flags in a spec that is not valid", "            format: date\n", "            format: date\n          example: '--force, even with --allow-invalid-spec'\n",
			[]string{"Value: \"--force, even with --allow-invalid-spec\"", "errgen: openapi.augment refuses a spec that fails validation; "},
			[]string{"openapi.augment reads", "openapi.augment runs without"}},
		{"an unknown code naming --force", "x-errors: [VALIDATION_ERROR]", "x-errors: [VALIDATION_ERROR--force]",
			[]string{`unknown error code "VALIDATION_ERROR--force"`},
			[]string{"errgen: openapi.augment"}},
	} {
		dir := outputsCatalog(t, allOutputKeys)
		spec := filepath.Join(dir, "svc/api/tasks.yaml")
		text := readFileT(t, spec)
		if !strings.Contains(text, tc.old) {
			t.Fatalf("%s: tasks-3.1.yaml has no %q", tc.name, tc.old)
		}
		if err := os.WriteFile(spec, []byte(strings.Replace(text, tc.old, tc.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runIn(t, dir, "svc/catalog.yaml")
		if code != exitFailure {
			t.Errorf("%s: exit %d, want %d", tc.name, code, exitFailure)
		}
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", tc.name, w, stderr)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(stderr, n) {
				t.Errorf("%s: stderr has %q:\n%s", tc.name, n, stderr)
			}
		}
		_, _, stderr = runIn(t, dir, "openapi", "svc/catalog.yaml", "--spec", "svc/api/tasks.yaml", "--out", "svc/api/tasks.gen.yaml")
		if strings.Contains(stderr, "openapi.augment") {
			t.Errorf("%s: errgen openapi names openapi.augment:\n%s", tc.name, stderr)
		}
	}
}

// The line after problems of an openapi.augment spec that name --force
// says what --force would do about them: drop a comment written in
// errgen's part, which it would lose, or replace a part, or both.
func TestAugmentForceHintSaysWhat(t *testing.T) {
	dir := outputsCatalog(t, "openapi: augment: [{spec: api/tasks.yaml, out: api/tasks.yaml}]")
	if code, _, stderr := runIn(t, dir, "svc/catalog.yaml"); code != exitOK {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	spec := filepath.Join(dir, "svc/api/tasks.yaml")
	augmented := readFileT(t, spec)
	const notFound, notFoundBody = "    NotFound:\n      description: |-\n", "    NotFoundBody:\n      type: object\n"
	commentIn := func(part string) []string { // a comment line below the part's key
		key, rest, _ := strings.Cut(part, "\n")
		return []string{part, key + "\n      # ours\n" + rest}
	}
	edit := []string{notFoundBody, notFoundBody + "      title: Mine\n"}
	for _, tc := range []struct {
		name  string
		edits []string // old, new, ...
		does  string
	}{
		{"a comment in errgen's part", commentIn(notFound), "drop the comment"},
		{"two", append(commentIn(notFound), commentIn(notFoundBody)...), "drop the comments"},
		{"a part edited by hand", edit, "replace it"},
		{"both", append(commentIn(notFound), edit...), "replace the part and drop the comment"},
	} {
		text := strings.NewReplacer(tc.edits...).Replace(augmented)
		if text == augmented {
			t.Fatalf("%s: the edit changes nothing in the augmented spec", tc.name)
		}
		if err := os.WriteFile(spec, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runIn(t, dir, "svc/catalog.yaml")
		if want := "errgen: openapi.augment runs without --force; to have errgen " + tc.does + " once ("; code != exitFailure || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr lacks %q:\n%s", tc.name, code, want, stderr)
		}
	}
}

// The catalog's outputs are written all or none: a spec of openapi.augment
// that cannot be augmented stops the run before anything is written, and
// the last line says so, not only that the spec's output was not written
// (which read as if the Go package and the pages had been).
func TestAugmentFailureWritesNothing(t *testing.T) {
	dir := outputsCatalog(t, allOutputKeys)
	if code, _, stderr := runIn(t, dir, "svc/catalog.yaml"); code != exitOK {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	catalogPath, spec := filepath.Join(dir, "svc/catalog.yaml"), filepath.Join(dir, "svc/api/tasks.yaml")
	goOut := filepath.Join(dir, "svc/internal/apierrors/errors.go")
	before := readFileT(t, goOut)
	text := strings.Replace(readFileT(t, catalogPath), "Resource not found", "No such resource", 1)
	if err := os.WriteFile(catalogPath, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	text = strings.Replace(readFileT(t, spec), "      operationId: listTasks\n", "      operationId: listTasks\n      operationId: again\n", 1)
	if err := os.WriteFile(spec, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"svc/catalog.yaml"}, {"svc/catalog.yaml", "--check"}} {
		code, _, stderr := runIn(t, dir, args...)
		if want := "\nerrgen: " + filepath.FromSlash("svc/api/tasks.yaml") + " could not be augmented; nothing was written\n"; code != exitFailure || !strings.HasSuffix(stderr, want) {
			t.Errorf("%v: exit %d, stderr does not end with %q:\n%s", args, code, want, stderr)
		}
	}
	if readFileT(t, goOut) != before {
		t.Error("the Go package was written although the run failed")
	}
}

// An openapi.augment item naming a spec that does not exist (the example
// errgen init writes, uncommented with the output keys around it) is
// reported at the item's spec in the catalog, with what to do, and nothing
// is written; it said only "openapi.augment: stat api/openapi.yaml: no such
// file or directory".
func TestAugmentSpecMissing(t *testing.T) {
	dir := outputsCatalog(t, "openapi: augment: [{spec: api/openapi.yaml, out: api/openapi.gen.yaml}]\n")
	catalogPath := filepath.Join(dir, "svc/catalog.yaml")
	line, col := 0, 0
	for i, l := range strings.Split(readFileT(t, catalogPath), "\n") {
		if j := strings.Index(l, "api/openapi.yaml"); j >= 0 {
			line, col = i+1, j+1
		}
	}
	// validate, which never writes, does not say that nothing was written.
	for _, tt := range []struct {
		args []string
		tail string
	}{
		{[]string{"svc/catalog.yaml"}, "; nothing was written"},
		{[]string{"svc/catalog.yaml", "--check"}, "; nothing was written"},
		{[]string{"validate", "svc/catalog.yaml"}, ""},
	} {
		code, _, stderr := runIn(t, dir, tt.args...)
		want := fmt.Sprintf("%s:%d:%d: openapi.augment spec api/openapi.yaml does not exist (%s): put the OpenAPI spec to augment there, correct the path (relative to the catalog's folder), or remove the item%s\n",
			filepath.FromSlash("svc/catalog.yaml"), line, col, filepath.FromSlash("svc/api/openapi.yaml"), tt.tail)
		if code != exitFailure || stderr != want {
			t.Errorf("%v: exit %d, stderr\n%s\nwant\n%s", tt.args, code, stderr, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "generated")); !os.IsNotExist(err) {
		t.Errorf("an output was written: %v", err)
	}
}

// errgen validate augments, in memory, every spec the catalog's
// openapi.augment names, as a run that writes the outputs would: a spec it
// would refuse (an x-errors code the catalog lacks) fails validate, which
// said the catalog was valid while every generate failed; a good one
// passes, and nothing is written either way.
func TestValidateAugmentsSpecs(t *testing.T) {
	dir := outputsCatalog(t, "openapi: augment: [{spec: api/tasks.yaml, out: api/tasks.gen.yaml}]")
	out := filepath.Join(dir, "svc/api/tasks.gen.yaml")
	if code, stdout, stderr := runIn(t, dir, "validate", "svc/catalog.yaml"); code != exitOK || !strings.Contains(stdout, "is valid") {
		t.Fatalf("a good spec: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	spec := filepath.Join(dir, "svc/api/tasks.yaml")
	text := strings.Replace(string(readFileT(t, spec)), "x-errors: [VALIDATION_ERROR]", "x-errors: [VALIDATION_EROR]", 1)
	if err := os.WriteFile(spec, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, dir, "validate", "svc/catalog.yaml")
	if code != exitFailure || stdout != "" || !strings.Contains(stderr, `x-errors: unknown error code "VALIDATION_EROR"`) ||
		!strings.HasSuffix(stderr, "errgen: "+filepath.Join("svc", "api", "tasks.yaml")+" could not be augmented\n") {
		t.Errorf("an x-errors code the catalog lacks: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("validate wrote %s", out)
	}
}

// Every openapi.augment item is tried: two specs missing are both
// reported in one run, where the first stopped it.
func TestAugmentSpecsMissingReportedTogether(t *testing.T) {
	dir := outputsCatalog(t, "openapi: augment: [{spec: api/a.yaml, out: api/a.gen.yaml}, {spec: api/b.yaml, out: api/b.gen.yaml}]\n")
	for _, args := range [][]string{{"svc/catalog.yaml"}, {"validate", "svc/catalog.yaml"}} {
		code, _, stderr := runIn(t, dir, args...)
		if code != exitFailure || strings.Count(stderr, "does not exist") != 2 || !strings.Contains(stderr, "spec api/a.yaml") || !strings.Contains(stderr, "spec api/b.yaml") {
			t.Errorf("%v: exit %d, stderr\n%s\nwant both specs reported", args, code, stderr)
		}
	}
}

// --openapi-out none turns the OpenAPI off for the run, the catalog's
// openapi.augment included: a client module generating the Go package from
// the service's catalog (docs/go.md) would otherwise write and --check the
// service's specs. The key openapi.out: none leaves the augmentation on.
func TestOpenAPIOutNoneFlagSkipsAugment(t *testing.T) {
	dir := outputsCatalog(t, allOutputKeys)
	client := []string{"svc/catalog.yaml", "--go-out", "sdk/errors.go", "--openapi-out", "none", "--markdown-out", "none"}
	for _, args := range [][]string{client, append(slices.Clone(client), "--check")} {
		code, stdout, stderr := runIn(t, dir, args...)
		if _, err := os.Stat(filepath.Join(dir, "svc/api/tasks.gen.yaml")); err == nil || strings.Contains(stdout+stderr, "tasks") {
			t.Errorf("%v: exit %d, the service's spec was augmented or named (stdout %q, stderr %q)", args, code, stdout, stderr)
		}
		if code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
	dir = outputsCatalog(t, "openapi: out: none\nopenapi: augment: [{spec: api/tasks.yaml, out: api/tasks.gen.yaml}]")
	if code, _, stderr := runIn(t, dir, "svc/catalog.yaml"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "svc/api/tasks.gen.yaml")); err != nil {
		t.Errorf("openapi.out: none in the catalog turned the augmentation off: %v", err)
	}
}
