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
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: fastYAML's tree differs from yaml.v3's:\n%s\ngot:  %s\nwant: %s", name, data, dump(got), dump(want))
	}
	return true
}

// dump prints a node tree field by field.
func dump(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "\n%s%d %q %q style=%d %d:%d anchor=%q comments=%q/%q/%q", strings.Repeat("  ", depth), n.Kind, n.Tag, n.Value, n.Style, n.Line, n.Column, n.Anchor, n.HeadComment, n.LineComment, n.FootComment)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// TestFastYAMLIsYAML: fastYAML reads the shipped catalogs, their
// translations and the generated ones into yaml.v3's trees, and gives up on
// what it does not read.
func TestFastYAMLIsYAML(t *testing.T) {
	files := map[string][]byte{
		"synthetic": catalogtest.Synthetic(200), "hostile": catalogtest.Hostile(), "scale": catalogtest.Scale(30), "decls": catalogtest.Decls(),
	}
	for _, glob := range []string{"catalog.yaml", "translations/*.yaml", "testdata/presets/*.yaml", "testdata/languages/*.yaml", "testdata/languages/translations/*.yaml", "examples/*/catalog.yaml", "examples/*/*.yaml", "examples/*/errors/*.yaml"} {
		paths, err := filepath.Glob(catalogtest.Path(glob))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files[p] = data
		}
	}
	read := 0
	for name, data := range files {
		if checkFastYAML(t, name, data) {
			read++
		}
	}
	if !checkFastYAML(t, "scale", catalogtest.Scale(30)) || !checkFastYAML(t, "synthetic", catalogtest.Synthetic(200)) {
		t.Error("fastYAML gave up on a generated catalog")
	}
	t.Logf("fastYAML read %d of %d files", read, len(files))
	for _, tc := range yamlCases {
		checkFastYAML(t, tc, []byte(tc))
	}
}

// yamlCases are small documents on the edges of what fastYAML reads.
var yamlCases = []string{
	"a: 1\n", "a: 1", "a: b\nc: d\n", "a:\n  b: c\n", "a:\n- x\n- y\nb: z\n", "a:\n  - x\n  - y\n",
	"a:\n  - b: 1\n    c: 2\n  - d: 3\n", "a: [x, y]\n", "a: {b: c, d: [e, f]}\n", "a: []\nb: {}\n",
	"a: 'it''s'\n", "a: \"q\\\"\\n\\t\"\n", "a: x y  \n", "a: -1\n", "a: 007\n", "a: 1.5\n", "a: true\nb: ~\nc: null\n",
	"a: yes\n", "a: b\n  c\n", "a: b # c\n", "# c\na: b\n", "a: b\n# c\n", "a: b:c\n", "a: b: c\n", "a:\n", "a:\nb: c\n",
	"- a\n- b\n", "a: http://x.example/#y\n", "a: {b: http://x}\n", "a: {b: c d, e: 'f'}\n", "a:\n  -\n    b: c\n",
	"a:\n  - - b\n", "a: [x,y]\n", "a: {b: c,}\n", "\n\na: b\n\n\n", "  a: b\n", "a:   b\n", "a: b\n  \nc: d\n",
	"a: [\n  b]\n", "a: \"x\ny\"\n", "a: '<<'\n", "<<: x\n", "a: 12345678901234567890\n", "a: 0\n", "a: -0\n",
	"a: 1_000\n", "a: 0x1f\n", "a: 2024-01-02\n", "a: .5\n", "a: +1\n", "a: True\nb: FALSE\n", "a: Null\n",
	"\"a\": b\n'c': d\n", "a: b\n---\nc: d\n", "---\na: b\n", "a: &x b\n", "a: !!str b\n", "a: |\n  b\n",
	"a:\n  b: c\n  d:\n    - e\n    - {f: g}\nh: i\n", "a: {b: [c, {d: e}]}\n", "a: b\n c: d\n", "a:\n  - b\n  c: d\n",
	"a: \"\\u00e9\"\n", "a: \"\\x41\"\n", "a: 'b' c\n", "a: [b, 'c', \"d\"]\n", "a b: c\n", "a : b\n",
}

// FuzzFastYAML holds fastYAML to yaml.v3 on any input.
func FuzzFastYAML(f *testing.F) {
	for _, tc := range yamlCases {
		f.Add([]byte(tc))
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

// BenchmarkFastYAML is the YAML parse of the scale and synthetic catalogs
// through fastYAML and through yaml.v3 (the plain path).
func BenchmarkFastYAML(b *testing.B) {
	for _, n := range stageSizes() {
		for name, data := range map[string][]byte{"scale": catalogtest.Scale(n), "synthetic": catalogtest.Synthetic(n)} {
			for way, parse := range map[string]func([]byte) bool{
				"fast":  func(d []byte) bool { _, ok := catalog.FastYAML(d); return ok },
				"plain": func(d []byte) bool { _, err := catalog.PlainYAML(d); return err == nil },
			} {
				b.Run(fmt.Sprintf("%s/n=%d/%s", name, n, way), func(b *testing.B) {
					b.SetBytes(int64(len(data)))
					for b.Loop() {
						if !parse(data) {
							b.Fatal("not read")
						}
					}
				})
			}
		}
	}
}
