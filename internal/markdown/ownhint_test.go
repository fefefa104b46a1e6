package markdown

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// The warning of the catalog's own language's words says what to do next:
// with no file, run errgen translate es, which writes them; with a file
// that leaves some "", fill those in, since errgen translate es then
// changes nothing (it said "does not give them (errgen translate es writes
// them …)" either way, and the run it named answered "up to date").
func TestOwnLanguageWordsHint(t *testing.T) {
	for _, tt := range []struct {
		name             string
		file             *catalog.Translation
		wantMsg, wantHnt string
	}{
		{"no file", nil, "translations/es.yaml does not give them", "errgen translate es writes them, under page:, into translations/es.yaml, to fill in"},
		{"words left empty", &catalog.Translation{Language: "es", File: "translations/es.yaml", Words: map[string]string{"page_title": "", "causes": "Causas comunes"}},
			"translations/es.yaml leaves them \"\" or out", "fill them in under page: of translations/es.yaml; errgen translate es adds those the file lacks"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &catalog.Catalog{Language: "es", File: "catalog.yaml", Translations: map[string]*catalog.Translation{}}
			if tt.file != nil {
				c.Translations["es"] = tt.file
			}
			d, ok := ownUnbundled(c)
			if !ok || !strings.Contains(d.Msg, tt.wantMsg) || !strings.Contains(d.Hint, tt.wantHnt) {
				t.Errorf("got %v: %q%q; want %q and %q", ok, d.Msg, d.Hint, tt.wantMsg, tt.wantHnt)
			}
		})
	}
}
