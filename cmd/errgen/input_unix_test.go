//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Only regular files are read: a FIFO as --catalog or --spec would block
// forever, /dev/zero as --spec would fill memory. Each is refused at once.
func TestInputsMustBeRegularFiles(t *testing.T) {
	dir := workdir(t)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	tests := [][]string{
		{"--catalog", fifo},
		{"validate", "--catalog", fifo},
		{"openapi", "--spec", fifo, "--out", filepath.Join(dir, "out.yaml")},
		{"openapi", "--spec", "/dev/zero", "--out", filepath.Join(dir, "out.yaml")},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			done := make(chan struct{})
			var code int
			var stderr string
			go func() {
				code, _, stderr = runIn(t, dir, args...)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("still reading after 10 s")
			}
			if code != exitFailure || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("exit %d, stderr %q; want a failure saying it is not a regular file", code, stderr)
			}
		})
	}
}
