//go:build unix

package main

import (
	"io"
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

// The Go files beside an output, which a run reads as go build does (is
// the folder another package?), are inputs too: a FIFO among them, or a
// link to one, blocked every generate run for good; they are passed over.
func TestGoFilesBesideOutputMustBeRegular(t *testing.T) {
	for _, name := range []string{"pipe.go", "link.go"} {
		t.Run(name, func(t *testing.T) {
			dir := workdir(t)
			folder := filepath.Join(dir, "out", "beside")
			if err := os.MkdirAll(folder, 0o755); err != nil {
				t.Fatal(err)
			}
			fifo := filepath.Join(folder, "pipe.go")
			if name == "link.go" {
				fifo = filepath.Join(dir, "fifo")
				if err := os.Symlink(fifo, filepath.Join(folder, name)); err != nil {
					t.Skipf("no symbolic link here: %v", err)
				}
			}
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skipf("no FIFO here: %v", err)
			}
			done := make(chan struct{})
			var code int
			var stderr string
			go func() {
				code, _, stderr = runIn(t, dir, "--go-out", filepath.Join(folder, "errors.go"), "--go-package", "beside")
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("still reading after 10 s")
			}
			if code != exitOK {
				t.Errorf("exit %d, stderr %q; want the outputs written, the FIFO passed over", code, stderr)
			}
		})
	}
}

// go/build reads at most maxGoSourceSize bytes of a Go file beside an
// output.
func TestOpenGoSourceBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.go")
	if err := os.WriteFile(path, []byte("package big\n"+strings.Repeat("//\n", maxGoSourceSize/3+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := openGoSource(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil || len(data) != maxGoSourceSize {
		t.Errorf("read %d bytes, error %v; want %d", len(data), err, maxGoSourceSize)
	}
}

// An input past its limit is refused before it is read, by its path, with
// what to do: a spec to augment, an output --check compares (errgen's own,
// grown). The files are sparse: their size costs no disk.
func TestInputsOverTheirLimit(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		limit int64
		args  []string
		want  string
	}{
		{"spec", "spec.yaml", maxSpecSize, []string{"openapi", "--spec", "spec.yaml", "--out", "out.yaml"},
			"spec.yaml: larger than 64 MiB, errgen's limit for a spec to augment: split the API's spec into several, each augmented on its own"},
		{"output", "generated/errors.md", maxOutputSize, []string{"--check"},
			"generated/errors.md: larger than 256 MiB, far more than errgen writes for any catalog, so not an output of errgen's: remove it, or give the output another path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := workdir(t)
			path := filepath.Join(dir, filepath.FromSlash(tt.file))
			if code, _, stderr := runIn(t, dir); code != exitOK { // the outputs
				t.Fatalf("errgen: exit %d\n%s", code, stderr)
			}
			if _, err := os.Stat(path); err != nil {
				if err := os.WriteFile(path, []byte("openapi: 3.0.3\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Truncate(path, tt.limit+1); err != nil {
				t.Skipf("no sparse file here: %v", err)
			}
			code, _, stderr := runIn(t, dir, tt.args...)
			if code != exitFailure || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, tt.want)
			}
		})
	}
}
