package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTranslateCommandsNameTheCatalog: errgen translate LANG reads
// ./catalog.yaml unless given another, so a message naming it for a
// catalog elsewhere (a monorepo's platform/catalog.yaml, validated from the
// root) names the catalog too, quoted for the shell where it must be, as
// given on the command line; the default catalog's stays as it was. Before,
// every such message said go tool errgen translate de, which from the
// root fails with "no catalog at catalog.yaml".
func TestTranslateCommandsNameTheCatalog(t *testing.T) {
	const prog = "go tool errgen"
	tests := []struct {
		name, folder string
		args         []string
		want         []string
	}{
		{"validate", "platform", []string{"validate", "platform/catalog.yaml"}, []string{
			`(go tool errgen translate de platform/catalog.yaml writes it)`,
			`(fill them in; go tool errgen translate es platform/catalog.yaml adds those the file lacks)`,
			`(fill them in under page:; go tool errgen translate es platform/catalog.yaml adds those the file lacks)`,
		}},
		{"--catalog and a folder to quote", "my platform", []string{"validate", "--catalog", "my platform/catalog.yaml"}, []string{
			`(go tool errgen translate de 'my platform/catalog.yaml' writes it)`,
		}},
		{"a folder with a double quote", `q"x`, []string{"validate", `q"x/catalog.yaml`}, []string{
			`(go tool errgen translate de 'q"x/catalog.yaml' writes it)`,
		}},
		{"generate outside a module", "platform", []string{"platform/catalog.yaml", "--out", "gen"}, []string{
			`(go tool errgen translate de platform/catalog.yaml writes it)`,
		}},
		{"diff", "platform", []string{"diff", "platform/catalog.yaml", "platform/catalog.yaml"}, []string{
			`(go tool errgen translate de platform/catalog.yaml writes it)`,
		}},
		{"with a problem", "platform", []string{"translate", "de", "platform/catalog.yaml"}, []string{
			`(go tool errgen translate de platform/catalog.yaml writes it)`,
		}},
		{"a folder starting with a dash", "-svc", []string{"validate", "--", "-svc/catalog.yaml"}, []string{
			`(go tool errgen translate de ./-svc/catalog.yaml writes it)`,
		}},
		{"the default catalog", ".", []string{"validate"}, []string{
			`(go tool errgen translate de writes it)`,
		}},
		{"the default catalog by another spelling", ".", []string{"validate", "./catalog.yaml"}, []string{
			`(go tool errgen translate de writes it)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			catalog := invokedCatalog
			if strings.HasPrefix(tt.name, "with a problem") {
				catalog = strings.Replace(catalog, "status: 404", "status: 99", 1)
			}
			writeFile(t, filepath.Join(dir, tt.folder, "catalog.yaml"), catalog)
			writeFile(t, filepath.Join(dir, tt.folder, "translations", "es.yaml"), "language: es\n")
			_, stdout, stderr := runAsIn(t, dir, prog, tt.args...)
			for _, w := range tt.want {
				if !strings.Contains(stdout+stderr, w) {
					t.Errorf("%v: the output lacks %q:\n%s", tt.args, w, stdout+stderr)
				}
			}
		})
	}
}

// A path starting with "-" is named ./-svc/..., so that the command a hint
// names runs as written: -svc/catalog.yaml would be read as a flag. The
// commands init's next step names are run here as printed.
func TestHintedCommandsTakeDashPaths(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runAsIn(t, dir, "errgen", "init", "--", "-svc")
	if code != exitOK {
		t.Fatalf("init -- -svc: exit %d: %s", code, stderr)
	}
	_, next, ok := strings.Cut(stdout, "Next: edit it, then run ")
	if !ok {
		t.Fatalf("init printed no next step:\n%s", stdout)
	}
	for _, command := range strings.Split(strings.TrimSpace(next), " and ") {
		args := strings.Fields(command)
		if args[0] != "errgen" {
			t.Fatalf("next step %q does not run errgen", command)
		}
		if code, _, stderr := runAsIn(t, dir, "errgen", args[1:]...); code != exitOK {
			t.Errorf("%s: exit %d: %s", command, code, stderr)
		}
	}
}
