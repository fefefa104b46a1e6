package markdown

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// folder is an fs.FS of overrides that names its files as errgen's
// --templates folder does: the folder joined with the file's name.
type folder struct {
	fstest.MapFS
	dir string
}

func (f folder) DisplayPath(name string) string { return f.dir + "/" + name }

// tpl is the folder tpl of files, given as name, text, name, text ….
func tpl(files ...string) folder {
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(files); i += 2 {
		fsys[files[i]] = &fstest.MapFile{Data: []byte(files[i+1])}
	}
	return folder{fsys, "tpl"}
}

// TestTemplateProblems: a broken template is a diagnostic at its file as
// its author knows it, line and column, in the templates doc's words, with
// a hint; never text/template's message, which names Go types.
func TestTemplateProblems(t *testing.T) {
	c, err := catalog.Parse("catalog.yaml", []byte(`version: 1
api: Shop API
errors:
  - code: NOT_FOUND
    status: 404
    details:
      - {name: id, type: string}
  - {code: INTERNAL, status: 500, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range templateProblemTests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Generate(c, header, tc.overrides)
			var probs *diag.List
			if !errors.As(err, &probs) {
				t.Fatalf("err = %v, want a *diag.List", err)
			}
			if got := probs.Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			// Pages, which names the page that failed, reports the same
			_, err = Pages(c, header, tc.overrides, "")
			if !errors.As(err, &probs) || !strings.HasSuffix(err.Error(), tc.want) {
				t.Errorf("Pages: err = %v, want a *diag.List ending in the diagnostics", err)
			}
		})
	}
}

// TestDataTypesNamed: every type of this package that a template can
// reach has its name in the templates doc's words.
func TestDataTypesNamed(t *testing.T) {
	for name, typ := range reachable() {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if _, ok := dataTypes[typ]; !ok && strings.HasPrefix(typ.String(), "markdown.") {
			t.Errorf("%s: not in dataTypes", name)
		}
	}
}

// templateProblemTests are TestTemplateProblems' broken overrides, each in
// a folder tpl, and the diagnostics they make.
var templateProblemTests = []struct {
	name      string
	overrides fs.FS
	want      string // the diagnostics, one a line
}{
	{"unknown field", tpl("error.tmpl", "### {{heading .Kode}}"),
		`tpl/error.tmpl:1:15: <.Kode>: an error has no field Kode (did you mean "Code"?)`},
	{"unknown field of the page", tpl("sections.tmpl", "{{.Titel}}"),
		`tpl/sections.tmpl:1:3: <.Titel>: the page has no field Titel (did you mean "Title"?)`},
	{"unknown field of a catalog type", tpl("error.tmpl", "{{.Envelope.Nme}}"),
		`tpl/error.tmpl:1:12: <.Envelope.Nme>: a catalog.Envelope has no field Nme (did you mean "Name"?)`},
	{"unexported field", tpl("error.tmpl", "{{range .Details}}{{.words}}{{end}}"),
		"tpl/error.tmpl:1:21: <.words>: a detail has no field words: errgen's templates/templates.go lists what each template receives"},
	{"field of a list", tpl("sections.tmpl", "{{.Errors.Code}}"),
		"tpl/sections.tmpl:1:10: <.Errors.Code>: a list ([]Error) has no field Code: {{range}} over it to reach each one's fields"},
	{"field of a string", tpl("error.tmpl", "{{.Code.Foo}}"),
		"tpl/error.tmpl:1:8: <.Code.Foo>: a value of type string has no field Foo: errgen's templates/templates.go lists what each template receives"},
	{"nil", tpl("error.tmpl", "{{.Replacement.Code}}"),
		"tpl/error.tmpl:1:15: <.Replacement.Code>: there is no error here (nil) to read Code from: test it first with {{with}}"},
	{"unknown word", tpl("sections.tmpl", "{{.Words.secton}}"),
		`tpl/sections.tmpl:1:9: <.Words.secton>: the page's words have no key secton (did you mean "section"?)`},
	{"wrong argument", tpl("error.tmpl", "{{heading .}}"),
		"tpl/error.tmpl:1:11: <.>: wrong type for value; expected string; got Error"},
	{"unknown part", tpl("sections.tmpl", `{{part "section.tmpl" .}}`),
		`tpl/sections.tmpl:1:3: <part "section.tmpl" .>: there is no template section.tmpl (did you mean "sections.tmpl"?)`},
	{"part renders itself", tpl("sections.tmpl", `{{part "sections.tmpl" .}}`),
		`tpl/sections.tmpl:1:3: <part "sections.tmpl" .>: parts nest deeper than 32: does sections.tmpl render itself?`},
	{"bundled part given the page", tpl("page.tmpl", `# T

{{part "error.tmpl" .}}`),
		`error.tmpl (bundled):5:10: <.Anchor>: the page has no field Anchor; reached from tpl/page.tmpl:3:3 <part "error.tmpl" .>`},
	{"syntax", tpl("error.tmpl", "\n### {{heading .Code}\n"),
		"tpl/error.tmpl:2: bad character U+007D '}': an action ends with }}"},
	{"unknown function", tpl("error.tmpl", "headng {{anchor .Anchor}}{{headng .Code}}"),
		`tpl/error.tmpl:1:28: unknown function "headng" (did you mean "heading"?)`},
	{"unknown function, nothing near", tpl("error.tmpl", "{{frobnicate .Code}}"),
		`tpl/error.tmpl:1:3: unknown function "frobnicate"; errgen's are anchor, cell, code, fence, fill, heading, inline, json, json1, label, layout, markdown, part, sentence, text, url, beside text/template's (and, call, eq, ge, gt, html, index, js, le, len, lt, ne, not, or, print, printf, println, slice, urlquery)`},
	{"a block left open", tpl("sections.tmpl", "{{range .Errors}}\n{{if .Deprecated}}x{{end}}\n{{range .Causes}}\n{{.}}\n"),
		"tpl/sections.tmpl:5: unexpected EOF: the {{range}} at line 3 is open at the end of the file: it, or a block inside it, has no {{end}}"},
	{"an if, its else if left open", tpl("error.tmpl", "{{if .Deprecated}}\nx\n{{else if .Retryable}}\ny\n"),
		"tpl/error.tmpl:5: unexpected EOF: the {{if}} at line 1 is open at the end of the file: it, or a block inside it, has no {{end}}"},
	{"a with left open in an open range", tpl("sections.tmpl", "{{range .Errors}}\n{{with .Causes}}\n"),
		"tpl/sections.tmpl:3: unexpected EOF: the {{with}} at line 2 is open at the end of the file: it, or a block inside it, has no {{end}}"},
	{"a define left open", tpl("sections.tmpl", "{{define \"x\"}}\ny\n"),
		"tpl/sections.tmpl:3: unexpected EOF: an {{if}}, {{range}}, {{with}}, {{block}} or {{define}} has no {{end}}"},
	{"an end too many", tpl("sections.tmpl", "{{range .Errors}}x{{end}}\n{{end}}\n"),
		"tpl/sections.tmpl:2: unexpected {{end}}: it closes no {{if}}, {{range}}, {{with}}, {{block}} or {{define}}"},
	{"an action without its }}, text after it", tpl("handling.tmpl", "{{.Words.handling_heading\nSome text here.\n"),
		"tpl/handling.tmpl:2: unknown function \"Some\": this line is inside the action opened ({{) at line 1, with no }} before it; if that action lacks its }}, add it"},
	{"an action without its }}, a heading after it", tpl("handling.tmpl", "Text {{.Words.handling_heading\n\n## Next\n"),
		"tpl/handling.tmpl:3: unexpected \"#\" in operand: this line is inside the action opened ({{) at line 1, with no }} before it; if that action lacks its }}, add it"},
	{"an action without its }}, another after it", tpl("sections.tmpl", "{{range .Errors}}\n- {{.Code\n{{end}}\n"),
		"tpl/sections.tmpl:3: unexpected \"{\" in operand: this line is inside the action opened ({{) at line 2, with no }} before it; if that action lacks its }}, add it"},
	{"a misspelt function in an action over two lines", tpl("error.tmpl", "{{fill .Words.allowed_values\n  \"detail\" (cde .Name)}}\n"),
		"tpl/error.tmpl:2: unknown function \"cde\" (did you mean \"code\"?)"},
	{"every file that does not parse", tpl("error.tmpl", "{{headng .Code}}", "sections.tmpl", "{{range}}"),
		"tpl/error.tmpl:1:3: unknown function \"headng\" (did you mean \"heading\"?)\ntpl/sections.tmpl:1: missing value for range"},
	{"a file system without display paths", fstest.MapFS{"error.tmpl": {Data: []byte("{{.Kode}}")}},
		`error.tmpl:1:3: <.Kode>: an error has no field Kode (did you mean "Code"?)`},
}
