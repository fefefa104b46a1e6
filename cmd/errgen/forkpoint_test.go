package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A branch that left master before master changed the catalog is compared
// with where it left it, as a pull request's diff is: what master did since
// (a code added) is not the branch removing it. A branch that took
// master's changes in is compared with master itself, as before.
func TestDiffBaseBranchBehind(t *testing.T) {
	const mainAdds = "  - {code: ADDED_ON_MAIN, status: 409}\n"
	tests := []struct {
		name      string
		mergeMain bool   // the branch merges master's later commit
		note      string // what stderr says, "" for nothing
	}{
		{"behind", false, "errgen: master has changed since HEAD left it: compared with their merge base "},
		{"up to date", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newGitRepo(t)
			r.write("catalog.yaml", oldCatalog)
			r.commit("base")
			r.git("checkout", "-q", "-b", "feature")
			r.write("catalog.yaml", newCatalog)
			r.commit("feature: GONE is a 400")
			r.git("checkout", "-q", "master")
			r.write("catalog.yaml", oldCatalog+mainAdds)
			r.commit("master: a code")
			r.git("checkout", "-q", "feature")
			if tt.mergeMain {
				r.git("merge", "-q", "-s", "ours", "--no-commit", "master")
				r.write("catalog.yaml", newCatalog+mainAdds)
				r.commit("merge master")
			}
			code, stdout, stderr := r.diffBase("master", "catalog.yaml")
			want := statusChangedIn("catalog.yaml") + "catalog.yaml:5:44: GONE: deprecated: compatible: deprecated, replaced by NOT_FOUND\n2 changes, 1 breaking\n"
			if code != exitFailure || stdout != want {
				t.Errorf("exit %d, stdout %q; want 1 and %q (stderr %q)", code, stdout, want, stderr)
			}
			if gotNote := !strings.HasPrefix(stderr, "errgen: 1 breaking"); gotNote != (tt.note != "") || !strings.HasPrefix(stderr, tt.note) {
				t.Errorf("stderr %q; want it to start with %q", stderr, tt.note)
			}
		})
	}
}

// In a shallow clone without their merge base, where the branch left the
// base is unknown: it is compared with the base's tip, as before, and
// stderr says what that may report and how to fetch what it lacks.
func TestDiffBaseShallowWithoutMergeBase(t *testing.T) {
	r := newGitRepo(t)
	r.write("catalog.yaml", oldCatalog)
	r.commit("base")
	r.git("checkout", "-q", "-b", "feature")
	r.write("catalog.yaml", newCatalog)
	r.commit("feature: GONE is a 400")
	r.git("checkout", "-q", "master")
	r.write("catalog.yaml", oldCatalog+"  - {code: ADDED_ON_MAIN, status: 409}\n")
	r.commit("master: a code")
	clone := filepath.Join(t.TempDir(), "clone")
	r.git("clone", "-q", "--depth=1", "--branch=feature", "file://"+r.dir, clone)
	c := &gitRepo{t, clone}
	c.git("fetch", "-q", "--depth=1", "origin", "master:refs/remotes/origin/master")
	code, stdout, stderr := c.diffBase("origin/master", "catalog.yaml")
	const note = "errgen: this clone is shallow: where HEAD left origin/master is not in it: compared with origin/master itself, so a change it made since then, if any, is reported as undone here; fetch the history (git fetch --unshallow; actions/checkout: fetch-depth: 0)\n"
	if code != exitFailure || !strings.Contains(stdout, "ADDED_ON_MAIN: code-removed") || !strings.HasPrefix(stderr, note) {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1, the tip's code-removed and stderr starting %q", code, stdout, stderr, note)
	}
	c.git("fetch", "-q", "--unshallow")
	if code, stdout, stderr := c.diffBase("origin/master", "catalog.yaml"); code != exitFailure || strings.Contains(stdout, "ADDED_ON_MAIN") || strings.Contains(stderr, "shallow") {
		t.Errorf("unshallowed: exit %d, stdout %q, stderr %q; want the branch's own changes", code, stdout, stderr)
	}
}
