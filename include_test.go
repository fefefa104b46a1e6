package errgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// generateAll loads a catalog and generates its outputs, by path.
func generateAll(t testing.TB, load func() (*catalog.Catalog, error)) map[string][]byte {
	t.Helper()
	c, err := load()
	if err != nil {
		t.Fatal(err)
	}
	files, err := Generate(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

// sameOutputs fails unless two generations wrote the same files, byte for byte.
func sameOutputs(t *testing.T, split, single map[string][]byte) {
	t.Helper()
	if len(split) != len(single) {
		t.Fatalf("split catalog: %d outputs, single file: %d", len(split), len(single))
	}
	for path, data := range single {
		if !bytes.Equal(split[path], data) {
			t.Errorf("%s differs between the split catalog and its single-file twin", path)
		}
	}
}

// The StackOne example, split by domain into errors/*.yaml, gives the
// outputs of its single-file twin, byte for byte: the root with the
// included files' errors in include order, each with its file's category.
func TestSplitExampleMatchesSingleFile(t *testing.T) {
	root := catalogtest.Path("examples/stackone/catalog.yaml")
	c, err := catalog.Load(root, Check)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Files) < 4 {
		t.Fatalf("the StackOne example has %d files, want a root and at least three", len(c.Files))
	}
	twin, err := catalogtest.Concatenate(c)
	if err != nil {
		t.Fatal(err)
	}
	// The twin in a folder of its own, beside the templates it names.
	dir := t.TempDir()
	for _, tf := range c.Docs.TemplateFiles {
		path := filepath.Join(dir, filepath.FromSlash(c.Docs.Templates), tf.Name)
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, tf.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	twinPath := filepath.Join(dir, "catalog.yaml")
	if err := os.WriteFile(twinPath, twin, 0o644); err != nil {
		t.Fatal(err)
	}
	split := generateAll(t, func() (*catalog.Catalog, error) { return c, nil })
	single := generateAll(t, func() (*catalog.Catalog, error) { return catalog.Load(twinPath, Check) })
	sameOutputs(t, split, single)
}

// writeSplit writes the synthetic catalog of n errors split into parts
// files, and its single-file twin, and returns the two roots.
func writeSplit(t testing.TB, n, parts int) (single, split string) {
	t.Helper()
	files, err := catalogtest.Split(catalogtest.Synthetic(n), parts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "single.yaml"), filepath.Join(dir, "catalog.yaml")
}

// A synthetic catalog split into 100 files gives the outputs of the one
// file. What it costs is BenchmarkSplitCatalog's to say (performance lives
// in benchmarks, not in timed tests, which a busy machine fails).
func TestSplitCatalogOutputs(t *testing.T) {
	single, split := writeSplit(t, 300, 100)
	load := func(path string) func() (*catalog.Catalog, error) {
		return func() (*catalog.Catalog, error) { return catalog.Load(path, Check) }
	}
	sameOutputs(t, generateAll(t, load(split)), generateAll(t, load(single)))
}

// BenchmarkSplitCatalog loads and generates a synthetic catalog in one
// file and split into 100.
func BenchmarkSplitCatalog(b *testing.B) {
	for _, n := range sizes() {
		single, split := writeSplit(b, n, 100)
		for _, tc := range []struct{ name, path string }{{"files=1", single}, {"files=100", split}} {
			b.Run(fmt.Sprintf("n=%d/%s", n, tc.name), func(b *testing.B) {
				for b.Loop() {
					generateAll(b, func() (*catalog.Catalog, error) { return catalog.Load(tc.path, Check) })
				}
			})
		}
	}
}
