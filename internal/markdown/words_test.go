package markdown

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/templates"
)

// TestWordTable: every key is unique and a template can name it
// (.Words.key); every bundled language gives every word, with the English
// word's placeholders; a bundled word is its own escape, so a page in
// English reads as it did before words; and every part an error's
// untranslated note can name is a word.
func TestWordTable(t *testing.T) {
	ident := regexp.MustCompile(`^[a-z][a-z_]*$`)
	seen := map[string]bool{}
	for _, row := range wordTable {
		if !ident.MatchString(row.key) || seen[row.key] {
			t.Errorf("key %q: repeated, or not a lower-case identifier", row.key)
		}
		seen[row.key] = true
		want := placeholders(row.en)
		for _, lang := range append([]string{"en"}, bundledLanguages...) {
			w := row.bundled(lang)
			switch {
			case w == "":
				t.Errorf("%s: no %s word", row.key, lang)
			case row.escape(w) != w:
				t.Errorf("%s in %s needs escapes: %q becomes %q", row.key, lang, w, row.escape(w))
			case !slices.Equal(sorted(placeholders(w)), sorted(want)):
				t.Errorf("%s in %s has the placeholders %q, want %q", row.key, lang, placeholders(w), want)
			}
		}
	}
	for _, part := range []string{"title", "message", "description", "causes", "remediation", "troubleshooting", "details"} {
		if !seen[part] {
			t.Errorf("the untranslated note can name %s, which is no word", part)
		}
	}
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }

// TestWordsUsed: every word is used by a bundled template or by the Go
// that writes the page (errorPart, the field table, summaries), or is a
// part the untranslated note names; no word is dead.
func TestWordsUsed(t *testing.T) {
	var src strings.Builder
	tmpls, _ := fs.Glob(templates.FS, "*.tmpl")
	for _, name := range tmpls {
		b, _ := fs.ReadFile(templates.FS, name)
		src.Write(b)
	}
	gos, _ := filepath.Glob("*.go")
	for _, name := range gos {
		if strings.HasSuffix(name, "_test.go") || name == "words.go" {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	text := src.String()
	parts := []string{"title", "message", "description", "causes", "remediation", "troubleshooting", "details"}
	for _, row := range wordTable {
		if !strings.Contains(text, ".Words."+row.key) && !strings.Contains(text, `"`+row.key+`"`) && !slices.Contains(parts, row.key) {
			t.Errorf("word %s is used nowhere", row.key)
		}
	}
}

// TestWordsIn: a translation's words win, an empty one falls back to the
// bundled word of the language (or of its primary language), then to
// English; a word from a file is escaped for any place on the page.
func TestWordsIn(t *testing.T) {
	c := &catalog.Catalog{Language: "en", Languages: []string{"de-CH", "sv"}, Translations: map[string]*catalog.Translation{
		"de-CH": {Language: "de-CH", Words: map[string]string{
			"causes":      "Ursachen",
			"remediation": "",
			"help":        "<b>Hilfe</b> | mehr\n# zwei",
			"languages":   "- Sprachen",
		}},
	}}
	de, sv, en := wordsIn(c, "de-CH"), wordsIn(c, "sv"), wordsIn(c, "en")
	for _, tc := range []struct{ got, want string }{
		{de["causes"], "Ursachen"},
		{de["remediation"], "Behebung"},
		{de["help"], `&lt;b&gt;Hilfe&lt;/b&gt; \| mehr # zwei`},
		{de["languages"], `\- Sprachen`},
		{sv["causes"], "Common causes"},
		{en["causes"], "Common causes"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if len(de) != len(wordTable) {
		t.Errorf("%d words, want %d", len(de), len(wordTable))
	}
	de2 := wordsIn(&catalog.Catalog{Language: "de"}, "de")
	if de2["causes"] != "Häufige Ursachen" {
		t.Errorf("a catalog whose default language is de: causes is %q", de2["causes"])
	}
}

func TestFill(t *testing.T) {
	for _, tc := range []struct {
		word  string
		pairs []string
		want  string
	}{
		{"Fields of {path}", []string{"path", "`a`"}, "Fields of `a`"},
		{"{count} of the {total} errors", []string{"total", "9", "count", "3"}, "3 of the 9 errors"},
		{"{x} stays, {", []string{"y", "1"}, "{x} stays, {"},
		{"no placeholders", nil, "no placeholders"},
	} {
		if got := fill(tc.word, tc.pairs...); got != tc.want {
			t.Errorf("fill(%q, %q) = %q, want %q", tc.word, tc.pairs, got, tc.want)
		}
	}
}

// TestWordsDocumented: docs/page.md lists every word key with its English
// word, in the table's order, and no other.
func TestWordsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/page.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\| (.*) \\|$")
	var got, want []string
	for _, m := range row.FindAllStringSubmatch(string(doc), -1) {
		got = append(got, m[1]+": "+strings.ReplaceAll(m[2], `\|`, "|"))
	}
	for _, r := range wordTable {
		want = append(want, r.key+": "+r.en)
	}
	if !slices.Equal(got, want) {
		t.Errorf("docs/page.md's words:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
