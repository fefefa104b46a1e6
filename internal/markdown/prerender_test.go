package markdown

import (
	"fmt"
	"testing"
	"testing/fstest"
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

// BenchmarkPrerender is the whole of Generate, with error.tmpl rendered up
// front on every core (what Generate does) and without, each error rendered
// in turn as the page reaches it.
func BenchmarkPrerender(b *testing.B) {
	for _, n := range sizes() {
		c := loadSynthetic(b, n)
		for _, up := range []bool{true, false} {
			b.Run(fmt.Sprintf("n=%d/prerender=%v", n, up), func(b *testing.B) {
				for b.Loop() {
					set, err := templateSet(nil)
					if err != nil {
						b.Fatal(err)
					}
					p, err := newPage(c)
					if err != nil {
						b.Fatal(err)
					}
					var rendered map[*errorData]string
					if up {
						rendered = prerender(set, p.Errors)
					}
					if _, err := render(set, p, header, rendered); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
