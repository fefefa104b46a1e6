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

// runWithin runs errgen in dir and fails the test if it is still running
// after 10 s (a FIFO read blocks forever).
func runWithin(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, stdout, stderr := runIn(t, dir, args...)
		done <- result{code, stdout, stderr}
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(10 * time.Second):
		t.Fatal("still reading after 10 s")
		return 0, "", ""
	}
}

// An existing output or template is read like a catalog: regular files
// only, of bounded size. A pull request can commit a symlink to /dev/zero
// or a FIFO in place of an output; --check must refuse it at once.
func TestOutputsAndTemplatesMustBeRegularFiles(t *testing.T) {
	for _, target := range []string{"/dev/zero", "fifo"} {
		t.Run("check "+target, func(t *testing.T) {
			dir := workdir(t)
			if code, _, stderr := runIn(t, dir); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			out := filepath.Join(dir, "generated", "errors.md")
			if err := os.Remove(out); err != nil {
				t.Fatal(err)
			}
			link(t, target, out)
			for _, args := range [][]string{{"--check"}, nil} {
				code, _, stderr := runWithin(t, dir, args...)
				if code != exitFailure || !strings.Contains(stderr, "not a regular file") {
					t.Errorf("%v: exit %d, stderr %q; want a failure saying it is not a regular file", args, code, stderr)
				}
			}
		})
		t.Run("templates "+target, func(t *testing.T) {
			dir := workdir(t)
			link(t, target, filepath.Join(dir, "tpl", "page.tmpl"))
			code, _, stderr := runWithin(t, dir, "--templates", "tpl")
			if code != exitFailure || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("exit %d, stderr %q; want a failure saying it is not a regular file", code, stderr)
			}
		})
	}
}

// link makes path a symlink to /dev/zero, or a FIFO for "fifo".
func link(t *testing.T, target, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if target == "fifo" {
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Skipf("no FIFO here: %v", err)
		}
		return
	}
	if err := os.Symlink(target, path); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
}

// New files get 0666 less the umask, like any file a command creates;
// files that exist keep their mode.
func TestNewFilesFollowUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := workdir(t)
	if code, _, stderr := runIn(t, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	spec := copySpec(t, "tasks-3.1.yaml")
	augmented := filepath.Join(dir, "api", "augmented.yaml")
	if code, _, stderr := runOA(t, "--catalog", bundledCatalog, "--spec", spec, "--out", augmented); code != exitOK {
		t.Fatalf("openapi: exit %d: %s", code, stderr)
	}
	for _, rel := range []string{"generated/apierrors/errors.go", "generated/openapi.yaml", "generated/errors.md", "api/augmented.yaml"} {
		if st, err := os.Stat(filepath.Join(dir, rel)); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v (%v), want 0600 under umask 077", rel, st.Mode().Perm(), err)
		}
	}
	if st, err := os.Stat(filepath.Join(dir, "generated")); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("generated/: mode %v, want 0700 under umask 077", st.Mode().Perm())
	}
	// An existing output keeps its own mode, whatever the umask.
	md := filepath.Join(dir, "generated", "errors.md")
	if err := os.Chmod(md, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, append(mustRead(t, md), "stale\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runIn(t, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, _ := os.Stat(md); st.Mode().Perm() != 0o644 {
		t.Errorf("existing errors.md: mode %v, want its own 0644", st.Mode().Perm())
	}
}
