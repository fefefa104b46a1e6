package augment

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/yamlnode"
)

// specs holds the specs augmented in tests, real ones and goldens: beside
// the components generator's, where the README and the interop tests
// find them.
const specs = "../openapi/testdata"

// loadValidOpenAPI loads a document with kin-openapi and validates it.
func loadValidOpenAPI(t *testing.T, data []byte) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatalf("kin-openapi cannot load the document: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("kin-openapi rejects the document: %v", err)
	}
	return doc
}

// lines are notices as the CLI prints them, without "errgen: ".
func lines(ns []diag.Diagnostic) []string {
	var out []string
	for _, d := range ns {
		out = append(out, d.Pos.String()+": "+d.Msg+d.Hint)
	}
	return out
}

var update = flag.Bool("update", false, "rewrite the augmented goldens in ../openapi/testdata/golden")

func mustLoadCatalog(t *testing.T, path string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(catalogtest.Path(path))
	if err != nil {
		t.Fatal(err)
	}
	c.File = path // as the CLI names it when run in the module's root
	return c
}

func readTestSpec(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(specs, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// augmentCases are the augmentations with golden outputs in
// testdata/golden; go test -run Augment ./internal/augment -update rewrites them.
var augmentCases = []struct {
	golden          string
	spec            string
	catalog         string
	force           bool
	defaultResponse bool
	languages       []string // the catalog's languages besides its default; nil for its own
}{
	// petstore defines its own Error schema: only --force gets past it
	{"petstore-expanded.force.yaml", "petstore-expanded.yaml", "catalog.yaml", true, false, nil},
	{"tasks-3.1.yaml", "tasks-3.1.yaml", "catalog.yaml", false, false, nil},
	{"tasks-3.1.default.yaml", "tasks-3.1.yaml", "catalog.yaml", false, true, nil},
	{"tasks-3.1.force.yaml", "tasks-3.1.yaml", "catalog.yaml", true, false, nil},
	// a 3.1 catalog augmenting a 3.0 JSON spec: components in the 3.0 dialect, JSON out
	{"notes-3.0.json", "notes-3.0.json", "testdata/presets/problem.yaml", false, false, nil},
	{"notes-3.0.default.json", "notes-3.0.json", "testdata/presets/problem.yaml", false, true, nil},
	// a catalog that speaks several languages (the bundled one does too):
	// every error response declares Content-Language, by reference to one
	// header component
	{"notes-3.0.languages.json", "notes-3.0.json", "testdata/presets/problem.yaml", false, false, []string{"de"}},
}

// Each augmentation gives its golden output, byte for byte; the output
// validates, comes in the input's format, keeps the input's text and data
// (without --force), and augmenting it again changes nothing.
func TestAugmentGolden(t *testing.T) {
	for _, tc := range augmentCases {
		t.Run(tc.golden, func(t *testing.T) {
			c := mustLoadCatalog(t, tc.catalog)
			c.OpenAPI.DefaultResponse = tc.defaultResponse
			if tc.languages != nil {
				c.Languages = tc.languages
			}
			spec := readTestSpec(t, tc.spec)
			out, _, err := Augment(c, spec, tc.spec, Options{Force: tc.force})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(specs, "golden", tc.golden)
			if *update {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
			} else if golden, err := os.ReadFile(path); err != nil {
				t.Errorf("%v (run go test -run Augment ./internal/augment -update)", err)
			} else if !bytes.Equal(golden, out) {
				t.Errorf("%s is stale (run go test -run Augment ./internal/augment -update):\n%s", path, udiff.Unified(path, "augmented", string(golden), string(out)))
			}
			loadValidOpenAPI(t, out)
			if isJSON := strings.HasSuffix(tc.spec, ".json"); isJSON != json.Valid(out) {
				t.Errorf("input is JSON: %v, output is JSON: %v", isJSON, json.Valid(out))
			}
			checkAugmented(t, c, spec, out, tc.golden, Options{Force: tc.force})
		})
	}
}

// responsesJSON returns each operation's responses as JSON, by "METHOD path".
func responsesJSON(t *testing.T, doc *openapi3.T) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			m := map[string]string{}
			for status, r := range op.Responses.Map() {
				raw, err := json.Marshal(r)
				if err != nil {
					t.Fatal(err)
				}
				m[status] = string(raw)
			}
			out[method+" "+path] = m
		}
	}
	return out
}

// Petstore, with --force: every operation gets the attached responses and
// keeps all of its own.
func TestAugmentPetstore(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	// Petstore has an Error schema of its own, which its responses use: a
	// prefix keeps both, where --force would replace petstore's.
	c.OpenAPI.Prefix = "OneStack"
	spec := readTestSpec(t, "petstore-expanded.yaml")
	out, _, err := Augment(c, spec, "petstore-expanded.yaml", Options{Force: false})
	if err != nil {
		t.Fatal(err)
	}
	before := responsesJSON(t, loadValidOpenAPI(t, spec))
	doc := loadValidOpenAPI(t, out)
	after := responsesJSON(t, doc)
	if len(after) != 4 {
		t.Errorf("%d operations after augmenting, want 4", len(after))
	}
	for op, responses := range before {
		for status, want := range responses {
			if after[op][status] != want {
				t.Errorf("%s %s changed:\n got %s\nwant %s", op, status, after[op][status], want)
			}
		}
		method, path, _ := strings.Cut(op, " ")
		for _, code := range c.OpenAPI.Attach {
			e := findError(c, code)
			want := "#/components/responses/OneStack" + names.StatusResponse(e.Status)
			ref := doc.Paths.Find(path).GetOperation(method).Responses.Status(e.Status)
			if ref == nil || ref.Ref != want {
				t.Errorf("%s: no %d response referencing %s", op, e.Status, want)
			}
		}
	}
	if doc.Components.Schemas["Pet"] == nil || doc.Components.Schemas["NewPet"] == nil {
		t.Error("petstore's own schemas are gone")
	}
	if doc.Components.Schemas["Error"].Value.Properties["message"] == nil {
		t.Error("petstore's own Error schema was replaced")
	}
	if doc.Components.Schemas["OneStackUnauthorizedBody"] == nil || doc.Components.Schemas["OneStackTooManyRequestsBody"] == nil {
		t.Error("errgen's prefixed schemas are missing")
	}
	// nothing refers to the envelope, ErrorCode or, the bodies being open,
	// the errors' own schemas
	for _, name := range []string{"OneStackError", "OneStackErrorCode", "OneStackTokenExpiredError", "OneStackNotFoundError", "OneStackUnauthorizedError"} {
		if doc.Components.Schemas[name] != nil {
			t.Errorf("unused schema %s added", name)
		}
	}
}

func findError(c *catalog.Catalog, code string) *catalog.Error {
	for _, e := range c.Errors {
		if e.Code == code {
			return e
		}
	}
	return nil
}

// What the spec already has is kept without --force and replaced with it.
func TestAugmentForce(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	spec := readTestSpec(t, "tasks-3.1.yaml")
	for _, force := range []bool{false, true} {
		out, _, err := Augment(c, spec, "tasks-3.1.yaml", Options{Force: force})
		if err != nil {
			t.Fatal(err)
		}
		doc := loadValidOpenAPI(t, out)
		conflict := doc.Paths.Find("/tasks/{id}").Put.Responses.Status(409)
		switch {
		case !force && (conflict.Ref != "" || *conflict.Value.Description != "The task changed since it was read."):
			t.Errorf("without force, PUT /tasks/{id} 409 = %q %v, want the spec's own response", conflict.Ref, conflict.Value)
		case force && conflict.Ref != "#/components/responses/Conflict":
			t.Errorf("with force, PUT /tasks/{id} 409 = %q, want a reference to Conflict", conflict.Ref)
		}
		// x-errors and attach on top of each other
		post := doc.Paths.Find("/tasks").Post.Responses
		for _, status := range []int{201, 400, 401, 415, 429, 500} {
			if post.Status(status) == nil {
				t.Errorf("POST /tasks has no %d response", status)
			}
		}
	}

	// Tic Tac Toe, its security lists fixed, declares 400s of its own.
	ttt := strings.NewReplacer(
		"        apiKey: []\n        app2AppOauth:\n        - board:read", "        - defaultApiKey: []\n        - app2AppOauth: [board:read]",
		"        bearerHttpAuthentication: []\n        user2AppOauth:\n        - board:read", "        - bearerHttpAuthentication: []\n        - user2AppOauth: [board:read]",
		"        bearerHttpAuthentication: []\n        user2AppOauth:\n        - board:write", "        - bearerHttpAuthentication: []\n        - user2AppOauth: [board:write]",
	).Replace(string(readTestSpec(t, "tictactoe.yaml")))
	c.OpenAPI.Attach = append(c.OpenAPI.Attach, "VALIDATION_ERROR")
	for _, force := range []bool{false, true} {
		out, _, err := Augment(c, []byte(ttt), "tictactoe.yaml", Options{Force: force})
		if err != nil {
			t.Fatal(err)
		}
		doc := loadValidOpenAPI(t, out)
		put := doc.Paths.Find("/board/{row}/{column}").Put.Responses.Status(400)
		if got := put.Ref == "#/components/responses/BadRequest"; got != force {
			t.Errorf("force=%v: PUT 400 references BadRequest: %v", force, got)
		}
		if !force && put.Value.Content["text/html"] == nil {
			t.Errorf("without force, PUT 400 lost its text/html content")
		}
		if get := doc.Paths.Find("/board").Get.Responses.Status(400); get == nil || get.Ref != "#/components/responses/BadRequest" {
			t.Errorf("force=%v: GET /board has no 400 from attach", force)
		}
	}
}

// Specs errgen must refuse, each with a message that names the file and
// says what is wrong.
func TestAugmentErrors(t *testing.T) {
	const minimal = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /things:\n    get:\n      x-errors: [NOT_FOUND, NOPE]\n      responses:\n        '200': {description: OK}\n"
	tests := []struct {
		name, spec string
		want       []string // substrings of the error, in order
	}{
		{"tictactoe.yaml", string(readTestSpec(t, "tictactoe.yaml")), []string{
			"tictactoe.yaml:27:9: GET /board: security must be a list of security requirements (- scheme: [scopes]), not a mapping (the input spec is not valid before errgen changes anything; --allow-invalid-spec augments it anyway)\n",
			"tictactoe.yaml:57:9: GET /board/{row}/{column}: security must be a list",
			"tictactoe.yaml:93:9: PUT /board/{row}/{column}: security must be a list",
		}},
		{"attach.yaml", strings.Replace(minimal, "\n      responses:", "\n      x-errors-attach: no\n      responses:", 1), []string{
			"attach.yaml:7:24: GET /things: x-errors-attach must be true or false",
		}},
		{"unknown.yaml", minimal, []string{`unknown.yaml:6:29: GET /things: x-errors: unknown error code "NOPE" (not in catalog.yaml): declare it in the catalog, or take it out of x-errors`}},
		{"clash.yaml", minimal + "components:\n  responses:\n    NotFound: {description: Not here}\n", []string{
			"clash.yaml:6:29: GET /things: x-errors: unknown error code \"NOPE\"",
			"clash.yaml:11:5: components.responses.NotFound is already defined and differs from the NotFound response errgen generates from catalog.yaml; set openapi.prefix in the catalog, rename the spec's, or use --replace components.responses.NotFound (or --force) to replace it",
		}},
		{"xerrors.yaml", strings.Replace(minimal, "[NOT_FOUND, NOPE]", "NOT_FOUND", 1), []string{"xerrors.yaml:6:17: GET /things: x-errors must be a list of error codes, not a scalar"}},
		{"broken.yaml", "openapi: 3.0.3\ninfo: [\n", []string{"broken.yaml:2:1: invalid YAML: did not find expected node content: a value is missing"}},
		{"broken.json", "{\"openapi\": \"3.0.3\",\n  \"info\": }", []string{"broken.json:2:11: invalid JSON: invalid character '}'"}},
		{"list.yaml", "- openapi: 3.0.3\n", []string{"list.yaml: not an OpenAPI document: the top level must be a mapping"}},
		{"empty.yaml", "", []string{"empty.yaml: not an OpenAPI document"}},
		{"swagger.yaml", "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n", []string{"swagger.yaml: Swagger (OpenAPI 2.0) documents are not supported"}},
		{"future.yaml", "openapi: 3.2.0\ninfo: {title: T, version: '1'}\npaths: {}\n", []string{`future.yaml:1:10: OpenAPI version "3.2.0" is not supported`}},
		{"noinfo.yaml", "openapi: 3.0.3\npaths: {}\n", []string{
			"noinfo.yaml: the input spec is not valid (before errgen changed anything): invalid info: must be an object\n",
			"noinfo.yaml: use --allow-invalid-spec to augment it anyway",
		}},
		{"external.yaml", strings.NewReplacer("'200': {description: OK}", "'200': {$ref: 'common.yaml#/responses/OK'}", ", NOPE", "").Replace(minimal), []string{
			"external.yaml:8:23: the input spec refers to another file (common.yaml#/responses/OK), which errgen does not read",
		}},
		{"nullschemas.yaml", minimal + "components: {schemas}\n", []string{"nullschemas.yaml:9:21: components.schemas must be a mapping, not empty"}},
		{"badtype.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    X: {type: strin}\n", []string{"badtype.yaml:6:5: the input spec is not valid (before errgen changed anything): ", "strin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustLoadCatalog(t, "catalog.yaml")
			out, _, err := Augment(c, []byte(tt.spec), tt.name, Options{Force: false})
			if err == nil {
				t.Fatalf("no error; output:\n%s", out)
			}
			msg := err.Error()
			rest := msg
			for _, want := range tt.want {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("error\n%s\nlacks (in order)\n%s", msg, want)
				}
				rest = rest[i+len(want):]
			}
			if out != nil {
				t.Error("output returned along with the error")
			}
		})
	}
}

// An unknown x-errors code close to one of the catalog's is given a hint,
// for the first maxCodeHints unknown codes of a spec only.
func TestAugmentUnknownCodeHints(t *testing.T) {
	spec := func(codes ...string) string {
		return "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /things:\n    get:\n      x-errors: [" +
			strings.Join(codes, ", ") + "]\n      responses:\n        '200': {description: OK}\n"
	}
	many := []string{"NOT_FUND"}
	for i := range maxCodeHints {
		many = append(many, fmt.Sprintf("NOT_FOUND%d", i))
	}
	tests := []struct {
		name, spec  string
		want, lacks string
	}{
		{"near miss", spec("NOT_FUND"), `x-errors: unknown error code "NOT_FUND" (not in catalog.yaml; did you mean "NOT_FOUND"?)`, ""},
		{"another case", spec("not_found"), `x-errors: unknown error code "not_found" (not in catalog.yaml; did you mean "NOT_FOUND"?)`, ""},
		{"nothing near", spec("NOPE"), `x-errors: unknown error code "NOPE" (not in catalog.yaml)`, "did you mean"},
		{"past the cap", spec(many...), `unknown error code "NOT_FOUND9" (not in catalog.yaml)`, `"NOT_FOUND9" (not in catalog.yaml; did you mean`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Augment(mustLoadCatalog(t, "catalog.yaml"), []byte(tt.spec), "spec.yaml", Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if msg := err.Error(); !strings.Contains(msg, tt.want) || tt.lacks != "" && strings.Contains(msg, tt.lacks) {
				t.Errorf("error\n%s\nwant %q, not %q", msg, tt.want, tt.lacks)
			}
		})
	}
}

// Components identical to errgen's are no clash: the spec may hold an
// earlier augmentation's components, even written in another format.
func TestAugmentIdenticalComponents(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	c.OpenAPI.Version = "3.0.3"
	doc, err := openapi.Generate(c, "header")
	if err != nil {
		t.Fatal(err)
	}
	var tree yaml.Node
	if err := yaml.Unmarshal(doc, &tree); err != nil {
		t.Fatal(err)
	}
	comps := yamlnode.Get(tree.Content[0], "components")
	var b bytes.Buffer
	if err := yamlnode.WriteJSON(&b, comps, "", false); err != nil {
		t.Fatal(err)
	}
	spec := `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, "components": ` + b.String() + `}`
	out, _, err := Augment(c, []byte(spec), "same.json", Options{Force: false})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(out), `"NotFound":{`); n != 1 {
		t.Errorf("NotFound appears %d times, want once", n)
	}
}

// fuzzCatalog is a catalog of two errors, one attached to every
// operation: small components keep each fuzz execution cheap.
const fuzzCatalog = `version: 1
api: Fuzz API
format: flat
openapi:
  attach: [SERVER_ERROR]
errors:
  - code: NOT_FOUND
    status: 404
    message: Not found
  - code: SERVER_ERROR
    status: 500
    message: Something went wrong
    fallback: true
`
