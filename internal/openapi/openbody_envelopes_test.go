package openapi

import (
	"bytes"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// TestOpenBodySeveralEnvelopes: a status whose errors are written in
// envelopes of their own, in one media type, has an open body that is one
// of those envelopes, not the first error's alone, which would not decode
// the others' bodies, nor its own examples (Spectral's
// oas3-valid-media-example failed on ITEM_ARCHIVED's).
func TestOpenBodySeveralEnvelopes(t *testing.T) {
	c, err := catalog.Parse("items.yaml", []byte(`version: 1
api: Items API
format: flat
errors:
  - {code: NOT_FOUND, status: 404, message: Not found}
  - code: BAD_FIELD
    status: 422
    message: Bad field
    format: {name: validation, media_type: application/json, body: {error: {code: $code, message: $message}}}
  - {code: ITEM_ARCHIVED, status: 404, message: Archived, format: validation}
  - {code: INTERNAL, status: 500, message: Something went wrong, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(emitOpenAPIVersion(t, c, "3.0.3"), &doc); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ schema, want string }{
		{"NotFoundBody", `[{"$ref":"#/components/schemas/Error"},{"$ref":"#/components/schemas/ValidationError"}]`},
		{"UnprocessableEntityBody", ""}, // one envelope: its shape
	} {
		body := yamlPath(t, &doc, "components", "schemas", tc.schema)
		var got bytes.Buffer
		if oneOf := yamlnode.Get(body, "oneOf"); oneOf != nil {
			if err := yamlnode.WriteJSON(&got, oneOf, "", false); err != nil {
				t.Fatal(err)
			}
		}
		if got.String() != tc.want {
			t.Errorf("%s: oneOf %s, want %q", tc.schema, got.String(), tc.want)
		}
	}
}
