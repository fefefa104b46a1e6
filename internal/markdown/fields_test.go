package markdown

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// The fields of an object detail get a table each, nested objects by path,
// with an Example column where some field has an example (its own, or, for
// a nested object, the one made of its fields'; — for none), and an enum field
// the allowed values an enum detail gets, captioned by its path. The
// detail's example, made of its fields', is what the body carries.
func TestMarkdownFieldTables(t *testing.T) {
	c, err := catalog.Parse("fields.yaml", []byte(fieldsCatalog))
	if err != nil {
		t.Fatal(err)
	}
	page := mustGenerate(t, c, nil)
	doc := markdowntest.Parse(t, page)
	markdowntest.CheckTables(t, doc)
	markdowntest.CheckLint(t, page)
	const example = `[{"field":"title","kind":"invalid","limits":{"max":80,"unit":"chars"}}]`
	checkFieldTables(t, doc, example)
	for _, s := range []string{
		"**Fields of `problems` (each object):**",
		"**Fields of `problems.limits`:**",
		"**Allowed values of `problems.kind`:**\n\n- `missing`\n- `invalid`\n",
		"**Allowed values of `problems.limits.unit`:**\n\n| Value | Description |",
		`"problems": [`,
	} {
		if !strings.Contains(string(page), s) {
			t.Errorf("the page lacks %q:\n%s", s, page)
		}
	}
	values := doc.Table("Value", "Description")
	if values == nil || len(values.Rows) != 2 || values.Rows[0].Cells[1] != "Characters | runes." || values.Rows[1].Cells[1] != "—" {
		t.Errorf("allowed values of problems.limits.unit: %+v", values)
	}
	// errorPart writes what error.tmpl writes (see TestErrorPartIsTemplate).
	for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
		if fast, plain := emitLayout(t, c, layout, goErrorParts|goPage), emitLayout(t, c, layout, 0); !bytes.Equal(fast, plain) {
			t.Errorf("%s layout: errorPart and error.tmpl differ:\n%s", layout, udiff.Unified("error.tmpl", "errorPart", string(plain), string(fast)))
		}
	}
}

// checkFieldTables checks the details table and the field tables of the
// page of fieldsCatalog, whose detail's example is example.
func checkFieldTables(t *testing.T, doc *markdowntest.Doc, example string) {
	t.Helper()
	var tables [][][]string
	for _, tb := range doc.Tables {
		if slices.Equal(tb.Header, []string{"Name", "Type", "Required", "Description", "Example"}) {
			var rows [][]string
			for _, r := range tb.Rows {
				rows = append(rows, r.Cells)
			}
			tables = append(tables, rows)
		}
	}
	want := [][][]string{
		{{"problems", "object[]", "no", "One per problem.", example}},
		{
			{"field", "string", "yes", "—", `"title"`},
			{"kind", "string", "no", "One of the allowed values below.", `"invalid"`},
			{"limits", "object", "no", "—", `{"max":80,"unit":"chars"}`},
		},
		{
			{"max", "integer", "yes", "—", "80"},
			{"unit", "string", "yes", "What max counts.", "—"},
		},
	}
	for i := range tables {
		for j := range tables[i] {
			tables[i][j][0] = strings.Trim(tables[i][j][0], "`")
			tables[i][j][4] = strings.Trim(tables[i][j][4], "`")
		}
	}
	if !slices.EqualFunc(tables, want, func(a, b [][]string) bool { return slices.EqualFunc(a, b, slices.Equal) }) {
		t.Errorf("details and field tables\n%q\nwant\n%q", tables, want)
	}
}

// fieldsCatalog has an object[] detail with fields: nested, enums, examples.
const fieldsCatalog = `version: 1
api: Fields API
format: flat
errors:
  - code: INVALID
    status: 400
    details:
      - name: problems
        type: object[]
        description: One per problem.
        fields:
          - {name: field, type: string, required: true, example: title}
          - {name: kind, type: string, enum: [missing, invalid], example: invalid}
          - name: limits
            type: object
            fields:
              - {name: max, type: integer, required: true, example: 80}
              - {name: unit, type: string, required: true, description: What max counts., enum: [{value: chars, description: "Characters | runes."}, items]}
  - {code: INTERNAL, status: 500, fallback: true}
`
