package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerateLeavesOutAnotherModulesWarnings: a client module generating
// its copy of the package from a service's catalog (docs/go.md) printed the
// catalog's warnings, missing and stale translations the client cannot
// mend, on every go generate. generate now leaves out the warnings of a
// catalog that is not in the Go module it runs in, in one line that says
// so and how to list them; its own module's, and every run outside a
// module, keep them, and validate lists them anywhere.
func TestGenerateLeavesOutAnotherModulesWarnings(t *testing.T) {
	const cat = "version: 1\napi: A\nlanguages: [de]\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	const warning = `warning: languages: "de" has no translation file`
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "svc", "go.mod"), "module example.com/svc\n")
	writeFile(t, filepath.Join(root, "svc", "catalog.yaml"), cat)
	writeFile(t, filepath.Join(root, "shared", "catalog.yaml"), cat) // a catalog in no module
	writeFile(t, filepath.Join(root, "sdk", "go.mod"), "module example.com/sdk\n")
	writeFile(t, filepath.Join(root, "sdk", "api", "catalog.yaml"), cat)
	outputs := []string{"--go-out", filepath.Join(t.TempDir(), "errors.go"), "--openapi-out", "none", "--markdown-out", "none"}
	leftOut := func(name string) string {
		return "errgen: " + name + " is not in this Go module (example.com/sdk): its warnings (1) are its own module's to mend, left out here; errgen validate " + name + " lists them\n"
	}
	for _, tt := range []struct {
		name, dir string
		args      []string
		want      string // stderr, or what it holds when wantSub
		wantSub   bool
	}{
		{"another module's", "sdk", append([]string{"../svc/catalog.yaml"}, outputs...), leftOut("../svc/catalog.yaml"), false},
		{"in no module", "sdk", append([]string{"../shared/catalog.yaml"}, outputs...), leftOut("../shared/catalog.yaml"), false},
		{"this module's", "sdk", append([]string{"api/catalog.yaml"}, outputs...), warning, true},
		{"the service's own run", "svc", append([]string{"catalog.yaml"}, outputs...), warning, true},
		{"run outside a module", "shared", append([]string{"../svc/catalog.yaml"}, outputs...), warning, true},
		{"validate", "sdk", []string{"validate", "../svc/catalog.yaml"}, warning, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runIn(t, filepath.Join(root, tt.dir), tt.args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			if tt.wantSub && !strings.Contains(stderr, tt.want) || !tt.wantSub && stderr != tt.want {
				t.Errorf("stderr:\n%s\nwant (in it: %v):\n%s", stderr, tt.wantSub, tt.want)
			}
		})
	}
}
