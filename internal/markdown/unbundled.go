package markdown

import (
	"fmt"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// Word is one of the page's own words to translate: its key under a
// translation file's page: mapping, and its text in the catalog's
// language, or in English where the catalog's language has none (Lang
// says which).
type Word struct {
	Key, Text, Lang string
}

// UnbundledWords are the page's words that lang has no word for but its
// own file's (no inheritedWord: all of them, for a language errgen bundles
// no words of, nor of its primary language, whose file the catalog has
// not either), each in the catalog's language: what errgen translate asks
// a translator to fill in under page:, as it asks for the catalog's texts.
// A bundled language gets none: its page reads wholly in it already, and
// an entry left "" would only hide the bundled word from the translator;
// es-MX none that es.yaml gives.
func UnbundledWords(c *catalog.Catalog, lang string) []Word {
	var ws []Word
	for _, row := range wordTable {
		if inheritedWord(c, lang, row) == "" {
			w := Word{Key: row.key, Text: catalogWord(c, c.Language, row), Lang: c.Language}
			if w.Text == "" {
				w.Text, w.Lang = row.en, "en" // wordIn's last resort
			}
			ws = append(ws, w)
		}
	}
	return ws
}

// unbundledRules warns of each language whose page words read in English
// (wordIn's last resort, whatever the catalog's language)
// because errgen bundles none of them and its file leaves them "" or
// gives none: the catalog's check of untranslated texts cannot tell them
// from a bundled language's, whose page falls back to the bundled words.
// Without it a file whose every text was filled validated clean while its
// page kept "Errors", "Languages", "Common causes" in English.
func unbundledRules(c *catalog.Catalog) []diag.Diagnostic {
	var warns []diag.Diagnostic
	if d, ok := ownUnbundled(c); ok {
		warns = append(warns, d)
	}
	for _, lang := range c.Languages {
		t := c.Translations[lang]
		if t == nil || t.Missing {
			continue // the catalog warns of the missing file, which errgen translate writes
		}
		left := wordsLeft(c, t, lang)
		if len(left) == 0 {
			continue
		}
		translate := diag.Command("translate " + lang)
		warns = append(warns, diag.Diagnostic{
			Pos:      catalog.Pos{File: t.File},
			Severity: diag.Warning,
			Msg: fmt.Sprintf("not fully translated into %s: %d of the page's %d words (%s): errgen bundles no %s words, so those left \"\" read in en",
				lang, len(left), len(wordTable), namedWords(left), lang),
			Hint:    fmt.Sprintf(" (fill them in under page:; %s adds those the file lacks)", translate),
			Command: translate,
		})
	}
	return warns
}

// ownUnbundled warns when the catalog's own language is one errgen
// bundles no page words of and its file (translations/LANG.yaml, page:)
// leaves some out: its page reads those in English among the catalog's
// texts.
func ownUnbundled(c *catalog.Catalog) (diag.Diagnostic, bool) {
	if catalog.LanguageProblem(c.Language) != "" {
		return diag.Diagnostic{}, false // the catalog's problem, which names no file
	}
	t := c.Translations[c.Language]
	written := t != nil
	if !written { // named as the loader names the files it reads: from the root's folder, a linked one's where the link ends
		t = &catalog.Translation{File: c.OwnLanguageFile()}
	}
	left := wordsLeft(c, t, c.Language)
	if len(left) == 0 {
		return diag.Diagnostic{}, false
	}
	pos := c.LanguagePos
	pos.File = c.File
	translate := diag.Command("translate " + c.Language)
	d := diag.Diagnostic{
		Pos:      pos,
		Severity: diag.Warning,
		Command:  translate,
		Msg: fmt.Sprintf("language %s: %d of the page's %d words (%s) read in en: errgen bundles no %s words, and %s does not give them",
			c.Language, len(left), len(wordTable), namedWords(left), c.Language, t.File),
		Hint: fmt.Sprintf(" (%s writes them, under page:, into %s, to fill in)", translate, t.File),
	}
	if written { // errgen translate wrote the words "" already: running it again changes nothing
		d.Msg = fmt.Sprintf("language %s: %d of the page's %d words (%s) read in en: errgen bundles no %s words, and %s leaves them \"\" or out",
			c.Language, len(left), len(wordTable), namedWords(left), c.Language, t.File)
		d.Hint = fmt.Sprintf(" (fill them in under page: of %s; %s adds those the file lacks)", t.File, translate)
	}
	return d, true
}

// wordsLeft are the keys of the page's words that lang has no
// inheritedWord for and t gives none.
func wordsLeft(c *catalog.Catalog, t *catalog.Translation, lang string) []string {
	var left []string
	for _, row := range wordTable {
		if inheritedWord(c, lang, row) == "" && givenWord(t, row.key) == "" {
			left = append(left, row.key)
		}
	}
	return left
}

// namedWords names the first five of keys, for a message.
func namedWords(keys []string) string {
	named := keys[:min(len(keys), 5)]
	if len(keys) > len(named) {
		named = append(named[:len(named):len(named)], "…")
	}
	return strings.Join(named, ", ")
}
