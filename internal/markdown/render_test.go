package markdown

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// renderDir holds the Node project that renders pages as GitHub does:
// markdown-it, markdown-it-anchor and github-slugger, pinned by its
// package-lock.json (CI installs it with npm ci).
const renderDir = "testdata/render"

// TestRendererIDs renders the page of every catalog in the repository, in
// each of its languages and both layouts, with a real GitHub-style renderer, and checks that no id is
// repeated and that every in-page link lands on an id. It is skipped only
// where node is absent; without node_modules it runs npm ci first.
func TestRendererIDs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: runs Node")
	}
	node, err := exec.LookPath("node")
	if err != nil && os.Getenv("CI") != "" {
		t.Fatal("no node, and CI is set: a missing tool fails")
	}
	if err != nil {
		t.Skip("no node")
	}
	if _, err := os.Stat(filepath.Join(renderDir, "node_modules")); err != nil {
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = renderDir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", renderDir, err, out)
		}
	}
	catalogs := testCatalogs(t)
	examples, _ := filepath.Glob("../../examples/*/catalog.yaml")
	catalogs = append(catalogs, examples...)
	dir := t.TempDir()
	pages := map[string][]byte{}
	from := map[string]string{} // page file → catalog
	var files []string
	for i, path := range catalogs {
		c, err := catalog.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for j, lc := range readings(c) { // a page per language
			for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
				lc.Docs.Layout = layout
				page := mustGenerate(t, lc, nil)
				file := filepath.Join(dir, fmt.Sprintf("%02d-%d-%s.md", i, j, layout))
				if err := os.WriteFile(file, page, 0o644); err != nil {
					t.Fatal(err)
				}
				pages[file], from[file] = page, path
				files = append(files, file)
			}
		}
	}
	abs, err := filepath.Abs(filepath.Join(renderDir, "render.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{abs}, files...)...)
	cmd.Dir = renderDir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node render.mjs: %v", err)
	}
	links := regexp.MustCompile(`\]\(#([^)\s]+)\)`)
	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct {
			File string
			IDs  []string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		seen++
		ids := map[string]int{}
		for _, id := range r.IDs {
			if ids[id]++; ids[id] == 2 {
				t.Errorf("%s (%s): id %q appears more than once", filepath.Base(r.File), from[r.File], id)
			}
		}
		for _, m := range links.FindAllSubmatch(pages[r.File], -1) {
			if ids[string(m[1])] == 0 {
				t.Errorf("%s: link #%s lands on no id", filepath.Base(r.File), m[1])
			}
		}
	}
	if seen != len(files) {
		t.Errorf("node rendered %d pages of %d", seen, len(files))
	}
}
