package main

import (
	"os"
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

// A catalog in a language errgen bundles no page words of (es) wrote
// its page's headings and labels in English among its Spanish texts, and
// nothing said so or let the words be given: translations/es.yaml was
// refused as the catalog's own language's. errgen validate now warns at
// language:, errgen translate es writes the words alone to fill in (a
// second run changes nothing), the page reads them, and once they are
// filled, --strict passes. A bundled own language (de) has nothing to
// translate.
func TestOwnLanguagePageWords(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "catalog.yaml"), "version: 1\napi: Pagos\nlanguage: es\nerrors:\n"+
		"  - {code: NOT_FOUND, status: 404, title: No encontrado, causes: [El recurso no existe.]}\n"+
		"  - {code: INTERNAL, status: 500, title: Error interno, fallback: true}\n")
	code, _, stderr := runIn(t, dir, "validate", "--strict")
	if code != exitFailure || !strings.Contains(stderr, "catalog.yaml:3:11: warning: language es: 89 of the page's 89 words (page_title, ") {
		t.Fatalf("validate --strict with English words: exit %d, stderr %q", code, stderr)
	}
	if code, stdout, stderr := runIn(t, dir, "translate", "es"); code != exitOK || stdout != "errgen: wrote translations/es.yaml: 89 top-level texts to translate\n" {
		t.Fatalf("translate es: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	file := filepath.Join(dir, "translations", "es.yaml")
	written := string(mustRead(t, file))
	if !strings.Contains(written, "language: es\npage:\n  # en: Errors\n  page_title: \"\"\n") || strings.Contains(written, "errors:") || strings.Contains(written, "source:") {
		t.Fatalf("translate es wrote:\n%s", written)
	}
	filled := strings.Replace(written, "page_title: \"\"", "page_title: Errores # nuestro título", 1)
	filled = strings.Replace(filled, "causes: \"\"", "causes: Causas comunes", 1)
	writeFile(t, file, filled)
	if code, stdout, _ := runIn(t, dir, "translate", "es"); code != exitOK || !strings.HasSuffix(stdout, "is up to date\n") || string(mustRead(t, file)) != filled {
		t.Errorf("a second run: exit %d, stdout %q; the translator's bytes changed: %v", code, stdout, string(mustRead(t, file)) != filled)
	}
	if code, _, stderr := runIn(t, dir, "--go-out", "none", "--openapi-out", "none", "--markdown-out", "errors.md"); code != exitOK {
		t.Fatalf("generate: exit %d, %s", code, stderr)
	}
	page := string(mustRead(t, filepath.Join(dir, "errors.md")))
	if !strings.Contains(page, "\n# Errores\n") || !strings.Contains(page, "Causas comunes") {
		t.Errorf("the page does not read the file's words:\n%s", page)
	}
	writeFile(t, file, sourceWord.ReplaceAllStringFunc(filled, func(s string) string {
		return strings.TrimSuffix(s, `""`) + strconv.Quote(sourceWord.FindStringSubmatch(s)[1]+" (es)")
	}))
	if code, _, stderr := runIn(t, dir, "validate", "--strict"); code != exitOK {
		t.Errorf("validate --strict, all filled: exit %d, stderr %q", code, stderr)
	}
	writeFile(t, filepath.Join(dir, "catalog.yaml"), strings.Replace(string(mustRead(t, filepath.Join(dir, "catalog.yaml"))), "language: es", "language: de", 1))
	must(t, os.Remove(file))
	if code, _, stderr := runIn(t, dir, "translate", "de"); code != exitFailure || !strings.Contains(stderr, "its texts are the catalog's own, and errgen bundles its page's words") {
		t.Errorf("translate de of a German catalog: exit %d, stderr %q", code, stderr)
	}
}

// sourceWord is a page word left "" under its English source.
var sourceWord = regexp.MustCompile(`(?m)^  # en: (.*)\n  \w+: ""$`)

// Another language of a catalog in es is asked for the page's words under
// their source: the word the catalog's own file gives, labelled es, else
// the English one, labelled en (all of them were labelled es); and the
// summary counts each word, where a new page: counted one.
func TestPageWordsSourceLanguage(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "catalog.yaml"), "version: 1\napi: Pagos\nlanguage: es\nlanguages: [pt-BR]\nerrors:\n"+
		"  - {code: NOT_FOUND, status: 404, title: No encontrado}\n"+
		"  - {code: INTERNAL, status: 500, title: Error interno, fallback: true}\n")
	writeFile(t, filepath.Join(dir, "translations", "es.yaml"), "language: es\npage:\n  page_title: Errores\n")
	code, stdout, stderr := runIn(t, dir, "translate", "pt-BR")
	if code != exitOK || stdout != "errgen: wrote translations/pt-BR.yaml: 91 texts to translate (2 in 2 entries, 89 top-level)\n" {
		t.Fatalf("translate pt-BR: exit %d, stdout %q, stderr %q; want 89 words and 2 entries added", code, stdout, stderr)
	}
	written := string(mustRead(t, filepath.Join(dir, "translations", "pt-BR.yaml")))
	for _, want := range []string{"  # es: Errores\n  page_title: \"\"\n", "  # en: Languages\n  languages: \"\"\n"} {
		if !strings.Contains(written, want) {
			t.Errorf("no %q in:\n%s", want, written)
		}
	}
}

// The warning of a catalog in es without its words names the file as
// errgen translate es writes it, from the folder errgen runs in: for a
// catalog in api/, api/translations/es.yaml. It named
// translations/es.yaml, relative to the catalog, until the file existed.
func TestOwnLanguagePageWordsFileNamed(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "api", "catalog.yaml"), "version: 1\napi: Pagos\nlanguage: es\nerrors:\n"+
		"  - {code: INTERNAL, status: 500, title: Error interno, fallback: true}\n")
	want := filepath.Join("api", "translations", "es.yaml")
	_, _, stderr := runIn(t, dir, "validate", "api/catalog.yaml")
	if !strings.Contains(stderr, "and "+want+" does not give them (errgen translate es api/catalog.yaml writes them, under page:, into "+want+",") {
		t.Errorf("validate names the file otherwise than %s: %q", want, stderr)
	}
	if code, stdout, stderr := runIn(t, dir, "translate", "es", "api/catalog.yaml"); code != exitOK || !strings.Contains(stdout, "wrote "+want+":") {
		t.Errorf("translate es: exit %d, stdout %q, stderr %q; want %s written", code, stdout, stderr, want)
	}
}

// A catalog reached through a symbolic link reads its files beside the
// file the link ends at, as it reads the other languages' files: errgen
// translate es writes the words there, and a second run finds them. It
// wrote them beside the link, where nothing reads them, on every run; and
// validate, before the file is there, names it there too (it named the
// one beside the link).
func TestOwnLanguagePageWordsLinkedCatalog(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "real", "catalog.yaml"), "version: 1\napi: Pagos\nlanguage: es\nerrors:\n"+
		"  - {code: INTERNAL, status: 500, title: Error interno, fallback: true}\n")
	must(t, os.MkdirAll(filepath.Join(dir, "link"), 0o777))
	must(t, os.Symlink(filepath.Join("..", "real", "catalog.yaml"), filepath.Join(dir, "link", "catalog.yaml")))
	want := filepath.Join("real", "translations", "es.yaml")
	// validate names the file errgen translate writes (and the loader reads)
	if _, _, stderr := runIn(t, dir, "validate", "link/catalog.yaml"); !strings.Contains(stderr, "and "+want+" does not give them (errgen translate es link/catalog.yaml writes them, under page:, into "+want+",") {
		t.Errorf("validate names the file otherwise than %s: %q", want, stderr)
	}
	if code, stdout, stderr := runIn(t, dir, "translate", "es", "link/catalog.yaml"); code != exitOK || stdout != "errgen: wrote "+want+": 89 top-level texts to translate\n" {
		t.Fatalf("translate es: exit %d, stdout %q, stderr %q; want %s written", code, stdout, stderr, want)
	}
	if code, stdout, stderr := runIn(t, dir, "translate", "es", "link/catalog.yaml"); code != exitOK || stdout != "errgen: "+want+" is up to date\n" {
		t.Errorf("a second run: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// The catalog's own file is usually filled after the other languages' files
// were written: their page words then stood under the English words errgen
// first asked for (# en: Errors) for good, errgen translate calling the
// file up to date, though a new file gets the Spanish ones. A run now
// brings each word's source comment up to today's word, in its language
// (# es: Errores), the translator's words and comments kept, and a
// second run changes nothing.
func TestPageWordsSourceFollowsOwnFile(t *testing.T) {
	dir := t.TempDir()
	catalogText := "version: 1\napi: Pagos\ndescription: Errores.\nlanguage: es\nlanguages: [pt-BR]\nerrors:\n" +
		"  - {code: NOT_FOUND, status: 404, title: No encontrado}\n" +
		"  - {code: INTERNAL, status: 500, title: Error interno, fallback: true}\n"
	writeFile(t, filepath.Join(dir, "catalog.yaml"), catalogText)
	if code, _, stderr := runIn(t, dir, "translate", "pt-BR"); code != exitOK {
		t.Fatalf("translate pt-BR: exit %d, stderr %q", code, stderr)
	}
	// the top's texts change too, which refreshes its source comments as well
	writeFile(t, filepath.Join(dir, "catalog.yaml"), strings.Replace(catalogText, "Errores.", "Los errores.", 1))
	file := filepath.Join(dir, "translations", "pt-BR.yaml")
	translated := strings.Replace(string(mustRead(t, file)), "  # en: Languages\n  languages: \"\"\n", "  # en: Languages\n  # nosso termo\n  languages: Idiomas\n", 1)
	writeFile(t, file, translated)
	writeFile(t, filepath.Join(dir, "translations", "es.yaml"), "language: es\npage:\n  page_title: Errores\n  languages: Lenguas\n")
	if code, stdout, stderr := runIn(t, dir, "translate", "pt-BR"); code != exitOK || strings.HasSuffix(stdout, "is up to date\n") {
		t.Fatalf("translate pt-BR after es.yaml: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	written := string(mustRead(t, file))
	for _, want := range []string{
		"  # es: Errores\n  page_title: \"\"\n",
		"  # es: Lenguas\n  # nosso termo\n  languages: Idiomas\n",
		"  # en: Common causes\n  causes: \"\"\n",
		"# es: Los errores.\ndescription: \"\"\n",
	} {
		if !strings.Contains(written, want) {
			t.Errorf("no %q in:\n%s", want, written)
		}
	}
	if code, stdout, _ := runIn(t, dir, "translate", "pt-BR"); code != exitOK || !strings.HasSuffix(stdout, "is up to date\n") {
		t.Errorf("a second run: exit %d, stdout %q", code, stdout)
	}
}

// errgen translate ja asks for the page's punctuation as for its other
// words, under the English (the list separator quoted, its space shown),
// and the page reads the words given: full-width colon, comma, full stop
// and parentheses and no space between two texts, where it wrote
// "**ステータス:**", "タイトル, メッセージ" and "非推奨 ([English](…))".
func TestTranslatePunctuationWords(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "catalog.yaml"), strings.Replace(translatedCatalog, "languages: [de]", "languages: [ja]", 1)+
		"  - {code: GONE, status: 410, title: Gone, message: It is gone, deprecated: Use NOT_FOUND., replaced_by: NOT_FOUND}\n")
	if code, _, stderr := runIn(t, dir, "translate", "ja"); code != exitOK {
		t.Fatalf("translate ja: exit %d, %s", code, stderr)
	}
	file := filepath.Join(dir, "translations", "ja.yaml")
	written := string(mustRead(t, file))
	for _, want := range []string{"  # en: {label}:\n  label: \"\"\n", "  # en: {sentence}.\n  sentence: \"\"\n", "  # en: \", \"\n  list_separator: \"\"\n",
		"  # en: {before} {after}\n  word_space: \"\"\n", "  # en: ({text})\n  parenthesized: \"\"\n"} {
		if !strings.Contains(written, want) {
			t.Errorf("translate ja does not ask %q:\n%s", want, written)
		}
	}
	top, _, _ := strings.Cut(written, "errors:\n") // the entries left out: each section is marked untranslated
	for key, word := range map[string]string{"label": "{label}：", "sentence": "{sentence}。", "list_separator": "、", "word_space": "{before}{after}", "parenthesized": "（{text}）",
		"status": "ステータス", "title": "タイトル", "message": "メッセージ", "untranslated": "未翻訳", "deprecated": "非推奨", "replaced_by": "置き換え先"} {
		top = strings.Replace(top, "\n  "+key+": \"\"\n", "\n  "+key+": \""+word+"\"\n", 1)
	}
	writeFile(t, file, top)
	if code, _, stderr := runIn(t, dir, "--go-out", "none", "--openapi-out", "none", "--markdown-out", "errors.md"); code != exitOK {
		t.Fatalf("generate: exit %d, %s", code, stderr)
	}
	page := strings.Join(strings.Fields(string(mustRead(t, filepath.Join(dir, "errors.ja.md")))), " ")
	for _, want := range []string{"**ステータス：** 410 Gone", "**未翻訳：** タイトル、メッセージ、非推奨（[English](errors.md#gone)）。",
		"**非推奨。** It is gone", "**非推奨：** Use NOT_FOUND.置き換え先 [`NOT_FOUND`](#not-found)。"} {
		if !strings.Contains(page, want) {
			t.Errorf("errors.ja.md has no %q:\n%s", want, page)
		}
	}
}
