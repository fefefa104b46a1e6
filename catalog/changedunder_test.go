package catalog_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// changedCatalog is a catalog before and after a change under its German
// translation: a detail renamed, a troubleshooting row
// added, a docs section added.
func changedCatalog(detail, rows, sections string) string {
	return fmt.Sprintf(`version: 1
api: F5
languages: [de]
docs:
  sections:
    - {title: Retries, body: Retry 5xx.}%s
errors:
  - code: NOT_FOUND
    status: 404
    message: "{%s} was not found."
    details:
      - {name: %s, type: string, required: true, description: The id.}
    troubleshooting:
      - {check: The id is wrong, solution: Check it.}%s
  - {code: INTERNAL_ERROR, status: 500, fallback: true}
`, sections, detail, detail, rows)
}

// A problem a change of the catalog made under a translation is a warning
// (--strict makes it an error), the text reading in the catalog's
// language, when the translation records the source of other texts than
// today's; the same problem in a translation made from today's texts, or
// marked reviewed, or recording no source, is the translator's, an error.
func TestChangedUnderTranslation(t *testing.T) {
	before := changedCatalog("id", "", "")
	for _, tc := range []struct {
		name, after, entry, top, problem string
		below                            int // the problem's line below the entry's text
		messageKept, rowsKept            bool
	}{{
		name:     "a detail renamed",
		after:    changedCatalog("ident", "", ""),
		entry:    "message: \"{id} wurde nicht gefunden.\"",
		problem:  `translations/de.yaml:%d:14: %serror "NOT_FOUND": message placeholder {id} names no detail of the error: use the placeholders of the en message ({ident} was not found.)`,
		rowsKept: true,
	}, {
		name:        "a troubleshooting row added",
		after:       changedCatalog("id", "\n      - {check: The id is old, solution: Renew it.}", ""),
		entry:       "message: \"{id} wurde nicht gefunden.\"",
		below:       1,
		problem:     `translations/de.yaml:%d:22: %serror "NOT_FOUND": troubleshooting: 1 row here, 2 in the catalog: translate each, in the catalog's order (they are matched by position)`,
		messageKept: true,
	}, {
		name:        "a section added",
		after:       changedCatalog("id", "", "\n    - {title: Limits, body: Slow down.}"),
		top:         "docs:\n  sections:\n    - {title: Wiederholen, body: 5xx wiederholen.}\n",
		problem:     `translations/de.yaml:%d:5: %sdocs.sections: 1 section here, 2 in the catalog: translate each, in the catalog's order (they are matched by position)`,
		messageKept: true, rowsKept: true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			old := load(t, before)
			now := load(t, tc.after)
			for _, s := range []struct {
				name             string
				source, reviewed string
				stale            bool
			}{
				{"made from the texts before", sourceOf(old, tc.top != ""), "", true},
				{"made from today's texts", sourceOf(now, tc.top != ""), "", false},
				{"made before, marked reviewed", sourceOf(old, tc.top != ""), "reviewed: true", false},
				{"recording no source", "", "", false},
			} {
				t.Run(s.name, func(t *testing.T) {
					de, line := changedTranslation(tc.entry, tc.top, s.source, s.reviewed)
					line += tc.below
					c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(tc.after), "translations/de.yaml": []byte(de)}, "catalog.yaml")
					if !s.stale {
						want := fmt.Sprintf(tc.problem, line, "")
						if err == nil || !strings.Contains(err.Error(), want) {
							t.Fatalf("Load: %v\nwant the error %s", err, want)
						}
						return
					}
					if err != nil {
						t.Fatalf("Load: %v\n%s", err, de)
					}
					want := fmt.Sprintf(tc.problem, line, "warning: ") + "; the translation is stale"
					if !strings.Contains(c.Warnings.Error(), want) {
						t.Errorf("warnings:\n%s\nwant:\n%s", c.Warnings.Error(), want)
					}
					tr := c.Translations["de"]
					if et := tr.Errors["NOT_FOUND"]; et != nil && tc.entry != "" {
						if (et.Message != nil) != tc.messageKept || (len(et.Troubleshooting) > 0) != tc.rowsKept {
							t.Errorf("message %v, rows %v; want the message kept: %v, the rows: %v", et.Message, et.Troubleshooting, tc.messageKept, tc.rowsKept)
						}
					}
					if tc.top != "" && len(tr.Sections) != 0 {
						t.Errorf("sections %+v, want none: they read in en", tr.Sections)
					}
				})
			}
		})
	}
}

// sourceOf is the source hash a translation made from c records: of
// NOT_FOUND, or of the top-level texts.
func sourceOf(c *catalog.Catalog, top bool) string {
	if top {
		return catalog.TopSourceHash(c)
	}
	return catalog.SourceHash(c.Errors[0])
}

// changedTranslation is the German translation of changedCatalog with
// NOT_FOUND's entry (a message and one troubleshooting row) or the
// top-level texts translated, recording source and reviewed; line is
// where the text a problem is at lies.
func changedTranslation(entry, top, source, reviewed string) (de string, line int) {
	var b strings.Builder
	b.WriteString("language: de\n")
	if top != "" {
		if source != "" {
			b.WriteString("source: " + source + "\n")
		}
		if reviewed != "" {
			b.WriteString(reviewed + "\n")
		}
		line = strings.Count(b.String(), "\n") + 3
		b.WriteString(top)
		return b.String(), line
	}
	b.WriteString("errors:\n  NOT_FOUND:\n")
	if source != "" {
		b.WriteString("    source: " + source + "\n")
	}
	if reviewed != "" {
		b.WriteString("    " + reviewed + "\n")
	}
	line = strings.Count(b.String(), "\n") + 1
	b.WriteString("    " + entry + "\n")
	b.WriteString("    troubleshooting: [{check: Die ID ist falsch, solution: Prüfen.}]\n")
	return b.String(), line
}

func load(t *testing.T, src string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(src)}, "catalog.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return c
}

// A detail the translated message places made optional changes no text,
// so no source hash: the problem is a warning all the same while the
// translation records a source and is not marked reviewed, the message
// reading in the catalog's language; reviewed, or recording no source, it
// is an error.
func TestReshapedUnderTranslation(t *testing.T) {
	// the catalog's message does not place id: only the translation's does
	cat := strings.Replace(changedCatalog("id", "", ""), `message: "{id} was not found."`, `message: "It was not found."`, 1)
	catOptional := strings.Replace(cat, "required: true", "required: false", 1)
	if a, b := catalog.SourceHash(load(t, cat).Errors[0]), catalog.SourceHash(load(t, catOptional).Errors[0]); a != b {
		t.Fatalf("making a detail optional changed the source hash: %s, %s", a, b)
	}
	const problem = `error "NOT_FOUND": message placeholder {id} names an optional detail, which may be missing: drop the placeholder`
	for _, tc := range []struct {
		name, source, reviewed string
		warning                bool
	}{
		{"recording a source", catalog.SourceHash(load(t, catOptional).Errors[0]), "", true},
		{"marked reviewed", catalog.SourceHash(load(t, catOptional).Errors[0]), "reviewed: true", false},
		{"recording no source", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			de, _ := changedTranslation(`message: "{id} fehlt."`, "", tc.source, tc.reviewed)
			c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(catOptional), "translations/de.yaml": []byte(de)}, "catalog.yaml")
			if !tc.warning {
				if err == nil || !strings.Contains(err.Error(), problem) {
					t.Fatalf("Load: %v\nwant the error %s", err, problem)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if w := c.Warnings.Error(); !strings.Contains(w, "warning: "+problem+"; the catalog may have changed the details under the translation, so the message reads in en") {
				t.Errorf("warnings:\n%s", w)
			}
			if c.Translations["de"].Errors["NOT_FOUND"].Message != nil {
				t.Error("the translated message is kept")
			}
		})
	}
}
