package augment

import (
	"slices"
	"strings"
	"testing"
)

// perOpSpec has an operation for each rule of the per-operation responses.
const perOpSpec = `openapi: 3.0.3
info: {title: T, version: '1'}
security:
  - key: []
paths:
  /one:
    get:
      x-errors: [VALIDATION_ERROR]
      responses: {'200': {description: OK}}
  /one-again:
    get:
      x-errors: [VALIDATION_ERROR, VALIDATION_ERROR]
      responses: {'200': {description: OK}}
  /two:
    post:
      x-errors: [INVALID_JSON, VALIDATION_ERROR]
      responses: {'200': {description: OK}}
  /all:
    put:
      x-errors: [VALIDATION_ERROR, DUPLICATE_RESOURCE, INVALID_JSON]
      responses: {'200': {description: OK}}
  /no-attach:
    get:
      x-errors-attach: false
      x-errors: [NOT_FOUND]
      responses: {'200': {description: OK}}
  /public:
    get:
      security: []
      responses: {'200': {description: OK}}
  /public-listed:
    get:
      security: []
      x-errors: [UNAUTHORIZED]
      responses: {'200': {description: OK}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
  responses:
    Gone: {description: "The spec's own, which no operation uses"}
`

// An operation's response for a status admits exactly the codes it lists
// or attaches; operations admitting the same codes share a response, and
// only what some operation uses is added.
func TestAugmentPerOperation(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	// three 400s, so that two of them make a union of their own
	findError(c, "DUPLICATE_RESOURCE").Status = 400
	out, notices, err := Augment(c, []byte(perOpSpec), "perop.yaml", Options{Force: false})
	if err != nil {
		t.Fatal(err)
	}
	if len(notices) > 0 {
		t.Errorf("notices: %q", notices)
	}
	doc := loadValidOpenAPI(t, out)
	const attached = "401:Unauthorized 429:TooManyRequests 500:InternalServerError"
	// a status's one response, whichever of its codes an operation lists
	want := map[string]string{
		"GET /one":           "400:BadRequest " + attached,
		"GET /one-again":     "400:BadRequest " + attached,
		"POST /two":          "400:BadRequest " + attached,
		"PUT /all":           "400:BadRequest " + attached,
		"GET /no-attach":     "404:NotFound 500:InternalServerError", // the fallback, which Write sends from anywhere
		"GET /public":        "429:TooManyRequests 500:InternalServerError",
		"GET /public-listed": "401:Unauthorized 429:TooManyRequests 500:InternalServerError",
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			var got []string
			for _, status := range mapsKeys(op.Responses.Map()) {
				if r := op.Responses.Value(status); r.Ref != "" {
					got = append(got, status+":"+strings.TrimPrefix(r.Ref, "#/components/responses/"))
				}
			}
			if where := method + " " + path; strings.Join(got, " ") != want[where] {
				t.Errorf("%s: responses %q, want %q", where, strings.Join(got, " "), want[where])
			}
		}
	}
	if got, want := strings.Join(mapsKeys(doc.Components.Responses), " "), "BadRequest Gone InternalServerError NotFound TooManyRequests Unauthorized"; got != want {
		t.Errorf("responses %s, want %s", got, want)
	}
	// the open body: one schema, every 400 code an example
	media := doc.Components.Responses["BadRequest"].Value.Content["application/json"]
	body := doc.Components.Schemas["BadRequestBody"]
	if media.Schema.Ref != "#/components/schemas/BadRequestBody" || body == nil || body.Value.OneOf != nil || len(media.Examples) != 3 ||
		!strings.Contains(body.Value.Description, "Known codes: `VALIDATION_ERROR`, `INVALID_JSON`, `DUPLICATE_RESOURCE`.") {
		t.Errorf("BadRequest: schema %s, body %v, examples %v", media.Schema.Ref, body, mapsKeys(media.Examples))
	}
	// only what the responses refer to
	for _, name := range []string{"Error", "ErrorCode", "ConflictError", "ValidationError", "ValidationErrorDetails"} {
		if doc.Components.Schemas[name] != nil {
			t.Errorf("schema %s added, which nothing refers to", name)
		}
	}
	// closed: a discriminated union of the status's codes, and their schemas
	c.OpenAPI.ClosedUnions = true
	out, _, err = Augment(c, []byte(perOpSpec), "perop.yaml", Options{Force: false})
	if err != nil {
		t.Fatal(err)
	}
	doc = loadValidOpenAPI(t, out)
	body = doc.Components.Schemas["BadRequestBody"]
	if body == nil || len(body.Value.OneOf) != 3 || body.Value.Discriminator == nil {
		t.Errorf("closed BadRequestBody: %v", body)
	}
	for _, name := range []string{"ValidationError", "ValidationErrorDetails", "DuplicateResourceError", "RateLimitExceededDetails", "UnauthorizedBody"} {
		if doc.Components.Schemas[name] == nil {
			t.Errorf("schema %s missing", name)
		}
	}
}

func mapsKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// A name clash is an error only for a component errgen adds.
func TestAugmentClashOnlyWhenMerged(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	petstore := readTestSpec(t, "petstore-expanded.yaml")
	// petstore's Error schema is no clash while nothing refers to errgen's
	out, _, err := Augment(c, petstore, "petstore-expanded.yaml", Options{Force: false})
	if err != nil {
		t.Fatal(err)
	}
	if loadValidOpenAPI(t, out).Components.Schemas["Error"].Value.Properties["message"] == nil {
		t.Error("petstore's own Error schema was replaced")
	}
	// petstore's operations have a default response of their own, so
	// errgen's, whose schema is the envelope Error, is not used either
	c.OpenAPI.DefaultResponse = true
	_, notices, err := Augment(c, petstore, "petstore-expanded.yaml", Options{Force: false})
	if err != nil || len(notices) != 4 {
		t.Errorf("with the default response: %v, notices %q", err, notices)
	}
	// used, it clashes
	var spec string
	spec = strings.Replace(perOpSpec, "components:\n", "components:\n  schemas:\n    Error: {type: string}\n", 1)
	_, _, err = Augment(c, []byte(spec), "envelope.yaml", Options{Force: false})
	if want := "envelope.yaml:38:5: components.schemas.Error is already defined and differs from the Error schema errgen generates from catalog.yaml"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("with the default response: error %v, want %q", err, want)
	}

	// a NotFound of the spec's own clashes only once an operation has
	// errgen's 404: not when the operation's own 404 refers to the spec's
	// NotFound, which is then kept; a reference to NotFound where the spec
	// has none is to errgen's, which is added
	c = mustLoadCatalog(t, "catalog.yaml")
	spec = strings.Replace(perOpSpec, "    Gone:", "    NotFound: {description: The spec's own}\n    Gone:", 1)
	ownRef := func(spec string) string {
		return strings.Replace(spec, "x-errors: [NOT_FOUND]\n      responses: {'200': {description: OK}}",
			"x-errors: [NOT_FOUND]\n      responses: {'200': {description: OK}, '404': {$ref: '#/components/responses/NotFound'}}", 1)
	}
	for _, tc := range []struct{ name, spec, err, notice, notFound string }{
		{"no operation lists it", strings.ReplaceAll(spec, "x-errors: [NOT_FOUND]", "x-errors: []"), "", "", "The spec's own"},
		{"errgen's 404 used", spec, "own.yaml:40:5: components.responses.NotFound is already defined and differs", "", ""},
		{"the operation's own 404 refers to the spec's", ownRef(spec), "",
			"own.yaml:26:45: GET /no-attach: response 404 kept: the spec already defines it (errgen's is NotFound), as the spec's own NotFound, which it refers to; to have errgen's in its place, replace that component: --replace components.responses.NotFound, or replace: [components.responses.NotFound] in openapi.augment", "The spec's own"},
		{"the operation refers to errgen's", ownRef(perOpSpec), "", "", "The requested resource does not exist"},
	} {
		out, notices, err := Augment(c, []byte(tc.spec), "own.yaml", Options{Force: false})
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
		}
		if err != nil {
			continue
		}
		if got := strings.Join(lines(notices), "\n"); got != tc.notice {
			t.Errorf("%s: notices %q, want %q", tc.name, got, tc.notice)
		}
		if r := loadValidOpenAPI(t, out).Components.Responses["NotFound"]; r == nil || !strings.HasPrefix(*r.Value.Description, tc.notFound) {
			t.Errorf("%s: components.responses.NotFound is %+v, want a description starting %q", tc.name, r, tc.notFound)
		}
	}
	// what the notice says to do gives the operation errgen's 404
	out, notices, err = Augment(c, []byte(ownRef(spec)), "own.yaml", Options{Replace: []string{"components.responses.NotFound"}})
	if err != nil || len(notices) != 0 {
		t.Fatalf("replaced as the notice says: %v, notices %q", err, lines(notices))
	}
	if r := loadValidOpenAPI(t, out).Components.Responses["NotFound"]; r == nil || !strings.HasPrefix(*r.Value.Description, "The requested resource does not exist") {
		t.Errorf("replaced as the notice says: components.responses.NotFound is %+v, want errgen's", r)
	}
}

// Every response errgen leaves alone is noted with its position; --force
// replaces them instead, and re-augmenting notes the same again.
func TestAugmentNotices(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	c.OpenAPI.DefaultResponse = true
	spec := strings.Replace(perOpSpec, "  /public:\n    get:\n      security: []\n      responses: {'200': {description: OK}}",
		"  /public:\n    get:\n      security: []\n      responses:\n        '200': {description: OK}\n        '429': {description: Slow down}\n        default: {description: Oops}", 1)
	want := []string{
		"notices.yaml:32:9: GET /public: response 429 kept: the spec already defines it (errgen's is TooManyRequests)",
		"notices.yaml:33:9: GET /public: response default kept: the spec already defines it (errgen's is Default)",
	}
	out, notices, err := Augment(c, []byte(spec), "notices.yaml", Options{Force: false})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lines(notices), want) {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(lines(notices), "\n"), strings.Join(want, "\n"))
	}
	doc := loadValidOpenAPI(t, out)
	if r := doc.Paths.Find("/public").Get.Responses.Status(429); r.Ref != "" || *r.Value.Description != "Slow down" {
		t.Errorf("the spec's 429 was replaced by %q", r.Ref)
	}
	if _, again, err := Augment(c, out, "notices.yaml", Options{Force: false}); err != nil || len(again) != 2 {
		t.Errorf("augmenting again: %v, notices %q", err, again)
	}
	out, notices, err = Augment(c, []byte(spec), "notices.yaml", Options{Force: true})
	if err != nil || len(notices) > 0 {
		t.Fatalf("with force: %v, notices %q", err, notices)
	}
	if r := loadValidOpenAPI(t, out).Paths.Find("/public").Get.Responses.Status(429); r.Ref != "#/components/responses/TooManyRequests" {
		t.Errorf("with force, the 429 is %q", r.Ref)
	}
}
