package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot is every file under dir, by path, with its mode and bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = info.Mode().String() + "\n" + string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// failRenames makes the renames numbered in fail (from 1, counting the
// rollback's) fail, for the test.
func failRenames(t *testing.T, fail ...int) {
	calls := 0
	rename = func(from, to string) error {
		calls++
		for _, n := range fail {
			if calls == n {
				return &os.LinkError{Op: "rename", Old: from, New: to, Err: errors.New("injected failure")}
			}
		}
		return os.Rename(from, to)
	}
	t.Cleanup(func() { rename = os.Rename })
}

// A rename that fails after others were done puts their old files back,
// removes the files and folders they created, and leaves nothing else
// behind: the run changes nothing, as when writing a temporary fails.
func TestFailedRenameChangesNothing(t *testing.T) {
	for _, failAt := range []int{1, 2, 4} {
		dir := workdir(t)
		if code, _, stderr := runIn(t, dir, "--out", "out"); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if err := os.Chmod(filepath.Join(dir, "out", "openapi.yaml"), 0o600); err != nil {
			t.Fatal(err)
		}
		changeCatalog(t, dir)
		before := snapshot(t, dir)
		failRenames(t, failAt)
		code, stdout, stderr := runIn(t, dir, "--out", "out", "--markdown-out", "new/docs/errors.md")
		// The message names the output, as the user named it, not its temporary.
		if code != exitFailure || !strings.Contains(stderr, "injected failure") || strings.Contains(stderr, ".tmp") || strings.Contains(stdout, "wrote") {
			t.Fatalf("rename %d failing: exit %d, stdout %q, stderr %q; want a failure and nothing written", failAt, code, stdout, stderr)
		}
		after := snapshot(t, dir)
		for path, was := range before {
			if after[path] != was {
				t.Errorf("rename %d failing: %s changed", failAt, path)
			}
		}
		for path := range after {
			if _, ok := before[path]; !ok {
				t.Errorf("rename %d failing: %s left behind", failAt, path)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "new")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("rename %d failing: the folder made for a new output is left: %v", failAt, err)
		}
	}
}

// When putting an output back fails too, the run says which outputs
// changed and where their old bytes are, and those bytes are there.
func TestFailedRollBackSaysWhatChanged(t *testing.T) {
	dir := workdir(t)
	if code, _, stderr := runIn(t, dir, "--out", "out"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	changeCatalog(t, dir)
	before := snapshot(t, dir)
	failRenames(t, 2, 3) // the second output's rename, then putting back the first's old file
	code, stdout, stderr := runIn(t, dir, "--out", "out")
	if code != exitFailure {
		t.Fatalf("exit %d, stdout %q, stderr %q; want a failure", code, stdout, stderr)
	}
	wrote := strings.Count(stdout, "wrote ")
	_, old, found := strings.Cut(stderr, "(its old bytes are in ")
	if wrote != 1 || !found {
		t.Fatalf("stdout %q, stderr %q; want one output written and where its old bytes are", stdout, stderr)
	}
	old, _, _ = strings.Cut(old, ")")
	old = filepath.Join(dir, old) // named as the user ran errgen, in dir
	changed := filepath.Join(dir, strings.TrimPrefix(strings.Fields(stdout)[1], "./"))
	if bytes.Equal([]byte(before[changed]), []byte(snapshot(t, dir)[changed])) {
		t.Errorf("%s is reported written but did not change", changed)
	}
	data, err := os.ReadFile(old)
	if err != nil || !strings.HasSuffix(before[changed], string(data)) || len(data) == 0 {
		t.Errorf("the old bytes of %s are not in %s: %v", changed, old, err)
	}
}

// changeCatalog changes the catalog in dir so that every output changes.
func changeCatalog(t *testing.T, dir string) {
	t.Helper()
	path := filepath.Join(dir, "catalog.yaml")
	data := bytes.Replace(mustRead(t, path), []byte("api: One Stack API"), []byte("api: One Stack API v2"), 1)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
