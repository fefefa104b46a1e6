package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// countGit puts a git first on PATH that logs each run and hands on to the
// real one; it returns how many runs the log holds so far.
func countGit(t *testing.T) func() int {
	t.Helper()
	real, err := exec.LookPath("git")
	if err != nil || runtime.GOOS == "windows" {
		t.Skip("no git, or no /bin/sh")
	}
	bin := t.TempDir()
	log := filepath.Join(bin, "runs.log")
	script := fmt.Sprintf("#!/bin/sh\necho run >> '%s'\nexec '%s' \"$@\"\n", log, real)
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return func() int {
		data, err := os.ReadFile(log)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		return strings.Count(string(data), "run\n")
	}
}

// errgen diff --base runs as many git processes for a split catalog of 40
// files as for one of 4: the included files' blobs come through one git
// cat-file --batch, their objects and sizes from one listing of the tree.
// It ran three a file (ls-tree, cat-file -s, cat-file blob), some 25 ms
// each: 1,000 included files took 24 s.
func TestDiffBaseGitRunsPerFile(t *testing.T) {
	runs := map[int]int{}
	for _, files := range []int{4, 40} {
		r := newGitRepo(t)
		r.write("api/catalog.yaml", splitRoot)
		r.write("api/errors/core.yaml", "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
		for i := range files {
			r.write(fmt.Sprintf("api/errors/e%02d.yaml", i), fmt.Sprintf("errors:\n  - {code: E%02d, status: 400}\n", i))
		}
		r.commit("base")
		r.write("api/errors/e00.yaml", "errors:\n  - {code: E00, status: 404}\n")
		count := countGit(t)
		before := count()
		code, stdout, stderr := r.diffBase("HEAD", "api/catalog.yaml")
		if code != exitFailure || !strings.HasPrefix(stdout, filepath.FromSlash("api/errors/e00.yaml")+":2:17: E00: status-changed: breaking") {
			t.Fatalf("%d files: exit %d, stdout %q, stderr %q", files, code, stdout, stderr)
		}
		runs[files] = count() - before
	}
	if runs[40] != runs[4] {
		t.Errorf("git ran %d times for 4 included files, %d for 40: want as many", runs[4], runs[40])
	}
}

// In a partial clone (--filter=blob:none, as CI checks out), diff --base
// asks git for the blobs of the catalog's own files only: the listing had
// git ls-tree -l size every file of the catalog's folder tree, which
// fetched each (here, offline, failed on the notes beside the catalog).
func TestDiffBasePartialCloneFetchesOnlyCatalogFiles(t *testing.T) {
	src := newGitRepo(t)
	src.write("catalog.yaml", splitRoot)
	src.write("errors/a.yaml", "errors:\n  - {code: GONE, status: 410}\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	for i := range 5 {
		src.write(fmt.Sprintf("notes/n%d.md", i), fmt.Sprintf("note %d\n", i))
	}
	src.commit("base")
	src.git("config", "uploadpack.allowFilter", "true")
	clone := &gitRepo{t, filepath.Join(t.TempDir(), "clone")}
	src.git("clone", "-q", "--no-checkout", "--filter=blob:none", "file://"+src.dir, clone.dir)
	for _, name := range []string{"catalog.yaml", "errors/a.yaml"} {
		clone.write(name, clone.git("show", "HEAD:"+name)+"\n") // fetches the blob
	}
	if err := os.RemoveAll(src.dir); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := clone.diffBase("HEAD", "catalog.yaml")
	if code != exitOK || stdout != "no changes\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// An included file over the limit is refused by the size in git's header,
// its bytes unread, and the files after it are read by a new batch.
func TestDiffBaseOversizedIncludedFile(t *testing.T) {
	r := newGitRepo(t)
	r.write("catalog.yaml", splitRoot)
	r.write("errors/a.yaml", "# "+strings.Repeat("x", 17<<20)+"\n")
	r.write("errors/b.yaml", "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	r.commit("base")
	r.write("errors/a.yaml", "errors:\n  - {code: GONE, status: 410}\n")
	code, _, stderr := r.diffBase("HEAD", "catalog.yaml")
	if code != exitFailure || !strings.Contains(stderr, "errors/a.yaml at HEAD is 17825") || !strings.Contains(stderr, "larger than the 16 MiB a catalog may have") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
