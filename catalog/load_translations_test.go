package catalog_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// testdata/translated has a German translation with a stale entry
// (NOT_FOUND's English changed since), a missing one (CONFLICT, added
// since) and a fresh one: the catalog loads, with a warning for each.
func TestTranslationWarnings(t *testing.T) {
	c, err := catalog.Load("testdata/translated/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"testdata/translated/translations/de.yaml:1:1: warning: not fully translated into de: 1 of 3 errors (CONFLICT): the texts left \"\" read in en (fill them in; errgen translate de adds those the file lacks)",
		`testdata/translated/translations/de.yaml:8:13: warning: error "NOT_FOUND": the translation is stale: the en texts changed since it was made (source 1b7e0c55, now 468a8fc2): review it, mark it reviewed: true, and run errgen translate de`,
	}
	if got := strings.Split(c.Warnings.Error(), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, w := range c.Warnings.Items {
		if w.Severity != diag.Warning {
			t.Errorf("%s: severity %v", w.Pos, w.Severity)
		}
	}
	de := c.Translations["de"]
	if de == nil || de.File != filepath.Join("testdata", "translated", "translations", "de.yaml") {
		t.Fatalf("Translations[de] = %+v", de)
	}
	if !de.Errors["NOT_FOUND"].Stale || de.Errors["INTERNAL_ERROR"].Stale || de.Stale {
		t.Errorf("Stale: NOT_FOUND %v, INTERNAL_ERROR %v, top %v", de.Errors["NOT_FOUND"].Stale, de.Errors["INTERNAL_ERROR"].Stale, de.Stale)
	}
	lc := c.In("de")
	if lc.Description != "Fehler der Shop-API." || lc.Docs.Title != "Fehler" || lc.Errors[0].Message.Source != "{resource} {id} nicht gefunden" {
		t.Errorf("In(de): %q %q %q", lc.Description, lc.Docs.Title, lc.Errors[0].Message.Source)
	}
	if got := lc.Errors[1].Untranslated; !reflect.DeepEqual(got, []string{"title", "message"}) {
		t.Errorf("CONFLICT untranslated = %q", got)
	}
}

// The loader reads translation files through catalog.Files, from memory as
// from the disk, into the same model.
func TestLoadTranslationsFromFiles(t *testing.T) {
	files := catalog.MemFiles{}
	for _, name := range []string{"catalog.yaml", "translations/de.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata/translated", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	mem, err := catalog.LoadFiles(files, "catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	disk, err := catalog.Load("testdata/translated/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, d := mem.Translations["de"], disk.Translations["de"]
	if m.File != "translations/de.yaml" {
		t.Errorf("File = %q", m.File)
	}
	m.File, d.File = "", ""
	for _, ts := range []*catalog.Translation{m, d} {
		for code, et := range ts.Errors {
			et.Pos.File = "" // each names its file as its Files do
			if et.Message != nil {
				et.Message.Pos.File = ""
			}
			ts.Errors[code] = et
		}
	}
	if !reflect.DeepEqual(m, d) {
		t.Errorf("from memory:\n%+v\nfrom disk:\n%+v", m, d)
	}
	if len(mem.Warnings.Items) != len(disk.Warnings.Items) {
		t.Errorf("%d warnings from memory, %d from disk", len(mem.Warnings.Items), len(disk.Warnings.Items))
	}
}

// A language without a translation file is served in the default
// language, with a warning: errgen translate writes the file.
func TestLanguageWithoutFile(t *testing.T) {
	tests := []struct {
		name  string
		files catalog.Files
	}{
		{"memory", catalog.MemFiles{"catalog.yaml": []byte(withLanguages)}},
		{"bytes", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c *catalog.Catalog
			var err error
			if tt.files != nil {
				c, err = catalog.LoadFiles(tt.files, "catalog.yaml")
			} else {
				c, err = catalog.Parse("catalog.yaml", []byte(withLanguages))
			}
			if err != nil {
				t.Fatal(err)
			}
			want := `catalog.yaml:3:13: warning: languages: "fr" has no translation file translations/fr.yaml: every text reads in en (errgen translate fr writes it)`
			if got := c.Warnings.Error(); got != want {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
			}
			fr := c.Translations["fr"]
			if fr == nil || !fr.Missing {
				t.Fatalf("Translations[fr] = %+v", fr)
			}
			if got := c.In("fr").Errors[0].Untranslated; !reflect.DeepEqual(got, []string{"title", "message"}) {
				t.Errorf("Untranslated = %q", got)
			}
		})
	}
}

const withLanguages = `version: 1
api: Shop
languages: [fr]
errors:
  - {code: INTERNAL, status: 500, fallback: true, message: Oops}
`

// The source hash changes with every text a translation translates, and
// with nothing else.
func TestSourceHash(t *testing.T) {
	base := `version: 1
api: Shop
errors:
  - code: NOT_FOUND
    status: 404
    title: Not found
    message: "{kind} not found"
    description: Gone.
    causes: [Deleted]
    remediation: [Check]
    troubleshooting: [{check: Id, solution: Fix}]
    retryable: false
    details:
      - {name: kind, type: string, required: true, example: user, description: Kind., enum: [{value: user, description: A user}]}
  - {code: INTERNAL, status: 500, fallback: true}
`
	hash := func(src string) string {
		c, err := catalog.Parse("catalog.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return catalog.SourceHash(c.Errors[0])
	}
	h := hash(base)
	if len(h) != 8 {
		t.Fatalf("hash %q", h)
	}
	tests := []struct {
		from, to string
		changes  bool
	}{
		{"title: Not found", "title: Not Found", true},
		{`"{kind} not found"`, `"{kind} is not found"`, true},
		{"description: Gone.", "description: Gone!", true},
		{"[Deleted]", "[Deleted, Moved]", true},
		{"[Check]", "[Check it]", true},
		{"solution: Fix}", "solution: Fix it}", true},
		{"description: Kind.", "description: Kind!", true},
		{"description: A user}", "description: Any user}", true},
		{"retryable: false", "retryable: true", false},
		{"retryable: false", "retryable: false\n    deprecated: Use INTERNAL.", true},
		{"required: true, example: user, ", "required: true, ", false},
		{"status: 404", "status: 410", false},
	}
	for _, tt := range tests {
		if !strings.Contains(base, tt.from) {
			t.Fatalf("%q is not in the catalog", tt.from)
		}
		if got := hash(strings.Replace(base, tt.from, tt.to, 1)) != h; got != tt.changes {
			t.Errorf("%s → %s: hash changes %v, want %v", tt.from, tt.to, got, tt.changes)
		}
	}
}

// FuzzTranslation feeds any bytes to the loader as translations/de.yaml of
// testdata/translated's catalog: it loads with warnings or reports
// problems, never panics, every problem at a position of its file, and a
// catalog it returns reads in German without panicking.
func FuzzTranslation(f *testing.F) {
	root, err := os.ReadFile("testdata/translated/catalog.yaml")
	if err != nil {
		f.Fatal(err)
	}
	seeds, _ := filepath.Glob("testdata/translated/translations/*.yaml")
	more, _ := filepath.Glob("../translations/*.yaml")
	for _, p := range append(seeds, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("language: de\nerrors: {NOT_FOUND: {message: \"{id}\", details: {id: {enum: {a: b}}}}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": root, "translations/de.yaml": data}, "catalog.yaml")
		if err != nil {
			var probs *diag.List
			if !errors.As(err, &probs) || len(probs.Items) == 0 {
				t.Fatalf("error %v is not a list of problems", err)
			}
			for _, d := range probs.Items {
				if d.Pos.File != "translations/de.yaml" || d.Pos.Line < 1 {
					t.Fatalf("problem not in the translation file: %s", d)
				}
			}
			return
		}
		de := c.In("de")
		if len(de.Errors) != len(c.Errors) || c.Translations["de"] == nil {
			t.Fatalf("In(de) has %d errors, the catalog %d", len(de.Errors), len(c.Errors))
		}
	})
}

// A failed load keeps its problems ahead of its warnings: a translation of
// more stale entries than diag.MaxKept and one problem prints the problem
// and counts the warnings past the kept ones as warnings. The stale
// entries of a large catalog hid the problem, and counted as problems.
func TestStaleWarningsKeepTheProblem(t *testing.T) {
	const errs = diag.MaxKept + 200
	var root, de strings.Builder
	root.WriteString("version: 1\napi: Shop API\nformat: flat\nlanguages: [de]\nerrors:\n  - {code: INTERNAL, status: 500, message: Internal., fallback: true}\n")
	de.WriteString("language: de\nerrors:\n")
	for i := range errs {
		fmt.Fprintf(&root, "  - {code: E%d, status: 400, message: Bad.}\n", i)
		fmt.Fprintf(&de, "  E%d: {source: 00000000, message: Schlecht.}\n", i)
	}
	de.WriteString("  INTERNAL: {message: \"{id} intern\"}\n") // after every warning
	_, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(root.String()), "translations/de.yaml": []byte(de.String())}, "catalog.yaml")
	var probs *diag.List
	if !errors.As(err, &probs) {
		t.Fatalf("err = %v, want a diag.List", err)
	}
	if got := probs.Errors() + probs.Dropped; got != 1 {
		t.Errorf("%d problems, want 1", got)
	}
	if got := probs.Count(); got < errs+1 {
		t.Errorf("Count() = %d, want at least %d: the problem and a warning per stale entry", got, errs+1)
	}
	printed := probs.Error()
	if want := fmt.Sprintf("translations/de.yaml:%d:23: error \"INTERNAL\": message placeholder {id}", errs+3); !strings.Contains(printed, want) {
		t.Errorf("the problem is not printed:\n%s", printed)
	}
	if want := fmt.Sprintf("translations/de.yaml: … and %d more warnings", probs.Count()-diag.MaxPrinted); !strings.HasSuffix(printed, want) {
		t.Errorf("printed ends %q, want %q", printed[strings.LastIndexByte(printed, '\n')+1:], want)
	}
}
