package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestProgNameInWorkspace: in a go.work workspace the go command runs the
// tools and requirements of every module the workspace uses, so errgen is
// named as the workspace holds it. Before, a run at the root of a
// monorepo (go.work, no go.mod) or in a module that does not declare the
// tool itself told the user to run go run
// github.com/errgen/errgen/cmd/errgen@VERSION, which for a replaced errgen
// is a version that does not exist. GOWORK=off, or another go.work named
// by GOWORK, is the go command's choice too; GOWORK=auto is no file's name
// but the search of an unset GOWORK (before, it read as a relative path,
// which the go command refuses, and no workspace).
func TestProgNameInWorkspace(t *testing.T) {
	const cached = "/root/.cache/go-build/6c/6c58d-d/errgen"
	dep := &debug.BuildInfo{Main: debug.Module{Path: "github.com/errgen/errgen", Version: "v1.4.0"}}
	const (
		toolMod     = "module example.com/platform\n\ngo 1.25\n\ntool github.com/errgen/errgen/cmd/errgen\n\nrequire github.com/errgen/errgen v1.4.0\n"
		requiredMod = "module example.com/platform\n\ngo 1.25\n\nrequire github.com/errgen/errgen v1.4.0\n"
		plainMod    = "module example.com/billing\n\ngo 1.25\n"
		runPinned   = "go run github.com/errgen/errgen/cmd/errgen@v1.4.0"
	)
	for _, tc := range []struct {
		name, goWork, platformMod, cwd, gowork, want string
	}{
		{"root of a workspace", "go 1.25\n\nuse (\n\t./billing\n\t./platform\n)\n", toolMod, ".", "", "go tool errgen"},
		{"module without the tool", "go 1.25\n\nuse ./billing\nuse ./platform\n", toolMod, "billing/internal", "", "go tool errgen"},
		{"required only", "go 1.25\n\nuse (\n\t./billing\n\t./platform\n)\n", requiredMod, "billing", "", "go run github.com/errgen/errgen/cmd/errgen"},
		{"module left out of the workspace", "go 1.25\n\nuse ./billing\n", toolMod, ".", "", runPinned},
		{"GOWORK=auto, the default spelt out", "go 1.25\n\nuse (\n\t./billing\n\t./platform\n)\n", toolMod, ".", "auto", "go tool errgen"},
		{"a folder called go.work below the workspace's", "go 1.25\n\nuse (\n\t./billing\n\t./platform\n)\n", toolMod, "billing", "", "go tool errgen"},
		{"GOWORK=off", "go 1.25\n\nuse (\n\t./billing\n\t./platform\n)\n", toolMod, "billing", "off", runPinned},
		{"GOWORK names another file", "", toolMod, "billing", "elsewhere.work", "go tool errgen"},
		{"go.work unreadable as one", "go 1.25\nuse (\n", toolMod, "billing", "", runPinned},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			write := func(name, text string) {
				t.Helper()
				path := filepath.Join(root, name)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("platform/go.mod", tc.platformMod)
			write("billing/go.mod", plainMod)
			if err := os.MkdirAll(filepath.Join(root, "billing", "internal"), 0o755); err != nil {
				t.Fatal(err)
			}
			if tc.goWork != "" {
				write("go.work", tc.goWork)
			}
			if strings.HasPrefix(tc.name, "a folder called go.work") {
				if err := os.Mkdir(filepath.Join(root, "billing", "go.work"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			gowork := tc.gowork
			if gowork == "elsewhere.work" {
				write("ws/elsewhere.work", "go 1.25\n\nuse "+filepath.Join(root, "platform")+"\nuse ../billing\n")
				gowork = filepath.Join(root, "ws", "elsewhere.work")
			}
			t.Setenv("GOWORK", gowork)
			if got := progName(cached, dep, errgenIn(filepath.Join(root, tc.cwd))); got != tc.want {
				t.Errorf("progName = %q, want %q", got, tc.want)
			}
		})
	}
}
