package errgen

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenCases are the catalogs whose outputs are committed: the bundled one
// in generated/, each preset's beside its catalog.
var goldenCases = []struct {
	catalog string
	dir     string
}{
	{"catalog.yaml", "generated"},
	{"testdata/presets/problem.yaml", "testdata/presets/problem"},
	{"testdata/presets/flat.yaml", "testdata/presets/flat"},
	{"testdata/presets/jsonapi.yaml", "testdata/presets/jsonapi"},
	{"testdata/presets/nested.yaml", "testdata/presets/nested"},
	{"testdata/presets/oauth2.yaml", "testdata/presets/oauth2"},
	{"testdata/presets/custom.yaml", "testdata/presets/custom"},
	{"testdata/languages/catalog.yaml", "testdata/languages"},
	{"examples/onestack/catalog.yaml", "examples/onestack"},
	{"examples/scopestack/catalog.yaml", "examples/scopestack"},
	{"examples/generic/catalog.yaml", "examples/generic"},
	{"examples/stackone/catalog.yaml", "examples/stackone"},
}

// TestGolden compares every output with its committed golden, byte for
// byte, in both directions: a missing, changed or extra file fails.
// go test -run Golden . -update rewrites them.
func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.catalog, func(t *testing.T) {
			c, err := catalog.Load(tc.catalog, Check)
			if err != nil {
				t.Fatal(err)
			}
			files, err := Generate(c, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for _, f := range c.Files[1:] { // the files the catalog includes are its own
				want[f] = true
			}
			for _, tr := range c.Translations { // and its translation files
				want[tr.File] = true
			}
			for _, tf := range c.Docs.TemplateFiles { // and its templates
				want[tf.Path] = true
			}
			for _, f := range files {
				path := filepath.Join(tc.dir, filepath.FromSlash(f.Path))
				want[path] = true
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				golden, err := os.ReadFile(path)
				if err != nil {
					t.Errorf("%s: %v (run go test -run Golden . -update)", path, err)
					continue
				}
				if !bytes.Equal(golden, f.Data) {
					t.Errorf("%s is stale (run go test -run Golden . -update):\n%s", path,
						udiff.Unified(path, "generated", string(golden), string(f.Data)))
				}
			}
			var extra []string
			err = filepath.WalkDir(tc.dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if d.IsDir() && d.Name() == "testdata" {
					return filepath.SkipDir // tests' own inputs, such as fuzz corpora
				}
				if !d.IsDir() && !want[path] && path != filepath.Clean(tc.catalog) && !strings.HasSuffix(path, "_test.go") {
					extra = append(extra, path)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			sort.Strings(extra)
			for _, path := range extra {
				if *update {
					if err := os.Remove(path); err != nil {
						t.Fatal(err)
					}
					continue
				}
				t.Errorf("%s is not generated from %s: remove it or run -update", path, tc.catalog)
			}
		})
	}
}

// TestDeterministic generates twice from two separate loads and compares.
func TestDeterministic(t *testing.T) {
	for _, tc := range goldenCases {
		var outs [2][]File
		for i := range outs {
			c, err := catalog.Load(tc.catalog, Check)
			if err != nil {
				t.Fatal(err)
			}
			if outs[i], err = Generate(c, Options{}); err != nil {
				t.Fatal(err)
			}
		}
		for i := range outs[0] {
			if !bytes.Equal(outs[0][i].Data, outs[1][i].Data) {
				t.Errorf("%s: %s differs between two runs", tc.catalog, outs[0][i].Path)
			}
		}
	}
}

// TestHeader checks that every output starts with errgen's marker, before
// the package clause in Go.
func TestHeader(t *testing.T) {
	c, err := catalog.Load("catalog.yaml", Check)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Generate(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	prefixes := map[Output]string{
		OutputGo:       "// " + Header + "\n",
		OutputOpenAPI:  "# " + Header + "\n",
		OutputMarkdown: "<!-- " + Header + " -->\n",
	}
	for _, f := range files {
		if !bytes.HasPrefix(f.Data, []byte(prefixes[f.Output])) {
			t.Errorf("%s does not start with %q", f.Path, prefixes[f.Output])
		}
	}
}

// Generate applies Check to a catalog loaded without it, and fails with
// the same problems catalog.Load reports when given Check.
func TestGenerateChecks(t *testing.T) {
	data := []byte("version: 1\napi: A\nformat: flat\nerrors:\n  - code: BAD\n    status: 400\n    details:\n      - {name: len, type: integer, required: true}\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	c, err := catalog.Parse("catalog.yaml", data)
	if err != nil {
		t.Fatalf("without Check: %v", err)
	}
	_, genErr := Generate(c, Options{})
	var probs *diag.List
	if !errors.As(genErr, &probs) {
		t.Fatalf("Generate = %v, want *diag.List", genErr)
	}
	_, loadErr := catalog.Parse("catalog.yaml", data, Check)
	if loadErr == nil || genErr.Error() != loadErr.Error() {
		t.Errorf("Generate: %v\nParse with Check: %v", genErr, loadErr)
	}
}
