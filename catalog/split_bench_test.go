package catalog_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// parseWith parses data with YAML read in parts or whole.
func parseWith(inParts bool, data []byte) (*catalog.Catalog, error) {
	defer catalog.SetParseInParts(inParts)()
	return catalog.Parse("synthetic.yaml", data)
}

// TestParseInPartsAgrees: a catalog big enough to be read in parts loads
// into the same catalog as when read whole.
func TestParseInPartsAgrees(t *testing.T) {
	data := catalogtest.Synthetic(1200) // over splitMinSize
	split, err := parseWith(true, data)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := parseWith(false, data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(split, whole) {
		t.Error("the catalog read in parts differs from the one read whole")
	}
}

// BenchmarkLoadSplit is the load-and-validate stage (catalog.Parse) with
// the errors list read in parts on every core (the shortcut, what Parse
// does) and in one parse (the plain path). See benchpair.Run for the
// figures it reports.
func BenchmarkLoadSplit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		data := catalogtest.Synthetic(n)
		parse := func(inParts bool) func() {
			return func() {
				if _, err := parseWith(inParts, data); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, parse(true), parse(false), nil)
		})
	}
}
