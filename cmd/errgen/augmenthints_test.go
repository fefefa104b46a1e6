package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
// which the clash names with the flag, on every run that gives it (a
// go:generate line writing another file), and --check with it passes; a
// name that replaces nothing is noted.
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
