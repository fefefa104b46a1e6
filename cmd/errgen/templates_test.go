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
