package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An include through a folder that is a symbolic link (errors -> shared)
// reads at the base as on disk: git's tree holds the link, not the files
// under it, so the glob matched no file, and the base, unchanged, was
// called invalid (exit 1).
func TestDiffBaseIncludeThroughFolderLink(t *testing.T) {
	tests := []struct {
		name, include, link, target string
		want                        string // in stderr; "" for exit 0
	}{
		{name: "glob", include: "errors/*.yaml", link: "errors", target: "shared"},
		{name: "file", include: "errors/a.yaml", link: "errors", target: "shared"},
		{name: "target with ..", include: "errors/v1/*.yaml", link: "errors", target: "shared/../more"},
		{name: "chain", include: "errors/*.yaml", link: "errors", target: "hop"},
		{name: "outside", include: "api/errors/*.yaml", link: "api/errors", target: "../../elsewhere",
			want: "is a symbolic link to ../../elsewhere, outside the root catalog's folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newGitRepo(t)
			root := "catalog.yaml"
			if strings.HasPrefix(tt.include, "api/") {
				root = "api/catalog.yaml"
				tt.include = strings.TrimPrefix(tt.include, "api/")
			}
			r.write(root, "version: 1\napi: Shop API\ninclude: ["+tt.include+"]\n")
			for _, folder := range []string{"shared", "more/v1", "elsewhere"} {
				r.write(folder+"/a.yaml", "errors:\n  - {code: GONE, status: 410}\n  - {code: INTERNAL, status: 500, fallback: true}\n")
			}
			link := filepath.Join(r.dir, filepath.FromSlash(tt.link))
			if err := os.Symlink(tt.target, link); err != nil {
				t.Fatal(err)
			}
			if tt.name == "chain" {
				if err := os.Symlink("shared", filepath.Join(r.dir, "hop")); err != nil {
					t.Fatal(err)
				}
			}
			r.commit("base")
			if tt.want != "" { // the working tree's catalog, valid, includes nothing
				r.write(root, oldCatalog)
			}
			code, stdout, stderr := r.diffBase("HEAD", root)
			if tt.want != "" {
				if code != exitFailure || !strings.Contains(stderr, tt.want) {
					t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, tt.want)
				}
				return
			}
			if code != exitOK || stdout != "no changes\n" {
				t.Errorf("unchanged: exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
		})
	}
}
