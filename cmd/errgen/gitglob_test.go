package main

import (
	"fmt"
	pathpkg "path"
	"slices"
	"testing"
)

// An include glob at the base is matched against the files of its own
// folder only, when the folder is written out: 1,000 patterns over a tree
// of a million files matched each pattern against every file. The names
// found are those matching against the whole listing finds, in its order.
func TestGitGlobMatchesItsFolder(t *testing.T) {
	g := &gitFiles{listed: true, byFolder: map[string][]string{}}
	names := []string{"errors/a.yaml", "errors/b.yml", "errors/sub/c.yaml", "top.yaml"}
	for i := range 10_000 {
		names = append(names, fmt.Sprintf("other/f%05d.yaml", i))
	}
	for _, name := range names {
		g.listing = append(g.listing, name)
		g.byFolder[pathpkg.Dir(name)] = append(g.byFolder[pathpkg.Dir(name)], name)
	}
	tests := []struct {
		pattern    string
		want       []string
		candidates int // names the pattern is matched against
	}{
		{"errors/*.yaml", []string{"errors/a.yaml"}, 2},
		{"errors/*", []string{"errors/a.yaml", "errors/b.yml"}, 2},
		{"*.yaml", []string{"top.yaml"}, 1},
		{"errors/sub/c.yaml", []string{"errors/sub/c.yaml"}, 1},
		{"./errors/*.yaml", nil, 2}, // no name starts with ./
		{"errors/*/*.yaml", []string{"errors/sub/c.yaml"}, len(names)},
		{"missing/*.yaml", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			got, err := g.Glob(tt.pattern)
			if err != nil {
				t.Fatal(err)
			}
			var oracle []string
			for _, name := range names {
				if ok, _ := pathpkg.Match(tt.pattern, name); ok {
					oracle = append(oracle, name)
				}
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(got, oracle) {
				t.Errorf("Glob = %q, want %q (matching every name: %q)", got, tt.want, oracle)
			}
			if n := len(g.candidates(tt.pattern)); n != tt.candidates {
				t.Errorf("matched against %d names, want %d", n, tt.candidates)
			}
		})
	}
	if _, err := g.Glob("errors/["); err == nil || err.Error() != "syntax error in pattern" {
		t.Errorf("a bad pattern: err = %v", err)
	}
}
