package markdown

import (
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// benchSizes are the catalog sizes the performance tricks are judged on.
var benchSizes = []int{1000, 10000}

// loadSynthetic loads catalogtest's synthetic catalog of n errors.
func loadSynthetic(b *testing.B, n int) *catalog.Catalog {
	b.Helper()
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(n))
	if err != nil {
		b.Fatal(err)
	}
	return c
}
