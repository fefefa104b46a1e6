package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFrontMatterRerun: a page whose templates open it with front matter has
// errgen's header below it, not on its first line; the next run still knows
// the page for errgen's, rewrites it and checks it.
func TestFrontMatterRerun(t *testing.T) {
	dir := workdir(t)
	page := append([]byte("---\ntitle: Errors\nweight: 40\n---\n\n"), mustRead(t, "../../templates/page.tmpl")...)
	if err := os.MkdirAll(filepath.Join(dir, "tpl"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tpl", "page.tmpl"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{nil, nil, {"--check"}} {
		if code, stdout, stderr := runIn(t, dir, append(args, "--templates", "tpl")...); code != exitOK {
			t.Fatalf("errgen %v: exit %d: %s%s", args, code, stdout, stderr)
		}
	}
	written := string(mustRead(t, filepath.Join(dir, "generated", "errors.md")))
	if want := "---\ntitle: Errors\nweight: 40\n---\n<!-- Code generated"; !strings.HasPrefix(written, want) {
		t.Errorf("the page starts %q, want %q", written[:min(len(written), 80)], want)
	}
}
