package catalog_test

import (
	"reflect"
	"testing"

	"github.com/errgen/errgen/catalog"
)

func TestInTranslatesTextsAndMarksTheRest(t *testing.T) {
	c, err := catalog.Parse("catalog.yaml", []byte(`version: 1
api: Shop
errors:
  - code: NOT_FOUND
    status: 404
    title: Not found
    message: "{kind} not found"
    description: The thing is not there.
    causes: [It was deleted.]
    details:
      - {name: kind, type: string, required: true, description: What was looked for.}
  - code: GONE
    status: 410
    message: Gone for good
    replaced_by: NOT_FOUND
    deprecated: use NOT_FOUND
  - code: INTERNAL
    status: 500
    fallback: true
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Language != catalog.DefaultLanguage {
		t.Fatalf("Language = %q, want %q", c.Language, catalog.DefaultLanguage)
	}
	if c.In("de") != c {
		t.Fatal("In of a language without translation is not the catalog itself")
	}
	msg := &catalog.Template{Source: "{kind} nicht gefunden", Parts: []catalog.TemplatePart{{Detail: "kind"}, {Literal: " nicht gefunden"}}}
	c.Languages = []string{"de"}
	c.Translations = map[string]*catalog.Translation{"de": {Language: "de", Errors: map[string]*catalog.ErrorTranslation{
		"NOT_FOUND": {Code: "NOT_FOUND", Title: "Nicht gefunden", Message: msg, Details: map[string]*catalog.DetailTranslation{"kind": {Description: "Was gesucht wurde."}}},
	}}}
	de := c.In("de")
	nf, gone := de.Errors[0], de.Errors[1]
	if nf.Title != "Nicht gefunden" || nf.Message != msg || nf.Details[0].Description != "Was gesucht wurde." {
		t.Errorf("translated texts not taken: %q %q %q", nf.Title, nf.Message.Source, nf.Details[0].Description)
	}
	if want := []string{"description", "causes"}; !reflect.DeepEqual(nf.Untranslated, want) {
		t.Errorf("Untranslated = %q, want %q", nf.Untranslated, want)
	}
	if want := []string{"title", "message", "deprecated"}; !reflect.DeepEqual(gone.Untranslated, want) {
		t.Errorf("GONE Untranslated = %q, want %q", gone.Untranslated, want)
	}
	if gone.Replacement != nf {
		t.Error("the copy's Replacement is not the translated NOT_FOUND")
	}
	if c.Errors[0].Title != "Not found" || c.Errors[0].Details[0].Description != "What was looked for." || c.Errors[0].Untranslated != nil {
		t.Error("In changed the default-language catalog")
	}
	if de.Reading != "de" || c.Reading != "" {
		t.Errorf("Reading = %q and %q", de.Reading, c.Reading)
	}
}

// A deprecated code's reason reads in the language its translation gives,
// on the page's notice as in the table of retired codes; left out, it
// stays in the catalog's language and is named untranslated. Of a retired
// code only the reason is: nothing shows its other texts.
func TestInTranslatesTheReason(t *testing.T) {
	c, err := catalog.Parse("catalog.yaml", []byte(`version: 1
api: Shop
languages: [de]
errors:
  - {code: NOT_FOUND, status: 404, title: Not found}
  - {code: MISSING, status: 404, title: Missing, deprecated: Use NOT_FOUND., replaced_by: NOT_FOUND}
  - {code: GONE, status: 410, title: Gone, retired: true, deprecated: Use NOT_FOUND.}
  - {code: INTERNAL, status: 500, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		entries      map[string]*catalog.ErrorTranslation
		reason       [2]string   // MISSING's and GONE's in German
		untranslated [2][]string // MISSING's and GONE's
	}{
		{"none translated", nil, [2]string{"Use NOT_FOUND.", "Use NOT_FOUND."}, [2][]string{{"title", "deprecated"}, {"deprecated"}}},
		{"reasons translated", map[string]*catalog.ErrorTranslation{
			"MISSING": {Title: "Fehlt", Deprecated: "NOT_FOUND verwenden."},
			"GONE":    {Deprecated: "Stattdessen NOT_FOUND."},
		}, [2]string{"NOT_FOUND verwenden.", "Stattdessen NOT_FOUND."}, [2][]string{nil, nil}},
		{"a reason left out", map[string]*catalog.ErrorTranslation{
			"MISSING": {Title: "Fehlt"},
			"GONE":    {Title: "Weg"},
		}, [2]string{"Use NOT_FOUND.", "Use NOT_FOUND."}, [2][]string{{"deprecated"}, {"deprecated"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.Translations = map[string]*catalog.Translation{"de": {Language: "de", Errors: tt.entries}}
			de := c.In("de")
			missing, gone := de.Errors[1], de.Retired[0]
			if got := [2]string{missing.Deprecated, gone.Deprecated}; got != tt.reason {
				t.Errorf("reasons %q, want %q", got, tt.reason)
			}
			if got := [2][]string{missing.Untranslated, gone.Untranslated}; !reflect.DeepEqual(got, tt.untranslated) {
				t.Errorf("untranslated %q, want %q", got, tt.untranslated)
			}
			if c.Errors[1].Deprecated != "Use NOT_FOUND." {
				t.Error("In changed the default-language catalog")
			}
		})
	}
}
