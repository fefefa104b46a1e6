package markdown

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// Templates overriding the bundled ones (--templates, or the catalog's
// docs.templates) are held to the heading rule as the bundled ones are,
// on the pages they write: a ## heading of theirs that reads as a section,
// a category, a page word or another of theirs is refused, where the
// catalog, the translation or the template writes it. A heading the
// bundled templates have and the overrides take out is no rule's business
// any more. Before, the rule judged the bundled templates' headings only:
// a page whose override repeated a section's title was written, and
// markdownlint failed it (MD024); a catalog whose section took the title
// of a part its templates removed was refused.
func TestRenderedHeadingRules(t *testing.T) {
	const errs = "errors:\n  - {code: GONE, status: 404}\n  - {code: X, status: 500, fallback: true}\n"
	tests := []struct {
		name     string
		catalog  string // after version and api
		de       string // translations/de.yaml; "" for a catalog of one language
		override string // handling.tmpl: given as --templates, or in tpl/ when the catalog names it
		want     []string
		keyOnly  bool // docs.templates only: the catalog's rules judge the bundled headings without it
	}{
		{"an override's heading as a section", "docs: {sections: [{title: Limits, body: b}]}\n" + errs, "", "## Limits\n",
			[]string{`errors.md: catalog.yaml:3:27: docs section "Limits": the page already has a heading "Limits" (template handling.tmpl): sibling headings that read the same fail markdownlint (MD024), and a link to the second lands on the first; give the section another title`}, false},
		{"an override's heading as a page word", errs, "", "Some words.\n\n## Error codes\n",
			[]string{`errors.md: tpl/handling.tmpl:3:1: template handling.tmpl: the page already has a heading "Error codes" (page word reference_heading): sibling headings that read the same fail markdownlint (MD024), and a link to the second lands on the first; give one of the two headings another title`}, false},
		{"two headings of an override", errs, "", "## Notes\n\n## Notes\n",
			[]string{`errors.md: tpl/handling.tmpl:1:1: template handling.tmpl: the page already has a heading "Notes" (another heading of the templates)`}, false},
		// at the ## heading that repeats, not at the word in a line above it; and once
		// for a heading written three times (a {{range}} around a literal heading, say)
		{"two headings of an override, the word above", errs, "", "See the Notes below.\n\n## Notes\n\n## Notes\n",
			[]string{`errors.md: tpl/handling.tmpl:3:1: template handling.tmpl: the page already has a heading "Notes" (another heading of the templates)`}, false},
		{"three headings of an override", errs, "", "## Notes\n\n## Notes\n\n## Notes\n",
			[]string{`errors.md: tpl/handling.tmpl:1:1: template handling.tmpl: the page already has a heading "Notes" (another heading of the templates)`}, false},
		{"a translated section as an override's heading", "languages: [de]\ndocs: {sections: [{title: Limits, body: b}]}\n" + errs, "language: de\ndocs: {sections: [{title: Grenzen}]}\n", "## Grenzen\n",
			[]string{`errors.de.md: translations/de.yaml:2:27: docs section "Grenzen": the page in de already has a heading "Grenzen" (template handling.tmpl)`}, false},
		{"a section titled as the part the override takes out", "docs: {sections: [{title: Handling errors, body: b}]}\n" + errs, "", "", nil, true},
		{"an override's headings apart", "docs: {sections: [{title: Limits, body: b}]}\n" + errs, "", "## Retries\n\n```sh\n## Limits\n```\n", nil, false},
	}
	for _, tt := range tests {
		for _, key := range []bool{false, true} {
			if tt.keyOnly && !key {
				continue
			}
			name := tt.name + ", --templates"
			if key {
				name = tt.name + ", docs.templates"
			}
			t.Run(name, func(t *testing.T) {
				root := "version: 1\napi: Shop\n" + tt.catalog
				files := catalog.MemFiles{}
				var templates fstest.MapFS
				if key {
					// last in the docs mapping: the columns before it stay
					if i := strings.Index(root, "docs: {"); i >= 0 {
						end := i + strings.Index(root[i:], "}\n")
						root = root[:end] + ", templates: tpl" + root[end:]
					} else {
						root += "docs: {templates: tpl}\n"
					}
					files["tpl/handling.tmpl"] = []byte(tt.override)
				} else {
					templates = fstest.MapFS{"handling.tmpl": {Data: []byte(tt.override)}}
				}
				files["catalog.yaml"] = []byte(root)
				if tt.de != "" {
					files["translations/de.yaml"] = []byte(tt.de)
				}
				c, err := catalog.LoadFiles(files, "catalog.yaml", Rules)
				if err != nil {
					t.Fatal(err)
				}
				_, err = Pages(c, header, nilIfEmpty(templates), "")
				var got []string
				var l *diag.List
				if errors.As(err, &l) {
					for _, d := range l.Items {
						got = append(got, strings.SplitN(err.Error(), ": ", 2)[0]+": "+d.String())
					}
				} else if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(tt.want) {
					t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
				}
				for i := range got {
					want := tt.want[i]
					if !key {
						want = strings.Replace(want, "tpl/handling.tmpl", "handling.tmpl", 1)
					}
					if !strings.HasPrefix(got[i], want) {
						t.Errorf("problem %d:\n%s\nwant:\n%s", i, got[i], want)
					}
				}
			})
		}
	}
}

// nilIfEmpty is m as a file system, nil when it is (no --templates).
func nilIfEmpty(m fstest.MapFS) fs.FS {
	if m == nil {
		return nil
	}
	return m
}
