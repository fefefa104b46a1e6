package augment

import (
	"strings"
	"testing"
)

// badExample is valid but for one example that does not match its schema,
// like GitHub's API description.
const badExample = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {type: integer}\n              example: not a number\n"

// missingPathParam has an operation that does not declare its path's
// parameter, which kin-openapi reports otherwise than other problems of an
// operation.
const missingPathParam = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a/{id}:\n    get:\n      responses:\n        '200': {description: OK}\n"

// pathItems is a valid 3.1 spec that kin-openapi cannot read.
const pathItems = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a: {$ref: '#/components/pathItems/A'}\n  /b:\n    get:\n      responses:\n        '200': {description: OK}\ncomponents:\n  pathItems:\n    A:\n      get:\n        responses: {'200': {description: OK}}\n"

// external is valid, split in two files: kin-openapi, which errgen
// validates with, does not follow its reference to the other.
const external = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: 'common.yaml#/responses/OK'}\n"

// An input that is not valid is refused with the input named as the
// culprit, nothing written; --allow-invalid-spec augments it, still
// keeping its text.
func TestAugmentInvalidInput(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	tests := []struct {
		name, spec, want, notice string
	}{
		{"example.yaml", badExample,
			"example.yaml:5:5: the input spec is not valid (before errgen changed anything): invalid paths: invalid path /a: invalid operation GET: invalid example: value must be an integer Schema: { \"type\": \"integer\" } Value: \"not a number\"\nexample.yaml: use --allow-invalid-spec to augment it anyway",
			"the input spec is not valid (before errgen changed anything), augmented anyway: invalid paths: "},
		{"pathparams.yaml", missingPathParam,
			"pathparams.yaml:5:5: the input spec is not valid (before errgen changed anything): invalid paths: operation GET /a/{id} must define exactly all path parameters (missing: [id])\npathparams.yaml: use --allow-invalid-spec to augment it anyway",
			"pathparams.yaml:5:5: the input spec is not valid (before errgen changed anything), augmented anyway: invalid paths: operation GET /a/{id}"},
		{"pathitems.yaml", pathItems,
			"pathitems.yaml: the input spec cannot be validated (before errgen changed anything): kin-openapi, which errgen validates with, does not read OpenAPI 3.1's components.pathItems (invalid components: extra sibling fields: [pathItems])\npathitems.yaml: use --allow-invalid-spec to augment it anyway",
			"augmented anyway: invalid components: extra sibling fields: [pathItems]"},
		{"external.yaml", external,
			"external.yaml:7:23: the input spec refers to another file (common.yaml#/responses/OK), which errgen does not read: it validates the one document it augments, and kin-openapi cannot check a spec whose references it cannot follow; bundle the spec into one file (redocly bundle) and augment that\nexternal.yaml: use --allow-invalid-spec to augment it anyway, unvalidated",
			"external.yaml:7:23: the input spec refers to another file (common.yaml#/responses/OK), which errgen does not read: it validates the one document it augments, and kin-openapi cannot check a spec whose references it cannot follow: augmented anyway, unvalidated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := Augment(c, []byte(tt.spec), tt.name, Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || out != nil {
				t.Fatalf("error\n%v\nwant it to start with\n%s", err, tt.want)
			}
			out, notices, err := Augment(c, []byte(tt.spec), tt.name, Options{AllowInvalidSpec: true})
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Join(lines(notices), "\n"); !strings.Contains(n, tt.notice) {
				t.Errorf("notices\n%s\nlack\n%s", n, tt.notice)
			}
			if !strings.Contains(string(out), "'#/components/responses/Unauthorized'") {
				t.Errorf("nothing attached:\n%s", out)
			}
			checkAugmented(t, c, []byte(tt.spec), out, tt.name, Options{AllowInvalidSpec: true})
		})
	}
}

// With --allow-invalid-spec, a result that fails validation otherwise than
// the input does is still refused: the problem is errgen's additions'.
func TestAugmentInvalidInputNewProblem(t *testing.T) {
	a := &augmenter{specName: "api.yaml"}
	broken := strings.Replace(badExample, "paths:", "components:\n  schemas:\n    X: {type: strin}\npaths:", 1)
	err := a.validate([]byte(badExample), []byte(broken), false, true)
	want := `api.yaml: errgen's additions make the spec invalid in a new way: invalid components: schema "X": unsupported 'type' value "strin" (the input's own problem, allowed: invalid paths: `
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error\n%v\nwant it to start with\n%s", err, want)
	}
	if err := a.validate([]byte(badExample), []byte(badExample+"# more\n"), false, true); err != nil {
		t.Errorf("the input's own problem refused: %v", err)
	}
	if err := a.validate([]byte(badExample), []byte(badExample), false, false); err == nil {
		t.Error("the input's own problem accepted without allowInvalid")
	}
}

// A repeated key is refused, every one reported, even with
// --allow-invalid-spec: errgen must not extend the occurrence a reader
// ignores.
func TestAugmentDuplicateKeys(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	tests := []struct{ name, spec, want string }{
		{"dupresp.json",
			`{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"first"}},"responses":{"201":{"description":"second"}}}}}}`,
			`dupresp.json:1:121: the input spec is not valid (before errgen changed anything): duplicate key "responses" (first at 1:77); remove one of them: readers disagree on which counts, so errgen cannot augment the spec, even with --allow-invalid-spec`},
		{"dup.yaml",
			"openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents: {}\npaths:\n  /a:\n    get:\n      responses: {}\n      responses:\n        '200': {description: x, description: y}\ncomponents: {}\n",
			"dup.yaml:8:7: the input spec is not valid (before errgen changed anything): duplicate key \"responses\" (first at 7:7); remove one of them: readers disagree on which counts, so errgen cannot augment the spec, even with --allow-invalid-spec\n" +
				"dup.yaml:9:33: the input spec is not valid (before errgen changed anything): duplicate key \"description\" (first at 9:17); remove one of them: readers disagree on which counts, so errgen cannot augment the spec, even with --allow-invalid-spec\n" +
				"dup.yaml:10:1: the input spec is not valid (before errgen changed anything): duplicate key \"components\" (first at 3:1); remove one of them: readers disagree on which counts, so errgen cannot augment the spec, even with --allow-invalid-spec"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, allow := range []bool{false, true} {
				out, _, err := Augment(c, []byte(tt.spec), tt.name, Options{AllowInvalidSpec: allow})
				if err == nil || err.Error() != tt.want || out != nil {
					t.Fatalf("allow %v: error\n%v\nwant\n%s", allow, err, tt.want)
				}
			}
		})
	}
}

// A construct errgen cannot insert next to is refused with its name and
// what to do, not as errgen's failure.
func TestAugmentRefusesExplicitKey(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	spec := "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        ? \"200\"\n        : description: ok\n"
	want := `explicit.yaml:7:11: errgen cannot add next to a key written as an explicit key (? "200", its value on a line of its own): write it as an ordinary key ("200": ...), or attach the error responses here by hand`
	out, _, err := Augment(c, []byte(spec), "explicit.yaml", Options{})
	if err == nil || err.Error() != want || out != nil {
		t.Fatalf("error\n%v\nwant\n%s", err, want)
	}
}

// A YAML spec that does not parse is reported where the catalog's own YAML
// would be, file:line:col, with the catalog's hint for the mistake; the
// parser's message names a line only, sometimes the one before the fault.
func TestAugmentYAMLSyntax(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	const head = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n"
	for _, tt := range []struct{ name, spec, want string }{
		{"unclosed.yaml", head + "      responses: {'200': {description: OK}\n",
			"unclosed.yaml:6:18: invalid YAML: did not find expected ',' or '}': a { is not closed"},
		{"colon.yaml", head + "      summary: Note: slow\n",
			"colon.yaml:6:20: invalid YAML: mapping values are not allowed in this context: a value holding \": \" needs quotes"},
		// read without its lines from paths on, the spec was written back
		// as it was, NOT_FOUND attached nowhere, without a word
		{"outdented.yaml", " openapi: 3.1.0\n info: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      x-errors: [NOT_FOUND]\n",
			"outdented.yaml:3:1: invalid YAML: did not find expected <document start>: the file's top-level mapping ended before this line"},
	} {
		out, _, err := Augment(c, []byte(tt.spec), tt.name, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || out != nil {
			t.Errorf("%s: got %v, want an error starting\n%s", tt.name, err, tt.want)
		}
	}
}

// A YAML spec of two documents (--- then more YAML) is refused at the
// second's ---, as a catalog file of two is: an OpenAPI spec is one
// document. Before, only the second's syntax was checked: it was written
// back byte for byte, neither augmented nor validated, while the tools
// reading the spec take the first document or refuse the file. A --- or
// ... that ends the file, or a comment after it, holds no document.
func TestAugmentSecondDocument(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	const spec = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: OK}\n"
	for _, tt := range []struct{ name, tail, want string }{
		{"mapping", "---\nopenapi: 3.0.3\ninfo: {title: U, version: '2'}\npaths: {}\n", "8:1"},
		{"after a comment", "--- # the other API\n\n# its paths\npaths: {}\n", "8:1"},
		{"after an end marker", "...\n---\npaths: {}\n", "9:1"},
		{"a block scalar", "--- |\n  text\n", "8:1"},
		{"a third one", "---\n---\npaths: {}\n", "9:1"},
		{"trailing ---", "---\n", ""},
		{"end marker, then ---", "...\n---\n", ""},
		{"end marker, then a comment", "...\n# end\n", ""},
	} {
		out, _, err := Augment(c, []byte(spec+tt.tail), "two.yaml", Options{})
		if tt.want == "" {
			if err != nil || !strings.HasSuffix(string(out), "\n"+tt.tail) {
				t.Errorf("%s: got %v, want the spec augmented, ending as it did:\n%s", tt.name, err, out)
			}
			continue
		}
		want := "two.yaml:" + tt.want + ": a second YAML document: an OpenAPI spec is one document, and errgen augments the spec whole: remove the --- and what follows"
		if err == nil || !strings.HasPrefix(err.Error(), want) || out != nil {
			t.Errorf("%s: got %v, want an error starting\n%s", tt.name, err, want)
		}
	}
}

// --force refuses to replace a response whose text holds an anchor that an
// alias elsewhere names, naming the alias: the anchor would go with the
// replaced text, and the alias name nothing (the spec would no longer
// parse). Without --force the response is kept, and nothing is refused.
func TestForceRefusesAnAliasedAnchor(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	const spec = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: OK}\n        '500':\n          description: &d Broken\n  /b:\n    get:\n      responses:\n        '200': {description: *d}\n"
	out, _, err := Augment(c, []byte(spec), "alias.yaml", Options{Force: true})
	want := "alias.yaml:8:9: errgen cannot replace the value of 500: the alias *d at 13:30 names an anchor inside it"
	if err == nil || !strings.HasPrefix(err.Error(), want) || out != nil {
		t.Errorf("got %v, want an error starting\n%s", err, want)
	}
	if _, _, err := Augment(c, []byte(spec), "alias.yaml", Options{}); err != nil {
		t.Errorf("without --force: %v", err)
	}
}

// A JSON spec written as JSONC, which editors accept in a .json file, is
// refused at the comment or the trailing comma, with a hint that says
// which; other syntax errors have none.
func TestAugmentJSONCHint(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	tests := []struct{ name, spec, want string }{
		{"line comment", "{\n  // the pets API\n  \"openapi\": \"3.0.3\"}",
			"spec.json:2:3: invalid JSON: invalid character '/' looking for beginning of object key string: JSON has no comments; remove them, or keep the spec in YAML, where # starts one"},
		{"block comment", "{\"openapi\": /* 3.1 soon */ \"3.0.3\"}",
			"spec.json:1:13: invalid JSON: invalid character '/' looking for beginning of value: JSON has no comments; remove them, or keep the spec in YAML, where # starts one"},
		{"trailing comma in an object", "{\"openapi\": \"3.0.3\",\n}",
			"spec.json:2:1: invalid JSON: invalid character '}' looking for beginning of object key string: JSON allows no comma after the last member or element; remove it"},
		{"trailing comma in an array", "{\"tags\": [{\"name\": \"a\"}, ]}",
			"spec.json:1:26: invalid JSON: invalid character ']' looking for beginning of value: JSON allows no comma after the last member or element; remove it"},
		{"no JSONC", "{\"openapi\": }", "spec.json:1:13: invalid JSON: invalid character '}' looking for beginning of value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Augment(c, []byte(tt.spec), "spec.json", Options{AllowInvalidSpec: true})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n%v\nwant\n%s", err, tt.want)
			}
		})
	}
}
