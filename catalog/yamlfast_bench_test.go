package catalog_test

import (
	"fmt"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// BenchmarkFastYAML is the YAML parse of the bundled catalog and of the
// scale catalog through fastYAML (the shortcut) and yaml.v3 (the plain
// path), in turn. See benchpair.Run for the figures it reports.
func BenchmarkFastYAML(b *testing.B) {
	files := map[string][]byte{"bundled": readGlobs(b, "catalog.yaml")[catalogtest.Path("catalog.yaml")]}
	for _, n := range stageSizes() {
		files[fmt.Sprintf("scale/n=%d", n)] = catalogtest.Scale(n)
	}
	for name, data := range files {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			benchpair.Run(b,
				func() {
					if _, ok := catalog.FastYAML(data); !ok {
						b.Fatal("fastYAML gave up")
					}
				},
				func() {
					if _, err := catalog.PlainYAML(data); err != nil {
						b.Fatal(err)
					}
				}, nil)
		})
	}
}
