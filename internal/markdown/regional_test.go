package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// The es-MX page reads the texts es-MX.yaml leaves out in Spanish, from
// es.yaml, unmarked; only the one text neither file gives (INTERNAL_ERROR's
// message) is English and marked. It read English, marked, for every text
// es-MX.yaml left out, under the page's words es.yaml gave it.
func TestRegionalPageInheritsTexts(t *testing.T) {
	c, err := catalog.Load("../../catalog/testdata/regional/catalog.yaml", Rules)
	if err != nil {
		t.Fatal(err)
	}
	pages := mustPages(t, c, nil, "")
	i := slices.IndexFunc(pages, func(p Page) bool { return p.Language == "es-MX" })
	if i < 0 {
		t.Fatal("no es-MX page")
	}
	page := string(pages[i].Data)
	for _, want := range []string{"No se encontró", "no encontrado", "El recurso no está.", "Un error en el id.", "Lo que se buscó.", "Error interno", "Errores de la API."} {
		if !strings.Contains(page, want) {
			t.Errorf("the es-MX page lacks es.yaml's %q", want)
		}
	}
	for _, english := range []string{"was not found", "The resource is not there.", "A typo in the id.", "What was looked for."} {
		if strings.Contains(page, english) {
			t.Errorf("the es-MX page has the English %q", english)
		}
	}
	var marked []string
	for _, l := range markdowntest.Parse(t, pages[i].Data).Links {
		if strings.HasPrefix(l, "errors.md#") {
			marked = append(marked, strings.TrimPrefix(l, "errors.md#"))
		}
	}
	if want := []string{"internal-error"}; !slices.Equal(marked, want) {
		t.Errorf("the es-MX page marks %q, want %q", marked, want)
	}
}

// zh-Hant-TW's page words come from the nearest shorter tag's file that
// gives them, zh-Hant.yaml's, then zh.yaml's, as its texts do; translate
// asks only for the words none of them gives. It skipped zh-Hant.yaml,
// looking at the primary language's file alone.
func TestRegionalPageWordsWalkTheChain(t *testing.T) {
	c := &catalog.Catalog{Language: "en", Languages: []string{"zh", "zh-Hant", "zh-Hant-TW"}, Translations: map[string]*catalog.Translation{
		"zh":         {Language: "zh", Words: map[string]string{"causes": "原因 (zh)", "fix": "修正 (zh)"}},
		"zh-Hant":    {Language: "zh-Hant", Words: map[string]string{"causes": "原因 (zh-Hant)"}},
		"zh-Hant-TW": {Language: "zh-Hant-TW", Words: map[string]string{"page_title": "錯誤 (TW)"}},
	}}
	w := wordsIn(c, "zh-Hant-TW")
	if w["page_title"] != "錯誤 (TW)" || w["causes"] != "原因 (zh-Hant)" || w["fix"] != "修正 (zh)" {
		t.Errorf("zh-Hant-TW words: page_title %q, causes %q, fix %q; want its own, zh-Hant's, zh's", w["page_title"], w["causes"], w["fix"])
	}
	for _, asked := range UnbundledWords(c, "zh-Hant-TW") {
		if asked.Key == "causes" || asked.Key == "fix" {
			t.Errorf("errgen translate zh-Hant-TW asks for %s, which a file of the chain gives", asked.Key)
		}
	}
}
