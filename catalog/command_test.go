package catalog_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// Each problem and warning that names one of errgen's commands records it:
// its text names it as plain errgen runs it, as a library caller reads
// it, and reads as errgen was invoked once the CLI renders it
// (diag.Diagnostic.InvokedAs).
func TestDiagnosticsRecordTheCommandTheyName(t *testing.T) {
	const base = "version: 1\napi: Shop API\nlanguages: [de, es]\nerrors:\n  - {code: NOT_FOUND, status: 404, title: Not found}\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	tests := []struct {
		name    string
		files   catalog.MemFiles
		command diag.Command
		plain   string // in the text as the library gives it
	}{
		{"no translation file", catalog.MemFiles{"catalog.yaml": []byte(base), "translations/es.yaml": []byte("language: es\n")}, "translate de", "(errgen translate de writes it)"},
		{"untranslated", catalog.MemFiles{"catalog.yaml": []byte(base), "translations/es.yaml": []byte("language: es\n")}, "translate es", "(fill them in; errgen translate es adds those the file lacks)"},
		{"no source hash", catalog.MemFiles{"catalog.yaml": []byte(base), "translations/es.yaml": []byte("language: es\nsource: xyz\n")}, "translate", "which errgen translate writes"},
		{"obsolete", catalog.MemFiles{"catalog.yaml": []byte(base), "translations/es.yaml": []byte("language: es\nerrors:\n  GONE: {title: Weg}\n")}, "translate es", "obsolete, ignored: errgen translate es removes it"},
		{"stale", catalog.MemFiles{"catalog.yaml": []byte(base), "translations/es.yaml": []byte("language: es\nerrors:\n  NOT_FOUND: {source: 0123456789abcdef, title: No encontrado}\n")}, "translate es", "and run errgen translate es"},
		{"reviewed", catalog.MemFiles{"catalog.yaml": []byte(base), "translations/es.yaml": []byte("language: es\nerrors:\n  NOT_FOUND: {source: 0123456789abcdef, reviewed: true, title: No encontrado}\n")}, "translate es", "marked reviewed: errgen translate es records it"},
		{"no errors", catalog.MemFiles{"catalog.yaml": []byte("version: 1\napi: X\n")}, "init", "(errgen init writes a starter catalog)"},
		{"empty errors", catalog.MemFiles{"catalog.yaml": []byte("version: 1\napi: X\nerrors: []\n")}, "init", "the fallback (errgen init writes a starter catalog)"},
		{"empty catalog", catalog.MemFiles{"catalog.yaml": []byte("\n")}, "init", "catalog is empty: errgen init writes a starter catalog"},
		{"empty translation file", catalog.MemFiles{"catalog.yaml": []byte(base), "translations/es.yaml": []byte("\n")}, "translate LANG", "errgen translate LANG writes its entries"},
		{"translations key", catalog.MemFiles{"catalog.yaml": []byte(strings.Replace(base, "title: Not found}", "title: Not found, translations: {}}", 1))}, "translate LANG", "(errgen translate LANG writes it)"},
		{"templates outside", catalog.MemFiles{"catalog.yaml": []byte(strings.Replace(base, "errors:", "docs: {templates: ../tpl}\nerrors:", 1))}, "--templates DIR", "or give errgen --templates DIR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := catalog.LoadFiles(tt.files, "catalog.yaml")
			var all []diag.Diagnostic
			var probs *diag.List
			switch {
			case errors.As(err, &probs):
				all = probs.Items
			case err != nil:
				t.Fatal(err)
			default:
				all = c.Warnings.Items
			}
			for _, d := range all {
				if !strings.Contains(d.String(), tt.plain) {
					continue
				}
				if d.Command != tt.command {
					t.Errorf("%s: Command %q, want %q", d, d.Command, tt.command)
				}
				want := strings.ReplaceAll(tt.plain, tt.command.String(), tt.command.As("go tool errgen"))
				if got := d.InvokedAs("go tool errgen").String(); !strings.Contains(got, want) {
					t.Errorf("invoked as go tool errgen: %s, want it to hold %q", got, want)
				}
				return
			}
			t.Errorf("no diagnostic holds %q: %v", tt.plain, all)
		})
	}
}
