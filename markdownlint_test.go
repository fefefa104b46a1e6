package errgen

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/markdown/markdowntest"
	"github.com/errgen/errgen/internal/nodetools"
)

// goldenPages are the committed docs pages: one per golden case, and
// one per language of a catalog with languages.
func goldenPages(t *testing.T) []string {
	t.Helper()
	var pages []string
	for _, tc := range goldenCases {
		pages = append(pages, filepath.Join(tc.dir, "errors.md"))
		c := mustLoadCatalog(t, tc.catalog)
		for _, lang := range c.Languages {
			pages = append(pages, filepath.Join(tc.dir, PagePath("errors.md", lang)))
		}
	}
	return pages
}

// TestPagesLint checks every committed page against the markdownlint rules
// a page is prone to break (markdowntest.CheckLint), offline and without
// Node, so CI needs neither.
func TestPagesLint(t *testing.T) {
	for _, path := range goldenPages(t) {
		t.Run(path, func(t *testing.T) {
			page, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			markdowntest.CheckLint(t, page)
		})
	}
}

// TestPagesMarkdownlint runs markdownlint-cli2 itself, pinned in
// .ci/npm, with its default configuration, on a copy of every committed
// page in an empty directory (so that no configuration file of the
// repository's applies).
func TestPagesMarkdownlint(t *testing.T) {
	lint := nodetools.Bin(t, "markdownlint-cli2")
	dir := t.TempDir()
	var names []string
	for i, path := range goldenPages(t) {
		page, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(filepath.Dir(path)) + "-" + string(rune('a'+i)) + ".md"
		if err := os.WriteFile(filepath.Join(dir, name), page, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	cmd := exec.Command(lint, names...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("markdownlint-cli2 with its default configuration: %v\n%s", err, out)
	}
}
