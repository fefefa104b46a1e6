package catalog

import (
	"cmp"
	"fmt"
	"maps"
	"strings"
)

// A regional language (es-MX, de-CH, zh-Hant-TW) is read as RFC 4647's
// lookup reads it: a text its own file leaves out comes from the file of
// the nearest shorter tag the catalog serves (es-MX from es), and only then
// from the default language. A regional file so gives only the texts that
// differ, as its page's words already do (internal/markdown inheritedWord);
// a Mexican reader got English where es.yaml had the Spanish text.

// Inherited is what lang's texts fall back to before the default
// language: the translations of the shorter tags of lang the catalog
// serves, nearest first, as one (zh-Hant's texts, then zh's, for
// zh-Hant-TW). nil when the catalog serves none, as for de-CH beside de-AT
// alone, or for a tag with no subtag to drop.
func (c *Catalog) Inherited(lang string) *Translation {
	var inherited *Translation
	for _, tag := range c.inheritedTags(lang) { // the catalog's own texts are the last resort anyway
		t := c.Translations[tag]
		switch {
		case inherited == nil:
			inherited = t
		default:
			inherited = overlay(inherited, t)
		}
	}
	return inherited
}

// inheritedTags are the shorter tags of lang the catalog serves, nearest
// first: those whose files Inherited reads.
func (c *Catalog) inheritedTags(lang string) []string {
	var tags []string
	for _, tag := range c.LookupTags(lang) {
		if c.Translations[tag] != nil {
			tags = append(tags, tag)
		}
	}
	return tags
}

// LookupTags are the shorter tags of lang whose files lookup reads for a
// text lang's own file leaves out, nearest first, served or not: those
// before the catalog's own language (es for es-MX; none for en-GB in an en
// catalog), whose texts are the last resort anyway.
func (c *Catalog) LookupTags(lang string) []string {
	tags := ShorterTags(lang)
	for i, tag := range tags {
		if strings.EqualFold(tag, c.Language) {
			return tags[:i]
		}
	}
	return tags
}

// readsIn says where a text of lang that its own file leaves out (or
// sets aside) reads: in each shorter tag of lang whose file names a file
// (file gives "" for none), nearest first, where that file gives it, as
// Inherited takes them; else in the catalog's language.
func (c *Catalog) readsIn(lang string, file func(tag string) string) string {
	var reads []string
	for _, tag := range c.LookupTags(lang) {
		if f := file(tag); f != "" {
			does := "gives it"
			if len(reads) > 0 {
				does = "does"
			}
			reads = append(reads, fmt.Sprintf("in %s where %s %s", tag, f, does))
		}
	}
	if len(reads) == 0 {
		return "in " + c.Language
	}
	return strings.Join(reads, ", then ") + ", else in " + c.Language
}

// TranslationIn is lang's translation as In reads it: its file's texts, each
// it leaves out taken from Inherited; nil for a language the catalog does
// not serve. What a regional language's clients read changes with its
// shorter tags' files, which errgen diff compares.
func (c *Catalog) TranslationIn(lang string) *Translation {
	t := c.Translations[lang]
	if t == nil || strings.EqualFold(lang, c.Language) {
		return t
	}
	return c.readingOf(lang, t)
}

// readingOf is the translation In reads lang's texts from: lang's file,
// each text it leaves out taken from Inherited; t itself when nothing is
// inherited.
func (c *Catalog) readingOf(lang string, t *Translation) *Translation {
	if inherited := c.Inherited(lang); inherited != nil {
		return overlay(t, inherited)
	}
	return t
}

// ShorterTags are the tags RFC 4647's lookup tries after tag, nearest
// first: zh-Hant and zh for zh-Hant-TW, pt-BR and pt for pt-BR-x-priv;
// none for zh or x-priv. The page's words of a regional language walk them
// too.
func ShorterTags(tag string) []string {
	var tags []string
	for t, ok := shorterTag(tag); ok; t, ok = shorterTag(t) {
		tags = append(tags, t)
	}
	return tags
}

// shorterTag is tag with its last subtag dropped, and each singleton then
// left last (the x of pt-BR-x-priv) dropped with it, as RFC 4647 §3.4
// truncates a tag; false when tag has a single subtag, or nothing but a
// singleton is left (x-priv, a private-use tag a catalog may serve): a
// singleton is no language, and lookup goes on to the default one.
func shorterTag(tag string) (string, bool) {
	i := strings.LastIndexByte(tag, '-')
	if i < 0 {
		return "", false
	}
	tag = tag[:i]
	for j := strings.LastIndexByte(tag, '-'); j >= 0 && j == len(tag)-2; j = strings.LastIndexByte(tag, '-') {
		tag = tag[:j]
	}
	loneSingleton := len(tag) == 1 && tag != "-" // "-" is two empty subtags
	return tag, !loneSingleton
}

// overlay is near with each text it leaves untranslated taken from far.
// What tells of near's file (its name, source hashes, staleness, reviews,
// positions, page words) stays near's: far's file reports its own, and an
// inherited stale text is the stale text of far's file alone.
func overlay(near, far *Translation) *Translation {
	t := *near
	t.Description = cmp.Or(near.Description, far.Description)
	t.DocsTitle = cmp.Or(near.DocsTitle, far.DocsTitle)
	t.Sections = overlaySections(near.Sections, far.Sections)
	t.Groups = overlayTexts(near.Groups, far.Groups)
	t.Providers = overlayProviders(near.Providers, far.Providers)
	t.Categories = overlayTexts(near.Categories, far.Categories)
	t.Errors = make(map[string]*ErrorTranslation, max(len(near.Errors), len(far.Errors)))
	maps.Copy(t.Errors, near.Errors)
	for code, fe := range far.Errors {
		t.Errors[code] = overlayError(near.Errors[code], fe)
	}
	return &t
}

// overlayError is near with each text it leaves untranslated taken from
// far; far itself when near is nil.
func overlayError(near, far *ErrorTranslation) *ErrorTranslation {
	if near == nil {
		return far
	}
	et := *near
	et.Title = cmp.Or(near.Title, far.Title)
	if et.Message == nil {
		et.Message = far.Message
	}
	et.Description = cmp.Or(near.Description, far.Description)
	if et.Causes == nil {
		et.Causes = far.Causes
	}
	if et.Remediation == nil {
		et.Remediation = far.Remediation
	}
	et.Troubleshooting = overlayRows(near.Troubleshooting, far.Troubleshooting)
	et.Details = overlayDetails(near.Details, far.Details)
	et.Deprecated = cmp.Or(near.Deprecated, far.Deprecated)
	return &et
}

func overlayDetails(near, far map[string]*DetailTranslation) map[string]*DetailTranslation {
	if len(far) == 0 {
		return near
	}
	out := make(map[string]*DetailTranslation, max(len(near), len(far)))
	maps.Copy(out, near)
	for name, fd := range far {
		nd := near[name]
		if nd == nil {
			out[name] = fd
			continue
		}
		out[name] = &DetailTranslation{Description: cmp.Or(nd.Description, fd.Description), Enum: overlayTexts(nd.Enum, fd.Enum)}
	}
	return out
}

// overlayTexts is near with far's texts for the keys near gives none.
func overlayTexts(near, far map[string]string) map[string]string {
	if len(far) == 0 {
		return near
	}
	out := make(map[string]string, max(len(near), len(far)))
	maps.Copy(out, far)
	for k, s := range near {
		if s != "" {
			out[k] = s
		}
	}
	return out
}

// overlayRows overlays troubleshooting cells row by row: both files hold
// to the catalog's rows.
func overlayRows(near, far []Troubleshooting) []Troubleshooting {
	return overlayByPosition(near, far, func(n, f Troubleshooting) Troubleshooting {
		return Troubleshooting{Check: cmp.Or(n.Check, f.Check), Solution: cmp.Or(n.Solution, f.Solution)}
	})
}

func overlaySections(near, far []Section) []Section {
	return overlayByPosition(near, far, func(n, f Section) Section {
		if n.Title == "" {
			n.Title, n.Pos = f.Title, f.Pos
		}
		n.Body = cmp.Or(n.Body, f.Body)
		return n
	})
}

func overlayProviders(near, far []Provider) []Provider {
	return overlayByPosition(near, far, func(n, f Provider) Provider {
		n.Notes = cmp.Or(n.Notes, f.Notes)
		n.Issues = overlayByPosition(n.Issues, f.Issues, func(ni, fi ProviderIssue) ProviderIssue {
			return ProviderIssue{Error: cmp.Or(ni.Error, fi.Error), Cause: cmp.Or(ni.Cause, fi.Cause), Fix: cmp.Or(ni.Fix, fi.Fix)}
		})
		return n
	})
}

// overlayByPosition overlays two lists matched by position, as the
// catalog's sections, providers and troubleshooting rows are: merge gets
// each pair, the zero value standing in past the end of the shorter list.
func overlayByPosition[T any](near, far []T, merge func(n, f T) T) []T {
	out := make([]T, max(len(near), len(far)))
	for i := range out {
		var n, f T
		if i < len(near) {
			n = near[i]
		}
		if i < len(far) {
			f = far[i]
		}
		out[i] = merge(n, f)
	}
	return out
}
