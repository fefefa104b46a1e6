package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// languagesCatalog speaks English, German and French.
const languagesCatalog = "../../testdata/languages"

// languagesDir copies the catalog and its translation files into a fresh
// directory and returns it.
func languagesDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"catalog.yaml", "translations/de.yaml", "translations/fr.yaml"} {
		data, err := os.ReadFile(filepath.Join(languagesCatalog, name))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Each language's page goes beside the Markdown page, named after it
// (--markdown-out, docs.out or the default), written with the other
// outputs, all or none; --check checks every page, a stale one shown as a
// diff, a missing one named.
func TestLanguagePages(t *testing.T) {
	dir := languagesDir(t)
	// a page errgen did not write is in the way: nothing is written
	mine := filepath.Join(dir, "docs", "api.fr.md")
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("# My own page\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runIn(t, dir, "--out", "gen", "--markdown-out", "docs/api.md"); code != exitFailure {
		t.Errorf("over a page errgen did not write: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "docs", "api.md")); !os.IsNotExist(err) {
		t.Errorf("docs/api.md was written although docs/api.fr.md could not be: %v", err)
	}
	if err := os.Remove(mine); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, dir, "--out", "gen", "--markdown-out", "docs/api.md")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	pages := []string{"docs/api.md", "docs/api.de.md", "docs/api.fr.md"}
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatalf("%s not written: %v", p, err)
		}
		if !strings.Contains(stdout, "wrote "+filepath.FromSlash(p)+"\n") {
			t.Errorf("stdout does not say it wrote %s: %q", p, stdout)
		}
		for _, other := range pages {
			if other != p && !strings.Contains(string(data), "]("+filepath.Base(other)+")") {
				t.Errorf("%s does not link %s", p, filepath.Base(other))
			}
		}
	}
	if !strings.HasSuffix(stdout, "errgen: wrote 5 outputs\n") {
		t.Errorf("stdout %q", stdout)
	}
	again := []string{"--out", "gen", "--markdown-out", "docs/api.md", "--check"}
	if code, stdout, stderr := runIn(t, dir, again...); code != exitOK || stdout != "errgen: 5 outputs up to date\n" {
		t.Errorf("--check: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	de := filepath.Join(dir, "docs", "api.de.md")
	data, _ := os.ReadFile(de)
	if err := os.WriteFile(de, []byte(strings.Replace(string(data), "Fehlercodes", "Codes", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "docs", "api.fr.md")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runIn(t, dir, again...)
	if code != exitFailure || !strings.Contains(stdout, "+## Fehlercodes") ||
		!strings.Contains(stderr, "errgen: "+filepath.Join("docs", "api.fr.md")+" does not exist") {
		t.Errorf("--check with a stale and a missing page: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, stderr := runIn(t, dir, "--out", "gen"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, p := range []string{"gen/errors.md", "gen/errors.de.md", "gen/errors.fr.md"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Errorf("%s not written by default: %v", p, err)
		}
	}
}
