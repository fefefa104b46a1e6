package markdown

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
)

// TestPagePartWithOverrides: pagePart, under the bundled page.tmpl, writes
// what page.tmpl writes when the parts it calls are overridden, empty,
// blank or failing, and fails as page.tmpl fails.
func TestPagePartWithOverrides(t *testing.T) {
	overrides := []fstest.MapFS{
		{errorTemplate: {Data: []byte("\n  \n{{anchor .Anchor}}\n\n### {{heading .Code}} {{layout}}\n\n\n")}},
		{errorTemplate: {Data: []byte("{{if eq .Status 404}}{{else}}{{.Code}}{{end}}")}},
		{errorTemplate: {Data: []byte(" \n\t\n")}},
		{"envelope.tmpl": {Data: []byte("")}, referenceTemplate: {Data: []byte("\n## Quick\n\n")}},
		{"sections.tmpl": {Data: []byte(`{{part "retired.tmpl" .}}`)}, "handling.tmpl": {Data: []byte("   ")}},
	}
	cats := shortcutCatalogs(t)
	for i, files := range overrides {
		for _, c := range cats {
			for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
				plain := emitWith(t, c, layout, files, 0)
				if fast := emitWith(t, c, layout, files, goErrorParts|goPage); !bytes.Equal(fast, plain) {
					t.Errorf("override %d, %s, %s layout: pagePart and page.tmpl differ", i, c.File, layout)
				}
			}
		}
	}
	for _, files := range []fstest.MapFS{
		{errorTemplate: {Data: []byte("{{.NoSuchField}}")}},
		{"retired.tmpl": {Data: []byte(`{{part "retired.tmpl" .}}`)}},
	} {
		c := cats[0]
		set, err := templateSet(files)
		if err != nil {
			t.Fatal(err)
		}
		p, err := newPage(c, DefaultName)
		if err != nil {
			t.Fatal(err)
		}
		_, plainErr := emitParts(set, p, p, header, 0)
		_, fastErr := emitParts(set, p, p, header, goErrorParts|goPage)
		if plainErr == nil || fastErr == nil || plainErr.Error() != fastErr.Error() {
			t.Errorf("pagePart fails with %v, page.tmpl with %v", fastErr, plainErr)
		}
	}
}

// TestTrimBlankLinesBytes: the page's in-place trim is trimBlankLines.
func TestTrimBlankLinesBytes(t *testing.T) {
	for _, s := range []string{"", "\n", " \t\n", "\n\n  \nA\n\nB\n\n", "    indented\n", "\u00a0\nA \t", "A", "\n\u2028\nx\n \n"} {
		if got, want := string(trimBlankLinesBytes([]byte(s))), trimBlankLines(s); got != want {
			t.Errorf("trimBlankLinesBytes(%q) = %q, trimBlankLines %q", s, got, want)
		}
	}
}

// BenchmarkPagePart is the Markdown emitter's stage with pagePart and
// without it (errorPart and referencePart in both). See benchpair.Run for
// the figures it reports.
func BenchmarkPagePart(b *testing.B) {
	for _, n := range sizes() {
		c := loadSynthetic(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, func() { emitLayout(b, c, catalog.LayoutFull, goErrorParts|goPage) }, func() { emitLayout(b, c, catalog.LayoutFull, goErrorParts) }, nil)
		})
	}
}
