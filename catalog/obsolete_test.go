package catalog_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// obsoleteCatalog is the trial's catalog after its change: NOT_FOUND's
// detail id renamed ident, UNAUTHORIZED taken out, the enum value gone
// from kind and the category Lookup renamed Search.
const obsoleteCatalog = `version: 1
api: F5
languages: [de]
errors:
  - code: NOT_FOUND
    status: 404
    message: "{ident} was not found."
    category: Search
    details:
      - {name: ident, type: string, required: true, description: The id.}
      - {name: kind, type: string, description: What., enum: [{value: user, description: A user.}, {value: admin}]}
      - {name: scope, type: string, description: Where.}
  - {code: INTERNAL_ERROR, status: 500, fallback: true}
  - {code: CONFLICT, status: 409}
`

// An entry of a translation file for what the catalog no longer has is
// obsolete: a warning at its key, recorded for errgen translate, and the
// catalog loads; a translated text under a near miss of a name without an
// entry of its own is a misspelling (or a rename) and stays an error, so
// that the text is not lost.
func TestObsoleteEntries(t *testing.T) {
	for _, tc := range []struct {
		name, de string
		warning  string   // the warning of the obsolete entry; "" for none
		path     []string // what Obsolete records
		problem  string   // the error when it fails to load
	}{{
		name:    "a renamed detail, its entry errgen's",
		de:      "language: de\nerrors:\n  NOT_FOUND:\n    details:\n      id:\n        description: \"\"\n",
		warning: `translations/de.yaml:5:7: warning: error "NOT_FOUND": details: the error has no detail "id": obsolete, ignored: errgen translate de removes it`,
		path:    []string{"errors", "NOT_FOUND", "details", "id"},
	}, {
		name:    "a code taken out, its entry errgen's",
		de:      "language: de\nerrors:\n  UNAUTHORIZED:\n    source: 0a1b2c3d\n    title: \"\"\n",
		warning: `translations/de.yaml:3:3: warning: errors: the catalog has no code "UNAUTHORIZED": obsolete, ignored: errgen translate de removes it`,
		path:    []string{"errors", "UNAUTHORIZED"},
	}, {
		name:    "a code taken out, its entry translated, no near miss",
		de:      "language: de\nerrors:\n  UNAUTHORIZED: {title: Nicht angemeldet}\n",
		warning: `translations/de.yaml:3:3: warning: errors: the catalog has no code "UNAUTHORIZED": obsolete, ignored: errgen translate de removes it`,
		path:    []string{"errors", "UNAUTHORIZED"},
	}, {
		name:    "a code near one with an entry of its own",
		de:      "language: de\nerrors:\n  CONFLICTS: {title: Konflikte}\n  CONFLICT: {title: \"\"}\n",
		warning: `translations/de.yaml:3:3: warning: errors: the catalog has no code "CONFLICTS": obsolete, ignored: errgen translate de removes it`,
		path:    []string{"errors", "CONFLICTS"},
	}, {
		name:    "an enum value taken out",
		de:      "language: de\nerrors:\n  NOT_FOUND:\n    details:\n      kind: {enum: {user: \"\", order: \"\"}}\n",
		warning: `translations/de.yaml:5:31: warning: error "NOT_FOUND": detail "kind": enum: the detail has no value "order": obsolete, ignored: errgen translate de removes it`,
		path:    []string{"errors", "NOT_FOUND", "details", "kind", "enum", "order"},
	}, {
		name:    "an enum taken out",
		de:      "language: de\nerrors:\n  NOT_FOUND:\n    details:\n      scope: {enum: {here: \"\"}}\n",
		warning: `translations/de.yaml:5:15: warning: error "NOT_FOUND": detail "scope": the detail has no enum: obsolete, ignored: errgen translate de removes it`,
		path:    []string{"errors", "NOT_FOUND", "details", "scope", "enum"},
	}, {
		name:    "a renamed category",
		de:      "language: de\ncategories:\n  Lookup: \"\"\n",
		warning: `translations/de.yaml:3:3: warning: categories: no error has the category "Lookup": obsolete, ignored: errgen translate de removes it`,
		path:    []string{"categories", "Lookup"},
	}, {
		name:    "a description the catalog took out, translated",
		de:      "language: de\nerrors:\n  NOT_FOUND:\n    description: Die Ressource fehlt.\n",
		warning: `translations/de.yaml:4:5: warning: error "NOT_FOUND": description: the catalog has none in en: obsolete, ignored: errgen translate de removes it`,
		path:    []string{"errors", "NOT_FOUND", "description"},
	}, {
		name:    "an enum taken out, translated",
		de:      "language: de\nerrors:\n  NOT_FOUND:\n    details:\n      scope: {enum: {here: Hier.}}\n",
		warning: `translations/de.yaml:5:15: warning: error "NOT_FOUND": detail "scope": the detail has no enum: obsolete, ignored: errgen translate de removes it`,
		path:    []string{"errors", "NOT_FOUND", "details", "scope", "enum"},
	}, {
		name:    "an enum value's description taken out, translated",
		de:      "language: de\nerrors:\n  NOT_FOUND:\n    details:\n      kind: {enum: {admin: Ein Admin.}}\n",
		warning: `translations/de.yaml:5:21: warning: error "NOT_FOUND": detail "kind": enum value "admin": the catalog has no description of it in en: obsolete, ignored: errgen translate de removes it`,
		path:    []string{"errors", "NOT_FOUND", "details", "kind", "enum", "admin"},
	}, {
		name:    "a misspelt code",
		de:      "language: de\nerrors:\n  CONFLCT: {title: Konflikt}\n",
		problem: `translations/de.yaml:3:3: errors: unknown code "CONFLCT" (did you mean "CONFLICT"?): translate only the codes the catalog declares`,
	}, {
		name:    "a renamed detail, its entry translated",
		de:      "language: de\nerrors:\n  NOT_FOUND:\n    details:\n      iden: {description: Die ID.}\n",
		problem: `translations/de.yaml:5:7: error "NOT_FOUND": details: the error has no detail "iden" (did you mean "ident"?)`,
	}, {
		name:    "a misspelt enum value",
		de:      "language: de\nerrors:\n  NOT_FOUND:\n    details:\n      kind: {enum: {usr: Ein Nutzer}}\n",
		problem: `translations/de.yaml:5:21: error "NOT_FOUND": detail "kind": enum: no value "usr" (did you mean "user"?)`,
	}, {
		name:    "a misspelt category",
		de:      "language: de\ncategories: {Serch: Suche}\n",
		problem: `translations/de.yaml:2:14: categories: no error has the category "Serch" (did you mean "Search"?)`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			files := catalog.MemFiles{"catalog.yaml": []byte(obsoleteCatalog), "translations/de.yaml": []byte(tc.de)}
			c, err := catalog.LoadFiles(files, "catalog.yaml")
			if tc.problem != "" {
				if err == nil || !strings.Contains(err.Error(), tc.problem) {
					t.Fatalf("Load: %v\nwant the problem %s", err, tc.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(c.Warnings.Error(), tc.warning) {
				t.Errorf("warnings:\n%s\nwant:\n%s", c.Warnings.Error(), tc.warning)
			}
			de := c.Translations["de"]
			if len(de.Obsolete) != 1 || !reflect.DeepEqual(de.Obsolete[0].Path, tc.path) {
				t.Errorf("Obsolete = %+v, want the path %q", de.Obsolete, tc.path)
			}
			if et := de.Errors["NOT_FOUND"]; et != nil && len(et.Details) > 0 {
				for name := range et.Details {
					if c.Errors[0].Detail(name) == nil {
						t.Errorf("the translation of NOT_FOUND keeps the obsolete detail %q", name)
					}
				}
			}
		})
	}
}
