package golang

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// TestLanguagesOnlyAdd: a catalog's languages add to its package the
// translations of each definitions row and the init that names them, and
// nothing else; so a catalog of one language emits what it did before
// translations.
func TestLanguagesOnlyAdd(t *testing.T) {
	c := standInCatalog(t)
	if len(c.Languages) != 2 {
		t.Fatalf("the stand-in speaks %q besides %s: are its translations read?", c.Languages, c.Language)
	}
	several, err := Generate(c, "fixed", "header")
	if err != nil {
		t.Fatal(err)
	}
	one := *c
	one.Languages, one.Translations = nil, nil
	plain, err := Generate(&one, "fixed", "header")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain, []byte("translations: []translation")) || bytes.Contains(plain, []byte("func init()")) {
		t.Error("a catalog of one language has translations")
	}
	rows := regexp.MustCompile(`, translations: \[\]translation\{.*\}\},\n`)
	stripped := rows.ReplaceAll(several, []byte("},\n"))
	stripped = regexp.MustCompile(`\n// init sets[^\n]*\n//[^\n]*\nfunc init\(\) \{[^\n]*\}\n`).ReplaceAll(stripped, nil)
	if !bytes.Equal(stripped, plain) {
		t.Errorf("languages change more than the rows' translations and the init:\n%s", udiff.Unified("one language", "several, translations taken out", string(plain), string(stripped)))
	}
	if n := len(rows.FindAll(several, -1)); n != 5 {
		t.Errorf("%d rows with translations, want 5: OUT_OF_CREDIT is translated into neither language", n)
	}
}

// TestTranslationRows reads the rows of a catalog whose German is partly
// missing: an untranslated error has no translations, a message with
// placeholders is a template, a static one a message and a body.
func TestTranslationRows(t *testing.T) {
	c, err := catalog.Load("../../catalog/testdata/translated/catalog.yaml", Rules)
	if err != nil {
		t.Fatal(err)
	}
	src, err := Generate(c, "shop", "header")
	if err != nil {
		t.Fatal(err)
	}
	checkGofmt(t, src)
	typeCheckGo(t, src)
	for _, want := range []string{
		`{Definition: Definition{Code: CodeNotFound, Status: 404, Title: "Not found", GRPCCode: "NOT_FOUND"}, envelope: &envelopes[0], typeURI: "about:blank", messageTemplate: []templatePart{{detail: "resource"}, {literal: " "}, {detail: "id"}, {literal: " was not found"}}, zero: NotFoundDetails{}, required: true, translations: []translation{{title: "Nicht gefunden", messageTemplate: []templatePart{{detail: "resource"}, {literal: " "}, {detail: "id"}, {literal: " nicht gefunden"}}}}},`,
		`{Definition: Definition{Code: CodeConflict, Status: 409, Title: "Conflict", GRPCCode: "ABORTED"}, envelope: &envelopes[0], typeURI: "about:blank", message: "The resource changed since you read it.", body: "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"The resource changed since you read it.\",\"code\":\"CONFLICT\"}"},`,
		`translations: []translation{{title: "Interner Fehler", message: "Bei uns ist etwas schiefgegangen.", body: "{\"type\":\"about:blank\",\"title\":\"Interner Fehler\",\"status\":500,\"detail\":\"Bei uns ist etwas schiefgegangen.\",\"code\":\"INTERNAL_ERROR\"}"}}},`,
		"func init() { languages = []string{\"en\", \"de\"} }\n",
	} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("the package lacks\n%s", want)
		}
	}
}

// TestHostileTranslations: translated texts of every hostile kind (quotes,
// backslashes, comment ends, line and paragraph separators, invalid UTF-8
// escapes) stay data in a package that is gofmt's and type-checks.
func TestHostileTranslations(t *testing.T) {
	c, err := catalog.Parse("hostile.yaml", catalogtest.Hostile(), Rules)
	if err != nil {
		t.Fatal(err)
	}
	const odd = "»\"*/ \\ `\u2028\u2029\x7f« "
	tr := &catalog.Translation{Language: "de", Errors: map[string]*catalog.ErrorTranslation{}}
	for _, e := range c.Errors {
		et := &catalog.ErrorTranslation{Code: e.Code, Title: odd + e.Title}
		if e.Message != nil {
			m := *e.Message
			m.Parts = append([]catalog.TemplatePart{{Literal: odd}}, m.Parts...)
			m.Source = odd + strings.ReplaceAll(strings.ReplaceAll(m.Source, "{", "{{"), "}", "}}")
			et.Message = &m
		}
		tr.Errors[e.Code] = et
	}
	c.Languages, c.Translations = []string{"de"}, map[string]*catalog.Translation{"de": tr}
	src, err := Generate(c, c.Go.Package, "header")
	if err != nil {
		t.Fatal(err)
	}
	checkGofmt(t, src)
	typeCheckGo(t, src)
	if n := bytes.Count(src, []byte("translations: []translation{")); n != len(c.Errors) {
		t.Errorf("%d rows with translations, want %d", n, len(c.Errors))
	}
}
