package errgen

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// goldenPages are the committed docs pages: one per golden case.
func goldenPages(t *testing.T) []string {
	t.Helper()
	var pages []string
	for _, tc := range goldenCases {
		pages = append(pages, filepath.Join(tc.dir, "errors.md"))
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

// TestPagesMarkdownlint runs markdownlint-cli2 itself, with its default
// configuration, on a copy of every committed page in an empty directory
// (so that no configuration file of the repository's applies), when npx
// has it cached: --offline never reaches the network, and the test is
// skipped where the package is not installed.
func TestPagesMarkdownlint(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: runs Node")
	}
	npx, err := exec.LookPath("npx")
	if err != nil {
		t.Skip("no npx")
	}
	probeDir, dir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(probeDir, "probe.md"), []byte("# Probe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	probe := exec.Command(npx, "--yes", "--offline", "markdownlint-cli2", "probe.md")
	probe.Dir = probeDir
	if out, err := probe.CombinedOutput(); err != nil {
		t.Skipf("markdownlint-cli2 is not in the npx cache: %v\n%s", err, out)
	}
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
	cmd := exec.Command(npx, append([]string{"--yes", "--offline", "markdownlint-cli2"}, names...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("markdownlint-cli2 with its default configuration: %v\n%s", err, out)
	}
}
