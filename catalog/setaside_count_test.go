package catalog_test

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestUntranslatedCountsSetAsideApart: the warning of what a translation
// leaves in the catalog's language said every text it counted was left "",
// counting also those the file translates but a change of the catalog set
// aside as stale (a message naming a renamed detail, a list an item short),
// which filling in does not mend. It counts the two apart.
func TestUntranslatedCountsSetAsideApart(t *testing.T) {
	const cat = "version: 1\napi: A\nformat: flat\nlanguages: [fr]\n" +
		"docs:\n  sections:\n    - {title: One, body: First.}\n    - {title: Two, body: Second.}\n" +
		"errors:\n  - code: NOT_FOUND\n    status: 404\n    message: \"{item} was not found\"\n%s" +
		"    details: [{name: item, type: string, required: true}]\n" +
		"  - {code: CONFLICT, status: 409}\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	const stale = "  NOT_FOUND: {source: 0000beef, title: Introuvable, message: \"{resource} introuvable\"}\n"
	const sections = "language: fr\nsource: 0000beef\ndocs:\n  sections:\n    - {title: Un, body: Premier.}\n"
	const aside = `1 of 3 errors (NOT_FOUND) and 4 top-level texts (docs.sections[0].title, docs.sections[0].body, docs.sections[1].title, docs.sections[1].body): the texts set aside as stale read in en until they are translated again and marked reviewed: true`
	const sectionsFine = "language: fr\ndocs:\n  sections:\n    - {title: Un, body: Premier.}\n    - {title: Deux, body: Second.}\n"
	// A provider's issues and a troubleshooting table a row short.
	const rows = "version: 1\napi: A\nformat: flat\nlanguages: [fr]\n" +
		"docs:\n  providers:\n    - name: Lever\n      issues:\n        - {error: \"429\", cause: Too many, fix: Wait}\n        - {error: \"401\", cause: Bad key, fix: Rotate}\n" +
		"errors:\n  - code: NOT_FOUND\n    status: 404\n    troubleshooting:\n      - {check: The id, solution: Fix it}\n      - {check: The path, solution: Fix it}\n" +
		"  - {code: INTERNAL, status: 500, fallback: true}\n"
	const rowsFr = "language: fr\nsource: 0000beef\ndocs:\n  providers:\n    - issues:\n        - {cause: Trop, fix: Attendre}\n" +
		"errors:\n  NOT_FOUND:\n    source: 0000beef\n    title: Introuvable\n    troubleshooting:\n      - {check: L'id, solution: Corriger}\n" +
		"  INTERNAL: {title: Erreur interne}\n"
	for _, tt := range []struct {
		name, description, fr, want string
		catalog                     string // cat with description, when ""
	}{
		{"set aside only", "", sections + "errors:\n" + stale + "  CONFLICT: {title: Conflit}\n  INTERNAL: {title: Erreur interne}\n",
			"not fully translated into fr: " + aside, ""},
		{"left empty and set aside", "", sections + "errors:\n" + stale + "  INTERNAL: {title: Erreur interne}\n",
			`not fully translated into fr: 1 of 3 errors (CONFLICT): the texts left "" read in en (fill them in; errgen translate fr adds those the file lacks); ` + aside, ""},
		{"one error in both", "    description: Nothing there.\n", sectionsFine + "errors:\n" + stale + "  CONFLICT: {title: Conflit}\n  INTERNAL: {title: Erreur interne}\n",
			`not fully translated into fr: 1 of 3 errors (NOT_FOUND): the texts left "" read in en (fill them in; errgen translate fr adds those the file lacks); 1 of 3 errors (NOT_FOUND): the texts set aside as stale read in en until they are translated again and marked reviewed: true`, ""},
		{"left empty only", "", sectionsFine + "errors:\n  NOT_FOUND: {title: Introuvable}\n  INTERNAL: {title: Erreur interne}\n",
			`not fully translated into fr: 2 of 3 errors (NOT_FOUND, CONFLICT): the texts left "" read in en (fill them in; errgen translate fr adds those the file lacks)`, ""},
		{"issues and rows set aside", "", rowsFr,
			`not fully translated into fr: 1 of 2 errors (NOT_FOUND) and 4 top-level texts (docs.providers[0].issues[0].cause, docs.providers[0].issues[0].fix, docs.providers[0].issues[1].cause, docs.providers[0].issues[1].fix): the texts set aside as stale read in en until they are translated again and marked reviewed: true`, rows},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.catalog == "" {
				tt.catalog = strings.Replace(cat, "%s", tt.description, 1)
			}
			files := catalog.MemFiles{
				"catalog.yaml":                []byte(tt.catalog),
				catalog.TranslationFile("fr"): []byte(tt.fr),
			}
			c, err := catalog.LoadFiles(files, "catalog.yaml")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range c.Warnings.Items {
				if strings.HasPrefix(w.Msg, "not fully translated") {
					got = append(got, w.Msg)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
