package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrokenTemplate: a --templates file that does not parse or execute
// is reported as its diagnostics, at the file as given on the command line,
// then the count and that nothing was written; exit 1, no output written or
// changed, --check alike.
func TestBrokenTemplate(t *testing.T) {
	bundled := string(mustRead(t, "../../templates/error.tmpl"))
	const heading = "{{heading .Code}}"
	if !strings.Contains(bundled, heading) {
		t.Fatalf("the bundled error.tmpl has no %s to break", heading)
	}
	tests := []struct {
		name, broken string // what replaces heading in error.tmpl
		stderr       string
	}{
		{"unknown field", "{{heading .Kode}}", `tpl/error.tmpl:7:15: <.Kode>: an error has no field Kode (did you mean "Code"?)
errgen: markdown output: errors.md: 1 problem; nothing was written
`},
		{"syntax", "{{heading .Code}", `tpl/error.tmpl:3: bad character U+007D '}': an action ends with }}
errgen: markdown output: 1 problem; nothing was written
`},
		{"unknown function", "{{headng .Code}}", `tpl/error.tmpl:3:25: unknown function "headng" (did you mean "heading"?)
errgen: markdown output: 1 problem; nothing was written
`},
	}
	for _, tc := range tests {
		for _, args := range [][]string{{"--templates", "tpl"}, {"--templates", "tpl", "--check"}} {
			t.Run(tc.name+" "+strings.Join(args[2:], ""), func(t *testing.T) {
				dir := workdir(t)
				writeFile(t, filepath.Join(dir, "tpl", "error.tmpl"), strings.ReplaceAll(bundled, heading, tc.broken))
				code, stdout, stderr := runIn(t, dir, args...)
				if code != exitFailure || stdout != "" || stderr != tc.stderr {
					t.Errorf("exit %d, stdout %q, stderr\n%s\nwant exit 1, no stdout, stderr\n%s", code, stdout, stderr, tc.stderr)
				}
				if _, err := os.Stat(filepath.Join(dir, "generated")); !os.IsNotExist(err) {
					t.Errorf("an output was written (%v)", err)
				}
			})
		}
	}
}

// TestTemplatesDecideHeadings: with --templates, the templates decide the
// page's ## headings, as with the catalog's docs.templates: a section may
// take the title of a part the override takes out ("Handling errors" of
// handling.tmpl), and a heading an override repeats is refused. Before,
// the catalog was checked against the bundled templates' headings alone,
// whatever the flag said, and refused.
func TestTemplatesDecideHeadings(t *testing.T) {
	const catalogYAML = `version: 1
api: Shop
go: {package: shoperrors, out: shoperrors/errors.go}
openapi: {out: none}
docs:
  out: errors.md
  sections: [{title: Handling errors, body: Retry a 5xx once.}]
errors:
  - {code: GONE, status: 404, message: Gone}
  - {code: X, status: 500, message: Oops, fallback: true}
`
	tests := []struct {
		name, handling string // tpl/handling.tmpl
		code           int
		stderr         string
	}{
		{"the part taken out", "", exitOK, ""},
		{"the part kept under its heading", "## Handling errors\n\nBranch on the code.\n", exitFailure,
			"catalog.yaml:7:22: docs section \"Handling errors\": the page already has a heading \"Handling errors\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "catalog.yaml"), catalogYAML)
			writeFile(t, filepath.Join(dir, "tpl", "handling.tmpl"), tc.handling)
			code, _, stderr := runIn(t, dir, "--templates", "tpl")
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Fatalf("exit %d, stderr\n%s\nwant exit %d and %q", code, stderr, tc.code, tc.stderr)
			}
			if code != exitOK {
				return
			}
			page := string(mustRead(t, filepath.Join(dir, "errors.md")))
			if n := strings.Count(page, "\n## Handling errors\n"); n != 1 {
				t.Errorf("the page has %d headings \"Handling errors\", want 1 (the section's):\n%s", n, page)
			}
		})
	}
}

// errgen validate renders the pages of a catalog whose docs.templates
// replace bundled ones: a template that parses but fails on the catalog
// ({{.Kode}}) passed validate, then failed the run that writes the page.
// It fails validate now, at the template's line, and a good override
// passes; so does a bad one of a page turned off, which no run renders.
func TestValidateRendersTemplates(t *testing.T) {
	bundled := string(mustRead(t, "../../templates/error.tmpl"))
	dir := workdir(t)
	path := filepath.Join(dir, "catalog.yaml")
	data := string(mustRead(t, path))
	if !strings.Contains(data, "\ndocs:\n") {
		t.Fatal("the bundled catalog has no docs: to add templates to")
	}
	writeFile(t, path, strings.Replace(data, "\ndocs:\n", "\ndocs:\n  templates: tpl\n", 1))
	writeFile(t, filepath.Join(dir, "tpl", "error.tmpl"), strings.ReplaceAll(bundled, "{{heading .Code}}", "{{heading .Kode}}"))
	code, stdout, stderr := runIn(t, dir, "validate")
	want := "tpl/error.tmpl:7:15: <.Kode>: an error has no field Kode (did you mean \"Code\"?)\nerrgen: markdown output: errors.md: 1 problem\n"
	if code != exitFailure || stdout != "" || stderr != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, stdout, stderr, want)
	}
	// A spec openapi.augment names that is missing is reported with the
	// template's problem, in one run: every problem at once.
	writeFile(t, path, strings.Replace(strings.Replace(data, "\ndocs:\n", "\ndocs:\n  templates: tpl\n", 1), "\nopenapi:\n", "\nopenapi:\n  augment: [{spec: missing.yaml, out: missing.gen.yaml}]\n", 1))
	if code, _, stderr := runIn(t, dir, "validate"); code != exitFailure || !strings.Contains(stderr, "spec missing.yaml does not exist") || !strings.Contains(stderr, want) {
		t.Errorf("a missing spec too: exit %d, stderr %q; want both problems", code, stderr)
	}
	// A catalog whose page is off (docs.out: none) has no page to render:
	// the run that generates passes, and so does validate.
	writeFile(t, path, strings.Replace(data, "\ndocs:\n", "\ndocs:\n  templates: tpl\n  out: none\n", 1))
	if code, stdout, stderr := runIn(t, dir, "validate"); code != exitOK || !strings.Contains(stdout, "is valid") {
		t.Errorf("the page off: exit %d, stdout %q, stderr %q; want valid, as generating is", code, stdout, stderr)
	}
	if code, _, stderr := runIn(t, dir, "--check"); strings.Contains(stderr, "Kode") {
		t.Errorf("the page off: generating rendered it: exit %d, stderr %q", code, stderr)
	}
	writeFile(t, path, strings.Replace(data, "\ndocs:\n", "\ndocs:\n  templates: tpl\n", 1))
	writeFile(t, filepath.Join(dir, "tpl", "error.tmpl"), bundled)
	if code, stdout, stderr := runIn(t, dir, "validate"); code != exitOK || !strings.Contains(stdout, "is valid") {
		t.Errorf("a good override: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
