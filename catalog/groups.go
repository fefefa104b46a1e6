package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// The texts of docs.groups: an introduction under a group's heading,
// named by the group (a category, or a status as "404") as the page
// groups errors by docs.group_by, and translated by that name, as
// categories are.

// groupText reads one item of docs.groups. A status is a number to YAML
// (group: 404), a category a string: either is the group's name as text;
// validateGroups judges it once the errors are read.
func (cr *catalogReader) groupText(n *yaml.Node) GroupText {
	var g GroupText
	var text *yaml.Node // the description's node, nil when there is none
	named := false      // a group: key, even one reported for not being a scalar
	for _, f := range cr.fields(n, "docs group", groupTextKeys, nil) {
		switch f.key {
		case "group":
			var ok bool
			if g.Group, ok = cr.scalar(f.value, "docs group"); ok {
				g.Pos = posOf(f.value) // validateGroups judges only the groups with a position
			}
			named = true
		case "description":
			g.Description, text = cr.str(f.value, "docs group description"), f.value
		}
	}
	switch {
	case n.Kind != yaml.MappingNode:
	case !named:
		cr.probs.hint(posOf(n), ": add group: the category (or, grouping by status, the status) whose heading the text goes under", "docs group: missing required key \"group\"")
	case text == nil:
		cr.probs.hint(posOf(n), ": add description: the text the page shows under the group's heading", "docs group %q: missing required key \"description\"", g.Group)
	case strings.TrimSpace(g.Description) == "" && text.Kind == yaml.ScalarNode && text.ShortTag() == "!!str":
		cr.probs.hint(posOf(text), ": write the text the page shows under the group's heading, or remove the group", "docs group %q: the description is empty", g.Group)
	}
	return g
}

// validateGroups checks that each text of docs.groups names a group the
// page has, once: a category of an error in use, or a status one has.
func (cr *catalogReader) validateGroups() {
	d := cr.c.Docs
	if len(d.Groups) == 0 {
		return
	}
	names := groupNames(cr.c.Errors, d.GroupBy)
	has := make(map[string]bool, len(names))
	for _, name := range names {
		has[name] = true
	}
	seen := map[string]Pos{}
	for _, g := range d.Groups {
		if g.Pos == (Pos{}) { // no group: key, reported as it was read
			continue
		}
		if first, ok := seen[g.Group]; ok {
			cr.probs.hint(g.Pos, ": merge the two texts into one", "docs.groups: group %q is given twice (first %s)", g.Group, diag.LineRef(g.Pos, first))
			continue
		}
		seen[g.Group] = g.Pos
		switch {
		case has[g.Group]:
		case d.GroupBy == "category":
			cr.probs.add(g.Pos, "docs.groups: no error has the category %q%s: give a text only to a category the page groups errors under", g.Group, cr.probs.suggest(g.Group, names))
		case isStatusName(g.Group):
			cr.probs.add(g.Pos, "docs.groups: no error has status %s%s: give a text only to a status the page groups errors under", g.Group, cr.probs.suggest(g.Group, names))
		default:
			cr.probs.hint(g.Pos, ": name a status an error has, such as 404, as a number (or group by category: docs.group_by: category)",
				"docs.groups: %q is no status, and docs.group_by is status", g.Group)
		}
	}
}

// isStatusName reports whether s is a status as a group names it: a
// number, written as strconv.Itoa writes it.
func isStatusName(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && strconv.Itoa(n) == s
}

// groupNames are the names of the page's groups, in catalog order: the
// categories of errs, or their statuses ("404").
func groupNames(errs []*Error, groupBy string) []string {
	var names []string
	seen := map[string]bool{}
	for _, e := range errs {
		name := e.Category
		if groupBy != "category" {
			name = strconv.Itoa(e.Status)
		}
		if name != "" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names
}

// translateGroups gives each group text its translation, by the group's
// name; a group of categories takes its category's translation as its
// name, which the page's heading then is.
func translateGroups(gs []GroupText, t *Translation, groupBy string) []GroupText {
	if len(gs) == 0 {
		return gs
	}
	out := append([]GroupText(nil), gs...)
	for i, g := range out {
		if s := t.Groups[g.Group]; s != "" {
			out[i].Description = s
		}
		if cat := t.Categories[g.Group]; groupBy == "category" && cat != "" {
			out[i].Group = cat
		}
	}
	return out
}

// groups reads the translations of docs.groups, keyed by the group's
// name as the catalog gives it.
func (tr *translationReader) groups(n *yaml.Node) {
	source := make(map[string]string, len(tr.c.Docs.Groups))
	var names []string
	for _, g := range tr.c.Docs.Groups {
		source[g.Group] = g.Description
		names = append(names, g.Group)
	}
	u := &unclaimed{tr: tr, m: n, names: names}
	for _, f := range tr.fields(n, "docs.groups", nil, nil) {
		if _, ok := source[f.key]; !ok {
			if near := u.near(f.key, f.value); near != "" {
				tr.probs.add(posOf(f.keyN), "docs.groups: the catalog gives no text to the group %q%s: translate only the groups docs.groups names", f.key, near)
			} else {
				tr.obsolete(f, []string{"docs", "groups"}, fmt.Sprintf("docs.groups: the catalog gives no text to the group %q", f.key))
			}
			continue
		}
		if tr.t.Groups == nil {
			tr.t.Groups = map[string]string{}
		}
		tr.t.Groups[f.key] = tr.text(f.value, "docs group "+f.key, source[f.key])
	}
}
