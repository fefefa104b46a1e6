package diff

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// languages compares the languages the API speaks and their translations.
func (cs *changes) languages(before, after *catalog.Catalog) {
	if before.Language != after.Language {
		cs.add("", DefaultLanguageChanged, "language changed from %s to %s", before.Language, after.Language)
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
		if what := translationChanges(before.Translations[lang], after.Translations[lang]); what != "" {
			cs.in(after.Translations[lang].File, catalog.Pos{}).add("", TranslationChanged, "%s translations changed: %s", lang, what)
		}
	}
}

// translationChanges says what differs between two translations of one
// language: the texts of which codes, and the top-level texts; "" when
// nothing does. Source hashes and positions are no texts.
func translationChanges(before, after *catalog.Translation) string {
	if before == nil || after == nil {
		return ""
	}
	var codes []string
	for code, et := range after.Errors {
		if entryTexts(et) != entryTexts(before.Errors[code]) {
			codes = append(codes, code)
		}
	}
	for code, et := range before.Errors {
		if after.Errors[code] == nil && entryTexts(et) != entryTexts(nil) {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	var parts []string
	if n := len(codes); n > 5 {
		parts = append(parts, fmt.Sprintf("%s and %d more codes", strings.Join(codes[:5], ", "), n-5))
	} else if n > 0 {
		parts = append(parts, strings.Join(codes, ", "))
	}
	if topTexts(before) != topTexts(after) {
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
	return jsonOf([]any{et.Title, message, et.Description, et.Causes, et.Remediation, et.Troubleshooting, et.Details})
}

// topTexts is what a translation translates at its top, comparable.
func topTexts(t *catalog.Translation) string {
	return jsonOf([]any{t.Description, t.DocsTitle, t.Sections, t.Providers, t.Categories, t.Words})
}

func jsonOf(v any) string {
	data, err := json.Marshal(v) // maps in key order: deterministic
	if err != nil {
		panic(err) // strings, slices and maps of them always marshal
	}
	return string(data)
}
