package augment

import (
	"bytes"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// replaceCatalog has RATE_LIMITED at 429, whose response errgen names
// TooManyRequests, like the component of replaceSpec's own.
const replaceCatalog = `version: 1
api: F1
errors:
  - {code: RATE_LIMITED, status: 429, message: Slow down.}
  - {code: INTERNAL_ERROR, status: 500, fallback: true}
`

// replaceSpec is a spec that defines a TooManyRequests response of its
// own, which GET /y refers to, and lists RATE_LIMITED on GET /x.
const replaceSpec = `openapi: 3.0.3
info: {title: F1, version: "1"}
paths:
  /x:
    get:
      x-errors: [RATE_LIMITED]
      responses:
        '200': {description: ok}
  /y:
    get:
      responses:
        '200': {description: ok}
        '429': {$ref: '#/components/responses/TooManyRequests'}
components:
  responses:
    TooManyRequests:
      description: my own
`

// Options.Replace replaces the spec's components it names with errgen's,
// on every run and without Force: a spec written to another file keeps
// its own on every run, so a one-off --force on the output cannot last
// (before, there was no way but Force on every run). A name that replaces
// nothing is noted, and one Replace does not name still clashes.
func TestAugmentReplace(t *testing.T) {
	c, err := catalog.Parse("catalog.yaml", []byte(replaceCatalog))
	if err != nil {
		t.Fatal(err)
	}
	const mine = "components.responses.TooManyRequests"
	clash := "api.yaml:16:5: components.responses.TooManyRequests is already defined and differs from the TooManyRequests response errgen generates from catalog.yaml; set openapi.prefix in the catalog, rename the spec's, or use --replace components.responses.TooManyRequests (or --force) to replace it"
	for _, tc := range []struct {
		name    string
		replace []string
		err     string
		notices []string
	}{
		{"none", nil, clash, nil},
		{"another component", []string{"components.responses.NotFound"}, clash, nil},
		{"the spec's", []string{mine}, "", nil},
		{"the spec's and one errgen does not add", []string{"components.schemas.Nope", mine}, "", []string{
			"api.yaml: components.schemas.Nope is listed to be replaced, but errgen replaced nothing there (the spec does not define it, errgen adds no such component, or the two are the same): drop it from the list"}},
	} {
		out, notices, err := Augment(c, []byte(replaceSpec), "api.yaml", Options{Replace: tc.replace})
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s: err\n%v\nwant\n%s", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := lines(notices); strings.Join(got, "\n") != strings.Join(tc.notices, "\n") {
			t.Errorf("%s: notices\n%q\nwant\n%q", tc.name, got, tc.notices)
		}
		doc := loadValidOpenAPI(t, out)
		if d := doc.Components.Responses["TooManyRequests"].Value.Description; d == nil || *d != "Too Many Requests" {
			t.Errorf("%s: TooManyRequests is not errgen's:\n%s", tc.name, out)
		}
		for _, path := range []string{"/x", "/y"} {
			if r := doc.Paths.Find(path).Get.Responses.Status(429); r == nil || r.Ref != "#/components/responses/TooManyRequests" {
				t.Errorf("%s: GET %s 429 does not refer to TooManyRequests:\n%s", tc.name, path, out)
			}
		}
		// every run reads the same spec and writes the same output; a run
		// on the output (out == spec) changes nothing
		for _, in := range [][]byte{[]byte(replaceSpec), out} {
			if again, _, err := Augment(c, in, "api.yaml", Options{Replace: tc.replace}); err != nil || !bytes.Equal(again, out) {
				t.Errorf("%s: augmenting again gives another output (err %v):\n%s", tc.name, err, again)
			}
		}
	}
}

// A component of the spec's that only the components errgen replaces
// referred to is used by nothing in the output, which Redocly and Spectral
// report as unused: errgen notes it, at the component, on the run that
// replaces (Redocly's museum spec: its Error schema, once BadRequest,
// NotFound and Unauthorized are errgen's). One still referred to, or only
// by itself, is not noted.
func TestAugmentReplaceNotesOrphans(t *testing.T) {
	const catalogYAML = `version: 1
api: F1
errors:
  - {code: NOT_FOUND, status: 404}
  - {code: RATE_LIMITED, status: 429, message: Slow down.}
  - {code: INTERNAL_ERROR, status: 500, fallback: true}
`
	const spec = `openapi: 3.0.3
info: {title: F1, version: "1"}
paths:
  /x:
    get:
      x-errors: [RATE_LIMITED, NOT_FOUND]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Shared'}}}}
        '404': {$ref: '#/components/responses/NotFound'}
        '429': {$ref: '#/components/responses/TooManyRequests'}
components:
  schemas:
    Problem: {type: object, properties: {detail: {$ref: '#/components/schemas/Shared/properties/a'}}}
    Shared: {type: object, properties: {a: {type: string}}}
  responses:
    TooManyRequests:
      description: my own
      content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}
    NotFound:
      description: mine too
      content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}
`
	c, err := catalog.Parse("catalog.yaml", []byte(catalogYAML))
	if err != nil {
		t.Fatal(err)
	}
	orphan := func(by string) string {
		return "api.yaml:13:5: components.schemas.Problem is no longer used: only " + by + " (linters report an unused component: Redocly's no-unused-components, Spectral's oas3-unused-component); delete it, unless the spec errgen reads still refers to it"
	}
	for _, tc := range []struct {
		name    string
		replace []string
		notices []string
	}{
		{"one of two replaced: the other still refers to it", []string{"components.responses.TooManyRequests"}, nil},
		{"both replaced", []string{"components.responses.TooManyRequests", "components.responses.NotFound"},
			[]string{orphan("components.responses.NotFound and components.responses.TooManyRequests referred to it, and errgen replaced them")}},
	} {
		out, notices, err := Augment(c, []byte(spec), "api.yaml", Options{Replace: tc.replace})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		// in place, a later run replaces nothing of the author's: no news
		_, again, err := Augment(c, out, "api.yaml", Options{Replace: tc.replace})
		if err != nil || strings.Contains(strings.Join(lines(again), "\n"), "no longer used") {
			t.Errorf("%s: a run on the output: err %v, notices %q", tc.name, err, lines(again))
		}
		var got []string
		for _, l := range lines(notices) {
			if strings.Contains(l, "no longer used") {
				got = append(got, l)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tc.notices, "\n") {
			t.Errorf("%s: notices\n%q\nwant\n%q", tc.name, got, tc.notices)
		}
	}
}
