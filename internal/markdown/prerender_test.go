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

// TestPrerenderOnlyForTheBundledPage: error.tmpl is rendered up front, for
// every error, only when the bundled page.tmpl will ask for every one.
func TestPrerenderOnlyForTheBundledPage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  bool
	}{
		{"bundled", nil, true},
		{"error.tmpl overridden", fstest.MapFS{"error.tmpl": {Data: []byte("{{.Code}}\n")}}, true},
		{"page.tmpl overridden", fstest.MapFS{"page.tmpl": {Data: []byte("# Errors\n")}}, false},
	} {
		set, err := templateSet(tc.files)
		if err != nil {
			t.Fatal(err)
		}
		if got := bundledPage(set); got != tc.want {
			t.Errorf("%s: bundledPage = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPrerenderAgrees: the page is byte for byte the same with error.tmpl
// rendered up front and with every error rendered in turn.
func TestPrerenderAgrees(t *testing.T) {
	cats := []*catalog.Catalog{}
	for _, path := range testCatalogs(t) {
		c, err := catalog.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(60))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range append(cats, c) {
		if !bytes.Equal(generate(t, c, true), generate(t, c, false)) {
			t.Errorf("%s: prerendered page differs", c.File)
		}
	}
}

// generate is Generate, with or without prerendering.
func generate(tb testing.TB, c *catalog.Catalog, up bool) []byte {
	tb.Helper()
	set, err := templateSet(nil)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := newPage(c)
	if err != nil {
		tb.Fatal(err)
	}
	var rendered map[*errorData]string
	if up {
		rendered = prerender(set, p.Errors)
	}
	page, err := render(set, p, header, rendered)
	if err != nil {
		tb.Fatal(err)
	}
	return page
}

// BenchmarkPrerender is the whole of Generate, with error.tmpl rendered up
// front on every core (the shortcut) and without, each error rendered in
// turn as the page reaches it (the plain path). See benchpair.Run for the
// figures it reports.
func BenchmarkPrerender(b *testing.B) {
	for _, n := range sizes() {
		c := loadSynthetic(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, func() { generate(b, c, true) }, func() { generate(b, c, false) }, nil)
		})
	}
}
