package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// invokedCatalog speaks de and es without a file for de, and its es file
// gives a source that is no hash and none of the page's words, which errgen
// bundles none of in es: the catalog's warnings and problems, the page's
// and errgen's own each name a command.
const invokedCatalog = `version: 1
api: Shop API
languages: [de, es]
errors:
  - {code: NOT_FOUND, status: 404, title: Not found, message: Nothing here}
  - {code: INTERNAL, status: 500, fallback: true}
`

// Every message that names one of errgen's commands names it as errgen was
// invoked, in every layer: the catalog's problems and warnings (in their
// messages and hints, and in the hints kept in tables), the Markdown
// page's warnings, and errgen's own messages; none is left naming plain
// errgen.
func TestMessagesNameCommandsAsInvoked(t *testing.T) {
	const prog = "go tool errgen"
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  []string
		usage bool   // the output shows the commands' grammar too, as plain errgen
		wrote string // a file the command writes, read with its output
	}{
		{"catalog warning and page warning", map[string]string{"catalog.yaml": invokedCatalog, "translations/es.yaml": "language: es\n"}, []string{"validate"}, []string{
			`every text reads in en (go tool errgen translate de writes it)`,
			`the texts left "" read in en (fill them in; go tool errgen translate es adds those the file lacks)`,
			`(fill them in under page:; go tool errgen translate es adds those the file lacks)`,
		}, false, ""},
		{"catalog problem", map[string]string{"catalog.yaml": invokedCatalog, "translations/es.yaml": "language: es\nsource: xyz\n"}, []string{"validate"}, []string{
			`(8 hex digits, which go tool errgen translate writes)`,
		}, false, ""},
		{"catalog hint kept in a table", map[string]string{"catalog.yaml": "version: 1\napi: X\n"}, []string{"validate"}, []string{
			`(go tool errgen init writes a starter catalog)`,
		}, false, ""},
		{"catalog key moved", map[string]string{"catalog.yaml": strings.Replace(invokedCatalog, "message: Nothing here}", "message: Nothing here, translations: {}}", 1)}, []string{"generate"}, []string{
			`(go tool errgen translate LANG writes it): move them there`,
		}, false, ""},
		{"catalog templates", map[string]string{"catalog.yaml": strings.Replace(invokedCatalog, "errors:", "docs: {templates: ../tpl}\nerrors:", 1)}, []string{"validate"}, []string{
			`or give go tool errgen --templates DIR`,
		}, false, ""},
		{"diff prints the catalogs' warnings", map[string]string{"catalog.yaml": invokedCatalog, "translations/es.yaml": "language: es\n"}, []string{"diff", "catalog.yaml", "catalog.yaml"}, []string{
			`(go tool errgen translate de writes it)`,
		}, false, ""},
		{"diff's --allow", nil, []string{"diff", "--allow", "X:bogus", "a.yaml", "b.yaml"}, []string{
			`unknown kind "bogus": go tool errgen diff --help lists them`,
		}, false, ""},
		{"init given a file", nil, []string{"init", "api/catalog.yaml"}, []string{
			`go tool errgen init DIR writes DIR/catalog.yaml (run go tool errgen init api)`,
		}, false, ""},
		{"init over a catalog", map[string]string{"catalog.yaml": invokedCatalog}, []string{"init"}, []string{
			`catalog.yaml already exists; go tool errgen init never overwrites a catalog`,
		}, false, ""},
		{"translate the catalog's own language", map[string]string{"catalog.yaml": "version: 1\napi: X\nlanguage: es\nlanguages: [de]\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"}, []string{"translate", "ES"}, []string{
			`whose page's words go tool errgen translate es writes: did you mean es?`,
		}, false, ""},
		{"the overview's help commands", nil, []string{"--help"}, []string{
			`Run "go tool errgen help COMMAND" or "go tool errgen COMMAND --help" for a command's flags.`,
		}, true, ""},
		{"a new translation file's header", map[string]string{"catalog.yaml": invokedCatalog}, []string{"translate", "de"}, []string{
			"# keep the {placeholders}. go tool errgen translate de adds what is missing and marks what\n",
		}, false, "translations/de.yaml"},
	}
	plain := regexp.MustCompile(`errgen (translate|init|diff|validate|openapi|generate|--templates)\b`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tt.files {
				writeFile(t, filepath.Join(dir, name), text)
			}
			_, stdout, stderr := runAsIn(t, dir, prog, tt.args...)
			out := stdout + stderr
			if tt.wrote != "" {
				out += string(mustRead(t, filepath.Join(dir, tt.wrote)))
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("%v: the output lacks %q:\n%s", tt.args, w, out)
				}
			}
			if m := plain.FindString(strings.ReplaceAll(out, prog, "PROG")); m != "" && !tt.usage {
				t.Errorf("%v: the output names %q, not as invoked:\n%s", tt.args, m, out)
			}
		})
	}
}

// runAsIn is runIn for errgen invoked as prog.
func runAsIn(t *testing.T, dir, prog string, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var stdout, stderr bytes.Buffer
	code := runAs(prog, args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}
