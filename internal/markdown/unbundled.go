package markdown

import (
	"fmt"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// Word is one of the page's own words to translate: its key under a
// translation file's page: mapping, and its text in the catalog's
// language.
type Word struct {
	Key, Text string
}

// UnbundledWords are the page's words that lang has no bundled text for
// (all of them, for a language errgen bundles no words of, nor of its
// primary language), each in the catalog's language: what errgen
// translate asks a translator to fill in under page:, as it asks for the
// catalog's texts. A bundled language gets none: its page reads wholly in
// it already, and an entry left "" would only hide the bundled word from
// the translator.
func UnbundledWords(c *catalog.Catalog, lang string) []Word {
	var ws []Word
	for _, row := range wordTable {
		if !bundledIn(row, lang) {
			ws = append(ws, Word{Key: row.key, Text: wordIn(c, c.Language, row)})
		}
	}
	return ws
}

// bundledIn reports whether errgen bundles row's word in lang, or in its
// primary language (de for de-CH), as wordIn looks it up.
func bundledIn(row wordRow, lang string) bool {
	return row.bundled(strings.ToLower(lang)) != "" || row.bundled(primaryLanguage(lang)) != ""
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
	for _, lang := range c.Languages {
		t := c.Translations[lang]
		if t == nil || t.Missing {
			continue // the catalog warns of the missing file, which errgen translate writes
		}
		var left []string
		for _, row := range wordTable {
			if !bundledIn(row, lang) && t.Words[row.key] == "" {
				left = append(left, row.key)
			}
		}
		if len(left) == 0 {
			continue
		}
		named := left[:min(len(left), 5)]
		if len(left) > len(named) {
			named = append(named[:len(named):len(named)], "…")
		}
		warns = append(warns, diag.Diagnostic{
			Pos:      catalog.Pos{File: t.File},
			Severity: diag.Warning,
			Msg: fmt.Sprintf("not fully translated into %s: %d of the page's %d words (%s): errgen bundles no %s words, so those left \"\" read in en",
				lang, len(left), len(wordTable), strings.Join(named, ", "), lang),
			Hint: fmt.Sprintf(" (fill them in under page:; errgen translate %s adds those the file lacks)", lang),
		})
	}
	return warns
}
