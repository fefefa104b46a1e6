package markdown

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// TestSummaries: the reference table and the details table fall back on
// what the catalog has when a description is missing.
func TestSummaries(t *testing.T) {
	msg := &catalog.Template{Source: "Rate limit exceeded, retry in {retryAfter} s"}
	errTests := []struct {
		name string
		e    catalog.Error
		want string
	}{
		{"description", catalog.Error{Title: "T", Message: msg, Description: "Said\nhere.\n\nMore."}, "Said here."},
		{"message", catalog.Error{Title: "T", Message: msg}, "Rate limit exceeded, retry in {retryAfter} s"},
		{"title", catalog.Error{Title: "Too Many Requests"}, "Too Many Requests"},
		{"blank description", catalog.Error{Title: "T", Description: " \r\n "}, "T"},
	}
	for _, tc := range errTests {
		t.Run(tc.name, func(t *testing.T) {
			if got := newErrorFields(&tc.e).Summary(); got != tc.want {
				t.Errorf("Summary() = %q, want %q", got, tc.want)
			}
		})
	}

	detailTests := []struct {
		name string
		d    catalog.Detail
		want string
	}{
		{"description", catalog.Detail{Description: "Seconds to wait.", Enum: []catalog.EnumValue{{Value: "a"}}}, "Seconds to wait."},
		{"enum", catalog.Detail{Enum: []catalog.EnumValue{{Value: "a"}}}, "One of the allowed values below."},
		{"none", catalog.Detail{}, "—"},
	}
	for _, tc := range detailTests {
		t.Run("detail "+tc.name, func(t *testing.T) {
			if got := newDetailData(&tc.d, "", english).Summary(); got != tc.want {
				t.Errorf("Summary() = %q, want %q", got, tc.want)
			}
		})
	}

	enum := &catalog.Detail{Enum: []catalog.EnumValue{{Value: "a"}}}
	described := newErrorFields(&catalog.Error{Details: []*catalog.Detail{{}, {Description: "x"}}})
	bare := newErrorFields(&catalog.Error{Details: []*catalog.Detail{enum}})
	if !described.DescribedDetails() || bare.DescribedDetails() {
		t.Errorf("DescribedDetails() = %v, %v; want true, false", described.DescribedDetails(), bare.DescribedDetails())
	}
	values := newDetailData(&catalog.Detail{Enum: []catalog.EnumValue{{Value: "a"}, {Value: "b", Description: "B"}}}, "", english)
	if !values.DescribedValues() || newDetailData(enum, "", english).DescribedValues() {
		t.Errorf("DescribedValues() = %v, %v; want true, false", values.DescribedValues(), newDetailData(enum, "", english).DescribedValues())
	}
}

// TestMarkdownFallbacks: on the page, an error without a description is
// summed up by its message or title, a details table without any
// description has no Description column, and undescribed allowed values
// are a list.
func TestMarkdownFallbacks(t *testing.T) {
	c, err := catalog.Parse("fallbacks.yaml", []byte(`version: 1
api: Fallbacks API
format: flat
errors:
  - code: RATE_LIMITED
    status: 429
    message: Slow down
    details:
      - {name: retryAfter, type: integer, required: true, example: 30}
      - {name: scope, type: string, example: user, enum: [{value: user}, {value: tenant}]}
  - {code: INTERNAL, status: 500, title: Server Trouble, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	page := mustGenerate(t, c, nil)
	doc := markdowntest.Parse(t, page)
	markdowntest.CheckTables(t, doc)
	markdowntest.CheckLint(t, page)
	ref := doc.Table("Code", "Status", "Description")
	if ref == nil || len(ref.Rows) != 2 || ref.Rows[0].Cells[2] != "Slow down" || ref.Rows[1].Cells[2] != "Server Trouble" {
		t.Errorf("reference table %+v, want the message, then the title", ref)
	}
	if doc.Table("Name", "Type", "Required", "Description", "Example") != nil || doc.Table("Name", "Type", "Required", "Example") == nil {
		t.Error("the details table has a Description column, yet no detail is described")
	}
	if doc.Table("Value", "Description") != nil || !strings.Contains(string(page), "**Allowed values of `scope`:**\n\n- `user`\n- `tenant`\n") {
		t.Errorf("undescribed allowed values are not a list:\n%s", page)
	}
}

// english is the page's words in English, the default language.
var english = wordsIn(&catalog.Catalog{Language: catalog.DefaultLanguage}, catalog.DefaultLanguage)
