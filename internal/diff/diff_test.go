package diff_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/diff"
	"github.com/errgen/errgen/internal/golang"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata")

// TestRules compares each testdata/*.txtar pair of catalogs (old.yaml,
// new.yaml, their translation files as old/translations/LANG.yaml and
// new/translations/LANG.yaml, and an optional allow file of CODE:KIND
// lines) and checks the
// text output and the exit code errgen diff would give against want, and
// the changes' positions against the optional pos file.
func TestRules(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txtar")
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
			files := map[string]string{}
			for _, f := range ar.Files {
				files[f.Name] = string(f.Data)
			}
			old, new := load(t, "old", files), load(t, "new", files)
			changes := diff.Compare(old, new)
			unused := diff.Allow(changes, strings.Fields(files["allow"]))
			var out bytes.Buffer
			if err := diff.Write(&out, "text", changes); err != nil {
				t.Fatal(err)
			}
			exit := 0
			if diff.Breaking(changes) > 0 {
				exit = 1
			}
			fmt.Fprintf(&out, "exit %d\n", exit)
			for _, u := range unused {
				fmt.Fprintf(&out, "unused allow %s\n", u)
			}
			got := out.String()
			if *update {
				for i := range ar.Files {
					switch ar.Files[i].Name {
					case "want":
						ar.Files[i].Data = []byte(got)
					case "pos":
						ar.Files[i].Data = []byte(positions(changes))
					}
				}
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != files["want"] {
				t.Errorf("got:\n%s\nwant:\n%s", got, files["want"])
			}
			if want, ok := files["pos"]; ok {
				if got := positions(changes); got != want {
					t.Errorf("positions:\n%s\nwant:\n%s", got, want)
				}
			}
		})
	}
}

// positions lists where each change is, one "KIND POS" a line, for the
// cases with a pos file: removals are in old.yaml, the rest in new.yaml.
func positions(changes []diff.Change) string {
	var b strings.Builder
	for _, c := range changes {
		fmt.Fprintf(&b, "%s %s\n", c.Kind, c.Pos)
	}
	return b.String()
}

// load loads side's catalog (old or new) with its translation files.
func load(t testing.TB, side string, files map[string]string) *catalog.Catalog {
	t.Helper()
	mem := catalog.MemFiles{side + ".yaml": []byte(files[side+".yaml"])}
	for name, data := range files {
		if rest, ok := strings.CutPrefix(name, side+"/"); ok {
			mem[rest] = []byte(data)
		}
	}
	if len(mem) == 1 {
		return parse(t, side+".yaml", files[side+".yaml"])
	}
	c, err := catalog.LoadFiles(mem, side+".yaml", golang.Rules)
	if err != nil {
		t.Fatalf("%s: %v", side, err)
	}
	return c
}

func parse(t testing.TB, name, data string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Parse(name, []byte(data), golang.Rules)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}
