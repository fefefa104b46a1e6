package markdown

import (
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// benchSizes are the catalog sizes the performance tricks are judged on.
var benchSizes = []int{1000, 10000}

// sizes are benchSizes, less the largest under -short: CI runs every
// benchmark once so that none rots, not to measure.
func sizes() []int {
	if testing.Short() {
		return benchSizes[:len(benchSizes)-1]
	}
	return benchSizes
}

// loadSynthetic loads catalogtest's synthetic catalog of n errors.
func loadSynthetic(b *testing.B, n int) *catalog.Catalog {
	b.Helper()
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(n))
	if err != nil {
		b.Fatal(err)
	}
	return c
}
