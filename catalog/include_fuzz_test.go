package catalog_test

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// includeText is text with only the characters FuzzIncludeGlobs builds
// names and patterns of: a few letters (those of .yaml and .yml among
// them), the folder separator, glob characters and the comma between two.
func includeText(text string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("abyml/.*?[]!-,", r) {
			return r
		}
		return -1
	}, text)
}

// wantIncludes is what docs/catalog.md (Splitting a catalog) says a root
// including patterns reads of names, read on its own: each pattern's files
// in the include list's order, a glob's matches (path.Match, which no
// folder separator matches) sorted by bytes, a path itself; ok is false
// when a pattern matches no file (or names none), holds **, matches the root, or
// names a file another pattern (or itself, listed twice) named before.
func wantIncludes(patterns, names []string) (files []string, ok bool) {
	seen := map[string]bool{"catalog.yaml": true}
	ok = true
	for _, p := range patterns {
		var matched []string
		for _, name := range append(slices.Clone(names), "catalog.yaml") {
			if m, _ := path.Match(p, name); m {
				matched = append(matched, name)
			}
		}
		slices.Sort(matched)
		if len(matched) == 0 || strings.Contains(p, "**") { // ** is refused: it reads as *, not folders at any depth
			ok = false
		}
		for _, name := range matched {
			if seen[name] {
				ok = false
				continue
			}
			seen[name] = true
			files = append(files, name)
		}
	}
	return files, ok
}

// FuzzIncludeGlobs loads a root that includes patterns (with * ? and
// sets) from files of one error each, their names and the patterns of the
// characters includeText keeps, and holds the catalog's files, and whether it loads, to
// wantIncludes. Patterns and names that are not clean relative paths (an
// empty segment, a folder named as a file) are left out: their own rules
// are TestLoadIncludes'.
func FuzzIncludeGlobs(f *testing.F) {
	f.Add("a/*.yaml,b/?.yaml", "a/a.yaml,a/ab.yaml,b/a.yaml,b/ab.yaml")
	f.Add("*.yaml", "a.yaml,b.yml")
	f.Add("a/[ab].yaml,a/a.yaml", "a/a.yaml,a/b.yaml")
	f.Add("a/[!a]*.yaml,b.yaml,b.yaml", "a/b.yaml,a/ab.yaml,b.yaml")
	f.Add("a/[a-b].yaml,a/*.yml", "a/b.yaml,a/m.yml")
	f.Fuzz(func(t *testing.T, patternText, nameText string) {
		patterns := cleanPaths(strings.Split(includeText(patternText), ","))
		names := cleanPaths(strings.Split(includeText(nameText), ","))
		if len(patterns) == 0 || hasFolderFile(names) {
			return
		}
		files := catalog.MemFiles{}
		root := "version: 1\napi: A\nformat: flat\ninclude:\n"
		for _, p := range patterns {
			root += fmt.Sprintf("  - %q\n", p)
		}
		files["catalog.yaml"] = []byte(root + "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
		for i, name := range names {
			files[name] = fmt.Appendf(nil, "errors:\n  - {code: E%d, status: 400}\n", i)
		}
		want, ok := wantIncludes(patterns, names)
		c, err := catalog.LoadFiles(files, "catalog.yaml")
		if (err == nil) != ok {
			t.Fatalf("patterns %q, files %q: %v; want it to load: %v", patterns, names, err, ok)
		}
		if err == nil && !slices.Equal(c.Files[1:], want) {
			t.Fatalf("patterns %q, files %q: read %q, want %q", patterns, names, c.Files[1:], want)
		}
	})
}

// cleanPaths are the paths of list, not empty, that path.Clean leaves as
// they are and that stay inside the folder, once each.
func cleanPaths(list []string) []string {
	var out []string
	for _, p := range list {
		up := p == "." || p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/")
		if p != "" && path.Clean(p) == p && !up && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// hasFolderFile reports whether a name of names is a folder of another
// (a and a/b.yaml), which a disk cannot hold.
func hasFolderFile(names []string) bool {
	for _, a := range names {
		for _, b := range names {
			if strings.HasPrefix(b, a+"/") {
				return true
			}
		}
	}
	return false
}
