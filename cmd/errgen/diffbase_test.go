package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// A --base that names no revision (main, in a repository whose branch is
// master) says so and names the branch checked out, not git's "Needed a
// single revision".
func TestDiffBaseNoRevision(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "--initial-branch=master")
	writeFile(t, filepath.Join(repo, "catalog.yaml"), oldCatalog)
	git("add", ".")
	git("commit", "-q", "-m", "catalog")
	code, stdout, stderr := runIn(t, repo, "diff", "--base", "main")
	want := "errgen: --base main: no revision main; the current branch is master (branches: master)\n"
	if code != exitFailure || stdout != "" || stderr != want {
		t.Errorf("exit %d, stdout %q, stderr %q, want 1 and %q", code, stdout, stderr, want)
	}
	git("checkout", "-q", "--detach")
	if code, _, stderr := runIn(t, repo, "diff", "--base", "main"); code != exitFailure || !regexpMatch(`^errgen: --base main: no revision main; HEAD is detached at [0-9a-f]+ \(branches: master\)\n$`, stderr) {
		t.Errorf("detached: exit %d, stderr %q", code, stderr)
	}
}

func regexpMatch(pattern, s string) bool {
	return regexp.MustCompile(pattern).MatchString(s)
}
