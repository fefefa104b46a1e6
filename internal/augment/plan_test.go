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
    Conflict: {description: "The spec's own, which no operation uses"}
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
	const attached = "401:UnauthorizedUnauthorized 429:TooManyRequests 500:InternalServerError"
	want := map[string]string{
		"GET /one":           "400:BadRequestValidationError " + attached,
		"GET /one-again":     "400:BadRequestValidationError " + attached,
		"POST /two":          "400:BadRequestValidationErrorInvalidJSON " + attached,
		"PUT /all":           "400:BadRequest " + attached,
		"GET /no-attach":     "404:NotFound",
		"GET /public":        "429:TooManyRequests 500:InternalServerError",
		"GET /public-listed": "401:UnauthorizedUnauthorized 429:TooManyRequests 500:InternalServerError",
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
	var responses []string
	for name := range doc.Components.Responses {
		responses = append(responses, name)
	}
	slices.Sort(responses)
	if got, want := strings.Join(responses, " "), "BadRequest BadRequestValidationError BadRequestValidationErrorInvalidJSON Conflict InternalServerError NotFound TooManyRequests UnauthorizedUnauthorized"; got != want {
		t.Errorf("responses %s, want %s", got, want)
	}
	// a single code is its schema; several, a union with a discriminator
	one := doc.Components.Responses["BadRequestValidationError"].Value.Content["application/json"]
	if one.Schema.Ref != "#/components/schemas/ValidationError" || len(one.Examples) != 1 || one.Examples["VALIDATION_ERROR"] == nil {
		t.Errorf("BadRequestValidationError: schema %s, examples %v", one.Schema.Ref, mapsKeys(one.Examples))
	}
	two := doc.Components.Responses["BadRequestValidationErrorInvalidJSON"].Value.Content["application/json"]
	body := doc.Components.Schemas["BadRequestValidationErrorInvalidJSONBody"]
	if two.Schema.Ref != "#/components/schemas/BadRequestValidationErrorInvalidJSONBody" || body == nil ||
		len(body.Value.OneOf) != 2 || body.Value.Discriminator == nil || len(two.Examples) != 2 {
		t.Errorf("BadRequestValidationErrorInvalidJSON: schema %s, body %v", two.Schema.Ref, body)
	}
	// the schemas are those the responses refer to
	for _, name := range []string{"Error", "ErrorCode", "ConflictError", "TokenExpiredError", "ForbiddenError"} {
		if doc.Components.Schemas[name] != nil {
			t.Errorf("schema %s added, which nothing refers to", name)
		}
	}
	for _, name := range []string{"ValidationError", "ValidationErrorDetails", "DuplicateResourceError", "BadRequestBody", "RateLimitExceededDetails"} {
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

	// a BadRequest of the spec's own clashes only once an operation lists all 400s
	c = mustLoadCatalog(t, "catalog.yaml")
	spec = strings.Replace(perOpSpec, "    Conflict:", "    BadRequest: {description: The spec's own}\n    Conflict:", 1)
	for _, tc := range []struct{ spec, err string }{
		{strings.ReplaceAll(spec, "INVALID_JSON", "NOT_FOUND"), ""},
		{spec, "own.yaml:40:5: components.responses.BadRequest is already defined and differs"},
	} {
		_, _, err := Augment(c, []byte(tc.spec), "own.yaml", Options{Force: false})
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("no operation uses BadRequest: %v", err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("error %v, want %q", err, tc.err)
		}
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
