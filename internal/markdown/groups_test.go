package markdown

import (
	"cmp"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// TestGroupTexts: a text of docs.groups is the paragraph right under its
// group's heading, escaped as an error's description is, in every layout
// and on every language's page (a translation's text under the heading of
// the category as it translates it; an untranslated text in the catalog's
// language); a group without one goes straight to its first error.
func TestGroupTexts(t *testing.T) {
	const errs = `errors:
  - {code: CARD_DECLINED, status: 402, title: Card Declined, category: Payments}
  - {code: NOT_FOUND, status: 404, category: Lookup}
  - {code: GONE, status: 404, category: Lookup}
  - {code: INTERNAL, status: 500, fallback: true, category: Server}
`
	tests := []struct {
		name, catalog, de string
		want              map[string][]string // by page: each heading, then the line after its blank line ("": its first error's)
	}{
		{
			name: "by status",
			catalog: "docs:\n  groups:\n    - {group: 404, description: \"The resource is not there, <or> never was.\"}\n" +
				"    - group: 500\n      description: |\n        Something broke on our side.\n\n        Retry later.\n" + errs,
			de: "docs:\n  groups:\n    404: Die Ressource gibt es nicht.\n",
			want: map[string][]string{
				"en": {"## 404 Not Found", "The resource is not there, &lt;or&gt; never was.", "## 500 Internal Server Error", "Something broke on our side.", "## 402 Payment Required", ""},
				"de": {"## 404 Not Found", "Die Ressource gibt es nicht.", "## 500 Internal Server Error", "Something broke on our side."},
			},
		},
		{
			name:    "by category",
			catalog: "docs:\n  group_by: category\n  groups:\n    - {group: Payments, description: Errors of the payment provider.}\n" + errs,
			de:      "categories: {Payments: Zahlungen}\ndocs:\n  groups:\n    Payments: Fehler des Zahlungsanbieters.\n",
			want: map[string][]string{
				"en": {"## Payments", "Errors of the payment provider.", "## Lookup", ""},
				"de": {"## Zahlungen", "Fehler des Zahlungsanbieters."},
			},
		},
	}
	for _, tt := range tests {
		for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
			c, err := catalog.LoadFiles(catalog.MemFiles{
				"catalog.yaml":         []byte("version: 1\napi: Shop API\nlanguages: [de]\n" + tt.catalog),
				"translations/de.yaml": []byte("language: de\n" + tt.de),
			}, "catalog.yaml", Rules)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			c.Docs.Layout = layout
			for _, p := range mustPages(t, c, nil, "errors.md") {
				lang := cmp.Or(p.Language, "en")
				lines := strings.Split(string(p.Data), "\n")
				want := tt.want[lang]
				for i := 0; i+1 < len(want); i += 2 {
					got := lineAfter(lines, want[i])
					if want[i+1] == "" && (strings.HasPrefix(got, "<a id=") || strings.HasPrefix(got, "### ")) {
						continue // no text: the group's first error
					}
					if got != want[i+1] {
						t.Errorf("%s, %s, %s: under %q: %q, want %q", tt.name, layout, lang, want[i], got, want[i+1])
					}
				}
				markdowntest.CheckLint(t, p.Data)
			}
		}
	}
}

// lineAfter is the line after the blank line that follows heading, "" when
// the page has no such heading.
func lineAfter(lines []string, heading string) string {
	for i, l := range lines {
		if l == heading && i+2 < len(lines) && lines[i+1] == "" {
			return lines[i+2]
		}
	}
	return ""
}
