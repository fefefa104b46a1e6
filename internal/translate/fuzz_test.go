package translate

import (
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
)

// FuzzUpdate feeds any translation file of testdata/translated's catalog
// that loads to Update: it fails cleanly or writes a file that loads, that
// a second run leaves as it is, that holds no obsolete entry, and that
// holds every byte of the input but the reviewed marks it records, the
// obsolete entries it takes out and the source hashes it replaces (an
// entry translating nothing gets today's).
func FuzzUpdate(f *testing.F) {
	root, err := os.ReadFile("../../catalog/testdata/translated/catalog.yaml")
	if err != nil {
		f.Fatal(err)
	}
	seeds, _ := filepath.Glob("../../catalog/testdata/translated/translations/*.yaml")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("language: de\nerrors: {NOT_FOUND: {reviewed: true, title: x}}\n"))
	f.Add([]byte("language: de\nreviewed: true # a\nerrors:\n  NOT_FOUND:\n    reviewed: true   # b\n    title: x\n  CONFLICT: {reviewed: true,  # c\n    title: y}\n"))
	f.Add([]byte("# c\nlanguage: de # d\nerrors:\n  CONFLICT:\n    title: X # y\n\n  NOT_FOUND: {}\n"))
	// a source hash written as a block scalar, over two lines
	f.Add([]byte("language: de\nerrors:\n  NOT_FOUND:\n    source: |- # h\n      00000000\n    reviewed: true\n    title: x\n"))
	// obsolete entries: a code, a detail, an enum value, all of a mapping
	f.Add([]byte("language: de\nerrors:\n  GONE:\n    title: x # y\n  NOT_FOUND:\n    details:\n      idd: {description: \"\"}\n"))
	f.Add([]byte("language: de\ncategories: {Old: \"\"}\nerrors: {GONE: {}, NOT_FOUND: {title: x, details: {resource: {enum: {none: ''}}}}}\n"))
	load := func(de []byte) *catalog.Catalog {
		c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": root, "translations/de.yaml": de}, "catalog.yaml")
		if err != nil {
			return nil
		}
		return c
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := load(data)
		if c == nil {
			return
		}
		res, err := Update(c, "de", data, Options{})
		if err != nil {
			return
		}
		again := load(res.File)
		if again == nil {
			t.Fatalf("the result does not load:\n%s", res.File)
		}
		res2, err := Update(again, "de", res.File, Options{})
		if err != nil || !bytes.Equal(res2.File, res.File) {
			t.Fatalf("a second run changes the file (%v):\n%s\nto:\n%s", err, res.File, res2.File)
		}
		if n := len(again.Translations["de"].Obsolete); n > 0 {
			t.Fatalf("%d obsolete entries are left:\n%s", n, res.File)
		}
		if res.Reviewed == 0 && len(res.Removed) == 0 && !subsequence(withoutReplacedHashes(data, res.File), string(res.File)) {
			t.Fatalf("the input's bytes are not all kept:\n%s\nbecame:\n%s", data, res.File)
		}
	})
}

// withoutReplacedHashes is the input without the source hashes that are
// not the output's: Update gives an entry that translates nothing today's
// hash, in place of the old one. Each is cut at its first occurrence from
// its line on.
func withoutReplacedHashes(in, out []byte) string {
	text := string(in)
	kept := map[string]bool{}
	for _, v := range sourceValues(out) {
		kept[v.Value] = true
	}
	values := sourceValues(in)
	for i := len(values) - 1; i >= 0; i-- { // from the end, so that earlier offsets hold
		v := values[i]
		if v.Value == "" || kept[v.Value] {
			continue
		}
		from := 0
		for line := 1; line < v.Line && from < len(text); line++ {
			if nl := strings.IndexByte(text[from:], '\n'); nl >= 0 {
				from += nl + 1
			} else {
				from = len(text)
			}
		}
		if at := strings.Index(text[from:], v.Value); at >= 0 {
			text = text[:from+at] + text[from+at+len(v.Value):]
		}
	}
	return text
}

// sourceValues are the scalar values of the source keys of a YAML text.
func sourceValues(text []byte) []*yaml.Node {
	var doc yaml.Node
	if yaml.Unmarshal(text, &doc) != nil {
		return nil
	}
	var values []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; n.Content[i].Value == "source" && v.Kind == yaml.ScalarNode {
				values = append(values, v)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	slices.SortFunc(values, func(a, b *yaml.Node) int { return cmp.Or(a.Line-b.Line, a.Column-b.Column) })
	return values
}
