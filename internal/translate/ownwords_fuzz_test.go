package translate

import (
	"bytes"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown"
)

// ownCatalog is a catalog in es, a language errgen bundles no page words
// of: errgen translate es writes its own file, the page's words alone.
const ownCatalog = `version: 1
api: Pagos
language: es
errors:
  - {code: NOT_FOUND, status: 404, title: No encontrado, causes: [El recurso no existe.]}
  - {code: INTERNAL, status: 500, title: Error interno, fallback: true}
`

// FuzzOwnWordsUpdate feeds any translations/es.yaml that loads beside a
// catalog in es to Update for es, with the words errgen translate asks
// for: it writes a file that loads, that gives every word, that a second
// run leaves as it is, and that holds every byte of the input.
func FuzzOwnWordsUpdate(f *testing.F) {
	f.Add([]byte("language: es\n"))
	f.Add([]byte("# c\nlanguage: es # d\npage:\n  page_title: Errores # nuestro título\n\n  causes: \"\"\n"))
	f.Add([]byte("language: es\npage: {page_title: Errores,  # t\n  causes: Causas}\n"))
	f.Add([]byte("language: es\npage:\n  # en: Errors\n  # mine\n  page_title: \"\"\n"))
	f.Add([]byte("page:\n- x\nlanguage: es\n"))
	f.Add([]byte("language: es\npage:\n  label: \"{label} :\"\n  # en: \", \"\n  list_separator: \"、\" # coma\n"))
	f.Add([]byte("language: es\npage:\n  # en: {before} {after}\n  word_space: \"{before}{after}\"\n  parenthesized: \"（{text}）\"\n"))
	f.Add([]byte("language: es\r\npage:\r\n    fix: |-\r\n      Arreglo\r\n"))
	load := func(es []byte) *catalog.Catalog {
		c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(ownCatalog), "translations/es.yaml": es}, "catalog.yaml")
		if err != nil {
			return nil
		}
		return c
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := load(data)
		if c == nil {
			return
		}
		res, err := Update(c, "es", data, Options{Words: ownWordsOf(c)})
		if err != nil {
			t.Fatalf("a file that loads is not updated: %v", err)
		}
		again := load(res.File)
		if again == nil {
			t.Fatalf("the result does not load:\n%s", res.File)
		}
		for _, w := range ownWordsOf(c) {
			if _, ok := again.Translations["es"].Words[w.Key]; !ok {
				t.Fatalf("the result lacks the word %s:\n%s", w.Key, res.File)
			}
		}
		res2, err := Update(again, "es", res.File, Options{Words: ownWordsOf(again)})
		if err != nil || !bytes.Equal(res2.File, res.File) || res2.Added != 0 {
			t.Fatalf("a second run changes the file (%v, %d added):\n%s\nto:\n%s", err, res2.Added, res.File, res2.File)
		}
		if !subsequence(string(data), string(res.File)) {
			t.Fatalf("the input's bytes are not all kept:\n%s\nbecame:\n%s", data, res.File)
		}
	})
}

// ownWordsOf is what errgen translate asks Update for in c's own language.
func ownWordsOf(c *catalog.Catalog) []Word {
	var words []Word
	for _, w := range markdown.UnbundledWords(c, c.Language) {
		words = append(words, Word(w))
	}
	return words
}
