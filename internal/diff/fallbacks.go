package diff

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// A text that clients of a language got in it, and now get in the default
// language, is a change of its own: the loader sets aside a translation a
// change of the catalog broke (a message naming a detail renamed, a
// troubleshooting table a row short: catalog/heldproblems.go), and the
// file, unchanged, reads as it did; or the translation was taken out.
// Either way the language's clients read another language until it is
// translated again, which translation-changed, a comparison of the
// texts kept, would not say.

// translationFallbacks reports, for each language both catalogs serve, the
// texts of the code e (of after) that fall back to the default language,
// at the translation's entry. read is what each language's clients read in
// either catalog, made once for all codes.
func (cs *changes) translationFallbacks(read readings, before, after *catalog.Catalog, e *catalog.Error) {
	for _, lang := range after.Languages {
		bt, at := read.before[lang], read.after[lang]
		if bt == nil || at == nil || lang == after.Language {
			continue
		}
		was := bt.Errors[e.Code]
		texts, _ := fallbacks(was.KeptFor(e), at.Errors[e.Code], e)
		if len(texts) == 0 {
			continue
		}
		where := cs.in(bt.File, was.Pos) // the entry taken out was there
		if now := at.Errors[e.Code]; now != nil {
			where = cs.in(at.File, now.Pos)
		}
		given := func(t *catalog.Translation) []string {
			texts, _ := fallbacks(t.Errors[e.Code].KeptFor(e), nil, e)
			return texts
		}
		where.add(e.Code, TranslationFallback, "%s: %s now %s back to %s: %s clients had %s", lang, strings.Join(texts, ", "), fallVerb(texts), after.Language, lang, hadIn(before, lang, texts, given))
	}
}

// readings are the translations each language's clients read
// (catalog.Catalog.TranslationIn) before and after, by language. A
// regional language's is its file overlaid on its shorter tags', a copy
// of every entry: made per code, the comparison was quadratic in them.
type readings struct {
	before, after map[string]*catalog.Translation
}

func readingsOf(before, after *catalog.Catalog) readings {
	read := readings{before: map[string]*catalog.Translation{}, after: map[string]*catalog.Translation{}}
	for _, lang := range after.Languages {
		if t := before.TranslationIn(lang); t != nil {
			read.before[lang] = t
		}
		if t := after.TranslationIn(lang); t != nil {
			read.after[lang] = t
		}
	}
	return read
}

// hadIn says in which language lang's clients read texts in c: "it in es"
// where each came from one file, else each text's ("title in es-MX;
// message in es"). A regional language (es-MX) reads each text its own
// file leaves out from its shorter tags' (es.yaml), as
// catalog.Catalog.Inherited takes them; given names the texts a file
// gives.
func hadIn(c *catalog.Catalog, lang string, texts []string, given func(*catalog.Translation) []string) string {
	from := sourcesOf(c, lang, given)
	var tags []string
	byTag := map[string][]string{}
	for _, text := range texts {
		tag := cmp.Or(from[text], lang)
		if byTag[tag] == nil {
			tags = append(tags, tag)
		}
		byTag[tag] = append(byTag[tag], text)
	}
	if len(tags) == 1 {
		return pronoun(texts) + " in " + tags[0]
	}
	parts := make([]string, len(tags))
	for i, tag := range tags {
		parts[i] = strings.Join(byTag[tag], ", ") + " in " + tag
	}
	return strings.Join(parts, "; ")
}

// sourcesOf maps each text lang's clients read in c to the tag whose file
// gives it: lang's own, else the nearest of its shorter tags' (es for
// es-MX); given names the texts a file gives.
func sourcesOf(c *catalog.Catalog, lang string, given func(*catalog.Translation) []string) map[string]string {
	from := map[string]string{}
	for _, tag := range chainOf(c, lang) {
		if t := c.Translations[tag]; t != nil {
			for _, text := range given(t) {
				if from[text] == "" {
					from[text] = tag
				}
			}
		}
	}
	return from
}

// soleSource is the shorter tag of lang from whose file lang's clients
// read every one of texts in c, "" when they read some elsewhere.
func soleSource(c *catalog.Catalog, lang string, texts []string, given func(*catalog.Translation) []string) string {
	from := sourcesOf(c, lang, given)
	tag := from[texts[0]]
	for _, text := range texts {
		if from[text] != tag {
			return ""
		}
	}
	if tag == lang {
		return ""
	}
	return tag
}

// chainOf is lang and the shorter tags whose files its clients read what
// lang's leaves out, nearest first, up to c's own language.
func chainOf(c *catalog.Catalog, lang string) []string {
	return append([]string{lang}, c.LookupTags(lang)...)
}

// sourcePart is what of a language's translation changed in one file:
// tag's, the language's own or a shorter tag's it reads from.
type sourcePart struct {
	tag   string
	codes []string
	top   bool // the top-level texts
}

// bySource splits the changed texts of lang (codes, and the top-level
// texts when top) by the file the change is in: the nearest of lang's and
// its shorter tags' whose own texts of it differ between before and
// after; lang's when none does (the catalog changed under it). Parts come
// nearest first.
func bySource(before, after *catalog.Catalog, lang string, codes []string, top bool) []sourcePart {
	chain := chainOf(after, lang)
	parts := make([]sourcePart, len(chain))
	for i, tag := range chain {
		parts[i].tag = tag
	}
	sourceOf := func(differs func(b, a *catalog.Translation) bool) int {
		for i, tag := range chain {
			if differs(orEmpty(before.Translations[tag]), orEmpty(after.Translations[tag])) {
				return i
			}
		}
		return 0
	}
	for _, code := range codes {
		i := sourceOf(func(b, a *catalog.Translation) bool { return entryTexts(b.Errors[code]) != entryTexts(a.Errors[code]) })
		parts[i].codes = append(parts[i].codes, code)
	}
	if top {
		parts[sourceOf(func(b, a *catalog.Translation) bool { return topTexts(b) != topTexts(a) })].top = true
	}
	return slices.DeleteFunc(parts, func(p sourcePart) bool { return len(p.codes) == 0 && !p.top })
}

// orEmpty is t, or a translation of nothing for a file that is not there.
func orEmpty(t *catalog.Translation) *catalog.Translation {
	if t == nil {
		return &catalog.Translation{}
	}
	return t
}

// oneOf is the one code of codes, "" when there are more or none.
func oneOf(codes []string) string {
	if len(codes) == 1 {
		return codes[0]
	}
	return ""
}

// fallbacks names the texts of e that before, an entry as kept for e,
// translates and after no longer does, and returns before without them:
// what translation-changed compares with after.
func fallbacks(before, after *catalog.ErrorTranslation, e *catalog.Error) (texts []string, rest *catalog.ErrorTranslation) {
	if before == nil || e == nil {
		return nil, before
	}
	if after == nil {
		after = &catalog.ErrorTranslation{}
	}
	kept := *before
	fell := func(name string, was, is, source bool, drop func()) {
		if was && !is && source {
			texts = append(texts, name)
			drop()
		}
	}
	if !e.Retired { // of a retired code, only the reason is shown
		fell("title", before.Title != "", after.Title != "", e.Title != "", func() { kept.Title = "" })
		fell("message", before.Message != nil, after.Message != nil, e.Message != nil, func() { kept.Message = nil })
		fell("description", before.Description != "", after.Description != "", e.Description != "", func() { kept.Description = "" })
		fell("causes", before.Causes != nil, after.Causes != nil, len(e.Causes) > 0, func() { kept.Causes = nil })
		fell("remediation", before.Remediation != nil, after.Remediation != nil, len(e.Remediation) > 0, func() { kept.Remediation = nil })
		fell("troubleshooting", blankIsNone(before.Troubleshooting) != nil, blankIsNone(after.Troubleshooting) != nil, len(e.Troubleshooting) > 0, func() { kept.Troubleshooting = nil })
		texts = append(texts, detailFallbacks(&kept, after, e)...)
	}
	fell("deprecated", before.Deprecated != "", after.Deprecated != "", e.Deprecated != "", func() { kept.Deprecated = "" })
	return texts, &kept
}

// detailFallbacks names the details of e (by path, "detail" or
// "detail.field") whose texts kept translates and after no longer does,
// and takes them out of kept.
func detailFallbacks(kept, after *catalog.ErrorTranslation, e *catalog.Error) []string {
	was, is := detailTexts(kept.Details), detailTexts(after.Details)
	var texts []string
	paths, _ := e.DetailPaths()
	for _, path := range paths {
		if was[path] != nil && is[path] == nil {
			if len(texts) == 0 {
				kept.Details = detailTexts(kept.Details) // a copy, which kept's entry does not share
			}
			delete(kept.Details, path)
			texts = append(texts, "detail "+path)
		}
	}
	return texts
}

// topFallbacks names the top-level texts of c (the page's: its intro,
// docs, group texts and categories) that before translates and after no
// longer does, and returns before without them: what translation-changed
// compares with after.
func topFallbacks(before, after *catalog.Translation, c *catalog.Catalog) (texts []string, rest *catalog.Translation) {
	kept := *before
	fell := func(name string, was, is, source bool, drop func()) {
		if was && !is && source {
			texts = append(texts, name)
			drop()
		}
	}
	fell("description", before.Description != "", after.Description != "", c.Description != "", func() { kept.Description = "" })
	fell("docs.title", before.DocsTitle != "", after.DocsTitle != "", !c.Docs.TitleDefault, func() { kept.DocsTitle = "" })
	fell("docs.sections", blankIsNone(sectionTexts(before.Sections)) != nil, blankIsNone(sectionTexts(after.Sections)) != nil, len(c.Docs.Sections) > 0, func() { kept.Sections = nil })
	fell("docs.providers", blankIsNone(before.Providers) != nil, blankIsNone(after.Providers) != nil, len(c.Docs.Providers) > 0, func() { kept.Providers = nil })
	// A group or category c no longer has is no text its readers lose:
	// its translation is obsolete, and c's own change (an error's
	// text-changed, a docs text's) reports it, as for a code taken out.
	kept.Groups = nonEmpty(before.Groups)
	groups := map[string]bool{}
	for _, g := range c.Docs.Groups {
		groups[g.Group] = true
	}
	maps.DeleteFunc(kept.Groups, func(group, _ string) bool { return !groups[group] })
	for _, g := range c.Docs.Groups {
		fell("docs.groups "+g.Group, kept.Groups[g.Group] != "", after.Groups[g.Group] != "", g.Description != "", func() { delete(kept.Groups, g.Group) })
	}
	kept.Categories = nonEmpty(before.Categories)
	now, has := categories(c)
	maps.DeleteFunc(kept.Categories, func(category, _ string) bool { return !has[category] })
	for _, category := range now {
		fell("category "+category, kept.Categories[category] != "", after.Categories[category] != "", true, func() { delete(kept.Categories, category) })
	}
	return texts, &kept
}

// categories is the categories of c's errors, each once, in catalog order,
// and the same as a set.
func categories(c *catalog.Catalog) ([]string, map[string]bool) {
	var out []string
	has := map[string]bool{}
	for _, e := range entries(c) {
		if e.Category != "" && !has[e.Category] {
			has[e.Category] = true
			out = append(out, e.Category)
		}
	}
	return out, has
}

// fallVerb and pronoun agree with a list of texts.
func fallVerb(texts []string) string {
	if len(texts) == 1 {
		return "falls"
	}
	return "fall"
}

func pronoun(texts []string) string { return pronounOf(len(texts)) }

// pronounOf is "it" for one thing, "them" for more.
func pronounOf(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
