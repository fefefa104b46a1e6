package diff

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// languages compares the languages the API speaks and their translations.
func (cs *changes) languages(before, after *catalog.Catalog) {
	if before.Language != after.Language {
		cs.add("", DefaultLanguageChanged, "language changed from %s to %s", before.Language, after.Language)
	} else {
		cs.ownWords(before.Translations[after.Language], after.Translations[after.Language], after.Language)
	}
	for _, lang := range before.Languages {
		if !slices.Contains(after.Languages, lang) && lang != after.Language {
			cs.add("", LanguageRemoved, "language %s is no longer served: clients asking for it get %s", lang, after.Language)
		}
	}
	for _, lang := range after.Languages {
		if !slices.Contains(before.Languages, lang) {
			cs.add("", LanguageAdded, "language %s added", lang)
			continue
		}
		bt, at := before.TranslationIn(lang), after.TranslationIn(lang) // what its clients read: a regional language's, its shorter tags' texts too
		cs.translationChanged(before, after, lang, bt, at)
		if bt != nil && at != nil && lang != after.Language {
			if texts, _ := topFallbacks(bt, at, after); len(texts) > 0 {
				file := at.File
				if t := after.Translations[soleSource(before, lang, texts, givenTop(after))]; t != nil {
					file = t.File // the page read them all from a shorter tag's file (es.yaml for es-MX)
				}
				cs.in(file, catalog.Pos{}).add("", TranslationFallback, "%s: %s now %s back to %s: the %s page had %s", lang, strings.Join(texts, ", "), fallVerb(texts), after.Language, lang, hadIn(before, lang, texts, givenTop(after)))
			}
		}
	}
}

// translationChanged reports the texts lang's clients read differently,
// bt and at being what they read before and after: one change per file
// the changed texts are in, at that file, so that a change of es.yaml
// that es-MX inherits (es-MX.yaml giving no such text) is reported at
// es.yaml, saying that es-MX clients read it from es; at the entry's line
// where the file's change is one entry's.
func (cs *changes) translationChanged(before, after *catalog.Catalog, lang string, bt, at *catalog.Translation) {
	codes, top := changedTranslations(bt, at, after)
	if len(codes) == 0 && !top {
		return
	}
	for _, part := range bySource(before, after, lang, codes, top) {
		t, gone := readFrom(before, after, part.tag)
		pos := catalog.Pos{}
		if et := t.Errors[oneOf(part.codes)]; et != nil && !part.top && !gone {
			pos = et.Pos
		}
		at := cs.inFile(t.File, pos, gone)
		what := changedWhat(part.codes, part.top)
		if part.tag == lang {
			at.add("", TranslationChanged, "%s translations changed: %s", lang, what)
			continue
		}
		n := len(part.codes)
		if part.top {
			n++
		}
		at.add("", TranslationChanged, "%s translations changed: %s (%s clients read %s from %s)", lang, what, lang, pronounOf(n), part.tag)
	}
}

// readFrom is the translation file of tag whose texts changed: after's,
// else, when after has none there (taken out since), before's, gone: the
// change is shown where the texts were, in the old catalog, as what was
// removed is.
func readFrom(before, after *catalog.Catalog, tag string) (t *catalog.Translation, gone bool) {
	t = after.Translations[tag]
	if bt := before.Translations[tag]; bt != nil && !bt.Missing && (t == nil || t.Missing) {
		return bt, true
	}
	return cmp.Or(t, before.Translations[tag]), false
}

// givenTop names the top-level texts of c a file gives, as topFallbacks
// names them.
func givenTop(c *catalog.Catalog) func(*catalog.Translation) []string {
	return func(t *catalog.Translation) []string {
		texts, _ := topFallbacks(t, &catalog.Translation{}, c)
		return texts
	}
}

// ownWords compares the page's words of the catalog's own language, which
// its own file holds alone (translations/es.yaml beside a catalog in es):
// they are the default page's translation as another language's words are
// its page's, so a change of them, or the file taken out, is a
// translation-changed too.
func (cs *changes) ownWords(before, after *catalog.Translation, lang string) {
	var was, now map[string]string
	file := ""
	if before != nil {
		was, file = before.Words, before.File
	}
	if after != nil {
		now, file = after.Words, after.File
	}
	if !maps.Equal(nonEmpty(was), nonEmpty(now)) {
		cs.inFile(file, catalog.Pos{}, after == nil).add("", TranslationChanged, "%s translations changed: the page's words", lang)
	}
}

// changedTranslations says what differs between two translations of one
// language, after's of the catalog c: the texts of which codes, sorted,
// and whether the top-level texts do. Source hashes and positions are no
// texts. Nor is what c took out under the translation (a code, a detail),
// whose entries are obsolete then, ignored: the catalog's own change
// (code-removed, detail-removed) reports it.
func changedTranslations(before, after *catalog.Translation, c *catalog.Catalog) (codes []string, top bool) {
	if before == nil || after == nil {
		return nil, false
	}
	errs := map[string]*catalog.Error{}
	for _, es := range [][]*catalog.Error{c.Errors, c.Retired} {
		for _, e := range es {
			errs[e.Code] = e
		}
	}
	// A text that falls back is translation-fallback's change, not this one.
	for code, et := range after.Errors {
		if _, kept := fallbacks(before.Errors[code].KeptFor(errs[code]), et, errs[code]); entryTexts(et) != entryTexts(kept) {
			codes = append(codes, code)
		}
	}
	for code, et := range before.Errors {
		if after.Errors[code] != nil || errs[code] == nil {
			continue
		}
		if _, kept := fallbacks(et.KeptFor(errs[code]), nil, errs[code]); entryTexts(kept) != entryTexts(nil) {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	_, kept := topFallbacks(before, after, c)
	return codes, topTexts(kept) != topTexts(after)
}

// changedWhat names the changed texts for a message: "GONE, NOT_FOUND;
// the top-level texts", the codes past five counted.
func changedWhat(codes []string, top bool) string {
	var parts []string
	if n := len(codes); n > 5 {
		parts = append(parts, fmt.Sprintf("%s and %d more %s", strings.Join(codes[:5], ", "), n-5, plural(n-5, "code", "codes")))
	} else if n > 0 {
		parts = append(parts, strings.Join(codes, ", "))
	}
	if top {
		parts = append(parts, "the top-level texts")
	}
	return strings.Join(parts, "; ")
}

// entryTexts is what an entry translates, comparable; nil translates
// nothing.
func entryTexts(et *catalog.ErrorTranslation) string {
	if et == nil {
		et = &catalog.ErrorTranslation{}
	}
	message := ""
	if et.Message != nil {
		message = et.Message.Source
	}
	return jsonOf([]any{et.Title, message, et.Description, et.Causes, et.Remediation, blankIsNone(et.Troubleshooting), detailTexts(et.Details), et.Deprecated})
}

// topTexts is what a translation translates at its top, comparable.
func topTexts(t *catalog.Translation) string {
	return jsonOf([]any{t.Description, t.DocsTitle, nonEmpty(t.Groups), blankIsNone(sectionTexts(t.Sections)), blankIsNone(t.Providers), nonEmpty(t.Categories), nonEmpty(t.Words)})
}

// sectionTexts is ss without their positions: a section moved to another
// line of its file translates what it did.
func sectionTexts(ss []catalog.Section) [][2]string {
	out := make([][2]string, len(ss))
	for i, s := range ss {
		out[i] = [2]string{s.Title, s.Body}
	}
	return out
}

// The texts a file leaves "" are untranslated, as are those it leaves out:
// errgen translate writes every text "" for a translator to fill in, and
// such a file changes nothing a client or reader gets. So "" texts are
// taken out before comparing: a map's "" values, a detail translating
// nothing, a list matched by position (rows, sections, providers) all of
// whose texts are "".

// nonEmpty is m without its "" values, nil when none is left.
func nonEmpty(m map[string]string) map[string]string {
	var out map[string]string
	for k, v := range m {
		if v != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[k] = v
		}
	}
	return out
}

// detailTexts is ds without its "" texts, nil when none is left.
func detailTexts(ds map[string]*catalog.DetailTranslation) map[string]*catalog.DetailTranslation {
	var out map[string]*catalog.DetailTranslation
	for name, d := range ds {
		if d == nil {
			continue
		}
		if enum := nonEmpty(d.Enum); d.Description != "" || enum != nil {
			if out == nil {
				out = map[string]*catalog.DetailTranslation{}
			}
			out[name] = &catalog.DetailTranslation{Description: d.Description, Enum: enum}
		}
	}
	return out
}

// blankIsNone is list, or nil when every text of every item is "".
func blankIsNone[T any](list []T) []T {
	var v any
	if err := json.Unmarshal([]byte(jsonOf(list)), &v); err != nil {
		panic(err) // jsonOf's own output
	}
	if hasText(v) {
		return list
	}
	return nil
}

// hasText reports whether a decoded JSON value holds a string other than "".
func hasText(v any) bool {
	switch v := v.(type) {
	case string:
		return v != ""
	case []any:
		return slices.ContainsFunc(v, hasText)
	case map[string]any:
		for _, x := range v {
			if hasText(x) {
				return true
			}
		}
	}
	return false
}

func jsonOf(v any) string {
	data, err := json.Marshal(v) // maps in key order: deterministic
	if err != nil {
		panic(err) // strings, slices and maps of them always marshal
	}
	return string(data)
}
