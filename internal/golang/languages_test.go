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
// nothing else, on the text path (definitionsText's lang fields, last in
// their rows) as on the plain path (the rows' translations field); so a
// catalog of one language emits what it did before translations. The fixed
// half they hold differs (the first of fixedFeatures' files or those in
// their place; see withoutFixed), which the test takes out of both.
func TestLanguagesOnlyAdd(t *testing.T) {
	c := standInCatalog(t)
	if len(c.Languages) != 2 {
		t.Fatalf("the stand-in speaks %q besides %s: are its translations read?", c.Languages, c.Language)
	}
	one := *c
	one.Languages, one.Translations = nil, nil
	for _, path := range []struct {
		name string
		gen  func(*catalog.Catalog) ([]byte, error)
		rows *regexp.Regexp // a row's translations
		end  string         // what replaces the match: the row without them
	}{
		{"text", func(c *catalog.Catalog) ([]byte, error) { return Generate(c, "fixed", "header") }, regexp.MustCompile(`(?m)^(\S+ status=\d+ .*?) lang(?: .*)?$`), "$1"},
		{"plain", func(c *catalog.Catalog) ([]byte, error) { return generatePlain(c, "fixed") }, regexp.MustCompile(`, translations: \[\]translation\{.*\}\},\n`), "},\n"},
	} {
		several, err := path.gen(c)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := path.gen(&one)
		if err != nil {
			t.Fatal(err)
		}
		several, plain = withoutFixed(t, several, c), withoutFixed(t, plain, &one)
		if path.rows.Match(plain) || bytes.Contains(plain, []byte("func init()")) {
			t.Errorf("%s: a catalog of one language has translations", path.name)
		}
		stripped := path.rows.ReplaceAll(several, []byte(path.end))
		stripped = regexp.MustCompile(`\n// init sets[^\n]*\n//[^\n]*\nfunc init\(\) \{[^\n]*\}\n`).ReplaceAll(stripped, nil)
		if !bytes.Equal(stripped, plain) {
			t.Errorf("%s: languages change more than the rows' translations and the init:\n%s", path.name, udiff.Unified("one language", "several, translations taken out", string(plain), string(stripped)))
		}
		if n := len(path.rows.FindAll(several, -1)); n != 5 {
			t.Errorf("%s: %d rows with translations, want 5: OUT_OF_CREDIT is translated into neither language", path.name, n)
		}
	}
}

// withoutFixed is src, c's generated package, without the fixed half it
// ends with, which must be that of c's variant: with language.go's
// negotiation for a catalog of several languages, with onelanguage.go for
// one of one.
func withoutFixed(t *testing.T, src []byte, c *catalog.Catalog) []byte {
	t.Helper()
	v := variantOf(c)
	fx, err := loadFixed(v)
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := bytes.CutSuffix(src, []byte(fx.body))
	if !ok {
		t.Fatalf("the package of %d languages does not end with its fixed half", len(c.Languages)+1)
	}
	negotiates := bytes.Contains([]byte(fx.body), []byte("\nfunc negotiateLanguage("))
	oneLanguage := bytes.Contains([]byte(fx.body), []byte("\n// language returns -1: a catalog of one language negotiates none."))
	if negotiates != v.features[0] || oneLanguage == v.features[0] {
		t.Errorf("the fixed half of %d languages: negotiation %v, onelanguage.go %v", len(c.Languages)+1, negotiates, oneLanguage)
	}
	return rest
}

// generatePlain is Generate with the definitions table on the plain path,
// a composite literal.
func generatePlain(c *catalog.Catalog, pkg string) ([]byte, error) {
	return (&packageWriter{c: c, metaNames: metaNames(c), literalTable: true}).generate(pkg, "header")
}

// TestTranslationRows reads the rows of a catalog whose German is partly
// missing, on both paths: an untranslated error has no translations, a
// message with placeholders is a template, a static one a message and a
// body.
func TestTranslationRows(t *testing.T) {
	c, err := catalog.Load("../../catalog/testdata/translated/catalog.yaml", Rules)
	if err != nil {
		t.Fatal(err)
	}
	text, err := Generate(c, "shop", "header")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := generatePlain(c, "shop")
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range [][]byte{text, plain} {
		checkGofmt(t, src)
		typeCheckGo(t, src)
	}
	for src, wants := range map[*[]byte][]string{&text: translationTextRows, &plain: translationPlainRows} {
		for _, want := range append(wants, "func init() { languages = []string{\"en\", \"de\"} }\n") {
			if !bytes.Contains(*src, []byte(want)) {
				t.Errorf("the package lacks\n%s", want)
			}
		}
	}
}

// The rows TestTranslationRows wants, as definitionsText's lines and as
// composite literals.
var (
	translationTextRows = []string{
		"\nNOT_FOUND status=404 title=\"Not found\" grpc=NOT_FOUND env=0 type=\"about:blank\" message={resource}\" \"{id}\" was not found\" required lang lang.title=\"Nicht gefunden\" lang.message={resource}\" \"{id}\" nicht gefunden\"\n",
		"\nCONFLICT status=409 title=Conflict grpc=ABORTED env=0 type=\"about:blank\" message=\"The resource changed since you read it.\" body=\"{\\\"type\\\":\\\"about:blank\\\",\\\"title\\\":\\\"Conflict\\\",\\\"status\\\":409,\\\"detail\\\":\\\"The resource changed since you read it.\\\",\\\"code\\\":\\\"CONFLICT\\\"}\"\n",
		` lang lang.title="Interner Fehler" lang.message="Bei uns ist etwas schiefgegangen." lang.body="{\"type\":\"about:blank\",\"title\":\"Interner Fehler\",\"status\":500,\"detail\":\"Bei uns ist etwas schiefgegangen.\",\"code\":\"INTERNAL_ERROR\"}"` + "\n",
	}
	translationPlainRows = []string{
		`{Definition: Definition{Code: CodeNotFound, Status: 404, Title: "Not found", GRPCCode: "NOT_FOUND"}, envelope: &envelopes[0], typeURI: "about:blank", messageTemplate: []templatePart{{detail: "resource"}, {literal: " "}, {detail: "id"}, {literal: " was not found"}}, required: true, translations: []translation{{title: "Nicht gefunden", messageTemplate: []templatePart{{detail: "resource"}, {literal: " "}, {detail: "id"}, {literal: " nicht gefunden"}}}}},`,
		`{Definition: Definition{Code: CodeConflict, Status: 409, Title: "Conflict", GRPCCode: "ABORTED"}, envelope: &envelopes[0], typeURI: "about:blank", message: "The resource changed since you read it.", body: "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"The resource changed since you read it.\",\"code\":\"CONFLICT\"}"},`,
		`translations: []translation{{title: "Interner Fehler", message: "Bei uns ist etwas schiefgegangen.", body: "{\"type\":\"about:blank\",\"title\":\"Interner Fehler\",\"status\":500,\"detail\":\"Bei uns ist etwas schiefgegangen.\",\"code\":\"INTERNAL_ERROR\"}"}}},`,
	}
)

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
	plain, err := generatePlain(c, c.Go.Package)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range [][]byte{src, plain} {
		checkGofmt(t, src)
		typeCheckGo(t, src)
	}
	if n := bytes.Count(src, []byte(` lang lang.title="»`)); n != len(c.Errors) {
		t.Errorf("text: %d rows with translations, want %d", n, len(c.Errors))
	}
	if n := bytes.Count(plain, []byte("translations: []translation{")); n != len(c.Errors) {
		t.Errorf("plain: %d rows with translations, want %d", n, len(c.Errors))
	}
}
