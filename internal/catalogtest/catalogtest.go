// Package catalogtest gives tests anywhere in the module the catalogs errgen
// ships outputs for: the bundled one, each envelope preset and each example
// of a seed system, loaded, with the paths of their committed outputs.
package catalogtest

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// Catalog is one shipped catalog.
type Catalog struct {
	Name    string // "bundled", the preset's name, or "example-" + the example's directory
	Path    string // the catalog file, absolute
	Dir     string // the directory holding its committed outputs, absolute
	OpenAPI string // its committed OpenAPI document, absolute
	C       *catalog.Catalog
}

// Root is the module's root directory: tests run in their package's
// directory, and the shipped catalogs live at fixed places under the root.
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("catalogtest: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Path returns the absolute path of a slash-separated path under Root.
func Path(rel string) string { return filepath.Join(Root(), filepath.FromSlash(rel)) }

// All loads every shipped catalog, in a fixed order; it fails the test when
// one does not load.
func All(t testing.TB) []Catalog {
	t.Helper()
	list := []Catalog{{Name: "bundled", Path: Path("catalog.yaml"), Dir: Path("generated")}}
	presets, err := filepath.Glob(Path("testdata/presets/*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range presets {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		list = append(list, Catalog{Name: name, Path: p, Dir: filepath.Join(filepath.Dir(p), name)})
	}
	examples, err := filepath.Glob(Path("examples/*/catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range examples {
		dir := filepath.Dir(p)
		list = append(list, Catalog{Name: "example-" + filepath.Base(dir), Path: p, Dir: dir})
	}
	for i := range list {
		list[i].OpenAPI = filepath.Join(list[i].Dir, "openapi.yaml")
		c, err := catalog.Load(list[i].Path)
		if err != nil {
			t.Fatalf("%s: %v", list[i].Path, err)
		}
		list[i].C = c
	}
	return list
}
