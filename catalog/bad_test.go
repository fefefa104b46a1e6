package catalog_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/golang"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/bad")

// TestBadCatalogs loads each testdata/bad/*.txtar catalog, with the Go
// output's rules, and compares the problems reported with the archive's
// "want" file, line for line.
func TestBadCatalogs(t *testing.T) {
	paths, err := filepath.Glob("testdata/bad/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no test cases")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{}
			for _, f := range ar.Files {
				files[f.Name] = f.Data
			}
			data, ok := files["catalog.yaml"]
			want, ok2 := files["want"]
			if !ok || !ok2 {
				t.Fatalf("%s needs a catalog.yaml and a want file", path)
			}
			c, err := catalog.Parse("catalog.yaml", data, golang.Rules)
			if err == nil {
				t.Fatalf("Parse accepted the catalog: %d errors", len(c.Errors))
			}
			var probs *diag.List
			if !errors.As(err, &probs) {
				t.Fatalf("error %T is not *diag.List: %v", err, err)
			}
			if c != nil {
				t.Error("Parse returned a catalog along with problems")
			}
			got := strings.TrimSpace(err.Error())
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == "want" {
						ar.Files[i].Data = []byte(got + "\n")
					}
				}
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != strings.TrimSpace(string(want)) {
				t.Errorf("problems:\n%s\n\nwant:\n%s", got, strings.TrimSpace(string(want)))
			}
		})
	}
}
