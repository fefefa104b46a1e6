// Package nodetools finds the Node command-line tools errgen's tests run
// against its outputs (markdownlint-cli2, Spectral, Redocly, markdown-it),
// pinned in .ci/npm/package-lock.json and installed by .ci/run with npm ci.
//
// A test that needs a tool asks Bin: where the tools are not installed it is
// skipped, except under CI (CI set in the environment), where a missing tool
// fails the test: CI never passes by skipping a check.
package nodetools

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir is the folder of the pinned tools' package.json, from the module root.
const Dir = ".ci/npm"

// Bin returns the path of the installed tool name (a file of
// node_modules/.bin), skipping or failing t when it is not there.
func Bin(t testing.TB, name string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: %s runs Node", name)
	}
	bin := filepath.Join(Root(t), Dir, "node_modules", ".bin", name)
	_, statErr := os.Stat(bin)
	_, nodeErr := exec.LookPath("node")
	if statErr == nil && nodeErr == nil {
		return bin
	}
	msg := name + " is not installed: run npm ci --prefix " + Dir
	if nodeErr != nil {
		msg = "node is not on PATH"
	}
	if os.Getenv("CI") != "" {
		t.Fatal(msg + " (CI set: a missing tool fails)")
	}
	t.Skip(msg)
	return ""
}

// Root is the module's root folder, found from this file's own path.
func Root(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("nodetools: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}
