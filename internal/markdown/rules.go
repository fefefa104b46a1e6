package markdown

import (
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// Rules is the Markdown output's catalog rules (a catalog.Check, which
// errgen.Check runs): every key of a translation's words (its page:
// mapping) must be one of wordTable's, and a word must have the placeholders of the English one,
// no other and none fewer, since the page fills them with links and code
// the reader needs; and no two sibling headings of a page may read the
// same (headingRules).
func Rules(c *catalog.Catalog) []diag.Diagnostic { return rules(c, false) }

// RulesOverridden is Rules for a run whose templates (errgen --templates)
// replace the bundled ones: the ## headings are left to the pages those
// write (renderedHeadingRules), as for the catalog's docs.templates.
func RulesOverridden(c *catalog.Catalog) []diag.Diagnostic { return rules(c, true) }

func rules(c *catalog.Catalog, overridden bool) []diag.Diagnostic {
	var probs []diag.Diagnostic
	for _, lang := range append([]string{c.Language}, c.Languages...) {
		t := c.Translations[lang]
		if t == nil {
			continue
		}
		keys := make([]string, 0, len(t.Words))
		for k := range t.Words {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if d, bad := wordProblem(t, k, t.Words[k]); bad {
				probs = append(probs, d)
			}
		}
	}
	probs = append(probs, unbundledRules(c)...)
	probs = append(probs, templateNameRules(c)...)
	if !overridden {
		probs = append(probs, templateParseRules(c)...)
	}
	return append(probs, headingRules(c, overridden)...)
}

// wordKeys lists wordTable's keys, in its order.
func wordKeys() []string {
	keys := make([]string, len(wordTable))
	for i, row := range wordTable {
		keys[i] = row.key
	}
	return keys
}

// wordProblem reports what is wrong with the word text given for key in t.
func wordProblem(t *catalog.Translation, key, text string) (diag.Diagnostic, bool) {
	pos := wordPos(t, key)
	i := slices.IndexFunc(wordTable, func(row wordRow) bool { return row.key == key })
	if i < 0 {
		hint := catalog.Suggest(key, wordKeys())
		if hint == "" {
			hint = ": the page's words are listed in docs/page.md, under \"The page's own words\""
		}
		return diag.Diagnostic{Pos: pos, Msg: fmt.Sprintf("page: unknown word %q", key), Hint: hint}, true
	}
	if text == "" {
		return diag.Diagnostic{}, false
	}
	want, got := placeholders(wordTable[i].en), placeholders(text)
	for _, name := range got {
		if !slices.Contains(want, name) {
			return diag.Diagnostic{Pos: pos, Msg: fmt.Sprintf("page: %s names {%s}, which the page does not fill", key, name), Hint: placeholderHint(want)}, true
		}
	}
	for _, name := range want {
		if !slices.Contains(got, name) {
			return diag.Diagnostic{Pos: pos, Msg: fmt.Sprintf("page: %s leaves out {%s}, which the page fills in", key, name), Hint: placeholderHint(want)}, true
		}
	}
	return diag.Diagnostic{}, false
}

// placeholderHint says which placeholders a word has.
func placeholderHint(names []string) string {
	if len(names) == 0 {
		return ": this word has no placeholders"
	}
	return ": this word has {" + strings.Join(names, "}, {") + "}"
}

// wordPos is where the translation gives the word key: its key under
// page:, else the file.
func wordPos(t *catalog.Translation, key string) catalog.Pos {
	if p, ok := t.WordPos[key]; ok {
		return p
	}
	return catalog.Pos{File: t.File}
}
