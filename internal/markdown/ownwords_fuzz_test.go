package markdown

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// ownWordsCatalog is a catalog in es, a language errgen bundles no page
// words of, with enough of what a page shows (details, enums, causes,
// fixes, a retired code, a deprecated error) for most words to be used.
const ownWordsCatalog = `version: 1
api: Pagos
language: es
description: Errores de la API de pagos.
errors:
  - code: NOT_FOUND
    status: 404
    title: No encontrado
    message: "{kind} {id} no existe"
    causes: [El recurso no existe.]
    remediation: [Compruebe el id.]
    details:
      - {name: kind, type: string, required: true, description: Qué se buscó., enum: [{value: pago, description: Un pago}]}
      - {name: id, type: string, required: true, description: Su id.}
  - code: CONFLICT
    status: 409
    title: Conflicto
    retryable: true
    deprecated: Use INTERNAL.
    replaced_by: INTERNAL
    since: v1.2
  - {code: INTERNAL, status: 500, title: Error interno, fallback: true}
  - {code: GONE, status: 410, deprecated: Ya no se usa., retired: true}
`

// FuzzOwnPageWords feeds any bytes to the loader as translations/es.yaml
// of a catalog in es, its own language's file: the catalog loads, or every
// problem is in that file or at the catalog's language: (whose warning
// counts the words not given); the page's rules find what they refuse in
// that file too; and a page rendered from a catalog they pass holds every
// word the file gives that the page uses, as the page escapes it.
func FuzzOwnPageWords(f *testing.F) {
	f.Add([]byte("language: es\npage:\n  page_title: Errores # nuestro título\n  causes: Causas comunes\n"))
	f.Add([]byte("language: es\npage: {page_title: \"\", details: Detalles, retired_heading: '|Retirados|'}\n"))
	f.Add([]byte("language: es\npage:\n  envelope_media_type: Tipo {type}.\n  envelope_used_by: 'Por {errors}.'\n"))
	f.Add([]byte("language: es\nerrors: {NOT_FOUND: {title: x}}\nsource: 0000\n"))
	f.Add([]byte("language: de\npage:\n  nope: x\n"))
	f.Add([]byte("language: es\npage:\n  label: \"{label}：\"\n  sentence: \"{sentence}。\"\n  list_separator: \"、\"\n  status: Estado\n"))
	f.Add([]byte("language: es\npage:\n  label: Etiqueta\n  sentence: \"{sentence}. {sentence}\"\n  list_separator: \" ; \"\n"))
	f.Add([]byte("language: es\npage:\n  word_space: \"{before}{after}\"\n  parenthesized: \"（{text}）\"\n"))
	f.Add([]byte("language: es\npage:\n  word_space: \"{after} {before} {after}\"\n  parenthesized: \"({texto})\"\n"))
	var all strings.Builder
	all.WriteString("language: es\npage:\n")
	for _, row := range wordTable {
		all.WriteString("  " + row.key + ": " + strconv.Quote(row.en+" (es)") + "\n")
	}
	f.Add([]byte(all.String()))
	used := usedWords(f)
	languageLine := 1 + strings.Count(ownWordsCatalog[:strings.Index(ownWordsCatalog, "language: es")], "\n")
	inPlace := func(d diag.Diagnostic) bool {
		return d.Pos.File == "translations/es.yaml" && d.Pos.Line >= 1 || d.Pos.File == "catalog.yaml" && d.Pos.Line == languageLine
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(ownWordsCatalog), "translations/es.yaml": data}, "catalog.yaml")
		if err != nil {
			var probs *diag.List
			if !errors.As(err, &probs) || len(probs.Items) == 0 {
				t.Fatalf("error %v is not a list of problems", err)
			}
			for _, d := range probs.Items {
				if !inPlace(d) {
					t.Fatalf("problem neither in the file nor at language: %s", d)
				}
			}
			return
		}
		refused := false
		for _, d := range append(c.Warnings.Items, Rules(c)...) {
			if !inPlace(d) {
				t.Fatalf("diagnostic neither in the file nor at language: %s", d)
			}
			refused = refused || d.Severity == diag.Error
		}
		if refused {
			return
		}
		page, err := Generate(c, "", nil)
		if err != nil {
			t.Fatalf("a catalog the rules pass renders no page: %v", err)
		}
		checkWordsOnPage(t, c.Translations["es"], used, string(page))
	})
}

// checkWordsOnPage fails unless the page holds each of t's non-empty words
// that the page uses, up to its first placeholder, spaces collapsed and
// quote marks dropped as wrapping may have broken its lines.
func checkWordsOnPage(t *testing.T, tr *catalog.Translation, used map[string]bool, page string) {
	t.Helper()
	if tr == nil {
		return
	}
	lines := strings.Split(page, "\n")
	for i, line := range lines {
		lines[i] = strings.TrimLeft(line, " >") // a quote's wrapped lines
	}
	flat := strings.Join(strings.Fields(strings.Join(lines, "\n")), " ")
	for key, word := range tr.Words {
		if word == "" || !used[key] {
			continue
		}
		want, _, _ := strings.Cut(escapeWord(word), "{")
		want = strings.Join(strings.Fields(want), " ")
		if want != "" && !strings.Contains(flat, want) {
			t.Fatalf("the page does not hold %s's word %q (%q):\n%s", key, word, want, page)
		}
	}
}

// usedWords renders ownWordsCatalog's page with each word a marker of its
// own, and names the words whose marker shows: those the page uses.
func usedWords(f *testing.F) map[string]bool {
	var file strings.Builder
	file.WriteString("language: es\npage:\n")
	for _, row := range wordTable {
		word := "W" + row.key + "W"
		for _, name := range placeholders(row.en) {
			word += " {" + name + "}"
		}
		file.WriteString("  " + row.key + ": " + strconv.Quote(word) + "\n")
	}
	c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(ownWordsCatalog), "translations/es.yaml": []byte(file.String())}, "catalog.yaml")
	if err != nil {
		f.Fatal(err)
	}
	page, err := Generate(c, "", nil)
	if err != nil {
		f.Fatal(err)
	}
	used := map[string]bool{}
	for _, row := range wordTable {
		if strings.Contains(string(page), "W"+escapeWord(row.key)+"W") {
			used[row.key] = true
		}
	}
	f.Logf("the page uses %d of the %d words", len(used), len(wordTable))
	if len(used) == 0 {
		f.Fatal("the page uses none of the words")
	}
	return used
}
