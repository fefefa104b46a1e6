package markdown

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestHandlingUnknownMembers: the page's "Handling errors" tells readers to
// ignore a member they do not know, in every bundled language and for
// envelopes with a code or without: errgen diff calls a detail added
// compatible because clients ignore it, and a client written from the page
// alone (a strict decoder) must be told so, as it is told of new codes.
func TestHandlingUnknownMembers(t *testing.T) {
	ignore := map[string]string{
		"":   "New details may be added too: ignore a member you do not know.",
		"de": "Auch neue Details können hinzukommen: Ignorieren Sie ein Feld, das Sie nicht kennen.",
		"fr": "De nouveaux détails peuvent aussi apparaître : ignorez un membre que vous ne connaissez pas.",
	}
	for _, path := range []string{languagesCatalog, "../../examples/scopestack/catalog.yaml"} {
		c, err := catalog.Load(path, Rules)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range mustPages(t, c, nil, "") {
			_, section, _ := strings.Cut(string(p.Data), "\n## "+handlingHeading(p.Language)+"\n")
			section, _, _ = strings.Cut(section, "\n## ")
			if want := ignore[p.Language]; !strings.Contains(strings.Join(strings.Fields(section), " "), want) {
				t.Errorf("%s, %s: the handling section does not say %q:\n%s", path, p.Name, want, section)
			}
		}
	}
}

func handlingHeading(lang string) string {
	return map[string]string{"": "Handling errors", "de": "Fehlerbehandlung", "fr": "Traitement des erreurs"}[lang]
}
