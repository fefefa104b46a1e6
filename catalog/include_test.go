package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/diag"
)

// writeTree writes files (slash-separated names) under a new folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const splitRoot = "version: 1\napi: Split\ninclude: [errors/*.yaml]\n"

var splitFiles = map[string]string{
	"catalog.yaml":     splitRoot,
	"errors/b.yaml":    "category: B\nerrors:\n  - {code: B_ONE, status: 400}\n  - {code: B_TWO, status: 409, category: Other}\n",
	"errors/a.yaml":    "errors:\n  - {code: INTERNAL_ERROR, status: 500, fallback: true}\n",
	"errors/c/d.yaml":  "errors:\n  - {code: NOT_INCLUDED, status: 400}\n", // * stays in its segment
	"errors/notes.txt": "not matched",
}

// Errors keep include order, each glob's matches sorted by path; a file's
// category is its errors' default; positions name their own file.
func TestLoadIncludes(t *testing.T) {
	dir := writeTree(t, splitFiles)
	c, err := Load(filepath.Join(dir, "catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range c.Errors {
		got = append(got, e.Code+"/"+e.Category+"/"+filepath.Base(e.Pos.File))
	}
	if want := "INTERNAL_ERROR//a.yaml B_ONE/B/b.yaml B_TWO/Other/b.yaml"; strings.Join(got, " ") != want {
		t.Errorf("errors = %s, want %s", strings.Join(got, " "), want)
	}
	if len(c.Files) != 3 || c.Files[0] != filepath.Join(dir, "catalog.yaml") || c.Files[2] != filepath.Join(dir, "errors", "b.yaml") {
		t.Errorf("files = %q", c.Files)
	}
}

// The root's folder is the one of the root with its links resolved; a
// symbolic link is followed inside that folder's tree only.
func TestLoadIncludeSymlinks(t *testing.T) {
	outside := writeTree(t, map[string]string{"errors.yaml": "errors:\n  - {code: OUTSIDE, status: 400}\n"})
	dir := writeTree(t, map[string]string{
		"real/catalog.yaml":   "version: 1\napi: Split\ninclude: [errors/*.yaml]\n",
		"real/errors/a.yaml":  "errors:\n  - {code: INTERNAL_ERROR, status: 500, fallback: true}\n",
		"real/shared/b.yaml":  "errors:\n  - {code: SHARED, status: 400}\n",
		"elsewhere/README.md": "",
	})
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	link("../shared/b.yaml", "real/errors/b.yaml")                         // inside the tree: followed
	link(filepath.Join(dir, "real", "catalog.yaml"), "elsewhere/cat.yaml") // the root through a link: includes from real/
	c, err := Load(filepath.Join(dir, "elsewhere", "cat.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Errors) != 2 || c.Errors[1].Code != "SHARED" {
		t.Fatalf("errors = %v", c.Errors)
	}
	// A link and its target are one file: included twice, an error.
	twice := filepath.Join(dir, "real", "twice.yaml")
	if err := os.WriteFile(twice, []byte("version: 1\napi: Split\ninclude: [errors/*.yaml, shared/b.yaml]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(twice); err == nil || !strings.Contains(err.Error(), `twice.yaml:3:26: include "shared/b.yaml" names shared/b.yaml, which include "errors/*.yaml" names too: include each file once`) {
		t.Errorf("Load = %v, want a link and its target refused as one file twice", err)
	}
	// So are a link and its target that one glob matches, which the
	// problem once called the pattern listed twice.
	link("a.yaml", "real/errors/a2.yaml")
	if _, err := Load(filepath.Join(dir, "real", "catalog.yaml")); err == nil || !strings.Contains(err.Error(), `catalog.yaml:3:11: include "errors/*.yaml" names errors/a.yaml and errors/a2.yaml, one file (a symbolic link and its target): include each file once`) {
		t.Errorf("Load = %v, want a link and its target in one glob refused as one file twice", err)
	}
	if err := os.Remove(filepath.Join(dir, "real", "errors", "a2.yaml")); err != nil {
		t.Fatal(err)
	}
	link(filepath.Join(outside, "errors.yaml"), "real/errors/c.yaml") // out of the tree: refused
	_, err = Load(filepath.Join(dir, "real", "catalog.yaml"))
	var probs *diag.List
	if !errors.As(err, &probs) || len(probs.Items) != 1 ||
		!strings.Contains(err.Error(), `catalog.yaml:3:11: include "errors/*.yaml": `) ||
		!strings.Contains(err.Error(), "c.yaml is a symbolic link to "+filepath.Join(outside, "errors.yaml")+", outside the root catalog's folder") {
		t.Fatalf("Load = %v, want the link out of the tree refused", err)
	}
}

// The size limit is the merged catalog's: files that each fit but
// together do not are refused.
func TestLoadIncludeSizeLimit(t *testing.T) {
	big := "errors:\n  - code: A\n    status: 400\n    description: " + strings.Repeat("x", MaxSize/2) + "\n"
	dir := writeTree(t, map[string]string{
		"catalog.yaml":  "version: 1\napi: Big\ninclude: [a.yaml, b.yaml, c.yaml]\n",
		"a.yaml":        big,
		"b.yaml":        strings.Replace(big, "code: A", "code: B", 1),
		"c.yaml":        big,
		"elsewhere.txt": "",
	})
	_, err := Load(filepath.Join(dir, "catalog.yaml"))
	if err == nil || !strings.Contains(err.Error(), `catalog.yaml:3:19: include "b.yaml": the catalog is larger than 16 MiB with the files it includes (catalog.MaxSize): trim long texts, or split the API's errors into several catalogs`) {
		t.Fatalf("Load = %v, want the merged size refused", err)
	}
}

// A catalog given as bytes cannot include, and says only that: the hint
// that paths are relative to the catalog's folder is for files on a disk.
func TestParseRefusesIncludes(t *testing.T) {
	for _, root := range []string{splitRoot, "version: 1\napi: A\ninclude: [errors/core.yaml]\n"} {
		_, err := Parse("catalog.yaml", []byte(root))
		if err == nil || !strings.HasSuffix(err.Error(), "cannot include files: load it from its folder") || strings.Contains(err.Error(), "relative to") {
			t.Errorf("Parse = %v", err)
		}
	}
}

// A glob of .yaml files warns of each file it would match but for its
// name ending in .yml (errors/billing.yml beside errors/*.yaml): a file of
// errors left out without a word. A glob of other files, or a path, does
// not; the .yml file is not read.
func TestLoadIncludeLeavesOutYML(t *testing.T) {
	base := MemFiles{
		"errors/a.yaml":       []byte("errors:\n  - {code: INTERNAL_ERROR, status: 500, fallback: true}\n"),
		"errors/billing.yml":  []byte("errors:\n  - {code: CARD_DECLINED, status: 402}\n"),
		"errors/c/search.yml": []byte("errors:\n  - {code: NO_HITS, status: 404}\n"),
		"errors/c/other.yaml": []byte("errors:\n  - {code: OTHER, status: 400}\n"),
	}
	tests := []struct {
		include string
		want    []string
	}{
		{"[errors/*.yaml]", []string{`catalog.yaml:3:11: warning: include "errors/*.yaml" leaves out errors/billing.yml, whose name ends in .yml: rename it billing.yaml, or include it as well`}},
		{"[errors/a.yaml, errors/*/*.yaml]", []string{`catalog.yaml:3:26: warning: include "errors/*/*.yaml" leaves out errors/c/search.yml, whose name ends in .yml: rename it search.yaml, or include it as well`}},
		{"[errors/a.yaml]", nil},
		{"[errors/*.yaml, errors/billing.yml]", []string{`catalog.yaml:3:11: warning: include "errors/*.yaml" leaves out errors/billing.yml, whose name ends in .yml: rename it billing.yaml, or include it as well`}},
		{"['errors/*.y*ml']", nil},
	}
	for _, tt := range tests {
		t.Run(tt.include, func(t *testing.T) {
			files := MemFiles{"catalog.yaml": []byte("version: 1\napi: Split\ninclude: " + tt.include + "\n")}
			for name, data := range base {
				files[name] = data
			}
			c, err := LoadFiles(files, "catalog.yaml")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range c.Warnings.Items {
				got = append(got, w.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
