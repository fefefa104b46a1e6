package openapi

// The details and headers of the OpenAPI output: each detail type's
// schema, enums and JSON details, and the headers of error responses.

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// The schema type of each detail type, in both dialects.
func TestOpenAPIDetailTypes(t *testing.T) {
	tests := []struct {
		typ      catalog.DetailType
		nullable bool
		v30, v31 string // the schema as compact JSON
	}{
		{catalog.TypeString, false, `{"type":"string"}`, `{"type":"string"}`},
		{catalog.TypeInteger, false, `{"type":"integer"}`, `{"type":"integer"}`},
		{catalog.TypeNumber, false, `{"type":"number"}`, `{"type":"number"}`},
		{catalog.TypeBoolean, false, `{"type":"boolean"}`, `{"type":"boolean"}`},
		{catalog.TypeStrings, false, `{"type":"array","items":{"type":"string"}}`, `{"type":"array","items":{"type":"string"}}`},
		{catalog.TypeStringMap, false, `{"type":"object","additionalProperties":{"type":"string"}}`, `{"type":"object","additionalProperties":{"type":"string"}}`},
		{catalog.TypeObject, false, `{"type":"object","additionalProperties":true}`, `{"type":"object","additionalProperties":true}`},
		{catalog.TypeStrings, true, `{"type":"array","nullable":true,"items":{"type":"string"}}`, `{"type":["array","null"],"items":{"type":"string"}}`},
		{catalog.TypeObject, true, `{"type":"object","nullable":true,"additionalProperties":true}`, `{"type":["object","null"],"additionalProperties":true}`},
		{catalog.TypeObjects, false, `{"type":"array","items":{"type":"object","additionalProperties":true}}`, `{"type":"array","items":{"type":"object","additionalProperties":true}}`},
		{catalog.TypeObjects, true, `{"type":"array","nullable":true,"items":{"type":"object","additionalProperties":true}}`, `{"type":["array","null"],"items":{"type":"object","additionalProperties":true}}`},
		{catalog.TypeAny, false, `{"anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"array","items":{"anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"array","items":{}},{"type":"object","additionalProperties":true,"nullable":true}]}},{"type":"object","additionalProperties":true,"nullable":true}]}`, `{}`},
		{catalog.TypeAny, true, `{"anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"array","items":{"anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"array","items":{}},{"type":"object","additionalProperties":true,"nullable":true}]}},{"type":"object","additionalProperties":true,"nullable":true}]}`, `{}`},
	}
	for _, tt := range tests {
		for _, v31 := range []bool{false, true} {
			g := &generator{v31: v31}
			var b bytes.Buffer
			if err := yamlnode.WriteJSON(&b, g.typeSchema(tt.typ, tt.nullable), "", false); err != nil {
				t.Fatal(err)
			}
			want := tt.v30
			if v31 {
				want = tt.v31
			}
			if b.String() != want {
				t.Errorf("%s nullable=%v 3.1=%v: %s, want %s", tt.typ, tt.nullable, v31, b.String(), want)
			}
		}
	}
}

// The new detail types reach the details schemas: an enum lists its values
// and their descriptions, object[] is an array of objects, any has no type,
// and a required object is never null (the generated Go refuses to send
// one). A $details.NAME member that some error may leave out adds null to
// the enum. Every example validates against its document.
func TestOpenAPIEnumAndJSONDetails(t *testing.T) {
	c, err := catalog.Parse("types.yaml", []byte(`version: 1
api: Types API
format:
  media_type: application/json
  body: {code: $code, reason: $details.reason, details: $details}
errors:
  - code: DECLINED
    status: 402
    details:
      - name: reason
        type: string
        required: true
        example: expired_card
        enum:
          - {value: insufficient_funds, description: The card has insufficient funds.}
          - {value: expired_card}
      - {name: fields, type: object, required: true}
      - {name: problems, type: "object[]", example: [{field: a}, {field: b}]}
      - {name: raw, type: any, required: true, example: [1, "two", null]}
  - {code: INTERNAL, status: 500, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, version := range []string{"3.0.3", "3.1.0"} {
		data := emitOpenAPIVersion(t, c, version)
		loadValidOpenAPI(t, data)
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		props := yamlPath(t, &doc, "components", "schemas", "DeclinedDetails", "properties")
		wantProps := map[string]string{
			"reason":   `{"type":"string","enum":["insufficient_funds","expired_card"],"x-enumDescriptions":{"insufficient_funds":"The card has insufficient funds."},"EX":["expired_card"]}`,
			"fields":   `{"type":"object","additionalProperties":true}`,
			"problems": `{"type":"array","items":{"type":"object","additionalProperties":true},"EX":[[{"field":"a"},{"field":"b"}]]}`,
			"raw":      `{"EX":[[1,"two",null]]}`,
		}
		if version == "3.0.3" {
			wantProps["raw"] = `{"anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"array","items":{"anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"},{"type":"array","items":{}},{"type":"object","additionalProperties":true,"nullable":true}]}},{"type":"object","additionalProperties":true,"nullable":true}],"EX":[1,"two",null]}`
			wantProps["reason"] = strings.Replace(wantProps["reason"], `"EX":["expired_card"]`, `"EX":"expired_card"`, 1)
			wantProps["problems"] = strings.Replace(wantProps["problems"], `"EX":[[{"field":"a"},{"field":"b"}]]`, `"EX":[{"field":"a"},{"field":"b"}]`, 1)
		}
		ex := `"examples"`
		if version == "3.0.3" {
			ex = `"example"`
		}
		for name, want := range wantProps {
			var b bytes.Buffer
			if err := yamlnode.WriteJSON(&b, yamlPath(t, props, name), "", false); err != nil {
				t.Fatal(err)
			}
			if want = strings.ReplaceAll(want, `"EX"`, ex); b.String() != want {
				t.Errorf("%s: %s schema\n%s\nwant\n%s", version, name, b.String(), want)
			}
		}
		// The envelope's member lists no enum (a later code may send other
		// values: TestOpenBodyEnumMember); DECLINED's own schema does, and
		// INTERNAL has no reason, so the envelope's member may be null.
		reason := yamlPath(t, &doc, "components", "schemas", "DeclinedError", "properties", "reason", "enum")
		if n := len(reason.Content); n != 2 {
			t.Errorf("%s: DECLINED's reason member has enum %d values, want 2", version, n)
		}
		var member bytes.Buffer
		if err := yamlnode.WriteJSON(&member, yamlPath(t, &doc, "components", "schemas", "Error", "properties", "reason"), "", false); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(member.String(), "null") || strings.Contains(member.String(), `"enum"`) {
			t.Errorf("%s: the envelope's reason member is %s, want it nullable, without an enum", version, member.String())
		}
	}
}

// Headers: Retry-After is an integer when it is one integer detail, and a
// 401 announces its challenge in WWW-Authenticate.
func TestOpenAPIHeaders(t *testing.T) {
	for _, tc := range catalogtest.All(t) {
		t.Run(tc.Name, func(t *testing.T) {
			doc := loadValidOpenAPI(t, emitOpenAPIVersion(t, tc.C, tc.C.OpenAPI.Version))
			for _, e := range tc.C.Errors {
				resp := doc.Components.Responses[names.StatusResponse(e.Status)].Value
				for _, h := range e.Headers {
					hd := resp.Headers[h.Name]
					if hd == nil {
						t.Errorf("%s: response %s lacks header %s", e.Code, names.StatusResponse(e.Status), h.Name)
						continue
					}
					want := "string"
					if d := singleDetail(e, h.Value); d != nil && d.Type == catalog.TypeInteger {
						want = "integer"
					}
					if !hd.Value.Schema.Value.Type.Is(want) {
						t.Errorf("%s: header %s type %v, want %s", e.Code, h.Name, hd.Value.Schema.Value.Type, want)
					}
					if hd.Value.Description == "" {
						t.Errorf("%s: header %s has no description", e.Code, h.Name)
					}
				}
				if e.Challenge != "" {
					hd := resp.Headers["WWW-Authenticate"]
					if hd == nil {
						t.Errorf("%s: 401 response lacks WWW-Authenticate", e.Code)
						continue
					}
					if !hd.Value.Required || hd.Value.Description == "" || !hd.Value.Schema.Value.Type.Is("string") {
						t.Errorf("%s: WWW-Authenticate = %+v, want a required, described string", e.Code, hd.Value)
					}
				}
			}
		})
	}
	// the bundled catalog's 429 and 401, spelled out
	c, err := catalog.Load(catalogtest.Path("catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	doc := loadValidOpenAPI(t, emitOpenAPIVersion(t, c, c.OpenAPI.Version))
	ra := doc.Components.Responses["TooManyRequests"].Value.Headers["Retry-After"].Value
	if !ra.Schema.Value.Type.Is("integer") || !ra.Required {
		t.Errorf("TooManyRequests Retry-After = %+v, want a required integer", ra)
	}
	wa := doc.Components.Responses["Unauthorized"].Value.Headers["WWW-Authenticate"].Value
	if wa.Example != "Bearer" {
		t.Errorf("Unauthorized WWW-Authenticate example = %v, want Bearer", wa.Example)
	}
}
