package catalog_test

import (
	"reflect"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// docs.templates is read with the catalog, through its Files (the disk, a
// git revision, memory): the folder's *.tmpl files, by name, each named in
// messages as the catalog's files are; other files and subfolders are not
// templates.
func TestTemplatesRead(t *testing.T) {
	files := catalog.MemFiles{
		"catalog.yaml":           []byte("version: 1\napi: Shop\ndocs: {templates: docs/tpl}\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"),
		"docs/tpl/handling.tmpl": []byte("## Handling\n"),
		"docs/tpl/error.tmpl":    []byte("{{.Code}}\n"),
		"docs/tpl/README.md":     []byte("not a template"),
		"docs/tpl/old/page.tmpl": []byte("not in the folder itself"),
	}
	c, err := catalog.LoadFiles(files, "catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []catalog.TemplateFile{
		{Name: "error.tmpl", Path: "docs/tpl/error.tmpl", Data: []byte("{{.Code}}\n")},
		{Name: "handling.tmpl", Path: "docs/tpl/handling.tmpl", Data: []byte("## Handling\n")},
	}
	if c.Docs.Templates != "docs/tpl" || !reflect.DeepEqual(c.Docs.TemplateFiles, want) {
		t.Errorf("templates %q: %+v", c.Docs.Templates, c.Docs.TemplateFiles)
	}
}
