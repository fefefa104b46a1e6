package markdown

import (
	"bytes"
	"fmt"
	"testing"
	"text/template"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// unwrappedPage is c's page as the bundled templates render it, before its
// prose is wrapped.
func unwrappedPage(tb testing.TB, c *catalog.Catalog) []byte {
	tb.Helper()
	set, err := templateSet(nil)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := newPage(c, DefaultName)
	if err != nil {
		tb.Fatal(err)
	}
	set = set.Funcs(template.FuncMap{"layout": func() string { return p.Layout }})
	page, err := renderUnwrapped(set, p, len(p.Errors), header, goParts{})
	if err != nil {
		tb.Fatal(err)
	}
	return page
}

// groupCases are pages whose blocks span blank lines, each with a long
// line after the blank, which a group starting there would parse wrongly.
var groupCases = []string{
	"```\n\n" + long + "\n```\n\n" + long,
	"~~~~\n```\n\n" + long + "\n~~~~\n\n" + long,
	"````\n```\n\n" + long + "\n````",
	"<!-- x\n\n" + long + "\n-->\n\n" + long,
	"<pre>\n\n" + long + "\n</pre>\n\n" + long,
	"<?php\n\n" + long + "\n?>\n" + long,
	"<!DOCTYPE\n\n" + long + "\n>\n" + long,
	"<![CDATA[\n\n" + long + "\n]]>\n" + long,
	"<div>\n```\n\n" + long + "\n```\n" + long,
	"<b>\n```\n\n" + long,
	"- a\n\n  ```\n\n" + long + "\n  ```\n\n" + long,
	"> ```\n\n" + long + "\n```\n\n" + long,
	"1. x\n   <pre>\n\n" + long + "\n</pre>\n" + long,
	"- " + long + "\n\n- " + long + "\n\n" + long,
	"> " + long + "\n\n> " + long + "\n\n" + long,
	"    ```\n\n" + long + "\n\n```\n" + long,
	"```\n \t```\n\n" + long + "\n```\n\n" + long,
	"``` a`b\n\n" + long + "\n```\n\n" + long,
	"| a | b |\n| --- | --- |\n| " + long + " | x |\n\n" + long,
	"| a | b |\n| --- |\n| " + long + " | x |\n\n" + long,
	"| a | b |\n| " + long + " | x |\n| --- | --- |\n\n" + long,
	"| a \\| b |\n| --- | --- |\n| " + long + " |\n\n" + long,
	"| a |\n| --- |\n| x |\n\n| " + long + "\n\n" + long,
	"| `a | b` |\n| --- | --- |\n| " + long + " |\n",
	"| a |\n|:-:|\n" + long + "\n| " + long + "\n",
	"text\r\n\r\n" + long,
	"- a\n\n**b** " + long + "\n\n-\n\n" + long + "\n\n*\t" + long + "\n\n***\n\n" + long,
	"* a\n\n*b* " + long + "\n\n+ x\n\n+y " + long + "\n\n-- " + long,
	"- a\n  ```\n\n**x**\n```\n\n" + long,
	"- <https://x.example> " + long + "\n- <div>\n\n" + long + "\n\n<https://y.example> " + long + "\n```\n\n" + long,
	"<a+b.c:x> " + long + "\n```\n\n" + long + "\n```\n\n" + long,
	"<div:x>\n```\n\n" + long + "\n```\n\n" + long,
	"- </p:\n\n" + long,
	"- " + long + "\n\n" + long + "\n   " + long + "\n\nend", // grows, then shrinks
}

// TestWrapInGroupsIsWhole: wrapping the page in groups, into a copy or in
// place, gives the bytes wrapping it whole gives, on every shipped catalog's page before and after
// wrapping, the synthetic and hostile catalogs' and pages whose blocks span
// blank lines; and the bundled pages are wrapped in groups, not whole.
func TestWrapInGroupsIsWhole(t *testing.T) {
	var pages [][]byte
	for _, c := range catalogtest.All(t) {
		pages = append(pages, unwrappedPage(t, c.C), mustGenerate(t, c.C, nil))
	}
	for _, data := range [][]byte{catalogtest.Synthetic(200), catalogtest.Hostile()} {
		c, err := catalog.Parse("test.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, unwrappedPage(t, c))
	}
	for i, page := range pages {
		if !groupStarts(page, func(int) {}) {
			t.Errorf("page %d is wrapped whole", i)
		}
	}
	for _, s := range append(groupCases, safetySeeds...) {
		pages = append(pages, []byte(s), []byte(s+"\n\n"+long))
	}
	for i, page := range pages {
		want := wrapWhole(bytes.Clone(page))
		if got := wrapInGroups(bytes.Clone(page)); !bytes.Equal(got, want) {
			t.Errorf("page %d (%.60q…): in groups\n%q\nwhole\n%q", i, page, got, want)
		}
		// in place with no room to grow, and with room
		for _, room := range []int{0, len(page)/8 + 64} {
			in := append(make([]byte, 0, len(page)+room), page...)
			if got := wrapInPlace(in); !bytes.Equal(got, want) {
				t.Errorf("page %d (%.60q…), room %d: in place\n%q\nwhole\n%q", i, page, room, got, want)
			}
		}
	}
	if bytes.Equal(wrapWhole([]byte(long)), []byte(long)) {
		t.Fatal("the test's long line is not wrapped")
	}
}

// BenchmarkWrapInGroups is the wrap pass on the synthetic catalog's page
// in groups (the shortcut) and whole (the plain path). See benchpair.Run
// for the figures it reports.
func BenchmarkWrapInGroups(b *testing.B) {
	for _, n := range sizes() {
		page := unwrappedPage(b, loadSynthetic(b, n))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			benchpair.Run(b, func() { wrapInGroups(page) }, func() { wrapWhole(page) }, nil)
		})
	}
}
