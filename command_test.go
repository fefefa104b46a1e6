package errgen

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// A library caller, who gives no program, reads the commands the
// catalog's and the outputs' warnings name as plain errgen runs them, as
// before; each records its command, which the CLI names as errgen was
// invoked.
func TestCheckWarningsNameCommandsPlain(t *testing.T) {
	files := catalog.MemFiles{
		"catalog.yaml":         []byte("version: 1\napi: X\nlanguages: [de, es]\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"),
		"translations/es.yaml": []byte("language: es\n"),
	}
	c, err := catalog.LoadFiles(files, "catalog.yaml", Check)
	if err != nil {
		t.Fatal(err)
	}
	wants := []struct {
		plain   string
		command diag.Command
	}{
		{"(errgen translate de writes it)", "translate de"},                                           // the catalog's
		{"(fill them in under page:; errgen translate es adds those the file lacks)", "translate es"}, // the page's, through Check
	}
	for _, w := range wants {
		found := false
		for _, d := range c.Warnings.Items {
			if strings.Contains(d.String(), w.plain) {
				found = true
				if d.Command != w.command {
					t.Errorf("%s: command %q, want %q", d, d.Command, w.command)
				}
				if got, want := d.InvokedAs("go run ./cmd/errgen").String(), strings.Replace(w.plain, "errgen", "go run ./cmd/errgen", 1); !strings.Contains(got, want) {
					t.Errorf("invoked as go run ./cmd/errgen: %s, want it to hold %q", got, want)
				}
			}
		}
		if !found {
			t.Errorf("no warning holds %q: %v", w.plain, c.Warnings.Items)
		}
	}
}
