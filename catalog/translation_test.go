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
	if want := []string{"title", "message"}; !reflect.DeepEqual(gone.Untranslated, want) {
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
