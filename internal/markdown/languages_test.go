package markdown

import (
	"bytes"
	"cmp"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// languagesCatalog is the catalog in English served in German (but for
// ORDER_CONFLICT, left out) and French (titles and messages only).
const languagesCatalog = "../../testdata/languages/catalog.yaml"

func loadLanguages(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(languagesCatalog, Rules)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustPages(t *testing.T, c *catalog.Catalog, templates fs.FS, name string) []Page {
	t.Helper()
	pages, err := Pages(c, header, templates, name)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// readings are c and c as it reads in each of its languages.
func readings(c *catalog.Catalog) []*catalog.Catalog {
	out := []*catalog.Catalog{c}
	for _, lang := range c.Languages {
		out = append(out, inLanguage(c, lang))
	}
	return out
}

// TestPagesPerLanguage: a catalog with languages has a page per language,
// named by PagePath, each a valid page of the catalog as it reads in that
// language, with the same anchors and error headings in every language.
func TestPagesPerLanguage(t *testing.T) {
	c := loadLanguages(t)
	pages := mustPages(t, c, nil, "")
	var names, langs []string
	for _, p := range pages {
		names, langs = append(names, p.Name), append(langs, p.Language)
	}
	if want := []string{"errors.md", "errors.de.md", "errors.fr.md"}; !slices.Equal(names, want) {
		t.Fatalf("pages %q, want %q", names, want)
	}
	if want := []string{"", "de", "fr"}; !slices.Equal(langs, want) {
		t.Fatalf("languages %q, want %q", langs, want)
	}
	if !bytes.Equal(pages[0].Data, mustGenerate(t, c, nil)) {
		t.Error("the default language's page is not Generate's")
	}
	docs := checkPages(t, c, pages)
	for i, doc := range docs[1:] {
		if !slices.Equal(doc.AnchorIDs, docs[0].AnchorIDs) {
			t.Errorf("%s: anchors %q, want the default page's %q", pages[i+1].Name, doc.AnchorIDs, docs[0].AnchorIDs)
		}
		if got, want := errorHeadings(doc), errorHeadings(docs[0]); !slices.Equal(got, want) {
			t.Errorf("%s: error headings %q, want the default page's %q", pages[i+1].Name, got, want)
		}
	}
}

// checkPages parses each of c's pages with goldmark and checks its tables,
// its anchors and in-page links, its JSON blocks and its lint, in the
// catalog as it reads in the page's language.
func checkPages(t *testing.T, c *catalog.Catalog, pages []Page) []*markdowntest.Doc {
	t.Helper()
	docs := make([]*markdowntest.Doc, len(pages))
	for i, p := range pages {
		lc := inLanguage(c, p.Language)
		if p.Language == "" {
			lc = c
		}
		doc := markdowntest.Parse(t, p.Data)
		markdowntest.CheckTables(t, doc)
		markdowntest.CheckAnchors(t, doc, lc)
		markdowntest.CheckJSONBlocksIn(t, doc, lc, wordsIn(c, cmp.Or(p.Language, c.Language))["envelope_heading"])
		markdowntest.CheckLint(t, p.Data)
		docs[i] = doc
	}
	return docs
}

// TestPagesEveryCatalogLanguage: every page of every shipped catalog (the
// bundled one's German and French, the examples' too) passes checkPages, as the languages catalog's do.
func TestPagesEveryCatalogLanguage(t *testing.T) {
	examples, _ := filepath.Glob("../../examples/*/catalog.yaml")
	for _, path := range append(testCatalogs(t), examples...) {
		c, err := catalog.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(path, func(t *testing.T) {
			checkPages(t, c, mustPages(t, c, nil, ""))
		})
	}
}

// errorHeadings are a page's h3 headings (errors, providers), each with
// the id a renderer gives it.
func errorHeadings(doc *markdowntest.Doc) []string {
	var hs []string
	for i, h := range doc.Headings {
		if h.Level == 3 {
			hs = append(hs, h.Text+" #"+doc.HeadingIDs[i])
		}
	}
	return hs
}

// TestLanguagesLine: every page links every other language's page by its
// name in that language, and names its own without a link.
func TestLanguagesLine(t *testing.T) {
	c := loadLanguages(t)
	for _, name := range []string{"", "api errors(v2).md"} {
		pages := mustPages(t, c, nil, name)
		for _, p := range pages {
			doc := markdowntest.Parse(t, p.Data)
			var links []string
			for _, l := range doc.Links {
				if !strings.Contains(l, "#") && !strings.Contains(l, ":") {
					links = append(links, l)
				}
			}
			var want []string
			for _, q := range pages {
				if q.Name != p.Name {
					want = append(want, strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29").Replace(q.Name))
				}
			}
			if !slices.Equal(links, want) {
				t.Errorf("%s links %q, want %q", p.Name, links, want)
			}
		}
	}
	de := string(mustPages(t, c, nil, "")[1].Data)
	if want := "\nSprachen: [English](errors.md) · Deutsch · [Français](errors.fr.md)\n"; !strings.Contains(de, want) {
		t.Errorf("the German page has no line %q", want)
	}
	one, err := catalog.Parse("one.yaml", []byte("version: 1\napi: A\nerrors:\n  - {code: X, status: 500, fallback: true}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if pages := mustPages(t, one, nil, ""); len(pages) != 1 || bytes.Contains(pages[0].Data, []byte("Languages")) {
		t.Errorf("a catalog of one language: %d pages, or a languages line", len(pages))
	}
}

// TestUntranslatedMarked: an error the German file leaves out reads in
// English on the German page, marked, with a link to it on the English
// page; a translated one is not marked; the marker names the parts left
// in English in the page's words.
func TestUntranslatedMarked(t *testing.T) {
	c := loadLanguages(t)
	pages := mustPages(t, c, nil, "")
	if bytes.Contains(pages[0].Data, []byte("Not yet translated")) {
		t.Error("the default language's page marks an error")
	}
	de := markdowntest.Parse(t, pages[1].Data)
	var marked []string
	for _, l := range de.Links {
		if strings.HasPrefix(l, "errors.md#") {
			marked = append(marked, strings.TrimPrefix(l, "errors.md#"))
		}
	}
	if want := []string{"order-conflict"}; !slices.Equal(marked, want) {
		t.Errorf("the German page marks %q, want %q", marked, want)
	}
	want := "**Noch nicht übersetzt:** Titel, Meldung, Beschreibung, Häufige Ursachen,\nAbhilfe ([English](errors.md#order-conflict))."
	if !strings.Contains(string(pages[1].Data), want) {
		t.Errorf("the German page has no note %q", want)
	}
	if !strings.Contains(string(pages[1].Data), "**Titel:** Order changed") {
		t.Error("ORDER_CONFLICT's title does not fall back to English")
	}
}

// TestPageReadsInItsLanguage: the German page has none of the page's own
// English phrases; the words its file gives replace the bundled ones.
func TestPageReadsInItsLanguage(t *testing.T) {
	c := loadLanguages(t)
	de := string(mustPages(t, c, nil, "")[1].Data)
	flat := strings.Join(strings.Fields(de), " ")
	for _, row := range wordTable {
		if row.en == row.de || !strings.Contains(row.en, " ") || strings.Contains(row.en, "{") {
			continue
		}
		if strings.Contains(flat, row.en) {
			t.Errorf("the German page has the English %s: %q", row.key, row.en)
		}
	}
	for _, w := range []string{"**Abhilfe:**", "Nicht ohne geänderte Anfrage wiederholen."} {
		if !strings.Contains(de, w) {
			t.Errorf("the German page does not use its file's word %q", w)
		}
	}
	if strings.Contains(de, "**Behebung:**") {
		t.Error("the German page uses the bundled word its file replaces")
	}
}

// TestWordsInTemplates: an override receives the words in the page's
// language through the template data, fill included.
func TestWordsInTemplates(t *testing.T) {
	c := loadLanguages(t)
	override := fstest.MapFS{"reference.tmpl": {Data: []byte(`## {{.Words.reference_heading}} ({{.Language}})

{{fill .Words.allowed_values "detail" (code "x")}}
`)}}
	pages := mustPages(t, c, override, "")
	for i, want := range []string{"## Error codes (en)\n\nAllowed values of `x`\n", "## Fehlercodes (de)\n\nZulässige Werte von `x`\n", "## Codes d'erreur (fr)\n\nValeurs autorisées de `x`\n"} {
		if !strings.Contains(string(pages[i].Data), want) {
			t.Errorf("%s has no %q", pages[i].Name, want)
		}
	}
}

func TestPagePath(t *testing.T) {
	for _, tc := range []struct{ name, lang, want string }{
		{"errors.md", "de", "errors.de.md"},
		{"api.errors.md", "pt-BR", "api.errors.pt-BR.md"},
		{"ERRORS", "fr", "ERRORS.fr"},
	} {
		if got := catalog.PagePath(tc.name, tc.lang); got != tc.want {
			t.Errorf("PagePath(%q, %q) = %q, want %q", tc.name, tc.lang, got, tc.want)
		}
	}
	for tag, want := range map[string]string{"de": "Deutsch", "FR": "Français", "pt-br": "Português (Brasil)", "x-klingon": "x-klingon"} {
		if got := LanguageName(tag); got != want {
			t.Errorf("LanguageName(%q) = %q, want %q", tag, got, want)
		}
	}
}

// TestSentIn: an example response's Content-Language is the page's
// language for an error sent translated (its message, or without one its
// title), the default language otherwise, none for a catalog of one
// language.
func TestSentIn(t *testing.T) {
	c := loadLanguages(t)
	de, fr := inLanguage(c, "de"), inLanguage(c, "fr")
	for _, tc := range []struct {
		c    *catalog.Catalog
		code string
		want string
	}{
		{c, "ORDER_CONFLICT", "en"},
		{de, "BOOK_NOT_FOUND", "de"},
		{de, "ORDER_CONFLICT", "en"},
		{fr, "ORDER_CONFLICT", "fr"},
	} {
		e := tc.c.Errors[slices.IndexFunc(tc.c.Errors, func(e *catalog.Error) bool { return e.Code == tc.code })]
		if got := sentIn(tc.c, e); got != tc.want {
			t.Errorf("%s, %s: sentIn = %q, want %q", cmp.Or(tc.c.Reading, "en"), tc.code, got, tc.want)
		}
	}
	one := *c
	one.Languages = nil
	if got := sentIn(&one, c.Errors[0]); got != "" {
		t.Errorf("one language: sentIn = %q, want none", got)
	}
}

// TestDefaultTitleInItsLanguage: a catalog without docs.title titles each
// page with the page's own word in its language (a catalog in German, and
// its French page, are not titled in English); a translation's page word
// or docs.title takes its place, and a catalog's own title is kept in every
// language its translation does not give one for.
func TestDefaultTitleInItsLanguage(t *testing.T) {
	const base = "version: 1\napi: A\nlanguage: de\nlanguages: [fr, it, pt]\n%serrors:\n  - {code: X, status: 500, fallback: true, message: Fehler.}\n"
	files := func(docs string) catalog.MemFiles {
		return catalog.MemFiles{
			"catalog.yaml":         []byte(strings.Replace(base, "%s", docs, 1)),
			"translations/fr.yaml": []byte("language: fr\nerrors: {}\n"),
			"translations/it.yaml": []byte("language: it\npage: {page_title: Errori}\nerrors: {}\n"),
			"translations/pt.yaml": []byte("language: pt\ndocs: {title: Erros da API}\nerrors: {}\n"),
		}
	}
	tests := []struct {
		docs string
		want []string // the titles of the de, fr, it and pt pages
	}{
		{"", []string{"Fehler", "Erreurs", "Errori", "Erros da API"}},
		{"docs: {title: Shop-Fehler}\n", []string{"Shop-Fehler", "Shop-Fehler", "Shop-Fehler", "Erros da API"}},
	}
	for _, tt := range tests {
		c, err := catalog.LoadFiles(files(tt.docs), "catalog.yaml", Rules)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range mustPages(t, c, nil, "errors.md") {
			for line := range strings.Lines(string(p.Data)) {
				if title, ok := strings.CutPrefix(line, "# "); ok {
					got = append(got, strings.TrimSpace(title))
					break
				}
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("docs %q: titles %q, want %q", tt.docs, got, tt.want)
		}
	}
}

// An error whose title alone is translated, its message not, is sent whole
// in the default language, as the generated Write sends it (a German title
// above an English message would read as neither): its example on the
// German page is the English body with Content-Language: en, where the page
// showed the German title and Content-Language: de, which no server sent.
// The page's own texts (its heading, the title line) stay German.
func TestTitleOnlyTranslationExample(t *testing.T) {
	files := catalog.MemFiles{
		"catalog.yaml": []byte("version: 1\napi: A\nlanguages: [de]\nerrors:\n" +
			"  - {code: NOT_FOUND, status: 404, title: Not found, message: The order was not found.}\n" +
			"  - {code: GONE, status: 410, title: Gone}\n" +
			"  - {code: INTERNAL, status: 500, fallback: true, message: Something broke.}\n"),
		"translations/de.yaml": []byte("language: de\nerrors:\n  NOT_FOUND: {title: Nicht gefunden}\n  GONE: {title: Weg}\n"),
	}
	c, err := catalog.LoadFiles(files, "catalog.yaml", Rules)
	if err != nil {
		t.Fatal(err)
	}
	page, err := PageIn(c, header, nil, "", "de")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ code, want, not string }{
		{"not-found", "Content-Language: en", `"title": "Nicht gefunden"`}, // the message untranslated: English, whole
		{"gone", "Content-Language: de", "Content-Language: en"},           // no message: the title decides
	} {
		section := sectionOf(t, string(page.Data), tc.code)
		if !strings.Contains(section, tc.want) || strings.Contains(section, tc.not) {
			t.Errorf("%s: want %q and no %q in:\n%s", tc.code, tc.want, tc.not, section)
		}
	}
	if !strings.Contains(sectionOf(t, string(page.Data), "not-found"), "Nicht gefunden") {
		t.Error("the page's own text of NOT_FOUND is not German")
	}
}

// sectionOf is the part of a page from the anchor of an error to the next
// error's.
func sectionOf(t *testing.T, page, anchor string) string {
	t.Helper()
	i := strings.Index(page, `id="`+anchor+`"`)
	if i < 0 {
		t.Fatalf("no anchor %s in:\n%s", anchor, page)
	}
	rest := page[i+1:]
	if j := strings.Index(rest, `<a id="`); j >= 0 {
		rest = rest[:j]
	}
	return rest
}
