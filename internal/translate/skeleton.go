package translate

import (
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// top plans the edits of the file's top mapping: its language, source,
// top-level texts and the entry of every error.
func (u *updater) top(top *yaml.Node) {
	c, t := u.c, u.t
	if k, _ := member(top, "language"); k == nil {
		yamlnode.Insert(top, 0, "language", yamlnode.Str(t.Language))
		u.adds.Add(top.Content[0], top.Content[1])
	}
	now, want := catalog.TopSourceHash(c), u.topTexts()
	blank := blanksOutsideErrors(top)
	u.res.Added += u.lengthen(top, want) // first, for refreshComments to see every row
	if _, v := member(top, "source"); v != nil && v.Value != now {
		u.refreshComments(top, want) // the top's texts changed: so do their comments, as an entry's
	}
	u.refreshWords(top, want) // after refreshComments, whose comment of a word knows one language only
	u.source(top, now, t.Reviewed, t.TranslatesTop())
	u.res.Added += u.fill(top, want)
	u.res.TopTexts = blanksOutsideErrors(top) - blank
	u.res.Texts += u.res.TopTexts
	_, errs := member(top, "errors")
	fresh := errs == nil // a new mapping, written whole: its entries are no additions of their own
	if fresh {
		errs = yamlnode.Map()
		u.add(top, "errors", errs)
	}
	if errs.Kind != yaml.MappingNode {
		return
	}
	// A retired code's texts are shown nowhere but its reason (the page's
	// table of retired codes gives its code, status, reason and
	// replacement): its entry asks for the reason only, and a retired code
	// without one gets none; what a translator wrote before stays.
	entries := newMemberIndex(errs)
	for _, es := range [][]*catalog.Error{c.Errors, c.Retired} {
		for _, e := range es {
			if e.Retired && e.Deprecated == "" {
				continue
			}
			_, entry := entries.member(e.Code)
			switch {
			case entry == nil:
				u.newEntry(errs, e, fresh)
			case entry.Kind == yaml.MappingNode:
				want := u.entry(e)
				want.Content = want.Content[2:] // its source is source's
				now := catalog.SourceHash(e)
				blank := blanks(entry)
				u.res.Added += u.lengthen(entry, want) // first, for refreshComments to see every row
				if _, v := member(entry, "source"); v != nil && v.Value != now {
					u.refreshComments(entry, want) // before fill moves want's members into entry
				}
				u.res.Added += u.fill(entry, want)
				u.textsIn(blanks(entry) - blank)
				et := t.Errors[e.Code]
				u.source(entry, now, et != nil && et.Reviewed, et != nil && et.Translates())
			}
		}
	}
}

// newEntry adds e's entry to errs, the file's errors (a new mapping,
// written whole, when fresh), unless it asks for no text: the shorter
// tags of a regional language may give them all.
func (u *updater) newEntry(errs *yaml.Node, e *catalog.Error, fresh bool) {
	want := u.entry(e)
	switch {
	case len(want.Content) == 2: // its source alone
		return
	case fresh:
		yamlnode.Set(errs, e.Code, want)
	default:
		u.add(errs, e.Code, want)
	}
	u.res.Added++
	u.textsIn(blanks(want))
}

// textsIn counts n texts added to one error's entry.
func (u *updater) textsIn(n int) {
	if n > 0 {
		u.res.Texts += n
		u.res.Entries++
	}
}

// blanks counts the "" values in n, each a text for a translator to
// write: what fill and lengthen add is the count after less the count
// before, since they only add.
func blanks(n *yaml.Node) int {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Value == "" {
			return 1
		}
	case yaml.SequenceNode:
		count := 0
		for _, item := range n.Content {
			count += blanks(item)
		}
		return count
	case yaml.MappingNode:
		count := 0
		for i := 1; i < len(n.Content); i += 2 {
			count += blanks(n.Content[i])
		}
		return count
	}
	return 0
}

// blanksOutsideErrors is blanks of the file's top, its errors aside.
func blanksOutsideErrors(top *yaml.Node) int {
	n := blanks(top)
	if _, errs := member(top, "errors"); errs != nil {
		n -= blanks(errs)
	}
	return n
}

// topTexts is a mapping of what the file translates at its top, each text
// left "" under its source as a comment: the page's words, the
// description, the docs' title, groups' texts, sections and providers, the
// categories.
func (u *updater) topTexts() *yaml.Node {
	c := u.c
	own, chain := u.in.top()
	m := yamlnode.Map()
	if len(u.opts.Words) > 0 {
		page := yamlnode.Map()
		for _, w := range u.opts.Words {
			u.text(page, w.Key, w.Text)
			if w.Lang != "" && w.Lang != u.c.Language { // an English word where the catalog's language has none
				page.Content[len(page.Content)-2].HeadComment = enComment(w.Lang, w.Text)
			}
		}
		yamlnode.Set(m, "page", page)
	}
	if asks(own.Description != "", chain.Description != "") {
		u.text(m, "description", c.Description)
	}
	docs := u.docsTexts(own, chain)
	if len(docs.Content) > 0 {
		yamlnode.Set(m, "docs", docs)
	}
	categories := yamlnode.Map()
	seen := map[string]bool{}
	for _, es := range [][]*catalog.Error{c.Errors, c.Retired} {
		for _, e := range es {
			if e.Category != "" && !seen[e.Category] {
				seen[e.Category] = true
				if asks(own.Categories[e.Category] != "", chain.Categories[e.Category] != "") {
					yamlnode.Set(categories, e.Category, yamlnode.Str(""))
				}
			}
		}
	}
	if len(categories.Content) > 0 {
		yamlnode.Set(m, "categories", categories)
	}
	return m
}

// docsTexts is the docs mapping of topTexts: the title, the groups' texts,
// the sections and the providers, but for what the shorter tags give.
func (u *updater) docsTexts(own, chain *catalog.Translation) *yaml.Node {
	c := u.c
	docs := yamlnode.Map()
	if !c.Docs.TitleDefault && asks(own.DocsTitle != "", chain.DocsTitle != "") { // errgen's own title is the page's word page_title
		u.text(docs, "title", c.Docs.Title)
	}
	if len(c.Docs.Groups) > 0 { // by the group's name, as categories are
		groups := yamlnode.Map()
		for _, g := range c.Docs.Groups {
			if asks(own.Groups[g.Group] != "", chain.Groups[g.Group] != "") {
				u.text(groups, g.Group, g.Description)
			}
		}
		if len(groups.Content) > 0 || u.in.chain == nil { // an empty mapping, as before, where nothing is inherited
			yamlnode.Set(docs, "groups", groups)
		}
	}
	// sections and providers are translated by position: asked for whole,
	// unless the shorter tags give every text of them
	if len(c.Docs.Sections) > 0 && asks(len(own.Sections) > 0, allSections(c.Docs.Sections, chain.Sections)) {
		var items []*yaml.Node
		for _, s := range c.Docs.Sections {
			item := yamlnode.Map()
			u.text(item, "title", s.Title)
			u.text(item, "body", s.Body)
			items = append(items, hoist(item))
		}
		yamlnode.Set(docs, "sections", yamlnode.Seq(items...))
	}
	if len(c.Docs.Providers) > 0 && asks(len(own.Providers) > 0, allProviders(c.Docs.Providers, chain.Providers)) {
		var items []*yaml.Node
		for _, p := range c.Docs.Providers {
			items = append(items, u.provider(p))
		}
		yamlnode.Set(docs, "providers", yamlnode.Seq(items...))
	}
	return docs
}

// provider is the entry of one provider: its notes and issues, under its
// name as a comment (providers are translated by position).
func (u *updater) provider(p catalog.Provider) *yaml.Node {
	item := yamlnode.Map()
	item.HeadComment = "# " + oneLine(p.Name)
	u.text(item, "notes", p.Notes)
	if len(p.Issues) > 0 {
		var issues []*yaml.Node
		for _, is := range p.Issues {
			issue := yamlnode.Map()
			issue.HeadComment = "# " + oneLine(is.Error)
			u.text(issue, "cause", is.Cause)
			u.text(issue, "fix", is.Fix)
			issues = append(issues, hoist(issue))
		}
		yamlnode.Set(item, "issues", yamlnode.Seq(issues...))
	}
	return hoist(item)
}

// hoist moves the comment of a list item's first key above the item: the
// encoder writes it after the item's dash otherwise.
func hoist(item *yaml.Node) *yaml.Node {
	if len(item.Content) == 0 || item.Content[0].HeadComment == "" {
		return item
	}
	if item.HeadComment != "" {
		item.HeadComment += "\n"
	}
	item.HeadComment += item.Content[0].HeadComment
	item.Content[0].HeadComment = ""
	return item
}

// entry is a new entry of e: its source hash and each of its texts left
// "" under the source text as a comment; of a retired code, its reason
// only, the one text of it shown. A text the shorter tags give, and the
// file does not, is left out (see inheritance).
func (u *updater) entry(e *catalog.Error) *yaml.Node {
	own, chain := u.in.entries(e.Code)
	m := yamlnode.Map()
	yamlnode.Set(m, "source", yamlnode.Str(catalog.SourceHash(e)))
	if e.Retired {
		if asks(own.Deprecated != "", chain.Deprecated != "") {
			u.text(m, "deprecated", e.Deprecated)
		}
		return m
	}
	if asks(own.Title != "", chain.Title != "") {
		u.text(m, "title", e.Title)
	}
	if e.Message != nil && asks(own.Message != nil, chain.Message != nil) {
		u.text(m, "message", e.Message.Source)
	}
	if asks(own.Description != "", chain.Description != "") {
		u.text(m, "description", e.Description)
	}
	if asks(own.Causes != nil, chain.Causes != nil) {
		u.list(m, "causes", e.Causes)
	}
	if asks(own.Remediation != nil, chain.Remediation != nil) {
		u.list(m, "remediation", e.Remediation)
	}
	if len(e.Troubleshooting) > 0 && asks(len(own.Troubleshooting) > 0, allRows(e.Troubleshooting, chain.Troubleshooting)) {
		var rows []*yaml.Node
		for _, r := range e.Troubleshooting {
			row := yamlnode.Map()
			yamlnode.Set(row, "check", yamlnode.Str(""))
			yamlnode.Set(row, "solution", yamlnode.Str(""))
			row.HeadComment = enComment(u.c.Language, "check: "+r.Check) + "\n" + enComment(u.c.Language, "solution: "+r.Solution)
			rows = append(rows, row)
		}
		yamlnode.Set(m, "troubleshooting", yamlnode.Seq(rows...))
	}
	details := yamlnode.Map()
	u.details(details, "", e.Details, own, chain)
	if len(details.Content) > 0 {
		yamlnode.Set(m, "details", details)
	}
	if asks(own.Deprecated != "", chain.Deprecated != "") {
		u.text(m, "deprecated", e.Deprecated)
	}
	return m
}

// details adds the entries of the details with texts to m: their
// descriptions and enum values', fields as detail.field.
func (u *updater) details(m *yaml.Node, prefix string, ds []*catalog.Detail, own, chain *catalog.ErrorTranslation) {
	for _, d := range ds {
		od, cd := detailOf(own, chain, prefix+d.Name)
		dm := yamlnode.Map()
		if asks(od.Description != "", cd.Description != "") {
			u.text(dm, "description", d.Description)
		}
		enum := yamlnode.Map()
		for _, v := range d.Enum {
			if asks(od.Enum[v.Value] != "", cd.Enum[v.Value] != "") {
				u.text(enum, v.Value, v.Description)
			}
		}
		if len(enum.Content) > 0 {
			yamlnode.Set(dm, "enum", enum)
		}
		if len(dm.Content) > 0 {
			yamlnode.Set(m, prefix+d.Name, dm)
		}
		u.details(m, prefix+d.Name+".", d.Fields, own, chain)
	}
}

// text adds key: "" to m under source as a comment, when there is a
// source text.
func (u *updater) text(m *yaml.Node, key, source string) {
	if source == "" {
		return
	}
	yamlnode.Set(m, key, yamlnode.Str(""))
	m.Content[len(m.Content)-2].HeadComment = enComment(u.c.Language, source)
}

// list adds key: a list of "" to m, each under its source text.
func (u *updater) list(m *yaml.Node, key string, source []string) {
	if len(source) == 0 {
		return
	}
	items := make([]*yaml.Node, len(source))
	for i, s := range source {
		items[i] = yamlnode.Str("")
		items[i].HeadComment = enComment(u.c.Language, s)
	}
	yamlnode.Set(m, key, yamlnode.Seq(items...))
}

// oneLine is text on one line, for a comment.
func oneLine(text string) string {
	return string(normalizeBreaksOneLine([]byte(text)))
}
