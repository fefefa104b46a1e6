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
	"github.com/errgen/errgen/internal/openapi"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/bad")

// TestBadCatalogs loads each testdata/bad/*.txtar catalog, with the Go
// output's rules, and compares the problems reported with the archive's
// "want" file, line for line. An archive with files besides catalog.yaml
// and want (errors/billing.yaml …) is written to a folder and loaded from
// there, as a root catalog with the files it includes.
func TestBadCatalogs(t *testing.T) {
	dir, err := filepath.Abs("testdata/bad") // loadBad changes the working directory
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
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
			c, err := loadBad(t, ar, data)
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

// loadBad parses the archive's catalog.yaml, or, when the archive holds
// other files, writes them all to a folder and loads catalog.yaml there,
// so that messages name the files as the archive does.
func loadBad(t *testing.T, ar *txtar.Archive, data []byte) (*catalog.Catalog, error) {
	if len(ar.Files) == 2 {
		return catalog.Parse("catalog.yaml", data, golang.Rules, openapi.Rules)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return catalog.Load("catalog.yaml", golang.Rules, openapi.Rules)
}

// The problems docs/catalog.md shows under Validation are what errgen
// prints for testdata/bad/five_mistakes.txtar, word for word.
func TestDocsShowRealProblems(t *testing.T) {
	doc, err := os.ReadFile("../docs/catalog.md")
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile("testdata/bad/five_mistakes.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var want string
	for _, f := range ar.Files {
		if f.Name == "want" {
			want = string(f.Data)
		}
	}
	_, section, _ := strings.Cut(string(doc), "\n## Validation\n")
	_, block, _ := strings.Cut(section, "```text\n")
	block, _, _ = strings.Cut(block, "```")
	shown := 0
	for line := range strings.Lines(block) {
		if strings.HasPrefix(line, "catalog.yaml:") {
			shown++
			if !strings.Contains(want, line) {
				t.Errorf("docs/catalog.md shows %q, which five_mistakes.txtar's problems do not hold", strings.TrimSpace(line))
			}
		}
	}
	if shown == 0 {
		t.Error("docs/catalog.md's Validation section shows no problem")
	}
}
