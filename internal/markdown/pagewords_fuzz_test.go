package markdown

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// pageWordLanguages are tags a catalog or a translation may name: bundled,
// regional forms of bundled ones, English's, and languages errgen bundles
// no words of, alone and regional.
var pageWordLanguages = []string{"en", "en-GB", "de", "de-CH", "fr", "fr-CA", "es", "es-MX", "pt", "pt-BR", "zh-Hant-TW", "zh"}

// A word's source, in the documented order wordIn takes them.
const (
	fromOwnFile = iota
	fromPrimaryFile
	fromBundled
	fromEnglish
)

// oracleWord is row's word for lang as the reference says it is chosen:
// lang's own file, then its primary language's file (for a regional tag),
// then the word errgen bundles for lang, then for its primary language,
// then English; and which of those gave it.
func oracleWord(c *catalog.Catalog, lang string, row wordRow) (string, int) {
	given := func(tag string) string {
		if t := c.Translations[tag]; t != nil && strings.TrimSpace(t.Words[row.key]) != "" {
			return t.Words[row.key]
		}
		return "" // a word of spaces alone is none: it would print as nothing
	}
	bundled := map[string]string{"en": row.en, "de": row.de, "fr": row.fr}
	primary := primaryLanguage(lang)
	switch {
	case given(lang) != "":
		return given(lang), fromOwnFile
	case primary != lang && given(primary) != "":
		return given(primary), fromPrimaryFile
	case bundled[lang] != "":
		return bundled[lang], fromBundled
	case bundled[primary] != "":
		return bundled[primary], fromBundled
	}
	return row.en, fromEnglish
}

// FuzzPageWords gives a language, its primary language and the catalog's
// language any translation files (a word given, left "", or absent, for
// each key): wordsIn takes every word from where the reference says, and
// UnbundledWords asks for exactly the words a page in that language would
// show in English had its own file none, each in the catalog's language
// when the catalog has the word, else in English, saying which.
func FuzzPageWords(f *testing.F) {
	f.Add(uint8(0), uint8(7), []byte{1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add(uint8(6), uint8(7), []byte{0x12, 0x21, 0x30})
	f.Add(uint8(2), uint8(3), []byte{0xff, 0})
	f.Add(uint8(7), uint8(6), []byte{0x09, 0x90})
	f.Fuzz(func(t *testing.T, catalogLang, pageLang uint8, given []byte) {
		c := &catalog.Catalog{Language: pageWordLanguages[int(catalogLang)%len(pageWordLanguages)]}
		lang := pageWordLanguages[int(pageLang)%len(pageWordLanguages)]
		tags := []string{lang, primaryLanguage(lang), c.Language}
		c.Translations = map[string]*catalog.Translation{}
		for i, row := range wordTable {
			b := byte(0)
			if len(given) > 0 {
				b = given[i%len(given)] >> (i / len(given) % 4)
			}
			for j, tag := range tags {
				// two bits a file: no file, a word of spaces alone, a word left "", a word
				switch (b >> (2 * j)) & 3 {
				case 0:
					continue
				case 1:
					pageWordsFile(c, tag).Words[row.key] = " \t "
				case 2:
					pageWordsFile(c, tag).Words[row.key] = ""
				case 3:
					pageWordsFile(c, tag).Words[row.key] = row.key + " (" + tag + ")"
				}
			}
		}
		checkPageWords(t, c, lang)
	})
}

// pageWordsFile is c's translation file of tag, made when c has none.
func pageWordsFile(c *catalog.Catalog, tag string) *catalog.Translation {
	if c.Translations[tag] == nil {
		c.Translations[tag] = &catalog.Translation{Language: tag, File: "translations/" + tag + ".yaml", Words: map[string]string{}}
	}
	return c.Translations[tag]
}

func checkPageWords(t *testing.T, c *catalog.Catalog, lang string) {
	t.Helper()
	got := wordsIn(c, lang)
	for _, row := range wordTable {
		if want, _ := oracleWord(c, lang, row); got[row.key] != row.escape(want) {
			t.Fatalf("catalog in %s, page in %s: word %s is %q, want %q", c.Language, lang, row.key, got[row.key], row.escape(want))
		}
	}
	// The page without lang's own file's words: what it shows in English
	// then is what translate asks for.
	bare := &catalog.Catalog{Language: c.Language, Translations: map[string]*catalog.Translation{}}
	for tag, tr := range c.Translations {
		if tag != lang {
			bare.Translations[tag] = tr
		}
	}
	asked := map[string]Word{}
	for _, w := range UnbundledWords(c, lang) {
		asked[w.Key] = w
	}
	for _, row := range wordTable {
		_, from := oracleWord(bare, lang, row)
		w, ok := asked[row.key]
		if ok != (from == fromEnglish) {
			t.Fatalf("catalog in %s, page in %s: translate asks for %s: %v, though the page without its file takes it from source %d", c.Language, lang, row.key, ok, from)
		}
		if !ok {
			continue
		}
		text, from := oracleWord(c, c.Language, row)
		wantLang := c.Language
		if from == fromEnglish {
			wantLang = "en"
		}
		if w.Text != text || w.Lang != wantLang {
			t.Fatalf("catalog in %s, page in %s: translate asks for %s as %q in %s, want %q in %s", c.Language, lang, row.key, w.Text, w.Lang, text, wantLang)
		}
	}
}

// A page word of spaces alone is no word: the page reads the next in line
// (where it printed "**:**" for causes), and the catalog's warning counts
// it among those left.
func TestBlankPageWord(t *testing.T) {
	for _, tt := range []struct {
		name, language, lang, word string
		wantPage                   string
		wantLeft                   int
	}{
		{"bundled language", "en", "de", "  ", "Häufige Ursachen", 0},
		{"regional form, primary's file blank", "es", "es-MX", "\t", "Common causes", len(wordTable)},
		{"own language", "es", "es", " \u3000 ", "Common causes", len(wordTable)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &catalog.Catalog{Language: tt.language, Translations: map[string]*catalog.Translation{}}
			pageWordsFile(c, primaryLanguage(tt.lang)).Words["causes"] = tt.word
			if got := wordsIn(c, tt.lang)["causes"]; got != tt.wantPage {
				t.Errorf("causes reads %q, want %q", got, tt.wantPage)
			}
			if left := wordsLeft(c, pageWordsFile(c, tt.lang), tt.lang); len(left) != tt.wantLeft {
				t.Errorf("%d words left, want %d", len(left), tt.wantLeft)
			}
		})
	}
}

// primaryLanguage is a tag's primary language subtag, lower case: de for
// de-CH.
func primaryLanguage(tag string) string {
	p, _, _ := strings.Cut(tag, "-")
	return strings.ToLower(p)
}
