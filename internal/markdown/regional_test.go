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
