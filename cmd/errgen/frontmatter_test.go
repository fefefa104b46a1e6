package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFrontMatterRerun: a page whose templates open it with front matter has
// errgen's header below it, not on its first line; the next run still knows
// the page for errgen's, rewrites it and checks it, and knows the page of a
// language taken out for an orphan: however long the front matter (the
// header was looked for in a file's first 4 KB), in TOML too, and with the
// page checked out with CRLF line endings.
func TestFrontMatterRerun(t *testing.T) {
	var long, near strings.Builder
	for n := range 100 {
		fmt.Fprintf(&long, "param%d: a value that makes the front matter longer than 4 KB\n", n)
	}
	for n := range 62 { // closed in the first 4 KB, the languages line past them
		fmt.Fprintf(&near, "param%d: a value that makes the front matter nearly 4 KB long\n", n)
	}
	tests := []struct {
		name, front string
		crlf        bool
	}{
		{"yaml", "---\ntitle: Errors\nweight: 40\n---\n", false},
		{"toml", "+++\ntitle = \"Errors\"\n+++\n", false},
		{"over 4 KB", "---\ntitle: Errors\n" + long.String() + "---\n", false},
		{"nearly 4 KB", "---\ntitle: Errors\n" + near.String() + "---\n", false},
		{"CRLF", "---\ntitle: Errors\nweight: 40\n---\n", true},
		{"over 4 KB, CRLF", "---\ntitle: Errors\n" + long.String() + "---\n", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := frontMatterDir(t, tc.front)
			page := filepath.Join(dir, "generated", "errors.md")
			written := string(mustRead(t, page))
			if want := tc.front + "<!-- Code generated"; !strings.HasPrefix(written, want) {
				t.Errorf("the page starts %q, want %q", written[:min(len(written), 80)], want)
			}
			if tc.crlf {
				crlf := bytes.ReplaceAll(mustRead(t, page), []byte("\n"), []byte("\r\n"))
				if err := os.WriteFile(page, crlf, 0o644); err != nil {
					t.Fatal(err)
				}
				if code, stdout, _ := runIn(t, dir, "--templates", "tpl", "--check"); code != exitFailure || !strings.Contains(stdout, "errors.md (generated)") {
					t.Errorf("--check of the CRLF page: exit %d, want 1 and its diff: %.300s", code, stdout)
				}
			}
			for _, args := range [][]string{nil, {"--check"}} {
				if code, stdout, stderr := runIn(t, dir, append(args, "--templates", "tpl")...); code != exitOK {
					t.Fatalf("errgen %v: exit %d: %s%s", args, code, stdout, stderr)
				}
			}
			dropFrench(t, dir)
			fr := filepath.Join("generated", "errors.fr.md")
			if code, stdout, stderr := runIn(t, dir, "--templates", "tpl"); code != exitOK || !strings.Contains(stdout, "removed "+fr) {
				t.Errorf("French taken out: exit %d, stdout %q, stderr %q, want %s removed", code, stdout, stderr, fr)
			}
		})
	}
}

// frontMatterDir is a workdir whose page.tmpl opens with front, once
// generated.
func frontMatterDir(t *testing.T, front string) string {
	t.Helper()
	dir := workdir(t)
	page := append([]byte(front+"\n"), mustRead(t, "../../templates/page.tmpl")...)
	if err := os.MkdirAll(filepath.Join(dir, "tpl"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tpl", "page.tmpl"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runIn(t, dir, "--templates", "tpl"); code != exitOK {
		t.Fatalf("errgen: exit %d: %s%s", code, stdout, stderr)
	}
	return dir
}
