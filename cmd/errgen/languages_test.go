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

// A language taken out of the catalog takes its page with it: --check
// names the page errgen wrote for it, and generate removes it once every
// output is written. Files of such a name errgen did not write stay.
func TestRemovedLanguagePage(t *testing.T) {
	dir := languagesDir(t)
	args := []string{"--out", "gen", "--markdown-out", "docs/api.md"}
	if code, _, stderr := runIn(t, dir, args...); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	docs := filepath.Join(dir, "docs")
	page, err := os.ReadFile(filepath.Join(docs, "api.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "api.bak.md"), page, 0o644); err != nil { // a copy kept by hand
		t.Fatal(err)
	}
	frPage, err := os.ReadFile(filepath.Join(docs, "api.fr.md"))
	if err != nil {
		t.Fatal(err)
	}
	// A copy of a page in a language, named for the language alone: not a
	// name errgen gives a page (api.LANG.md), so not an orphan of api.md.
	if err := os.WriteFile(filepath.Join(docs, "it.md"), frPage, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"api.old.md": "# Old notes\n", "api.it.md": "# Pagina mia\n", "api.x_y.md": "<!-- Code generated by errgen. DO NOT EDIT. -->\n"} {
		if err := os.WriteFile(filepath.Join(docs, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dropFrench(t, dir)
	fr := filepath.Join("docs", "api.fr.md")
	code, stdout, stderr := runIn(t, dir, append(args, "--check")...)
	if code != exitFailure || !strings.Contains(stderr, "errgen: "+fr+" is the page of a language the catalog no longer speaks; to remove it, run: errgen") {
		t.Errorf("--check: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, fr)); err != nil {
		t.Errorf("--check removed %s: %v", fr, err)
	}
	code, stdout, stderr = runIn(t, dir, args...)
	if code != exitOK || !strings.Contains(stdout, "removed "+fr+": the catalog no longer speaks its language\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, fr)); !os.IsNotExist(err) {
		t.Errorf("%s still there: %v", fr, err)
	}
	for _, name := range []string{"api.md", "api.de.md", "api.bak.md", "api.old.md", "api.it.md", "api.x_y.md", "it.md"} {
		if _, err := os.Stat(filepath.Join(docs, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if code, stdout, stderr := runIn(t, dir, append(args, "--check")...); code != exitOK {
		t.Errorf("--check after: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// Generating says what validate warns of, a text not translated, on every
// run, and writes the outputs all the same.
func TestGenerateWarns(t *testing.T) {
	dir := languagesDir(t)
	for _, args := range [][]string{{"--out", "gen"}, {"--out", "gen", "--check"}} {
		code, _, stderr := runIn(t, dir, args...)
		want := filepath.Join("translations", "de.yaml") + ":1:1: warning: not fully translated into de: 1 of 6 errors (ORDER_CONFLICT)"
		if code != exitOK || !strings.Contains(stderr, want) {
			t.Errorf("%q: exit %d, stderr %q, want the warning %q", args, code, stderr, want)
		}
	}
}

// A page whose name a link must escape (a space, parentheses, %) is linked
// from its languages' pages by the escaped name (my%20api.md): the page of
// a language taken out is found by that link all the same, and removed.
func TestRemovedLanguagePageEscapedName(t *testing.T) {
	for _, name := range []string{"my api.md", "api (v2).md", "100%.md"} {
		t.Run(name, func(t *testing.T) {
			dir := languagesDir(t)
			args := []string{"--out", "gen", "--markdown-out", filepath.Join("docs", name)}
			if code, _, stderr := runIn(t, dir, args...); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			dropFrench(t, dir)
			fr := filepath.Join("docs", strings.TrimSuffix(name, ".md")+".fr.md")
			if code, _, stderr := runIn(t, dir, append(args, "--check")...); code != exitFailure || !strings.Contains(stderr, "errgen: "+fr+" is the page of a language the catalog no longer speaks") {
				t.Errorf("--check: exit %d, stderr %q, want %s named", code, stderr, fr)
			}
			if code, stdout, stderr := runIn(t, dir, args...); code != exitOK || !strings.Contains(stdout, "removed "+fr+": the catalog no longer speaks its language\n") {
				t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, fr)); !os.IsNotExist(err) {
				t.Errorf("%s still there: %v", fr, err)
			}
		})
	}
}

// dropFrench takes French out of the languages catalog in dir: out of its
// languages, and its translation file with it.
func dropFrench(t *testing.T, dir string) {
	t.Helper()
	catalogPath := filepath.Join(dir, "catalog.yaml")
	data, err := os.ReadFile(catalogPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(catalogPath, []byte(strings.Replace(string(data), "languages: [de, fr]", "languages: [de]", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "translations", "fr.yaml")); err != nil {
		t.Fatal(err)
	}
}
