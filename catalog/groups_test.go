package catalog_test

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

const groupsCatalog = `version: 1
api: Shop
languages: [de]
docs:
  group_by: category
  groups:
    - {group: Payments, description: Errors of the payment provider.}
    - {group: Server, description: Errors on our side.}
errors:
  - {code: CARD_DECLINED, status: 402, title: Card Declined, category: Payments, description: Declined.}
  - {code: INTERNAL, status: 500, fallback: true, category: Server}
`

// The top source hash changes with a group's text and its name, which
// says which text a translation stands for, and with nothing of the
// errors': a changed group text makes the file's top-level translation
// stale.
func TestTopSourceHashGroups(t *testing.T) {
	hash := func(src string) string {
		c, err := catalog.Parse("catalog.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return catalog.TopSourceHash(c)
	}
	h := hash(groupsCatalog)
	tests := []struct {
		from, to string
		changes  bool
	}{
		{"description: Errors on our side.}", "description: Errors on our end.}", true},
		{"{group: Payments, description: Errors of the payment provider.}\n    - {group: Server, description: Errors on our side.}",
			"{group: Payments, description: Errors on our side.}\n    - {group: Server, description: Errors of the payment provider.}", true}, // the same texts, each another group's
		{"    - {group: Server, description: Errors on our side.}\n", "", true},
		{"description: Declined.}", "description: Refused.}", false},
	}
	for _, tt := range tests {
		if !strings.Contains(groupsCatalog, tt.from) {
			t.Fatalf("%q is not in the catalog", tt.from)
		}
		if got := hash(strings.Replace(groupsCatalog, tt.from, tt.to, 1)) != h; got != tt.changes {
			t.Errorf("%q → %q: hash changes %v, want %v", tt.from, tt.to, got, tt.changes)
		}
	}
}

// A translation gives group texts by the group's name: the catalog read in
// its language has them, under the category as it translates it; one left
// out is counted untranslated and reads in the catalog's language; a file
// made from other texts is stale.
func TestGroupsTranslated(t *testing.T) {
	hash := func() string {
		c, err := catalog.Parse("catalog.yaml", []byte(groupsCatalog))
		if err != nil {
			t.Fatal(err)
		}
		return catalog.TopSourceHash(c)
	}()
	tests := []struct {
		name, de    string
		want        []catalog.GroupText // In("de")'s, without positions
		stale       bool
		untranslate string // the warning's count and keys of top-level texts
	}{
		{"one of two", "source: " + hash + "\ncategories: {Payments: Zahlungen, Server: Server}\ndocs:\n  groups: {Payments: Fehler des Zahlungsanbieters.}\n",
			[]catalog.GroupText{{Group: "Zahlungen", Description: "Fehler des Zahlungsanbieters."}, {Group: "Server", Description: "Errors on our side."}}, false, "1 top-level text (docs.groups.Server)"},
		{"both", "source: " + hash + "\ndocs:\n  groups: {Payments: Fehler des Zahlungsanbieters., Server: Fehler bei uns.}\n",
			[]catalog.GroupText{{Group: "Payments", Description: "Fehler des Zahlungsanbieters."}, {Group: "Server", Description: "Fehler bei uns."}}, false, "2 top-level texts (categories.Payments, categories.Server)"},
		{"stale", "source: 0badc0de\ndocs:\n  groups: {Server: Fehler bei uns.}\n",
			[]catalog.GroupText{{Group: "Payments", Description: "Errors of the payment provider."}, {Group: "Server", Description: "Fehler bei uns."}}, true, "3 top-level texts (docs.groups.Payments, categories.Payments, categories.Server)"},
	}
	for _, tt := range tests {
		c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(groupsCatalog), "translations/de.yaml": []byte("language: de\n" + tt.de)}, "catalog.yaml")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := c.In("de").Docs.Groups
		for i := range got {
			got[i].Pos = catalog.Pos{}
		}
		if len(got) != len(tt.want) || got[0] != tt.want[0] || got[1] != tt.want[1] {
			t.Errorf("%s: In(de) groups %+v, want %+v", tt.name, got, tt.want)
		}
		if de := c.Translations["de"]; de.Stale != tt.stale {
			t.Errorf("%s: stale %v, want %v", tt.name, de.Stale, tt.stale)
		}
		if w := c.Warnings.Error(); !strings.Contains(w, "and "+tt.untranslate+":") {
			t.Errorf("%s: warnings do not count %s untranslated:\n%s", tt.name, tt.untranslate, w)
		}
		if c.Docs.Groups[0].Description != "Errors of the payment provider." {
			t.Errorf("%s: In changed the catalog's own group text: %q", tt.name, c.Docs.Groups[0].Description)
		}
	}
}
