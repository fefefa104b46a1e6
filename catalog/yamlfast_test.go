package catalog_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// checkFastYAML fails when fastYAML reads data into a tree other than
// yaml.v3's, or reads what yaml.v3 refuses; it reports whether fastYAML
// read data.
func checkFastYAML(t *testing.T, name string, data []byte) bool {
	t.Helper()
	got, ok := catalog.FastYAML(data)
	if !ok {
		return false
	}
	want, err := catalog.PlainYAML(data)
	if err != nil {
		t.Fatalf("%s: fastYAML read what yaml.v3 refuses (%v):\n%s", name, err, data)
	}
	dropComments(want)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: fastYAML's tree differs from yaml.v3's:\n%s\ngot:  %s\nwant: %s", name, data, dump(got), dump(want))
	}
	return true
}

// dropComments clears the comments of yaml.v3's tree, which fastYAML
// leaves out: no reader of a catalog's tree reads them (yamlfast.go).
// Every other field is compared.
func dropComments(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	for _, c := range n.Content {
		dropComments(c)
	}
}

// dump prints a node tree field by field.
func dump(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "\n%s%d %q %q style=%d %d:%d anchor=%q", strings.Repeat("  ", depth), n.Kind, n.Tag, n.Value, n.Style, n.Line, n.Column, n.Anchor)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// realCatalogs are the YAML files errgen's loader reads in the repository
// (catalogs, the files they include, translations), by path under the
// root: fastYAML must read every one.
var realCatalogs = []string{
	"catalog.yaml", "translations/*.yaml",
	"examples/*/catalog.yaml", "examples/*/errors/*.yaml",
	"testdata/presets/*.yaml", "testdata/languages/catalog.yaml", "testdata/languages/translations/*.yaml",
	"catalog/testdata/translated/catalog.yaml", "catalog/testdata/translated/translations/*.yaml",
	"internal/golang/testdata/standin.yaml", "internal/golang/testdata/translations/*.yaml",
	"internal/interop/testdata/newcode/catalog.yaml", "internal/augment/testdata/rerun/catalog-*.yaml",
}

// readGlobs reads the files of globs under the root, by path.
func readGlobs(t testing.TB, globs ...string) map[string][]byte {
	files := map[string][]byte{}
	for _, glob := range globs {
		paths, err := filepath.Glob(catalogtest.Path(glob))
		if err != nil || len(paths) == 0 {
			t.Fatalf("%s: no file (%v)", glob, err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files[p] = data
		}
	}
	return files
}

// generated are the catalogs internal/catalogtest writes.
func generated() map[string][]byte {
	return map[string][]byte{
		"scale": catalogtest.Scale(300), "synthetic": catalogtest.Synthetic(200),
		"hostile": catalogtest.Hostile(), "decls": catalogtest.Decls(),
	}
}

// TestFastYAMLIsYAML: fastYAML reads every catalog, included file and
// translation of the repository and the generated catalogs into yaml.v3's
// trees.
func TestFastYAMLIsYAML(t *testing.T) {
	files := readGlobs(t, realCatalogs...)
	for name, data := range generated() {
		files[name] = data
	}
	for name, data := range files {
		if !checkFastYAML(t, name, data) {
			_, at := catalog.FastYAMLAt(data)
			t.Errorf("%s: fastYAML gave up at offset %d: %.60q", name, at, data[at:])
		}
	}
	t.Logf("fastYAML read all %d files", len(files))
}

// TestFastYAMLTxtar holds fastYAML to yaml.v3 on the YAML files of the
// txtar test cases: broken catalogs mostly, so many it does not read.
func TestFastYAMLTxtar(t *testing.T) {
	read, all := 0, 0
	for _, glob := range []string{"catalog/testdata/bad/*.txtar", "internal/diff/testdata/*.txtar"} {
		for path, data := range readGlobs(t, glob) {
			for _, f := range txtar.Parse(data).Files {
				if strings.HasSuffix(f.Name, ".yaml") {
					all++
					if checkFastYAML(t, path+":"+f.Name, f.Data) {
						read++
					}
				}
			}
		}
	}
	t.Logf("fastYAML read %d of %d YAML files of txtar cases", read, all)
}

// TestFastYAMLCases holds fastYAML to yaml.v3 on small documents on the
// edges of what it reads.
func TestFastYAMLCases(t *testing.T) {
	read := 0
	for _, tc := range yamlCases {
		if checkFastYAML(t, tc, []byte(tc)) {
			read++
		}
	}
	t.Logf("fastYAML read %d of %d cases", read, len(yamlCases))
}

// FuzzFastYAML holds fastYAML to yaml.v3 on any input.
func FuzzFastYAML(f *testing.F) {
	for _, tc := range yamlCases {
		f.Add([]byte(tc))
	}
	for _, data := range readGlobs(f, "catalog.yaml", "translations/de.yaml", "testdata/presets/oauth2.yaml", "examples/stackone/errors/access.yaml") {
		f.Add(data)
	}
	f.Add(catalogtest.Scale(3))
	f.Add(catalogtest.Synthetic(5))
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan bool)
		go func() {
			_, ok := catalog.FastYAML(data)
			done <- ok
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("hang: %q", data)
		}
		checkFastYAML(t, "fuzz", data)
	})
}
