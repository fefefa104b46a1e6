package markdown

import (
	"bytes"
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

// An optional detail without an example has no value to show: its Example
// cell reads "—", as a field's does, never empty (MD060, and docs/page.md
// promises no empty cell), in both layouts and with or without a
// Description column; errorPart writes what error.tmpl writes.
func TestMarkdownDetailWithoutExample(t *testing.T) {
	for _, tc := range []struct {
		name, details string
		header        []string
	}{
		{"described", `[{name: kind, type: string, enum: [a, b], description: The kind.}, {name: note, type: string, description: A note.}]`,
			[]string{"Name", "Type", "Required", "Description", "Example"}},
		{"undescribed", `[{name: kind, type: string, enum: [a, b]}, {name: count, type: integer}]`,
			[]string{"Name", "Type", "Required", "Example"}},
	} {
		c, err := catalog.Parse("noexample.yaml", []byte(`version: 1
api: Shop API
errors:
  - {code: BAD, status: 400, details: `+tc.details+`}
  - {code: INTERNAL, status: 500, fallback: true}
`))
		if err != nil {
			t.Fatal(err)
		}
		for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
			page := emitLayout(t, c, layout, 0)
			if fast := emitLayout(t, c, layout, goErrorParts|goPage); !bytes.Equal(fast, page) {
				t.Errorf("%s, %s layout: errorPart and error.tmpl differ", tc.name, layout)
			}
			markdowntest.CheckLint(t, page)
			table := markdowntest.Parse(t, page).Table(tc.header...)
			if table == nil || len(table.Rows) != 2 {
				t.Fatalf("%s, %s layout: no details table %q with 2 rows:\n%s", tc.name, layout, tc.header, page)
			}
			for _, r := range table.Rows {
				if got := r.Cells[len(r.Cells)-1]; got != "—" {
					t.Errorf("%s, %s layout: %s's Example cell = %q, want —", tc.name, layout, r.Cells[0], got)
				}
			}
		}
	}
}
