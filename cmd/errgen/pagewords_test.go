package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A language errgen bundles no page words of (es) gets them from errgen
// translate as texts to fill in, "" under the English word, and errgen
// validate warns while one is left "" (or the file gives none): --strict
// fails until they are filled. Before, translate wrote no page: section,
// and a file whose error texts were all filled validated clean while its
// page kept "Errors", "Languages", "Common causes" in English. A language
// with bundled words (de, de-CH by its primary language) gets no page:
// section, and no warning; once the words are filled too, --strict passes.
func TestTranslateAsksForUnbundledPageWords(t *testing.T) {
	sourceWord := regexp.MustCompile(`(?m)^  # en: (.*)\n  \w+: ""$`)
	for _, tt := range []struct {
		lang       string
		wantWords  bool
		wantStrict int
	}{
		{"es", true, exitFailure},
		{"pt-BR", true, exitFailure},
		{"de", false, exitOK},
		{"de-CH", false, exitOK},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "catalog.yaml"), strings.Replace(translatedCatalog, "languages: [de]", "languages: ["+tt.lang+"]", 1))
			file := filepath.Join(dir, "translations", tt.lang+".yaml")
			if code, _, stderr := runIn(t, dir, "translate", tt.lang); code != exitOK {
				t.Fatalf("translate: exit %d, %s", code, stderr)
			}
			written := string(mustRead(t, file))
			if got := strings.Contains(written, "page:\n  # en: Errors\n  page_title: \"\"\n"); got != tt.wantWords {
				t.Errorf("page words asked for: %v, want %v:\n%s", got, tt.wantWords, written)
			}
			// every error text filled, as a translator would
			top, errs, _ := strings.Cut(written, "errors:\n")
			writeFile(t, file, top+"errors:\n"+strings.ReplaceAll(errs, `: ""`, ": Texto"))
			code, _, stderr := runIn(t, dir, "validate", "--strict")
			if code != tt.wantStrict || strings.Contains(stderr, "errors (") || tt.wantWords != strings.Contains(stderr, "warning: not fully translated into "+tt.lang+": ") && strings.Contains(stderr, " words (page_title, languages,") {
				t.Errorf("validate --strict: exit %d, want %d; stderr %q", code, tt.wantStrict, stderr)
			}
			// the words a warning, not an error: generate writes the outputs
			// and says so once
			code, _, stderr = runIn(t, dir)
			if n := strings.Count(stderr, "warning: not fully translated into "+tt.lang+": "); code != exitOK || n > 1 || tt.wantWords != (n == 1) {
				t.Errorf("generate: exit %d, the words' warning %d times; stderr %q", code, n, stderr)
			}
			if code, stdout, _ := runIn(t, dir, "translate", tt.lang); code != exitOK || !strings.HasSuffix(stdout, "is up to date\n") {
				t.Errorf("a second run: exit %d, stdout %q", code, stdout)
			}
			// the words filled too: nothing left to warn of
			writeFile(t, file, sourceWord.ReplaceAllStringFunc(string(mustRead(t, file)), func(s string) string {
				m := sourceWord.FindStringSubmatch(s)
				return strings.TrimSuffix(s, `""`) + strconv.Quote(m[1]+" ("+tt.lang+")") // the placeholders kept
			}))
			if code, _, stderr := runIn(t, dir, "validate", "--strict"); code != exitOK {
				t.Errorf("validate --strict, all filled: exit %d, stderr %q", code, stderr)
			}
		})
	}
}
