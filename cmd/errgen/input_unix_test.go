//go:build unix

package main

import (
	"os"
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
			// what to give instead, as every problem says
			if code != exitFailure || !strings.Contains(stderr, "not a regular file (a pipe or a device, say), which errgen does not read: give the path of") {
				t.Errorf("exit %d, stderr %q; want a failure saying it is not a regular file, and what to give", code, stderr)
			}
		})
	}
}

// The go.mod every run reads (the working directory's, for how to run
// errgen again) and the gRPC packages' import path reads is an input like
// the others: a FIFO, which would block every run, a link to /dev/zero,
// and a file over the go command's own limit are refused at once; errgen
// runs on without it, and the import path says why it has none.
func TestGoModMustBeRegularFile(t *testing.T) {
	tests := []struct {
		name string
		make func(path string) error
		want string
	}{
		{"fifo", func(path string) error { return syscall.Mkfifo(path, 0o600) }, "not a regular file"},
		{"/dev/zero", func(path string) error { return os.Symlink("/dev/zero", path) }, "not a regular file"},
		{"over 16 MiB", func(path string) error {
			if err := os.WriteFile(path, []byte("module example.com/big\n"), 0o644); err != nil {
				return err
			}
			return os.Truncate(path, maxGoModSize+1) // sparse: no disk used
		}, "larger than 16 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := tt.make(filepath.Join(dir, "go.mod")); err != nil {
				t.Skipf("cannot make it here: %v", err)
			}
			done := make(chan struct{})
			var use moduleUse
			var err error
			go func() {
				use = errgenIn(dir)
				_, err = goImportPath(filepath.Join(dir, "apierrors", "errors.go"))
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("still reading go.mod after 10 s")
			}
			if use != notRequired || err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("errgenIn = %v, goImportPath error %v; want %v and an error saying %q", use, err, notRequired, tt.want)
			}
		})
	}
}
