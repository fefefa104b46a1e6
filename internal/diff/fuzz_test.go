package diff_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/diff"
	"github.com/errgen/errgen/internal/golang"
)

// FuzzDiff compares two fuzzed catalogs (each kept only when it loads):
// Compare never panics; a catalog compared with itself has no change;
// every change is of a kind the rules table classifies, breaking exactly
// when its rule says so, positioned in one of the two files, and a
// change of a code at a line (a catalog-wide one may be the file); and every
// output format writes it (JSON that reads back to the same changes).
// Seeds: the old and new catalogs of every testdata case.
func FuzzDiff(f *testing.F) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			f.Fatal(err)
		}
		files := map[string][]byte{}
		for _, file := range ar.Files {
			files[file.Name] = file.Data
		}
		f.Add(files["old.yaml"], files["new.yaml"])
	}
	rules := map[diff.ChangeKind]diff.Rule{}
	for _, r := range diff.Rules {
		rules[r.Kind] = r
	}
	f.Fuzz(func(t *testing.T, oldData, newData []byte) {
		before, err := catalog.Parse("old.yaml", oldData, golang.Rules)
		if err != nil {
			return
		}
		after, err := catalog.Parse("new.yaml", newData, golang.Rules)
		if err != nil {
			return
		}
		if same := diff.Compare(before, before); len(same) != 0 {
			t.Fatalf("a catalog compared with itself: %+v", same)
		}
		changes := diff.Compare(before, after)
		for _, c := range changes {
			r, ok := rules[c.Kind]
			if !ok {
				t.Fatalf("change of kind %q, which no rule classifies: %+v", c.Kind, c)
			}
			if c.Breaking != (len(r.Breaks) > 0) || c.Breaking != (len(c.Breaks) > 0) {
				t.Fatalf("change %+v: breaking %v, but its rule breaks %v", c, c.Breaking, r.Breaks)
			}
			if c.Pos.File != "old.yaml" && c.Pos.File != "new.yaml" {
				t.Fatalf("change %+v is in neither file", c)
			}
			if c.Code != "" && c.Pos.Line == 0 {
				t.Fatalf("change %+v of a code is at no line", c)
			}
		}
		for _, format := range []string{"text", "markdown", "json"} {
			var out bytes.Buffer
			if err := diff.Write(&out, format, changes); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if format != "json" {
				continue
			}
			var back []diff.Change
			if err := json.Unmarshal(out.Bytes(), &back); err != nil || len(back) != len(changes) {
				t.Fatalf("JSON output does not read back (%v): %s", err, out.Bytes())
			}
		}
	})
}
