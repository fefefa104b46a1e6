package markdown

import (
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// TestRules: a translation's page words are checked where they stand: an
// unknown key (with the near miss), a placeholder the page does not fill,
// one it fills left out. A word left empty is no problem.
func TestRules(t *testing.T) {
	files := catalog.MemFiles{
		"catalog.yaml": []byte("version: 1\napi: A\nlanguages: [de]\nerrors:\n  - {code: X, status: 500, fallback: true}\n"),
		"translations/de.yaml": []byte(`language: de
page:
  causs: Ursachen
  fields_of: Felder von {path} ({what})
  allowed_values: Zulässige Werte
  envelope_example: "Der Body von {error}:"
  help: ""
  whatever_this_is: x
  label: "Doppelpunkt"
  sentence: "{satz}."
  list_separator: "; "
  word_space: "{before}"
  parenthesized: "（{txt}）"
`),
	}
	_, err := catalog.LoadFiles(files, "catalog.yaml", Rules)
	var l *diag.List
	if !errors.As(err, &l) {
		t.Fatalf("err = %v, want a *diag.List", err)
	}
	want := []string{
		`translations/de.yaml:3:3: page: unknown word "causs" (did you mean "causes"?)`,
		`translations/de.yaml:4:3: page: fields_of names {what}, which the page does not fill: this word has {path}`,
		`translations/de.yaml:5:3: page: allowed_values leaves out {detail}, which the page fills in: this word has {detail}`,
		`translations/de.yaml:8:3: page: unknown word "whatever_this_is": the page's words are listed in docs/page.md, under "The page's own words"`,
		`translations/de.yaml:9:3: page: label leaves out {label}, which the page fills in: this word has {label}`,
		`translations/de.yaml:10:3: page: sentence names {satz}, which the page does not fill: this word has {sentence}`,
		`translations/de.yaml:12:3: page: word_space leaves out {after}, which the page fills in: this word has {before}, {after}`,
		`translations/de.yaml:13:3: page: parenthesized names {txt}, which the page does not fill: this word has {text}`,
	}
	var got []string
	for _, d := range l.Items {
		if d.Severity == diag.Error {
			got = append(got, d.String())
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
