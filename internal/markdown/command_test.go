package markdown

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// The page's warnings of words left untranslated name errgen translate as
// plain errgen runs it, and record it, for the CLI to name it as errgen
// was invoked.
func TestUnbundledWordsRecordTheCommand(t *testing.T) {
	tests := []struct {
		name    string
		files   catalog.MemFiles
		command diag.Command
		invoked string
	}{
		{"a language's", catalog.MemFiles{
			"catalog.yaml":         []byte("version: 1\napi: X\nlanguages: [es]\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"),
			"translations/es.yaml": []byte("language: es\n"),
		}, "translate es", "(fill them in under page:; go tool errgen translate es adds those the file lacks)"},
		{"the catalog's own, no file", catalog.MemFiles{
			"catalog.yaml": []byte("version: 1\napi: X\nlanguage: es\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"),
		}, "translate es", "(go tool errgen translate es writes them, under page:, into translations/es.yaml, to fill in)"},
		{"the catalog's own, a file", catalog.MemFiles{
			"catalog.yaml":         []byte("version: 1\napi: X\nlanguage: es\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"),
			"translations/es.yaml": []byte("language: es\npage: {page_title: Errores}\n"),
		}, "translate es", "; go tool errgen translate es adds those the file lacks)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := catalog.LoadFiles(tt.files, "catalog.yaml")
			if err != nil {
				t.Fatal(err)
			}
			ds := Rules(c)
			if len(ds) != 1 {
				t.Fatalf("%d diagnostics, want 1: %v", len(ds), ds)
			}
			d := ds[0]
			plain := strings.ReplaceAll(tt.invoked, "go tool errgen", "errgen")
			if d.Command != tt.command || !strings.Contains(d.String(), plain) {
				t.Errorf("%s (command %q), want it to hold %q and record %q", d, d.Command, plain, tt.command)
			}
			if got := d.InvokedAs("go tool errgen").String(); !strings.Contains(got, tt.invoked) {
				t.Errorf("invoked as go tool errgen: %s, want it to hold %q", got, tt.invoked)
			}
		})
	}
}
