package markdown

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
)

// The catalog's docs.templates override the bundled templates on every
// page as --templates does, a template of theirs that fails is told at its
// file as the catalog names it, and templates the caller gives (errgen's
// --templates) take their place.
func TestCatalogTemplates(t *testing.T) {
	files := catalog.MemFiles{
		"catalog.yaml":         []byte("version: 1\napi: Shop\nlanguages: [de]\ndocs: {templates: tpl}\nerrors:\n  - {code: INTERNAL, status: 500, title: Internal error, fallback: true}\n"),
		"tpl/handling.tmpl":    []byte("## Our way\n\nRetry {{len .Errors}} codes.\n"),
		"translations/de.yaml": []byte("language: de\n"),
	}
	c, err := catalog.LoadFiles(files, "catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := Pages(c, header, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if !bytes.Contains(p.Data, []byte("## Our way\n\nRetry 1 codes.\n")) || bytes.Contains(p.Data, []byte("## Handling errors")) {
			t.Errorf("%s does not have the catalog's handling part:\n%s", p.Name, p.Data)
		}
	}
	page, err := Generate(c, header, fstest.MapFS{"handling.tmpl": {Data: []byte("## Flag's way\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("## Flag's way\n")) || bytes.Contains(page, []byte("Our way")) {
		t.Errorf("the caller's templates do not replace the catalog's:\n%s", page)
	}
	files["tpl/handling.tmpl"] = []byte("## Our way\n\n{{.Nope}}\n")
	if c, err = catalog.LoadFiles(files, "catalog.yaml"); err != nil {
		t.Fatal(err)
	}
	if _, err := Pages(c, header, nil, ""); err == nil || !strings.Contains(err.Error(), "tpl/handling.tmpl:3:") {
		t.Errorf("err = %v, want one at tpl/handling.tmpl:3", err)
	}
}
