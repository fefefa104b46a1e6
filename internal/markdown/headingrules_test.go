package markdown

import (
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// TestHeadingRules: a heading of the page that reads as a sibling before
// it does is refused where the catalog or a translation gives it, in
// every language; headings at other levels, or of parts the page does not
// have, are no problem. Before, the page was written, and markdownlint
// failed it (MD024).
func TestHeadingRules(t *testing.T) {
	const errorsByCategory = "errors:\n  - {code: GONE, status: 404, category: Lookup}\n  - {code: X, status: 500, fallback: true, category: Server}\n"
	tests := []struct {
		name    string
		catalog string // after version and api
		de      string // translations/de.yaml; "" for a catalog of one language
		want    []string
	}{
		{"section as the page's own heading", "docs: {sections: [{title: Handling errors, body: b}]}\n" + errorsByCategory,
			"", []string{`catalog.yaml:3:27: docs section "Handling errors": the page already has a heading "Handling errors" (page word handling_heading): sibling headings that read the same fail markdownlint (MD024), and a link to the second lands on the first; give the section another title`}},
		{"two sections alike", "docs:\n  sections:\n    - {title: Limits, body: a}\n    - {title: Limits, body: b}\n" + errorsByCategory,
			"", []string{`catalog.yaml:6:15: docs section "Limits": the page already has a heading "Limits" (docs section "Limits")`}},
		{"category as the page's own heading", "docs: {group_by: category}\nerrors:\n  - {code: GONE, status: 404, category: Error codes}\n  - {code: X, status: 500, fallback: true, category: Server}\n",
			"", []string{`catalog.yaml:5:12: category "Error codes" (of GONE): the page already has a heading "Error codes" (page word reference_heading): sibling headings that read the same fail markdownlint (MD024), and a link to the second lands on the first; rename the category`}},
		{"section as a category", "docs: {group_by: category, sections: [{title: Lookup, body: b}]}\n" + errorsByCategory,
			"", []string{`catalog.yaml:3:47: docs section "Lookup": the page already has a heading "Lookup" (category "Lookup" (of GONE))`}},
		{"section as a status", "docs: {sections: [{title: 404 Not Found, body: b}]}\n" + errorsByCategory,
			"", []string{`catalog.yaml:3:27: docs section "404 Not Found": the page already has a heading "404 Not Found" (the group of status 404)`}},
		// a heading's spaces are one space
		{"alike as written", "docs: {sections: [{title: \"Error \\ncodes\", body: b}]}\n" + errorsByCategory,
			"", []string{`catalog.yaml:3:27: docs section "Error \ncodes": the page already has a heading "Error codes"`}},
		{"two providers alike", "docs:\n  providers:\n    - {name: Stripe}\n    - {name: Stripe}\n" + errorsByCategory,
			"", []string{`catalog.yaml:6:14: provider "Stripe": the page already has a heading "Stripe" (provider "Stripe"): sibling headings that read the same fail markdownlint (MD024), and a link to the second lands on the first; merge the two providers, or rename one`}},
		{"translated section as a word", "languages: [de]\ndocs: {sections: [{title: Limits, body: b}]}\n" + errorsByCategory,
			"language: de\ndocs:\n  sections:\n    - title: Fehlercodes\n", []string{`translations/de.yaml:4:14: docs section "Fehlercodes": the page in de already has a heading "Fehlercodes" (page word reference_heading)`}},
		{"translated category as a section", "languages: [de]\ndocs: {group_by: category, sections: [{title: Limits, body: b}]}\n" + errorsByCategory,
			"language: de\ncategories:\n  Lookup: Grenzen\ndocs:\n  sections:\n    - title: Grenzen\n", []string{`translations/de.yaml:6:14: docs section "Grenzen": the page in de already has a heading "Grenzen" (category "Grenzen")`}},
		{"translated category as a word", "languages: [de]\ndocs: {group_by: category}\n" + errorsByCategory,
			"language: de\ncategories:\n  Lookup: Fehlercodes\n", []string{`translations/de.yaml:3:11: category "Fehlercodes": the page in de already has a heading "Fehlercodes" (page word reference_heading)`}},
		{"word as a word", "languages: [de]\n" + errorsByCategory,
			"language: de\npage:\n  handling_heading: Fehlercodes\n", []string{`translations/de.yaml:3:3: page word handling_heading: the page in de already has a heading "Fehlercodes" (page word reference_heading)`}},
		// the English page's heading is no German page's
		{"section as another language's word", "languages: [de]\ndocs: {sections: [{title: Fehlercodes, body: b}]}\n" + errorsByCategory,
			"language: de\ndocs:\n  sections:\n    - title: Mehr\n", nil},
		// the page has one group of the two, as it has one of a category
		{"two categories translated alike", "languages: [de]\ndocs: {group_by: category}\n" + errorsByCategory,
			"language: de\ncategories:\n  Lookup: Fehler\n  Server: Fehler\n", nil},
		{"section as a heading of a part the page lacks", "docs: {sections: [{title: Retired codes, body: a}, {title: Provider-specific issues, body: b}]}\n" + errorsByCategory, "", nil},
		{"section as the page's title", "docs: {sections: [{title: Errors, body: b}]}\n" + errorsByCategory, "", nil},
		{"no page", "docs: {out: none, sections: [{title: Handling errors, body: b}]}\n" + errorsByCategory, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := catalog.MemFiles{"catalog.yaml": []byte("version: 1\napi: A\n" + tt.catalog)}
			if tt.de != "" {
				files["translations/de.yaml"] = []byte(tt.de)
			}
			_, err := catalog.LoadFiles(files, "catalog.yaml", Rules)
			var got []string
			var l *diag.List
			if errors.As(err, &l) {
				for _, d := range l.Items {
					if d.Severity == diag.Error {
						got = append(got, d.String())
					}
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("problems:\n%s\nwant %d:\n%s", strings.Join(got, "\n"), len(tt.want), strings.Join(tt.want, "\n"))
			}
			for i, want := range tt.want {
				if !strings.HasPrefix(got[i], want) {
					t.Errorf("problem %d:\n%s\nwant it to start with:\n%s", i, got[i], want)
				}
			}
		})
	}
}
