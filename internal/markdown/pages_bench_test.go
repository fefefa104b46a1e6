package markdown

import (
	"fmt"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// BenchmarkPagesTranslated is the Markdown stage of a run on the scale
// catalog in English and German (catalogtest.ScaleTranslated): both pages,
// each rendered alone as the command renders them (PageIn). Its B/op is
// what the stage allocates, which at process level costs as much as its
// time (page faults on fresh heap, clearing fresh spans).
func BenchmarkPagesTranslated(b *testing.B) {
	for _, n := range sizes() {
		root, de := catalogtest.ScaleTranslated(n, "de")
		c, err := catalog.LoadFiles(catalog.MemFiles{"scale.yaml": root, catalog.TranslationFile("de"): de}, "scale.yaml")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, lang := range []string{"", "de"} {
					if _, err := PageIn(c, header, nil, "", lang); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
