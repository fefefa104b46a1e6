package markdown

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// emitLayout is the Markdown emitter's stage on c in layout, with
// errorPart and referencePart (fast) or error.tmpl for every error and
// reference.tmpl.
func emitLayout(tb testing.TB, c *catalog.Catalog, layout string, fast bool) []byte {
	tb.Helper()
	set, err := templateSet(nil)
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

// TestErrorPartIsTemplate: errorPart writes what error.tmpl writes, and
// referencePart what reference.tmpl writes, on
// every shipped catalog, the synthetic and the hostile one, and a catalog
// in each of its languages, in both layouts; and it is used only while error.tmpl is the bundled one.
func TestErrorPartIsTemplate(t *testing.T) {
	var cats []*catalog.Catalog
	for _, c := range catalogtest.All(t) {
		cats = append(cats, c.C)
	}
	cats = append(cats, readings(loadLanguages(t))...)
	for _, data := range [][]byte{catalogtest.Synthetic(120), catalogtest.Hostile(), catalogtest.Decls()} {
		c, err := catalog.Parse("test.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	for _, c := range cats {
		for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
			fast, plain := emitLayout(t, c, layout, true), emitLayout(t, c, layout, false)
			if !bytes.Equal(fast, plain) {
				t.Errorf("%s, %s layout: errorPart and error.tmpl differ", c.File, layout)
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
	if set, err := templateSet(fstest.MapFS{referenceTemplate: {Data: []byte("x")}}); err != nil || bundledPart(set, referenceTemplate) {
		t.Errorf("an overriding reference.tmpl is taken for the bundled one (%v)", err)
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

// BenchmarkErrorPart is the Markdown emitter's stage with errorPart and
// referencePart (the shortcuts) and with error.tmpl for every error and
// reference.tmpl (the plain path). See
// benchpair.Run for the figures it reports.
func BenchmarkErrorPart(b *testing.B) {
	for _, n := range sizes() {
		c := loadSynthetic(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, func() { emitLayout(b, c, catalog.LayoutFull, true) }, func() { emitLayout(b, c, catalog.LayoutFull, false) }, nil)
		})
	}
}
