package diff

import (
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// docsTexts reports the catalog's own texts for people that changed (the
// page's intro, title, groups' texts, sections and providers) as one
// text-changed, as an error's texts are: the page's readers see them
// change, and a translation of them goes stale, as translation-changed
// reports of the translated ones.
func (cs *changes) docsTexts(before, after *catalog.Catalog) {
	var changed []string
	if before.Description != after.Description {
		changed = append(changed, "description")
	}
	if before.Docs.Title != after.Docs.Title {
		changed = append(changed, "docs.title")
	}
	if groups := changedGroups(before.Docs.Groups, after.Docs.Groups); len(groups) > 0 {
		changed = append(changed, "docs.groups ("+strings.Join(groups, ", ")+")")
	}
	if !slices.EqualFunc(before.Docs.Sections, after.Docs.Sections, sameSection) {
		changed = append(changed, "docs.sections")
	}
	if !slices.EqualFunc(before.Docs.Providers, after.Docs.Providers, sameProvider) {
		changed = append(changed, "docs.providers")
	}
	if len(changed) > 0 {
		cs.add("", TextChanged, "%s changed", strings.Join(changed, ", "))
	}
}

// changedGroups names the groups whose text was added, changed or taken
// out, in after's order, then those only before has.
func changedGroups(before, after []catalog.GroupText) []string {
	text := func(gs []catalog.GroupText, group string) (string, bool) {
		i := slices.IndexFunc(gs, func(g catalog.GroupText) bool { return g.Group == group })
		if i < 0 {
			return "", false
		}
		return gs[i].Description, true
	}
	var out []string
	for _, g := range after {
		if old, ok := text(before, g.Group); !ok || old != g.Description {
			out = append(out, g.Group)
		}
	}
	for _, g := range before {
		if _, ok := text(after, g.Group); !ok {
			out = append(out, g.Group)
		}
	}
	return out
}

// sameSection compares sections' texts, not where they are.
func sameSection(a, b catalog.Section) bool { return a.Title == b.Title && a.Body == b.Body }

// sameProvider compares providers' texts, not where they are.
func sameProvider(a, b catalog.Provider) bool {
	return a.Name == b.Name && a.Notes == b.Notes && slices.Equal(a.Issues, b.Issues)
}
