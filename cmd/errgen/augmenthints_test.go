package main

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errgen/errgen/diag"
)

// remedyLine finds the hint after an openapi.augment spec's problems: the
// errgen openapi command it says to run, or the replace list it says to
// add to the item.
var remedyLine = regexp.MustCompile(`(?m)^errgen: openapi\.augment .*(?:run: errgen (openapi .*)|add (replace: \[[^]]*\]) to the openapi\.augment item)`)

// The remedy errgen gives for a problem of an openapi.augment spec whose
// remedy is --force lasts: once followed, every later run of the catalog
// and its --check pass. When the item writes another file than its spec,
// the spec is read as it is on every run: before, errgen said to run
// errgen openapi --force writing that file once ("later runs keep what it
// wrote up to date"), and the next run stopped at the same problem. Now a
// component of the spec's named like errgen's gets the item's replace
// list, and errgen's parts written in the spec itself a run in place.
func TestAugmentForceRemedyLasts(t *testing.T) {
	const ownBadRequest = "\n  responses:\n    BadRequest: {description: The spec's own}\n  schemas:\n"
	const notFoundBody = "    NotFoundBody:\n      type: object\n"
	for _, tc := range []struct {
		name       string
		out        string // the item's out
		inPlace    bool   // a first run augments the spec in place, then the item's out is set
		old, new   string // the edit of the spec before the failing run
		wantRemedy string
	}{
		{"a component of the spec's, out the spec", "api/tasks.yaml", false, "\n  schemas:\n", ownBadRequest,
			"openapi svc/catalog.yaml --spec svc/api/tasks.yaml --out svc/api/tasks.yaml --force"},
		{"a component of the spec's, out another file", "api/tasks.gen.yaml", false, "\n  schemas:\n", ownBadRequest,
			"replace: [components.responses.BadRequest]"},
		{"errgen's part in the spec edited by hand, out another file", "api/tasks.gen.yaml", true, notFoundBody, notFoundBody + "      title: Mine\n",
			"openapi svc/catalog.yaml --spec svc/api/tasks.yaml --out svc/api/tasks.yaml --force"},
	} {
		item := "{spec: api/tasks.yaml, out: " + tc.out + "}"
		dir := outputsCatalog(t, "openapi: augment: ["+item+"]")
		catalogPath, spec := filepath.Join(dir, "svc/catalog.yaml"), filepath.Join(dir, "svc/api/tasks.yaml")
		if tc.inPlace {
			setItem(t, catalogPath, item, "{spec: api/tasks.yaml, out: api/tasks.yaml}")
			if code, _, stderr := runIn(t, dir, "svc/catalog.yaml"); code != exitOK {
				t.Fatalf("%s: the run in place: exit %d: %s", tc.name, code, stderr)
			}
			setItem(t, catalogPath, "{spec: api/tasks.yaml, out: api/tasks.yaml}", item)
		}
		text := readFileT(t, spec)
		if !strings.Contains(text, tc.old) {
			t.Fatalf("%s: the spec has no %q", tc.name, tc.old)
		}
		if err := os.WriteFile(spec, []byte(strings.Replace(text, tc.old, tc.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runIn(t, dir, "svc/catalog.yaml")
		m := remedyLine.FindStringSubmatch(stderr)
		if code != exitFailure || m == nil {
			t.Errorf("%s: exit %d, want %d and a remedy:\n%s", tc.name, code, exitFailure, stderr)
			continue
		}
		if m[1]+m[2] != tc.wantRemedy {
			t.Errorf("%s: the remedy is %q, want %q", tc.name, m[1]+m[2], tc.wantRemedy)
		}
		if m[1] != "" {
			if code, _, stderr := runIn(t, dir, strings.Fields(m[1])...); code != exitOK {
				t.Fatalf("%s: errgen %s: exit %d: %s", tc.name, m[1], code, stderr)
			}
		} else {
			setItem(t, catalogPath, item, strings.TrimSuffix(item, "}")+", "+m[2]+"}")
		}
		for _, args := range [][]string{{"svc/catalog.yaml"}, {"svc/catalog.yaml"}, {"svc/catalog.yaml", "--check"}} {
			if code, _, stderr := runIn(t, dir, args...); code != exitOK {
				t.Errorf("%s: after the remedy, errgen %s: exit %d: %s", tc.name, strings.Join(args, " "), code, stderr)
			}
		}
	}
}

// setItem replaces the catalog's openapi.augment item old with new.
func setItem(t *testing.T, catalogPath, old, new string) {
	t.Helper()
	text := readFileT(t, catalogPath)
	if !strings.Contains(text, old) {
		t.Fatalf("the catalog has no %s", old)
	}
	if err := os.WriteFile(catalogPath, []byte(strings.Replace(text, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// errgen openapi --replace NAME replaces that component of the spec's,
// which the clash names with the flag, on every run that gives it (as a
// generate directive writing another file does), and --check with it
// passes; a name that replaces nothing is noted.
func TestOpenAPIReplace(t *testing.T) {
	in := copySpec(t, "tasks-3.1.yaml")
	own := strings.Replace(string(readOA(t, in)), "\n  schemas:\n", "\n  responses:\n    BadRequest: {description: The spec's own}\n  schemas:\n", 1)
	if err := os.WriteFile(in, []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(filepath.Dir(in), "tasks.gen.yaml")
	args := []string{"--catalog", oaCatalog, "--spec", in, "--out", out}
	const flag = "--replace components.responses.BadRequest (or --force)"
	if code, _, stderr := runOA(t, args...); code != exitFailure || !strings.Contains(stderr, flag) {
		t.Errorf("without --replace: exit %d, stderr lacks %q:\n%s", code, flag, stderr)
	}
	args = append(args, "--replace", "components.responses.BadRequest")
	for _, run := range [][]string{args, args, append(args, "--check")} {
		if code, _, stderr := runOA(t, run...); code != exitOK {
			t.Errorf("errgen openapi %s: exit %d: %s", strings.Join(run, " "), code, stderr)
		}
	}
	if text := string(readOA(t, out)); strings.Contains(text, "The spec's own") {
		t.Errorf("the spec's BadRequest is still in the output")
	}
	const nothing = ": components.schemas.Nope is listed to be replaced, but errgen replaced nothing there"
	if code, _, stderr := runOA(t, append(args, "--replace=components.schemas.Nope")...); code != exitOK || !strings.Contains(stderr, nothing) {
		t.Errorf("a name that replaces nothing: exit %d, stderr lacks %q:\n%s", code, nothing, stderr)
	}
}

// The lines after an openapi.augment spec's problems follow the remedy
// each problem carries, not its words: problems worded otherwise get the
// same lines, and problems that only name a flag (a spec's own text
// quoted, a problem no flag gets past) get none. Before, flagHints read
// the flags and the component's name from the message text.
func TestFlagHintsReadRemedies(t *testing.T) {
	inPlace := &augmentItem{spec: "api.yaml", out: "api.yaml", specKey: "api.yaml", catalog: "catalog.yaml",
		again: "errgen openapi catalog.yaml --spec api.yaml --out api.yaml", inPlace: "errgen openapi catalog.yaml --spec api.yaml --out api.yaml"}
	another := &augmentItem{spec: "api.yaml", out: "api.gen.yaml", specKey: "api.yaml", catalog: "catalog.yaml",
		again: "errgen openapi catalog.yaml --spec api.yaml --out api.gen.yaml", inPlace: inPlace.again}
	problem := func(kind diag.RemedyKind, component string) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Pos{File: "api.yaml", Line: 3, Col: 5}, Msg: "something is wrong",
			Remedy: diag.Remedy{Kind: kind, Component: component}}
	}
	worded := func(msg string) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Pos{File: "api.yaml", Line: 3, Col: 5}, Msg: msg}
	}
	for _, tc := range []struct {
		name     string
		item     *augmentItem
		problems error
		want     []string // the hints' beginnings, in order
	}{
		{"in place: parts and a comment", inPlace, &diag.List{Items: []diag.Diagnostic{
			problem(diag.ForceReplacesComponent, "components.responses.A"), problem(diag.ForceRewritesPart, ""), problem(diag.ForceDropsComment, "")}},
			[]string{"openapi.augment runs without --force; to have errgen replace the parts and drop the comment once ("}},
		{"another file: components of the spec's", another, &diag.List{Items: []diag.Diagnostic{
			problem(diag.ForceReplacesComponent, "components.responses.A"), problem(diag.NoRemedy, ""), problem(diag.ForceReplacesComponent, "components.schemas.B")}},
			[]string{"openapi.augment reads api.yaml as it is on every run, so a run with --force writing api.gen.yaml would not last; to have every run replace them with errgen's, add replace: [components.responses.A, components.schemas.B] to the openapi.augment item of api.yaml in catalog.yaml"}},
		{"another file: errgen's part in the spec", another, &diag.List{Items: []diag.Diagnostic{problem(diag.ForceDropsComment, "")}},
			[]string{"openapi.augment reads api.yaml as it is on every run, so a run with --force writing api.gen.yaml would not last: these parts are errgen's in api.yaml itself; to have errgen drop the comment there once ("}},
		{"a spec that is not valid", another, &diag.List{Items: []diag.Diagnostic{problem(diag.AllowInvalidSpec, "")}},
			[]string{"openapi.augment refuses a spec that fails validation; fix it, or take it out of openapi.augment and augment it with its own command (a go:generate line): errgen openapi catalog.yaml --spec api.yaml --out api.gen.yaml --allow-invalid-spec"}},
		{"in place: a part, and a problem no flag gets past", inPlace, &diag.List{Items: []diag.Diagnostic{
			problem(diag.ForceRewritesPart, ""), problem(diag.NoRemedy, "")}}, nil},
		{"another file: a part, a clash, and a problem no flag gets past", another, &diag.List{Items: []diag.Diagnostic{
			problem(diag.ForceRewritesPart, ""), problem(diag.ForceReplacesComponent, "components.responses.A"), problem(diag.NoRemedy, "")}},
			[]string{"openapi.augment reads api.yaml as it is on every run, so a run with --force writing api.gen.yaml would not last; to have every run replace it with errgen's, add replace: [components.responses.A]"}},
		{"not valid, and a problem no flag gets past", another, &diag.List{Items: []diag.Diagnostic{problem(diag.AllowInvalidSpec, ""), problem(diag.NoRemedy, "")}}, nil},
		{"words without a remedy", inPlace, &diag.List{Items: []diag.Diagnostic{
			worded("components.responses.A is already defined and differs from errgen's: use --force"),
			worded("a comment would be lost: use --force"), worded("use --allow-invalid-spec to augment it anyway")}}, nil},
		{"not a list of problems", inPlace, errors.New("api.yaml: use --force or --allow-invalid-spec"), nil},
	} {
		got := flagHints(tc.problems, tc.item)
		if len(got) != len(tc.want) {
			t.Errorf("%s: hints %q, want %d", tc.name, got, len(tc.want))
			continue
		}
		for i, want := range tc.want {
			if !strings.HasPrefix(got[i], want) {
				t.Errorf("%s: hint %d is\n%s\nwant it to start\n%s", tc.name, i, got[i], want)
			}
		}
	}
}

// A problem no flag gets past draws no flag's line, though its words name
// --force: a response --force wrote in place of the author's that refers
// to a response errgen no longer writes (the catalog retired its status's
// codes) is a problem with --force too. Before, errgen said to run
// errgen openapi --force, which failed on the same problem.
func TestAugmentNoHintWhenForceFails(t *testing.T) {
	const rerun = "../../internal/augment/testdata/rerun"
	const item = "openapi:\n  augment: [{spec: api.yaml, out: api.yaml}]\n"
	dir := t.TempDir()
	writeCatalog := func(name string) {
		text := readFileT(t, filepath.Join(rerun, name))
		if !strings.Contains(text, "\nopenapi:\n") {
			t.Fatalf("%s has no openapi section", name)
		}
		if err := os.WriteFile(filepath.Join(dir, "catalog.yaml"), []byte(strings.Replace(text, "\nopenapi:\n", "\n"+item, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	spec := filepath.Join(dir, "api.yaml")
	const own410 = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      x-errors: [GONE_AWAY]\n      responses:\n        '200': {description: OK}\n        '410': {description: mine}\n"
	if err := os.WriteFile(spec, []byte(own410), 0o644); err != nil {
		t.Fatal(err)
	}
	writeCatalog("catalog-v1.yaml")
	force := []string{"openapi", "catalog.yaml", "--spec", "api.yaml", "--out", "api.yaml", "--force"}
	if code, _, stderr := runIn(t, dir, force...); code != exitOK {
		t.Fatalf("errgen openapi --force: exit %d: %s", code, stderr)
	}
	forced := readFileT(t, spec)
	if !strings.Contains(forced, "x-errors: [GONE_AWAY]") {
		t.Fatalf("the spec --force wrote has no x-errors: [GONE_AWAY]:\n%s", forced)
	}
	if err := os.WriteFile(spec, []byte(strings.Replace(forced, "x-errors: [GONE_AWAY]", "x-errors: []", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	writeCatalog("catalog-v2.yaml")
	code, _, stderr := runIn(t, dir, "catalog.yaml")
	const problem = "api.yaml:12:9: GET /a: response 410 is what --force wrote in place of the author's, and refers to a response errgen no longer writes"
	if code != exitFailure || !strings.Contains(stderr, problem) || strings.Contains(stderr, "errgen: openapi.augment") {
		t.Errorf("exit %d, want %d, the problem and no line of openapi.augment:\n%s", code, exitFailure, stderr)
	}
	if code, _, stderr := runIn(t, dir, force...); code != exitFailure || !strings.Contains(stderr, problem) {
		t.Errorf("errgen openapi --force: exit %d, want %d and the same problem:\n%s", code, exitFailure, stderr)
	}
}
