package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const splitRoot = "version: 1\napi: Shop API\ninclude: [errors/*.yaml]\n"

// errgen diff OLD NEW compares the merged errors of two split catalogs: a
// code moved from one file to another is no change, a status changed in
// an included file is.
func TestDiffSplitCatalogs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "old/catalog.yaml"), splitRoot)
	writeFile(t, filepath.Join(dir, "old/errors/a.yaml"), "errors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: GONE, status: 410}\n")
	writeFile(t, filepath.Join(dir, "old/errors/b.yaml"), "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	writeFile(t, filepath.Join(dir, "new/catalog.yaml"), splitRoot)
	writeFile(t, filepath.Join(dir, "new/errors/a.yaml"), "errors:\n  - {code: NOT_FOUND, status: 404}\n")
	writeFile(t, filepath.Join(dir, "new/errors/b.yaml"), "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n  - {code: GONE, status: 410}\n")
	if code, stdout, stderr := runIn(t, dir, "diff", "old/catalog.yaml", "new/catalog.yaml"); code != exitOK || stdout != "no changes\n" {
		t.Errorf("a code moved between files: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	writeFile(t, filepath.Join(dir, "new/errors/b.yaml"), "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n  - {code: GONE, status: 400, title: Gone, deprecated: Use NOT_FOUND., replaced_by: NOT_FOUND}\n")
	code, stdout, stderr := runIn(t, dir, "diff", "--format", "json", "old/catalog.yaml", "new/catalog.yaml")
	if code != exitFailure || !strings.Contains(stdout, `"file": "`+filepath.Join("new", "errors", "b.yaml")+`"`) || !strings.Contains(stdout, "status-changed") {
		t.Errorf("a status changed in an included file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// diff --base reads the root and every file it included at the base, its
// globs matched against the base's tree: files added, removed and renamed
// since, and a single-file catalog split since, compare by their errors.
func TestDiffBaseSplitCatalog(t *testing.T) {
	r := newGitRepo(t)
	// the errors the split files hold, in one file
	r.write("api/catalog.yaml", "version: 1\napi: Shop API\nerrors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: GONE, status: 410}\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	r.commit("one file")
	// Split: the same errors in two files.
	r.write("api/catalog.yaml", splitRoot)
	r.write("api/errors/a.yaml", "errors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: GONE, status: 410}\n")
	r.write("api/errors/b.yaml", "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	r.write("api/errors/notes.md", "not matched at the base either\n")
	if code, stdout, stderr := r.diffBase("HEAD", "api/catalog.yaml"); code != exitOK || stdout != "no changes\n" {
		t.Fatalf("split since the base: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	r.commit("split")
	// A file renamed, one removed, one added, GONE moved: still the same errors.
	must(t, os.Remove(filepath.Join(r.dir, "api/errors/a.yaml")))
	must(t, os.Remove(filepath.Join(r.dir, "api/errors/b.yaml")))
	r.write("api/errors/core.yaml", "errors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	r.write("api/errors/legacy.yaml", "errors:\n  - {code: GONE, status: 410}\n")
	if code, stdout, stderr := r.diffBase("HEAD", "api/catalog.yaml"); code != exitOK || stdout != "no changes\n" {
		t.Errorf("files moved since the base: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// A change in an included file is found, at its file.
	r.write("api/errors/legacy.yaml", "errors:\n  - {code: GONE, status: 400, title: Gone, deprecated: Use NOT_FOUND., replaced_by: NOT_FOUND}\n")
	code, stdout, stderr := r.diffBase("HEAD", "api/catalog.yaml")
	// (GONE was 410's last code: the OpenAPI response Gone goes too)
	if code != exitFailure || !strings.Contains(stdout, filepath.FromSlash("api/errors/legacy.yaml")+":2:18: "+statusChanged) {
		t.Errorf("a change in an included file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// The base through a symbolic link inside the tree, and one leading out.
	r.write("api/catalog.yaml", splitRoot)
	r.git("rm", "-rq", "--cached", "api/errors")
	must(t, os.RemoveAll(filepath.Join(r.dir, "api/errors")))
	r.write("api/shared/all.yaml", "errors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: GONE, status: 410}\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	must(t, os.MkdirAll(filepath.Join(r.dir, "api/errors"), 0o755))
	must(t, os.Symlink("../shared/all.yaml", filepath.Join(r.dir, "api/errors/all.yaml")))
	r.commit("linked")
	if code, stdout, stderr := r.diffBase("HEAD", "api/catalog.yaml"); code != exitOK || stdout != "no changes\n" {
		t.Errorf("a link inside the tree at the base: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	must(t, os.Remove(filepath.Join(r.dir, "api/errors/all.yaml")))
	must(t, os.Symlink("../../outside.yaml", filepath.Join(r.dir, "api/errors/all.yaml")))
	r.write("outside.yaml", "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	r.commit("linked out")
	must(t, os.Remove(filepath.Join(r.dir, "api/errors/all.yaml"))) // the working tree is fine again
	r.write("api/errors/all.yaml", "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	code, _, stderr = r.diffBase("HEAD", "api/catalog.yaml")
	if code != exitFailure || !strings.Contains(stderr, "HEAD:"+filepath.Join("api", "errors", "all.yaml")+" is a symbolic link to ../../outside.yaml, outside the root catalog's folder") {
		t.Errorf("a link out of the tree at the base: exit %d, stderr %q", code, stderr)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A catalog moved since the base (git mv, committed or not) is compared
// with where it was, its included files from that folder: a change that
// moves the catalog and breaks a code is found, not passed as a new
// catalog. One git finds no rename for is new.
func TestDiffBaseMovedCatalog(t *testing.T) {
	r := newGitRepo(t)
	r.write("api/catalog.yaml", splitRoot)
	r.write("api/errors/a.yaml", "errors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: GONE, status: 410}\n")
	r.write("api/errors/b.yaml", "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	r.commit("split catalog in api/")
	r.git("mv", "api", "svc")
	r.write("svc/errors/a.yaml", "errors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: GONE, status: 400, title: Gone, deprecated: Use NOT_FOUND., replaced_by: NOT_FOUND}\n")
	for _, step := range []struct{ name, base string }{
		{"moved, not committed", "HEAD"},
		{"moved and committed", "HEAD~1"},
	} {
		if step.base == "HEAD~1" {
			r.commit("moved to svc/")
		}
		code, stdout, stderr := r.diffBase(step.base, filepath.FromSlash("svc/catalog.yaml"))
		moved := "errgen: " + filepath.FromSlash("svc/catalog.yaml") + " was api/catalog.yaml at " + step.base + " (git finds it moved): compared with that\n"
		if code != exitFailure || !strings.Contains(stdout, statusChanged) || !strings.HasPrefix(stderr, moved) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", step.name, code, stdout, stderr)
		}
	}
	// A catalog written anew elsewhere is no rename: new, nothing to compare.
	r.write("other/catalog.yaml", "version: 1\napi: Other API\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	r.commit("another API")
	code, stdout, stderr := r.diffBase("HEAD~1", "other/catalog.yaml")
	if code != exitOK || stdout != "no changes\n" || stderr != "errgen: other/catalog.yaml is new since HEAD~1: nothing to compare it with\n" {
		t.Errorf("a new catalog: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
