package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
)

// TestNextAnchor: nextAnchor finds what anchorIDs finds, on strings and
// bytes, and removeAnchors removes what it replaces.
func TestNextAnchor(t *testing.T) {
	cases := []string{
		"", `<a id="x"></a>`, `### <a id="x"></a>X`, `<a id="x"></a><a id="y"></a>`,
		`<a id="x"><a id="y"></a>`, `<a id=""></a>`, `<a id="a"b"></a>`, `<a id="x"></a`,
		`<<a id="x"></a>>`, `<a id="<a id="z"></a>`, "<a id=\"\xff\n\"></a>", `<a id="x"></b><a id="y"></a> tail`,
		`  <a id="x&amp;y"></a>  `, `<a id="x"></a>"></a>`,
	}
	for _, s := range cases {
		var got [][]int
		for start, end, id, idEnd := nextAnchor(s, 0); start >= 0; start, end, id, idEnd = nextAnchor([]byte(s), end) {
			got = append(got, []int{start, end, id, idEnd})
		}
		var want [][]int
		for _, m := range anchorIDs.FindAllStringSubmatchIndex(s, -1) {
			want = append(want, m)
		}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("nextAnchor(%q) finds %v, anchorIDs %v", s, got, want)
		}
		if got, want := removeAnchors(s), anchorIDs.ReplaceAllString(s, ""); got != want {
			t.Errorf("removeAnchors(%q) = %q, want %q", s, got, want)
		}
	}
}

// BenchmarkNextAnchor finds the anchors of the synthetic catalog's page
// with nextAnchor and with anchorIDs, line by line as pageAnchors does.
func BenchmarkNextAnchor(b *testing.B) {
	for _, n := range sizes() {
		page := emitLayout(b, loadSynthetic(b, n), catalog.LayoutFull, goErrorParts|goPage)
		var lines [][]byte
		for l := range bytes.Lines(page) {
			if bytes.Contains(l, []byte(anchorOpen)) {
				lines = append(lines, l)
			}
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, func() {
				for _, l := range lines {
					for start, end, _, _ := nextAnchor(l, 0); start >= 0; start, end, _, _ = nextAnchor(l, end) {
					}
				}
			}, func() {
				for _, l := range lines {
					anchorIDs.FindAllStringSubmatch(string(l), -1)
				}
			}, nil)
		})
	}
}
