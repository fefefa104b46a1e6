package markdown

import (
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// UnbundledWords asks for every page word of a language errgen bundles no
// words of, in the catalog's language (a catalog in de shows the German
// word), and for none of a bundled one or of its regional form;
// unbundledRules warns of such a language while a word is left "" or not
// given, counting them, and not of a bundled one whose file leaves one "".
func TestUnbundledWords(t *testing.T) {
	n, m := strconv.Itoa(len(wordTable)), strconv.Itoa(len(wordTable)-1)
	some := map[string]string{"page_title": "Errores", "languages": ""}
	all := map[string]string{}
	for _, row := range wordTable {
		all[row.key] = row.en + " (es)"
	}
	for _, tt := range []struct {
		name, language, lang string
		words                map[string]string
		missing              bool // no translation file: the catalog warns of that alone
		wantAsked            int
		wantFirst, wantWarn  string
	}{
		{"es, none given", "en", "es", nil, false, len(wordTable), "Errors", "not fully translated into es: " + n + " of the page's " + n + " words (page_title, languages, untranslated, envelope_heading, envelope_media_type, …): errgen bundles no es words, so those left \"\" read in en"},
		{"es, one given", "en", "es", some, false, len(wordTable), "Errors", "not fully translated into es: " + m + " of the page's " + n + " words (languages, untranslated,"},
		{"es, all given", "en", "es", all, false, len(wordTable), "Errors", ""},
		{"es, no file", "en", "es", nil, true, len(wordTable), "Errors", ""},
		{"a catalog in de", "de", "sv", nil, false, len(wordTable), "Fehler", n + " of the page's " + n + " words"},
		{"de", "en", "de", some, false, 0, "", ""},
		{"de-CH", "en", "de-CH", nil, false, 0, "", ""},
		{"fr-CA", "en", "fr-CA", nil, false, 0, "", ""},
		{"en under a catalog in de", "de", "en", nil, false, 0, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &catalog.Catalog{Language: tt.language, Languages: []string{tt.lang}, Translations: map[string]*catalog.Translation{
				tt.lang: {Language: tt.lang, File: "translations/" + tt.lang + ".yaml", Words: tt.words, Missing: tt.missing},
			}}
			asked := UnbundledWords(c, tt.lang)
			if len(asked) != tt.wantAsked || len(asked) > 0 && (asked[0] != Word{"page_title", tt.wantFirst, tt.language}) {
				t.Errorf("asked for %d words, first %v; want %d, first %q", len(asked), asked[:min(len(asked), 1)], tt.wantAsked, tt.wantFirst)
			}
			var warns []string
			for _, d := range unbundledRules(c) {
				warns = append(warns, d.Msg)
			}
			if got := strings.Join(warns, "\n"); tt.wantWarn == "" && got != "" || !strings.Contains(got, tt.wantWarn) || len(warns) > 1 {
				t.Errorf("warnings %q, want one holding %q", warns, tt.wantWarn)
			}
		})
	}
}

// A regional language takes the page words its primary language's file
// gives (es-MX those of es.yaml, or of a catalog in es its own page:), as
// de-CH takes the bundled German ones: its file gives only the words that
// differ, errgen translate asks for no other, and validate warns of none;
// a word neither gives is still asked for and warned of. It took English
// for every word its own file left out.
func TestRegionalPageWordsInherited(t *testing.T) {
	es := map[string]string{}
	for _, row := range wordTable {
		es[row.key] = row.en + " (es)"
	}
	delete(es, "fix") // es leaves one out
	mx := map[string]string{"page_title": "Errores (MX)"}
	for _, tt := range []struct {
		name     string
		language string
		langs    []string
	}{
		{"es and es-MX beside a catalog in en", "en", []string{"es", "es-MX"}},
		{"es-MX beside a catalog in es", "es", []string{"es-MX"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &catalog.Catalog{Language: tt.language, Languages: tt.langs, Translations: map[string]*catalog.Translation{
				"es":    {Language: "es", File: "translations/es.yaml", Words: es},
				"es-MX": {Language: "es-MX", File: "translations/es-MX.yaml", Words: mx},
			}}
			w := wordsIn(c, "es-MX")
			if w["page_title"] != "Errores (MX)" || w["causes"] != "Common causes (es)" || w["fix"] != "Fix" {
				t.Errorf("es-MX words: page_title %q, causes %q, fix %q; want its own, es's, English", w["page_title"], w["causes"], w["fix"])
			}
			if asked := UnbundledWords(c, "es-MX"); len(asked) != 1 || asked[0].Key != "fix" {
				t.Errorf("errgen translate es-MX asks for %v, want fix alone", asked)
			}
			var warns []string
			for _, d := range unbundledRules(c) {
				if strings.Contains(d.Msg, "es-MX") {
					warns = append(warns, d.Msg)
				}
			}
			if len(warns) != 1 || !strings.Contains(warns[0], "1 of the page's") || !strings.Contains(warns[0], "(fix)") {
				t.Errorf("es-MX warnings %q, want one of 1 word (fix)", warns)
			}
		})
	}
}

// The own language's warning is for a language errgen bundles no words
// of, and not for a language with a problem (the catalog reports that):
// language: ../catalog was told that errgen translate ../catalog writes
// its words.
func TestOwnUnbundled(t *testing.T) {
	for _, tt := range []struct {
		language string
		warn     bool
	}{
		{"es", true},
		{"pt-BR", true},
		{"de", false},
		{"de-CH", false},
		{"../catalog", false},
		{"Es", false},
	} {
		c := &catalog.Catalog{File: "catalog.yaml", Language: tt.language}
		if _, warn := ownUnbundled(c); warn != tt.warn {
			t.Errorf("language %s: warning %v, want %v", tt.language, warn, tt.warn)
		}
	}
}
