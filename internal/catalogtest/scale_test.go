package catalogtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestWriteScale writes the scale catalogs of 1,000 and 10,000 errors to
// $ERRGEN_SCALE_DIR/N/catalog.yaml, the files whole generate runs are
// measured on (docs/performance.md, Generation), and each in English and
// German with its full translation file to $ERRGEN_SCALE_DIR/N+de/, the
// files translate is measured on; ERRGEN_SCALE_SIZES (a comma-separated
// list of sizes) replaces the two sizes, for growth ratios at n, 2n and 4n.
// Without ERRGEN_SCALE_DIR it only checks that Scale makes the catalog it
// says.
func TestWriteScale(t *testing.T) {
	dir := os.Getenv("ERRGEN_SCALE_DIR")
	sizes := []int{1000, 10000}
	if list := os.Getenv("ERRGEN_SCALE_SIZES"); list != "" {
		sizes = nil
		for _, field := range strings.Split(list, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(field))
			if err != nil || n < 1 {
				t.Fatalf("ERRGEN_SCALE_SIZES: %q is no size", field)
			}
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		data := Scale(n)
		root, translation := ScaleTranslated(n, "de")
		if dir == "" {
			continue
		}
		writeScaleFile(t, filepath.Join(dir, fmt.Sprint(n), "catalog.yaml"), data)
		writeScaleFile(t, filepath.Join(dir, fmt.Sprint(n)+"+de", "catalog.yaml"), root)
		writeScaleFile(t, filepath.Join(dir, fmt.Sprint(n)+"+de", "translations", "de.yaml"), translation)
	}
}

func writeScaleFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
