package catalog

import (
	"fmt"
	"maps"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// The keys of a translation file (translations/LANG.yaml), in the order
// docs/translations.md lists them; hints draw on them.
var (
	translationKeys     = []string{"language", "source", "reviewed", "page", "description", "docs", "categories", "errors"}
	translationDocsKeys = []string{"title", "groups", "sections", "providers"}
	providerTransKeys   = []string{"notes", "issues"}
	issueTransKeys      = []string{"cause", "fix"}
	entryKeys           = []string{"source", "reviewed", "title", "message", "description", "causes", "remediation", "troubleshooting", "details", "deprecated"}
	detailTransKeys     = []string{"description", "enum"}
)

// translationReader reads one translation file into a Translation,
// checking it against the catalog as it goes: every text it translates
// must be one the catalog has. Texts left "" (or null) are untranslated.
type translationReader struct {
	*nodeReader
	c         *Catalog
	t         *Translation
	byCode    map[string]*Error // the errors in use and the retired ones
	codes     []string          // their codes, in catalog order, for hints
	warnings  *diag.List
	sourcePos Pos                    // where the top-level source is, or the file
	hasher    sourceHasher           // each entry's SourceHash
	held      *heldProblems          // see changed; nil outside an entry and the top-level texts
	there     func(lang string) bool // whether lang's translation file is there, read yet or not (setAsideReads)
}

// file reads the translation file's top mapping.
func (tr *translationReader) file(n *yaml.Node) {
	t := tr.t
	tr.sourcePos = Pos{File: t.File}
	language := false
	prev := tr.hold()
	for _, f := range tr.fields(n, "translation file", translationKeys, nil) {
		switch f.key {
		case "language":
			language = true
			tr.fileLanguage(f.value)
		case "source":
			t.Source, tr.sourcePos = tr.source(f.value), posOf(f.value)
		case "reviewed":
			t.Reviewed = tr.boolean(f.value, "reviewed")
		case "page":
			tr.words(f.value)
		case "description":
			t.Description = tr.text(f.value, "description", tr.c.Description)
		case "docs":
			tr.docs(f.value)
		case "categories":
			tr.categories(f.value)
		case "errors":
			tr.errors(f.value)
		}
	}
	if n.Kind == yaml.MappingNode && !language {
		tr.probs.add(posOf(n), "translation file: missing required key \"language\": add language: %s", t.Language)
	}
	now := TopSourceHash(tr.c)
	// the lists it sets aside are left out already; held texts name them by their keys
	t.setAside = slices.Sorted(maps.Keys(tr.release(prev, t.Source, now, t.Reviewed)))
	tr.freshness(&t.Source, &t.Stale, t.Reviewed, t.TranslatesTop(), now, tr.sourcePos, "the top-level texts (description, docs)")
}

// ownFile reads the top mapping of the catalog's own language's file:
// its language and the page's words. Every other text is the catalog's,
// and is refused here with where it belongs.
func (tr *translationReader) ownFile(n *yaml.Node) {
	t := tr.t
	language := false
	for _, f := range tr.fields(n, "translation file", translationKeys, nil) {
		switch f.key {
		case "language":
			language = true
			tr.fileLanguage(f.value)
		case "page":
			tr.words(f.value)
		case "source", "reviewed":
			tr.probs.add(posOf(f.keyN), "%s: %s holds only the page's words (page:) of the catalog's own language, which translate no text of the catalog: remove %s", f.key, t.File, f.key)
		default:
			tr.probs.add(posOf(f.keyN), "%s: %s is the catalog's own language, whose texts are the catalog's: %s holds only the page's words (page:); write this text in the catalog", f.key, t.Language, t.File)
		}
	}
	if n.Kind == yaml.MappingNode && !language {
		tr.probs.add(posOf(n), "translation file: missing required key \"language\": add language: %s", t.Language)
	}
}

// fileLanguage checks the file's language: value.
func (tr *translationReader) fileLanguage(n *yaml.Node) {
	t := tr.t
	// An empty language is no language, so not this file's either;
	// a value str refuses (null, a number, a list) is reported once.
	blank := n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str"
	if s := tr.str(n, "language"); s != t.Language && (s != "" || blank) {
		tr.probs.add(posOf(n), "language %q is not the one this file translates: %s is for %s: write language: %s", s, t.File, t.Language, t.Language)
	}
}

// TranslatesTop reports whether the file translates some top-level text
// (TopSourceHash's): only then is it stale when its source is not
// today's.
func (t *Translation) TranslatesTop() bool {
	if len(t.setAside) > 0 || t.Description != "" || t.DocsTitle != "" {
		return true
	}
	for _, s := range t.Groups {
		if s != "" {
			return true
		}
	}
	for _, s := range t.Sections {
		if s.Title != "" || s.Body != "" {
			return true
		}
	}
	for _, p := range t.Providers {
		if p.Notes != "" {
			return true
		}
		for _, is := range p.Issues {
			if is.Cause != "" || is.Fix != "" {
				return true
			}
		}
	}
	return false
}

// optStr reads a text of the file: a string, or null for one left empty.
func (tr *translationReader) optStr(n *yaml.Node, what string) string {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return ""
	}
	return tr.str(n, what)
}

// text reads a translated text; source is the text it translates, and a
// translation of no text is an error.
func (tr *translationReader) text(n *yaml.Node, what, source string) string {
	s := tr.optStr(n, what)
	if s != "" && source == "" {
		tr.nothingToTranslate(posOf(n), what)
		return ""
	}
	return s
}

func (tr *translationReader) nothingToTranslate(pos Pos, what string) {
	tr.probs.add(pos, "%s: the catalog has no such text in %s, so there is nothing to translate: remove it", what, tr.c.Language)
}

// source reads a source hash: the hex digits errgen translate writes.
func (tr *translationReader) source(n *yaml.Node) string {
	s, _ := tr.scalar(n, "source") // 12345678, unquoted, is a number to YAML, and a hash all the same
	if s != "" && !isSourceHash(s) {
		tr.probs.add(posOf(n), "source %q is not a source hash (%d hex digits, which %s writes): remove it, and mark the entry reviewed: true", s, sourceLen, diag.Command("translate"))
		return ""
	}
	return s
}

func isSourceHash(s string) bool {
	if len(s) != sourceLen {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}

// freshness decides whether a translation (the top level's or an
// error's) is stale: it translates some text, is not marked reviewed, and
// its source is not the hash of today's texts. A reviewed one is
// fresh, with a warning until errgen translate records the hash.
func (tr *translationReader) freshness(source *string, stale *bool, reviewed, translates bool, now string, pos Pos, what string) {
	lang := tr.t.Language
	switch {
	case reviewed && *source != now:
		tr.warn(pos, "%s: marked reviewed: %s records it (source %s)", what, diag.Command("translate "+lang), now)
	case !translates || *source == now:
	case *source == "":
		*stale = true
		tr.warn(pos, "%s: the translation records no source, so errgen cannot tell which %s texts it translates: review it, mark it reviewed: true, and run %s", what, tr.c.Language, diag.Command("translate "+lang))
	default:
		*stale = true
		tr.warn(pos, "%s: the translation is stale: the %s texts changed since it was made (source %s, now %s): review it, mark it reviewed: true, and run %s", what, tr.c.Language, *source, now, diag.Command("translate "+lang))
	}
}

// warn records a warning: no failure, unless the command is --strict.
func (tr *translationReader) warn(pos Pos, format string, args ...any) {
	if !tr.warnings.Keeps() { // counted only, as Add would: a large stale translation warns of every entry
		tr.warnings.Drop(diag.Warning)
		return
	}
	tr.warnings.Add(diag.Diagnostic{Pos: at(tr.t.File, pos), Severity: diag.Warning, Msg: fmt.Sprintf(format, args...), Command: diag.CommandIn(args...)})
}

// words reads the page's own words: the Markdown output's check judges
// the keys.
func (tr *translationReader) words(n *yaml.Node) {
	for _, f := range tr.fields(n, "page", nil, nil) {
		tr.t.Words[f.key] = tr.optStr(f.value, "page "+f.key)
		tr.t.WordPos[f.key] = posOf(f.keyN)
	}
}

// docs reads the translations of docs.title, the groups' texts (by
// name), the sections and the providers' notes and issues: lists by
// position, as long as the catalog's.
func (tr *translationReader) docs(n *yaml.Node) {
	d, t := &tr.c.Docs, tr.t
	for _, f := range tr.fields(n, "docs", translationDocsKeys, nil) {
		switch f.key {
		case "title":
			t.DocsTitle = tr.text(f.value, "docs.title", d.Title)
		case "groups":
			tr.groups(f.value)
		case "sections":
			items := tr.sameLength(f.value, "docs.sections", "section", len(d.Sections), "docs.sections")
			for i, item := range items {
				var s Section
				for _, sf := range tr.fields(item, "docs section", sectionKeys, nil) {
					if sf.key == "title" {
						s.Title, s.Pos = tr.text(sf.value, "docs section title", d.Sections[i].Title), at(tr.t.File, posOf(sf.value))
					} else {
						s.Body = tr.text(sf.value, "docs section body", d.Sections[i].Body)
					}
				}
				t.Sections = append(t.Sections, s)
			}
		case "providers":
			items := tr.sameLength(f.value, "docs.providers", "provider", len(d.Providers), "docs.providers")
			for i, item := range items {
				t.Providers = append(t.Providers, tr.provider(item, d.Providers[i], i))
			}
		}
	}
}

// provider reads the translation of one provider's notes and issues, the
// provider at index of docs.providers.
func (tr *translationReader) provider(n *yaml.Node, src Provider, index int) Provider {
	p := Provider{Name: src.Name}
	for _, f := range tr.fields(n, "provider", providerTransKeys, nil) {
		if f.key == "notes" {
			p.Notes = tr.text(f.value, "provider notes", src.Notes)
			continue
		}
		what := fmt.Sprintf("provider %q: issues", src.Name)
		// held as its texts' keys start (untranslatedTop), to count them as set aside
		items := tr.sameLength(f.value, what, "issue", len(src.Issues), fmt.Sprintf("docs.providers[%d].issues", index))
		for i, item := range items {
			is := ProviderIssue{Error: src.Issues[i].Error}
			for _, isf := range tr.fields(item, "provider issue", issueTransKeys, nil) {
				if isf.key == "cause" {
					is.Cause = tr.text(isf.value, "provider issue cause", src.Issues[i].Cause)
				} else {
					is.Fix = tr.text(isf.value, "provider issue fix", src.Issues[i].Fix)
				}
			}
			p.Issues = append(p.Issues, is)
		}
	}
	return p
}

// sameLength returns the items of a list translated by position, which
// must have as many as the catalog's (want); else it reports the list,
// whose text then reads in the catalog's language, and returns none: an
// error, or a warning when the catalog changed the list under the
// translation (see changed).
func (tr *translationReader) sameLength(n *yaml.Node, what, noun string, want int, text string) []*yaml.Node {
	items := tr.list(n, what)
	if n.Kind == yaml.SequenceNode && len(items) != want {
		tr.changed(posOf(n), text, "%s: %s here, %d in the catalog: translate each, in the catalog's order (they are matched by position)", what, plural(len(items), noun), want)
		return nil
	}
	return items
}

// categories reads the translations of the catalog's categories, keyed by
// the category as the catalog names it.
func (tr *translationReader) categories(n *yaml.Node) {
	var names []string
	seen := map[string]bool{}
	for _, es := range [][]*Error{tr.c.Errors, tr.c.Retired} {
		for _, e := range es {
			if e.Category != "" && !seen[e.Category] {
				seen[e.Category] = true
				names = append(names, e.Category)
			}
		}
	}
	u := &unclaimed{tr: tr, m: n, names: names}
	for _, f := range tr.fields(n, "categories", nil, nil) {
		if !seen[f.key] {
			if near := u.near(f.key, f.value); near != "" {
				tr.probs.add(posOf(f.keyN), "categories: no error has the category %q%s: translate only the categories the catalog's errors have", f.key, near)
			} else {
				tr.obsolete(f, []string{"categories"}, fmt.Sprintf("categories: no error has the category %q", f.key))
			}
			continue
		}
		tr.t.Categories[f.key] = tr.optStr(f.value, "category "+f.key)
		tr.t.CategoryPos[f.key] = at(tr.t.File, posOf(f.value))
	}
}

// unknownCode decides about the entry of a code the catalog does not
// have: a misspelling (or a renamed code) when its entry holds a
// translation and a code without an entry is near its name, which is an
// error, so that the translation is not lost; else the entry of a code
// taken out of the catalog, obsolete.
func (tr *translationReader) unknownCode(u *unclaimed, f field) {
	if near := u.near(f.key, f.value); near != "" {
		tr.probs.add(posOf(f.keyN), "errors: unknown code %q%s: translate only the codes the catalog declares (a code the catalog renamed: rename its entry, which keeps its translation)", f.key, near)
		return
	}
	tr.obsolete(f, []string{"errors"}, fmt.Sprintf("errors: the catalog has no code %q", f.key))
}

// errors reads the entries of the errors mapping, keyed by code.
func (tr *translationReader) errors(n *yaml.Node) {
	if len(tr.t.Errors) == 0 { // made for as many entries as the mapping has, not grown to it
		tr.t.Errors = make(map[string]*ErrorTranslation, len(n.Content)/2)
	}
	u := &unclaimed{tr: tr, m: n, names: tr.codes}
	for _, f := range tr.fields(n, "errors", nil, nil) {
		e := tr.byCode[f.key]
		if e == nil {
			tr.unknownCode(u, f)
			continue
		}
		tr.t.Errors[e.Code] = tr.entry(e, f.keyN, f.value)
	}
}
