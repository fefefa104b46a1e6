//go:build unix

package catalog

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// An included FIFO is refused before it is opened (opening it would block
// until someone writes), as a root FIFO is.
func TestLoadIncludeFIFO(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"catalog.yaml":  "version: 1\napi: Split\ninclude: [errors/*.yaml]\n",
		"errors/a.yaml": "errors:\n  - {code: INTERNAL_ERROR, status: 500, fallback: true}\n",
	})
	if err := syscall.Mkfifo(filepath.Join(dir, "errors", "b.yaml"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	_, err := Load(filepath.Join(dir, "catalog.yaml"))
	if err == nil || !strings.Contains(err.Error(), "b.yaml is not a regular file (a pipe or a device, say), which errgen does not read: include only files of errors") {
		t.Fatalf("Load = %v, want the FIFO refused, saying what to include", err)
	}
}
