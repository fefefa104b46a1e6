package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// An enum detail gets an allowed-values table under its error's details,
// its cells escaped like every other; the new types show their JSON types.
func TestMarkdownEnumTable(t *testing.T) {
	c, err := catalog.Parse("enum.yaml", []byte(`version: 1
api: Enum API
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
        description: Why the card was declined.
        example: do_not_honor
        enum:
          - {value: insufficient_funds, description: "The card has insufficient funds | try another."}
          - value: do_not_honor
          - {value: "pipe|value", description: "<b>not HTML</b>"}
      - {name: problems, type: "object[]", example: [{field: a}]}
      - {name: raw, type: any}
  - {code: INTERNAL, status: 500, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	page := mustGenerate(t, c, nil)
	doc := markdowntest.Parse(t, page)
	markdowntest.CheckTables(t, doc)
	values := doc.Table("Value", "Description")
	if values == nil {
		t.Fatalf("no allowed-values table in\n%s", page)
	}
	want := [][]string{
		{"`insufficient_funds`", "The card has insufficient funds | try another."},
		{"`do_not_honor`", "—"},             // described by none, where the others are
		{"`pipe|value`", "<b>not HTML</b>"}, // text, not HTML: the page escapes it
	}
	if len(values.Rows) != len(want) {
		t.Fatalf("allowed values: %d rows, want %d", len(values.Rows), len(want))
	}
	for i, row := range values.Rows {
		if !slices.Equal(row.Cells, want[i]) {
			t.Errorf("allowed values row %d: %q, want %q", i, row.Cells, want[i])
		}
	}
	if !strings.Contains(string(page), "&lt;b&gt;not HTML&lt;/b&gt;") {
		t.Errorf("the description's HTML is not escaped")
	}
	if !strings.Contains(string(page), "**Allowed values of `reason`:**") {
		t.Errorf("the table has no caption naming the detail")
	}
	details := doc.Table("Name", "Type", "Required", "Description", "Example")
	var types []string
	for _, row := range details.Rows {
		types = append(types, row.Cells[1])
	}
	if want := []string{"string", "object[]", "any"}; !slices.Equal(types, want) {
		t.Errorf("details types %q, want %q", types, want)
	}
	fields := doc.Table("Field", "Type", "Description")
	if fields == nil {
		t.Fatalf("no field table")
	}
	for _, row := range fields.Rows {
		if row.Cells[0] == "reason" && row.Cells[1] != "string" {
			t.Errorf("reason member typed %q", row.Cells[1])
		}
	}
}
