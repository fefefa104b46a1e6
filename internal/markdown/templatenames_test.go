package markdown

import (
	"errors"
	"slices"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// A file of docs.templates that overrides no bundled template is the
// catalog's problem, at the key, with a near name suggested: before, only
// rendering refused it, with no place, and errgen validate passed.
func TestTemplateNames(t *testing.T) {
	tests := []struct {
		name  string
		files []string // in tpl/
		want  []string
	}{
		{"bundled names", []string{"handling.tmpl", "error.tmpl"}, nil},
		{"a near name", []string{"handlng.tmpl"}, []string{`catalog.yaml:3:19: docs.templates "tpl": tpl/handlng.tmpl is not one of the page's templates (did you mean "handling.tmpl"?); they are envelope.tmpl, error.tmpl, handling.tmpl, page.tmpl, providers.tmpl, reference.tmpl, retired.tmpl, sections.tmpl`}},
		{"another name, and a good one", []string{"notes.tmpl", "page.tmpl"}, []string{`catalog.yaml:3:19: docs.templates "tpl": tpl/notes.tmpl is not one of the page's templates: rename or remove it; they are envelope.tmpl, error.tmpl, handling.tmpl, page.tmpl, providers.tmpl, reference.tmpl, retired.tmpl, sections.tmpl`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := catalog.MemFiles{"catalog.yaml": []byte("version: 1\napi: Shop\ndocs: {templates: tpl}\nerrors:\n  - {code: GONE, status: 404}\n  - {code: X, status: 500, fallback: true}\n")}
			for _, f := range tt.files {
				files["tpl/"+f] = []byte("{{/* mine */}}\n")
			}
			_, err := catalog.LoadFiles(files, "catalog.yaml", Rules)
			var got []string
			var l *diag.List
			if errors.As(err, &l) {
				for _, d := range l.Items {
					got = append(got, d.String())
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
				t.Errorf("problems:\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// A file of docs.templates that does not parse is the catalog's problem,
// at its line, for errgen validate as for every run: before, validate
// called the catalog valid and only rendering failed. A run with templates
// of its own (RulesOverridden, errgen --templates) reads none of the
// catalog's, and leaves them unjudged.
func TestTemplateParse(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string // in tpl/
		want       []string
		overridden []string
	}{
		{"parses", map[string]string{"handling.tmpl": "## Handling\n\n{{.Words.handling_new}}\n"}, nil, nil},
		{"two broken, one good", map[string]string{
			"error.tmpl":    "{{heading .Code}\n",
			"handling.tmpl": "## Handling\n\n{{end}}\n",
			"page.tmpl":     "{{/* mine */}}\n",
		}, []string{
			"tpl/error.tmpl:1: bad character U+007D '}': an action ends with }}",
			"tpl/handling.tmpl:3: unexpected {{end}}: it closes no {{if}}, {{range}}, {{with}}, {{block}} or {{define}}",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := catalog.MemFiles{"catalog.yaml": []byte("version: 1\napi: Shop\ndocs: {templates: tpl}\nerrors:\n  - {code: GONE, status: 404}\n  - {code: X, status: 500, fallback: true}\n")}
			for name, text := range tt.files {
				files["tpl/"+name] = []byte(text)
			}
			for rules, want := range map[string][]string{"Rules": tt.want, "RulesOverridden": tt.overridden} {
				check := Rules
				if rules == "RulesOverridden" {
					check = RulesOverridden
				}
				_, err := catalog.LoadFiles(files, "catalog.yaml", check)
				var got []string
				var l *diag.List
				if errors.As(err, &l) {
					for _, d := range l.Items {
						got = append(got, d.String())
					}
				} else if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: problems:\n%q\nwant\n%q", rules, got, want)
				}
			}
		})
	}
}
