package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// emitLayout is the Markdown emitter's stage on c in layout, with the
// shortcuts of fast, or the templates for every part and the page.
func emitLayout(tb testing.TB, c *catalog.Catalog, layout string, fast shortcuts) []byte {
	tb.Helper()
	return emitWith(tb, c, layout, nil, fast)
}

// emitWith is emitLayout with the templates of overrides (nil for none).
func emitWith(tb testing.TB, c *catalog.Catalog, layout string, overrides fs.FS, fast shortcuts) []byte {
	tb.Helper()
	set, err := templateSet(overrides)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := newPage(c, DefaultName)
	if err != nil {
		tb.Fatal(err)
	}
	p.Layout = layout
	page, err := emitParts(set, p, p, header, fast)
	if err != nil {
		tb.Fatal(err)
	}
	return page
}

// TestErrorPartIsTemplate: errorPart writes what error.tmpl writes,
// referencePart what reference.tmpl writes, and pagePart, with them or
// without, what page.tmpl writes, on every shipped catalog, the synthetic
// and the hostile one, and a catalog in each of its languages, in both
// layouts; and each is used only while its template is the bundled one.
func TestErrorPartIsTemplate(t *testing.T) {
	for _, c := range shortcutCatalogs(t) {
		for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
			plain := emitLayout(t, c, layout, 0)
			for _, fast := range []shortcuts{goErrorParts, goPage, goErrorParts | goPage} {
				if !bytes.Equal(emitLayout(t, c, layout, fast), plain) {
					t.Errorf("%s, %s layout: shortcuts %b and the templates differ", c.File, layout, fast)
				}
			}
		}
	}
	set, err := templateSet(nil)
	if err != nil || !bundledErrorPart(set) {
		t.Fatalf("the bundled set is not taken for the bundled error.tmpl (%v)", err)
	}
	if !bundledPart(set, referenceTemplate) {
		t.Fatal("the bundled set is not taken for the bundled reference.tmpl")
	}
	if _, ok := bundledPage(set); !ok {
		t.Fatal("the bundled set is not taken for the bundled page.tmpl")
	}
	if set, err := templateSet(fstest.MapFS{referenceTemplate: {Data: []byte("x")}}); err != nil || bundledPart(set, referenceTemplate) {
		t.Errorf("an overriding reference.tmpl is taken for the bundled one (%v)", err)
	}
	if set, err := templateSet(fstest.MapFS{rootTemplate: {Data: []byte("# {{.Title}}")}}); err != nil || bundledPart(set, rootTemplate) {
		t.Errorf("an overriding page.tmpl is taken for the bundled one (%v)", err)
	}
	for _, override := range []string{"error.tmpl", "page.tmpl"} {
		src := `{{define "error.tmpl"}}{{.Code}}{{end}}`
		if override == "error.tmpl" {
			src = "{{.Code}}"
		}
		set, err := templateSet(fstest.MapFS{override: {Data: []byte(src)}})
		if err != nil || bundledErrorPart(set) {
			t.Errorf("an error.tmpl from %s is taken for the bundled one (%v)", override, err)
		}
	}
}

// shortcutCatalogs are the catalogs TestErrorPartIsTemplate renders.
func shortcutCatalogs(t *testing.T) []*catalog.Catalog {
	t.Helper()
	var cats []*catalog.Catalog
	for _, c := range catalogtest.All(t) {
		cats = append(cats, c.C)
	}
	cats = append(cats, readings(loadLanguages(t))...)
	ja, err := catalog.Load(japaneseCatalog, Rules)
	if err != nil {
		t.Fatal(err)
	}
	cats = append(cats, readings(ja)...)
	for _, data := range [][]byte{catalogtest.Synthetic(120), catalogtest.Hostile(), catalogtest.Decls()} {
		c, err := catalog.Parse("test.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	return cats
}

// BenchmarkErrorPart is the Markdown emitter's stage with errorPart and
// referencePart (the shortcuts) and with error.tmpl for every error and
// reference.tmpl (the plain path). See
// benchpair.Run for the figures it reports.
func BenchmarkErrorPart(b *testing.B) {
	for _, n := range sizes() {
		c := loadSynthetic(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, func() { emitLayout(b, c, catalog.LayoutFull, goErrorParts) }, func() { emitLayout(b, c, catalog.LayoutFull, 0) }, nil)
		})
	}
}
