package translate

import (
	"fmt"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// BenchmarkUpdateScale runs errgen translate's work on the scale catalog
// in English and German (catalogtest.ScaleTranslated): the new file, and
// the file translating every text; compare B/op and allocs/op before and
// after a change (docs/performance.md, Translate, augment and diff).
func BenchmarkUpdateScale(b *testing.B) {
	sizes := []int{1000, 10000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		root, translation := catalogtest.ScaleTranslated(n, "de")
		for _, file := range []string{"new", "full"} {
			files := catalog.MemFiles{"catalog.yaml": root}
			var text []byte
			if file == "full" {
				files["translations/de.yaml"] = translation
				text = translation
			}
			c, err := catalog.LoadFiles(files, "catalog.yaml")
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/errors=%d", file, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Update(c, "de", text, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
