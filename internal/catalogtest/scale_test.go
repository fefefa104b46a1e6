package catalogtest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteScale writes the scale catalogs of 1,000 and 10,000 errors to
// $ERRGEN_SCALE_DIR/N/catalog.yaml, the files whole generate runs are
// measured on (docs/performance.md, Generation); without the variable it
// only checks that Scale makes the catalog it says.
func TestWriteScale(t *testing.T) {
	dir := os.Getenv("ERRGEN_SCALE_DIR")
	for _, n := range []int{1000, 10000} {
		data := Scale(n)
		if dir == "" {
			continue
		}
		path := filepath.Join(dir, fmt.Sprint(n), "catalog.yaml")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
