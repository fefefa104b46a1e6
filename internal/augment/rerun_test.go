package augment

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
)

const rerunDir = "testdata/rerun"

// rerunEdits are what the author changes in the spec between the two
// runs: a code taken out of an operation's x-errors, one added.
var rerunEdits = strings.NewReplacer(
	"x-errors: [VALIDATION_ERROR, INVALID_JSON]\n", "x-errors: [VALIDATION_ERROR]\n",
	"x-errors: [VALIDATION_ERROR, INVALID_JSON, NOT_FOUND]\n", "x-errors: [VALIDATION_ERROR, INVALID_JSON, NOT_FOUND, CONFLICT]\n",
)

func loadRerunCatalog(t *testing.T, name string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(filepath.Join(rerunDir, name))
	if err != nil {
		t.Fatal(err)
	}
	c.File = name
	return c
}

// compareGolden compares out with the golden file name of testdata/rerun
// (-update rewrites it).
func compareGolden(t *testing.T, name string, out []byte) {
	t.Helper()
	path := filepath.Join(rerunDir, name)
	if *update {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	golden, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Rerun ./internal/augment -update)", err)
	}
	if !bytes.Equal(golden, out) {
		t.Errorf("%s is stale (run go test -run Rerun ./internal/augment -update):\n%s", path, udiff.Unified(path, "augmented", string(golden), string(out)))
	}
}

// A spec augmented, its catalog then edited (a message, a status, a code
// retired, a code added) and its x-errors too (a code removed, one added),
// augmented again without --force: errgen's parts are current, what
// nothing uses any more is gone, the author's text is all there, and the
// result is what a first run on the author's spec gives; running again
// changes nothing (what --check checks).
func TestAugmentRerun(t *testing.T) {
	v1, v2 := loadRerunCatalog(t, "catalog-v1.yaml"), loadRerunCatalog(t, "catalog-v2.yaml")
	spec, err := os.ReadFile(filepath.Join(rerunDir, "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out1, _, err := Augment(v1, spec, "api.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, "out-v1.yaml", out1)
	edited := []byte(rerunEdits.Replace(string(out1)))
	authored := []byte(rerunEdits.Replace(string(spec)))
	out2, notices, err := Augment(v2, edited, "api.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, "out-v2.yaml", out2)
	loadValidOpenAPI(t, out2)
	if !isSubsequence(authored, out2) {
		t.Errorf("the author's spec is not a subsequence of the output: %s", firstLost(authored, out2))
	}
	first, _, err := Augment(v2, authored, "api.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, out2) {
		t.Errorf("a re-run differs from a first run on the author's spec:\n%s", udiff.Unified("first", "re-run", string(first), string(out2)))
	}
	for _, gone := range []string{"Validation failed", "GoneAway", "GoneBody", "'410'"} {
		if bytes.Contains(out2, []byte(gone)) {
			t.Errorf("the re-run output still has %q", gone)
		}
	}
	checkNoOrphans(t, out2)
	want := "api.yaml:26:29: GET /items/{id}: x-errors: GONE_AWAY is retired (replaced by NOT_FOUND; list that instead): not attached; remove it from x-errors"
	if got := strings.Join(lines(notices), "\n"); got != want {
		t.Errorf("notices:\n%s\nwant:\n%s", got, want)
	}
	checkAugmented(t, v2, authored, out2, "api.yaml", Options{})
}

// checkNoOrphans checks that every component errgen's marker names is
// referred to.
func checkNoOrphans(t *testing.T, out []byte) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	mk := memberValue(memberValue(doc.Content[0], "components"), marker)
	for i := 0; mk != nil && i+1 < len(mk.Content); i += 2 {
		section := mk.Content[i].Value
		for j := 0; section != createdKey && j+1 < len(mk.Content[i+1].Content); j += 2 {
			ref := "#/components/" + section + "/" + mk.Content[i+1].Content[j].Value + "'"
			if !bytes.Contains(out, []byte(ref)) {
				t.Errorf("%s: nothing refers to it", ref)
			}
		}
	}
}

// augmentedV1 is catalog-v1 and api.yaml augmented with it.
func augmentedV1(t *testing.T) (*catalog.Catalog, []byte) {
	t.Helper()
	v1 := loadRerunCatalog(t, "catalog-v1.yaml")
	spec, err := os.ReadFile(filepath.Join(rerunDir, "api.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out1, _, err := Augment(v1, spec, "api.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v1, out1
}

// A part errgen wrote and the author edited since is not errgen's to
// rewrite without --force; with it, errgen rewrites it.
func TestAugmentRerunEditedByHand(t *testing.T) {
	v1, out1 := augmentedV1(t)
	for _, tc := range []struct{ old, new, want string }{
		{"      description: 'The body of a 400 Bad Request response.", "      description: 'My 400 body.",
			// a component's text is the catalog's, which the author may not know
			// "there" read as the catalog: the marker is named
			`components.schemas.BadRequestBody was changed by hand since errgen wrote it (its x-errgen hash no longer matches): use --force to have errgen rewrite it (from catalog-v1.yaml: make such a change there), or delete "BadRequestBody" from the x-errgen marker to make the part yours`},
		{"        '404':\n          $ref: '#/components/responses/NotFound'\n        '410'", "        '404':\n          $ref: '#/components/responses/Mine'\n        '410'",
			`GET /items/{id}: response 404 was changed by hand since errgen wrote it (its x-errgen hash no longer matches): use --force to have errgen rewrite it, or delete "404" from the x-errgen marker to make the part yours`},
	} {
		edited := []byte(strings.Replace(string(out1), tc.old, tc.new, 1))
		_, _, err := Augment(v1, edited, "api.yaml", Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "--force") {
			t.Errorf("after %q: err %v, want %q", tc.new, err, tc.want)
		}
		forced, _, err := Augment(v1, edited, "api.yaml", Options{Force: true})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(forced, out1) {
			t.Errorf("--force after %q does not give errgen's output back:\n%s", tc.new, udiff.Unified("want", "got", string(out1), string(forced)))
		}
	}
}

// A comment written into a part errgen wrote would go with the part, which
// a run writes anew: it is a problem, reported where it is with the others,
// unless --force, which drops it and says so. A comment heading errgen's
// first response of an operation is outside its parts and stays, below
// them, where a first run on the author's spec puts it: after the
// author's last response, before the comments heading what follows.
func TestAugmentRerunComments(t *testing.T) {
	v1, out1 := augmentedV1(t)
	edited := strings.NewReplacer(
		// line 8: a comment ending a marker's line
		`"500": f43d6dceb4d7b687}`+"\n      operationId: createItem", `"500": f43d6dceb4d7b687} # ours`+"\n      operationId: createItem",
		// line 14: heads errgen's first response of the operation: stays
		"          description: Created\n        '400':", "          description: Created\n        # errgen's from here\n        '400':",
		// line 17: heads the 401 between errgen's 400 and 401
		"        '401':\n          $ref: '#/components/responses/Unauthorized'\n        '500':\n          $ref: '#/components/responses/InternalServerError'\n  /items/{id}:",
		"        # the gateway sends it too\n        '401':\n          $ref: '#/components/responses/Unauthorized'\n        '500':\n          $ref: '#/components/responses/InternalServerError'\n  /items/{id}:",
		// line 34: ends a line of a response's value
		"          $ref: '#/components/responses/NotFound'\n        '410'", "          $ref: '#/components/responses/NotFound' # see ADR-12\n        '410'",
		// line 60: a component's description, changed
		"      description: 'The body of a 400 Bad Request response.", "      description: 'My 400 body.",
		// line 82: a comment line inside a component errgen wrote
		"`UNAUTHORIZED`. A later version may send another code at this status: handle it by the status.'\n      required:\n        - error\n",
		"`UNAUTHORIZED`. A later version may send another code at this status: handle it by the status.'\n      required:\n        - error\n        # code too\n",
	).Replace(string(out1))
	_, _, err := Augment(v1, []byte(edited), "api.yaml", Options{})
	want := []string{
		`api.yaml:8:93: a comment in POST /items: x-errgen marker, which errgen writes anew on every run, would be lost: move it out of errgen's part, or use --force to have errgen drop it`,
		`api.yaml:17:9: a comment in POST /items: response 401, which errgen writes anew on every run, would be lost: move it out of errgen's part, use --force to have errgen drop it, or delete "401" from the x-errgen marker to make the part yours`,
		`api.yaml:35:51: a comment in GET /items/{id}: response 404, which errgen writes anew on every run, would be lost: move it out of errgen's part, use --force to have errgen drop it, or delete "404" from the x-errgen marker to make the part yours`,
		`api.yaml:60:5: components.schemas.BadRequestBody was changed by hand since errgen wrote it`,
		`api.yaml:82:9: a comment in components.schemas.UnauthorizedBody, which errgen writes anew on every run, would be lost: move it out of errgen's part, use --force to have errgen drop it, or delete "UnauthorizedBody" from the x-errgen marker to make the part yours`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(got), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n%s\nwant it to start with\n%s", i, got[i], want[i])
		}
	}
	forced, notices, err := Augment(v1, []byte(edited), "api.yaml", Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	last := "          $ref: '#/components/responses/InternalServerError'\n  /items/{id}:"
	if wantOut := strings.Replace(string(out1), last, strings.Replace(last, "\n", "\n        # errgen's from here\n", 1), 1); string(forced) != wantOut {
		t.Errorf("--force does not give errgen's output with the heading comment back:\n%s", udiff.Unified("want", "got", wantOut, string(forced)))
	}
	var dropped []string
	for _, n := range lines(notices) {
		if strings.Contains(n, "comment dropped") {
			dropped = append(dropped, n)
		}
	}
	wantDropped := []string{
		"api.yaml:8:93: comment dropped with POST /items: x-errgen marker, which errgen wrote anew (--force)",
		"api.yaml:17:9: comment dropped with POST /items: response 401, which errgen wrote anew (--force)",
		"api.yaml:35:51: comment dropped with GET /items/{id}: response 404, which errgen wrote anew (--force)",
		"api.yaml:82:9: comment dropped with components.schemas.UnauthorizedBody, which errgen wrote anew (--force)",
	}
	if strings.Join(dropped, "\n") != strings.Join(wantDropped, "\n") {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(dropped, "\n"), strings.Join(wantDropped, "\n"))
	}
}

// What --force wrote in place of the author's text (marked replaced:) is
// rewritten where it is on every run: a comment written into it since
// would go with the old text, so it is a problem like one in any other
// part of errgen's, and --force drops it and says so. A comment on the
// line of its key, or above its first member, is outside it, and stays;
// so does one in such a part that nothing uses any more, which errgen
// leaves as it is.
func TestAugmentRerunCommentsInReplaced(t *testing.T) {
	v1 := loadRerunCatalog(t, "catalog-v1.yaml")
	spec := "openapi: 3.1.0\ninfo: {title: Own, version: '1'}\npaths:\n  /items/{id}:\n    get:\n      operationId: getItem\n" +
		"      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      x-errors: [NOT_FOUND]\n" +
		"      responses:\n        '200':\n          description: OK\n        '404':\n          description: The spec's own 404\n" +
		"components:\n  responses:\n    NotFound:\n      description: The spec's own NotFound\n  schemas:\n    NotFoundBody: {type: object}\n"
	forced, _, err := Augment(v1, []byte(spec), "api.yaml", Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(forced), "replaced:") {
		t.Fatalf("--force marked nothing replaced:\n%s", forced)
	}
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"the end of a response's line", "          $ref: '#/components/responses/NotFound'\n",
			"          $ref: '#/components/responses/NotFound' # ours now\n",
			"api.yaml:17:51: a comment in GET /items/{id}: response 404, which errgen writes anew on every run, would be lost: move it out of errgen's part, use --force to have errgen drop it, or delete \"404\" from the x-errgen marker to make the part yours"},
		{"a line inside a component", "    NotFound:\n      description: Not Found\n",
			"    NotFound:\n      description: Not Found\n      # ours\n",
			"api.yaml:24:7: a comment in components.responses.NotFound, which errgen writes anew on every run, would be lost: move it out of errgen's part, use --force to have errgen drop it, or delete \"NotFound\" from the x-errgen marker to make the part yours"},
		{"on the key's line: kept", "        '404':\n", "        '404': # ours\n", ""},
		{"above the value's first member: kept", "    NotFound:\n      description: Not Found\n", "    NotFound:\n      # ours\n      description: Not Found\n", ""},
		// nothing uses NotFound any more: errgen leaves it, the author's now, as it is
		{"in a part no longer used: kept", "      x-errors: [NOT_FOUND]\n      responses:\n        '200':\n          description: OK\n        '401':\n          $ref: '#/components/responses/Unauthorized'\n        '404':\n          $ref: '#/components/responses/NotFound'\n",
			"      x-errors: []\n      responses:\n        '200':\n          description: OK\n        '401':\n          $ref: '#/components/responses/Unauthorized'\n        '404':\n          $ref: '#/components/responses/NotFound' # ours\n", "kept"},
	} {
		if !strings.Contains(string(forced), tc.old) {
			t.Fatalf("%s: the forced spec has no %q:\n%s", tc.name, tc.old, forced)
		}
		edited := strings.Replace(string(forced), tc.old, tc.new, 1)
		out, _, err := Augment(v1, []byte(edited), "api.yaml", Options{})
		if tc.want == "kept" {
			if err != nil || !strings.Contains(string(out), " # ours\n") {
				t.Errorf("%s: the comment did not stay: %v\n%s", tc.name, err, out)
			}
			continue
		}
		if tc.want == "" {
			if err != nil || string(out) != edited {
				t.Errorf("%s: the comment outside the part did not stay as it was: %v\n%s", tc.name, err, out)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got %v\nwant it to start with\n%s", tc.name, err, tc.want)
		}
		out, notices, err := Augment(v1, []byte(edited), "api.yaml", Options{Force: true})
		if err != nil || string(out) != string(forced) {
			t.Errorf("%s: --force does not give the forced spec back: %v\n%s", tc.name, err, out)
		}
		if pos := strings.SplitN(tc.want, " ", 2)[0]; !strings.Contains(strings.Join(lines(notices), "\n"), pos+" comment dropped with ") {
			t.Errorf("%s: no notice of the comment dropped at %s: %v", tc.name, pos, lines(notices))
		}
	}
}

// A comment in a section errgen created (components.responses, or all of
// components) goes with the section, which a run takes out whole; it is
// reported as in the component whose text held it, with the same hint as
// in a section the author had: deleting the component's marker entry makes
// it the author's. One on the section's own line names the section.
func TestAugmentRerunCommentsInCreated(t *testing.T) {
	v1, out1 := augmentedV1(t) // creates components.responses
	bare := "openapi: 3.1.0\ninfo: {title: Own, version: '1'}\npaths:\n  /items/{id}:\n    get:\n      operationId: getItem\n" +
		"      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      x-errors: [NOT_FOUND]\n" +
		"      responses:\n        '200':\n          description: OK\n"
	created, _, err := Augment(v1, []byte(bare), "api.yaml", Options{}) // creates components
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, spec, old, new string
		pos, part, entry     string // where the comment is, what it is said to be in, its marker entry
	}{
		{"a line of a response in components.responses, created", string(out1),
			"    NotFound:\n      description: Not Found\n", "    NotFound:\n      description: Not Found\n      # ours\n",
			"api.yaml:189:7:", "components.responses.NotFound", "NotFound"},
		{"heading a response in components.responses, created", string(out1),
			"    Gone:\n", "    # ours\n    Gone:\n",
			"api.yaml:199:5:", "components.responses.Gone", "Gone"},
		{"a line of a schema in components, created", string(created),
			"    NotFoundBody:\n      type: object\n", "    NotFoundBody:\n      type: object\n      # ours\n",
			"api.yaml:41:7:", "components.schemas.NotFoundBody", "NotFoundBody"},
		{"the end of a created section's line", string(out1),
			"  responses:\n    BadRequest:\n", "  responses: # ours\n    BadRequest:\n",
			"api.yaml:144:14:", "components.responses", ""},
	} {
		if !strings.Contains(tc.spec, tc.old) {
			t.Fatalf("%s: the spec has no %q:\n%s", tc.name, tc.old, tc.spec)
		}
		hint := "move it out of errgen's part, or use --force to have errgen drop it"
		if tc.entry != "" {
			hint = fmt.Sprintf("move it out of errgen's part, use --force to have errgen drop it, or delete %q from the x-errgen marker to make the part yours", tc.entry)
		}
		want := tc.pos + " a comment in " + tc.part + ", which errgen writes anew on every run, would be lost: " + hint
		edited := strings.Replace(tc.spec, tc.old, tc.new, 1)
		if _, _, err := Augment(v1, []byte(edited), "api.yaml", Options{}); err == nil || err.Error() != want {
			t.Errorf("%s: got %v\nwant\n%s", tc.name, err, want)
		}
		out, notices, err := Augment(v1, []byte(edited), "api.yaml", Options{Force: true})
		if err != nil || string(out) != tc.spec {
			t.Errorf("%s: --force does not give the augmented spec back: %v\n%s", tc.name, err, out)
		}
		if notice := tc.pos + " comment dropped with " + tc.part + ", which errgen wrote anew (--force)"; !slices.Contains(lines(notices), notice) {
			t.Errorf("%s: notices %q, want one to be %q", tc.name, lines(notices), notice)
		}
	}
}

// A hash is of the data: errgen's parts with their keys sorted (jq -S,
// openapi-format) are still errgen's, and a run gives its output back. A
// marker written before hashes ignored key order (out-v1.legacy-hash.yaml,
// errgen as of 8027d6a) still names errgen's parts, and a run rewrites its
// hashes.
func TestAugmentRerunKeyOrder(t *testing.T) {
	v1, out1 := augmentedV1(t)
	sorted := strings.Replace(string(out1),
		"      required:\n        - error\n        - code\n      properties:\n", "      properties:\n", 1)
	sorted = strings.Replace(sorted, "          additionalProperties: true\n    UnauthorizedBody:", "          additionalProperties: true\n      required:\n        - error\n        - code\n    UnauthorizedBody:", 1)
	if sorted == string(out1) {
		t.Fatal("the keys of BadRequestBody were not moved")
	}
	legacy, err := os.ReadFile(filepath.Join(rerunDir, "out-v1.legacy-hash.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for name, spec := range map[string][]byte{"keys sorted": []byte(sorted), "legacy hashes": legacy} {
		out, _, err := Augment(v1, spec, "api.yaml", Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(out, out1) {
			t.Errorf("%s: the run does not give errgen's output back:\n%s", name, udiff.Unified("want", "got", string(out1), string(out)))
		}
	}
}
