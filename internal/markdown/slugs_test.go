package markdown

import (
	"bytes"
	"fmt"
	"html"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
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
		want := anchorIDs.FindAllStringSubmatchIndex(s, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("nextAnchor(%q) finds %v, anchorIDs %v", s, got, want)
		}
		if got, want := removeAnchors(s), anchorIDs.ReplaceAllString(s, ""); got != want {
			t.Errorf("removeAnchors(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestUniqueHeadingIDsIsPlain: uniqueHeadingIDs, one scan and copies
// between the headings that change, is uniqueHeadingIDsPlain, two passes
// line by line, on every page TestErrorPartIsTemplate renders, before its
// headings are told apart, and on pages of anchors in and out of fences.
func TestUniqueHeadingIDsIsPlain(t *testing.T) {
	var pages [][]byte
	for _, c := range shortcutCatalogs(t) {
		for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
			set, err := templateSet(nil)
			if err != nil {
				t.Fatal(err)
			}
			p, err := newPage(c, DefaultName)
			if err != nil {
				t.Fatal(err)
			}
			p.Layout = layout
			page, err := render(set, p, len(p.Errors), header, goParts{})
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, page)
		}
	}
	for _, s := range []string{
		"<a id=\"x\"></a>\n\n### X\n\n## X\n\n# x\n",
		"```\n<a id=\"x\"></a>\n```\n### X\n<a id=\"x\"></a>\n",
		"### <a id=\"a&amp;b\"></a>A&B\ntext\n### A&amp;B\n<a id=\"a-b\"></a>",
		"<a id=\"x\"></a> <a id=\"y\"></a>\n### X   \n\n### X\n~~~~\n# X\n~~~\n~~~~\n#### x\n",
		"", "no headings\n", "### X\n<a id=\"x-1\"></a><a id=\"x\"></a>\n### X\n### X",
	} {
		pages = append(pages, []byte(s))
	}
	statusOf := map[string]int{"x": 404, "a&b": 409}
	for i, page := range pages {
		got := uniqueHeadingIDs(bytes.Clone(page), statusOf, "section")
		if want := uniqueHeadingIDsPlain(bytes.Clone(page), statusOf, "section"); !bytes.Equal(got, want) {
			t.Errorf("page %d (%.60q…): uniqueHeadingIDs and uniqueHeadingIDsPlain differ", i, page)
		}
	}
}

// uniqueHeadingIDsPlain is uniqueHeadingIDs as it was, the plain path
// TestUniqueHeadingIDsIsPlain holds it to: it gives a distinct slug to every heading whose id would
// be one of the page's anchors. An error's heading follows its anchor: it
// gains its status ("CONFLICT (409)"), another heading the page's word for
// a section (" (section)"); a number follows if that is taken too. It reads
// the page's lines in place and makes a string only of those that can be a
// heading, an anchor or a fence: a page of 50,000 errors is tens of
// megabytes, which a copy, its split lines and their join would each take
// again.
func uniqueHeadingIDsPlain(page []byte, statusOf map[string]int, section string) []byte {
	anchors := pageAnchors(page)
	if len(anchors) == 0 {
		return page
	}
	h := headings{ids: slugger{}, anchors: anchors, statusOf: statusOf, section: section}
	var out []byte // nil until a heading changes
	var fences fenceState
	for at := 0; at < len(page); {
		line, next := lineAt(page, at)
		suffix := ""
		if !fences.code(line) {
			suffix = h.suffix(line)
		}
		switch {
		case suffix != "":
			if out == nil {
				out = append(make([]byte, 0, len(page)+len(page)/64), page[:at]...)
			}
			out = append(append(append(out, bytes.TrimRight(line, " ")...), suffix...), page[at+len(line):next]...)
		case out != nil:
			out = append(out, page[at:next]...)
		}
		at = next
	}
	if out == nil {
		return page
	}
	return out
}

// headings gives the page's headings, in order, their suffixes.
type headings struct {
	ids        slugger
	anchors    map[string]bool
	statusOf   map[string]int
	section    string // the page's word for a section
	lastAnchor string // the anchor the line before stood alone on
}

// suffix is what the line, outside fenced code, gains: "" for a line that
// is no heading, or keeps its slug.
func (h *headings) suffix(line []byte) string {
	hasAnchor := bytes.Contains(line, []byte(anchorOpen))
	if hasAnchor {
		start, end, id, idEnd := nextAnchor(line, 0)
		if start >= 0 && bytes.Equal(bytes.TrimSpace(line), line[start:end]) {
			h.lastAnchor = html.UnescapeString(string(line[id:idEnd]))
			return ""
		}
	}
	if len(line) == 0 || line[0] != '#' || atxLevel(string(line)) == 0 {
		if len(bytes.TrimSpace(line)) > 0 {
			h.lastAnchor = ""
		}
		return ""
	}
	l := string(line)
	if hasAnchor { // ### <a id="x"></a>X
		if start, _, id, idEnd := nextAnchor(l, 0); start >= 0 {
			h.lastAnchor = html.UnescapeString(l[id:idEnd])
		}
	}
	suffix := headingSuffix(h.ids, h.anchors, headingText(l), h.statusOf, h.lastAnchor, h.section)
	h.lastAnchor = ""
	return suffix
}

// pageAnchors returns the ids of the page's anchors outside fenced code.
func pageAnchors(page []byte) map[string]bool {
	anchors := map[string]bool{}
	var fences fenceState
	for at := 0; at < len(page); {
		line, next := lineAt(page, at)
		at = next
		if fences.code(line) || !bytes.Contains(line, []byte(anchorOpen)) {
			continue
		}
		for start, end, id, idEnd := nextAnchor(line, 0); start >= 0; start, end, id, idEnd = nextAnchor(line, end) {
			anchors[html.UnescapeString(string(line[id:idEnd]))] = true
		}
	}
	return anchors
}

// BenchmarkNextAnchor finds the anchors of the synthetic catalog's page
// with nextAnchor and with anchorIDs, line by line as uniqueHeadingIDsPlain does.
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

// BenchmarkUniqueHeadingIDs is uniqueHeadingIDs and uniqueHeadingIDsPlain
// on the synthetic catalog's page before its headings are told apart.
func BenchmarkUniqueHeadingIDs(b *testing.B) {
	for _, n := range sizes() {
		c := loadSynthetic(b, n)
		set, err := templateSet(nil)
		if err != nil {
			b.Fatal(err)
		}
		p, err := newPage(c, DefaultName)
		if err != nil {
			b.Fatal(err)
		}
		page, err := render(set, p, len(p.Errors), header, goParts{})
		if err != nil {
			b.Fatal(err)
		}
		statusOf := map[string]int{}
		for _, e := range p.Errors {
			statusOf[e.Anchor] = e.Status
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, func() { uniqueHeadingIDs(page, statusOf, "section") }, func() { uniqueHeadingIDsPlain(page, statusOf, "section") }, nil)
		})
	}
}

// TestPlainHeadingSlug: plainHeadingSlug is githubSlug of headingText on
// the lines it takes, random ASCII headings of the bytes the two look at,
// and takes none with an entity, an anchor or a character past ASCII.
func TestPlainHeadingSlug(t *testing.T) {
	const alphabet = "#aZ0 _-\\`*.\t()"
	rng := rand.New(rand.NewPCG(7, 8))
	lines := []string{"### E00042\\_FAILED", "## 400 Bad Request", "# ", "#", "### a\\", "### `x` \\` y", "### \\\\_"}
	for range 3000 {
		var b strings.Builder
		b.WriteString("### ")
		for range rng.IntN(16) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		lines = append(lines, b.String())
	}
	for _, l := range lines {
		got, ok := plainHeadingSlug([]byte("x"), []byte(l))
		if want := "x" + githubSlug(headingText(l)); !ok || string(got) != want {
			t.Errorf("plainHeadingSlug(%q) = %q, %v; want %q", l, got, ok, want)
		}
	}
	for _, l := range []string{"### a &amp; b", `### <a id="x"></a>X`, "### É"} {
		if _, ok := plainHeadingSlug(nil, []byte(l)); ok {
			t.Errorf("plainHeadingSlug(%q) takes it", l)
		}
	}
}

// BenchmarkPlainHeadingSlug is uniqueHeadingIDs with plainHeadingSlug
// (the shortcut) and with headingText and githubSlug for every heading
// (the plain path), on the page of the scale catalog in English and German,
// before its headings are told apart. See benchpair.Run for the figures it
// reports.
func BenchmarkPlainHeadingSlug(b *testing.B) {
	for _, n := range sizes() {
		root, de := catalogtest.ScaleTranslated(n, "de")
		c, err := catalog.LoadFiles(catalog.MemFiles{"scale.yaml": root, catalog.TranslationFile("de"): de}, "scale.yaml")
		if err != nil {
			b.Fatal(err)
		}
		page := unwrappedPage(b, c.In("de"))
		statusOf := map[string]int{}
		for _, e := range c.Errors {
			statusOf[e.Anchor] = e.Status
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, func() { uniqueHeadingIDsSlugs(page, statusOf, "section", true) }, func() { uniqueHeadingIDsSlugs(page, statusOf, "section", false) }, nil)
		})
	}
}
