package openapi

import (
	"bytes"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// TestOpenBodyEnumMember: a $details.NAME member of the envelope is in every
// open body of the envelope, the envelope's schema and each status's; a code
// added later may carry the detail with other values, so there it lists no
// enum (a client generated from it would reject them, as ogen does and as
// openapi-typescript's union type does) but names the known values. The
// error's own schema keeps the enum: it is that code's alone.
func TestOpenBodyEnumMember(t *testing.T) {
	c, err := catalog.Parse("cards.yaml", []byte(`version: 1
api: Cards API
format:
  media_type: application/json
  body: {error: {code: $code, message: $message, decline_code: "$details.decline_code?"}}
errors:
  - code: card_declined
    status: 402
    details:
      - {name: decline_code, type: string, required: true, enum: [insufficient_funds, lost_card]}
  - {code: api_error, status: 500, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	data := emitOpenAPIVersion(t, c, "3.0.3")
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	open := "{\"type\":\"string\",\"description\":\"The decline_code detail of the error. Known values: `insufficient_funds`, `lost_card`; a later version may send others.\"}"
	for _, tc := range []struct{ schema, want string }{
		{"Error", open},
		{"PaymentRequiredBody", open},
		{"CardDeclinedError", `{"type":"string","description":"The decline_code detail of the error.","enum":["insufficient_funds","lost_card"]}`},
	} {
		var b bytes.Buffer
		member := yamlPath(t, &doc, "components", "schemas", tc.schema, "properties", "error", "properties", "decline_code")
		if err := yamlnode.WriteJSON(&b, member, "", false); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("%s: decline_code is\n%s\nwant\n%s", tc.schema, b.String(), tc.want)
		}
	}
}
