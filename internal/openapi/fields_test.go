package openapi

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// The fields of an object detail are properties of its schema, an enum
// field's values an enum, and each field's example its property's, as a
// detail's is its own; a detail (or nested object) without an example of
// its own has the one the bodies carry, made of its fields' examples.
func TestOpenAPIFields(t *testing.T) {
	c, err := catalog.Parse("fields.yaml", []byte(`version: 1
api: Fields API
format: flat
errors:
  - code: INVALID
    status: 400
    details:
      - name: problems
        type: object[]
        fields:
          - {name: field, type: string, required: true, example: title}
          - {name: kind, type: string, enum: [{value: missing, description: Not there.}, invalid], example: invalid}
          - name: limits
            type: object
            fields:
              - {name: max, type: integer, required: true, example: 80}
              - {name: unit, type: string, required: true, enum: [chars, items]}
  - {code: INTERNAL, status: 500, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"type":"array","items":{"type":"object","additionalProperties":true,"required":["field"],"properties":{` +
		`"field":{"type":"string","EX":"title"},` +
		`"kind":{"type":"string","enum":["missing","invalid"],"x-enumDescriptions":{"missing":"Not there."},"EX":"invalid"},` +
		`"limits":{"type":"object","additionalProperties":true,"required":["max","unit"],"properties":{` +
		`"max":{"type":"integer","EX":80},"unit":{"type":"string","enum":["chars","items"]}},"EX":{"max":80,"unit":"chars"}}}},` +
		`"EX":[{"field":"title","kind":"invalid","limits":{"max":80,"unit":"chars"}}]}`
	for _, version := range []string{"3.0.3", "3.1.0"} {
		data := emitOpenAPIVersion(t, c, version)
		loadValidOpenAPI(t, data)
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := yamlnode.WriteJSON(&b, yamlPath(t, &doc, "components", "schemas", "InvalidDetails", "properties", "problems"), "", false); err != nil {
			t.Fatal(err)
		}
		w := strings.ReplaceAll(want, `"EX":`, `"example":`)
		if version == "3.1.0" {
			// 3.1 schemas hold a list of examples.
			w = strings.NewReplacer(`"EX":"title"`, `"examples":["title"]`, `"EX":"invalid"`, `"examples":["invalid"]`, `"EX":80`, `"examples":[80]`,
				`"EX":{"max":80,"unit":"chars"}`, `"examples":[{"max":80,"unit":"chars"}]`,
				`"EX":[{"field"`, `"examples":[[{"field"`, `"chars"}}]}`, `"chars"}}]]}`).Replace(want)
		}
		if b.String() != w {
			t.Errorf("%s: problems schema\n%s\nwant\n%s", version, b.String(), w)
		}
	}
}
