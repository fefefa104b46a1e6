package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A --base that names no revision (main, in a repository whose branch is
// master) says so and names the branch checked out, not git's "Needed a
// single revision"; one that goes back past the first commit (HEAD~1 in a
// new repository) says how long the history is.
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
	// HEAD~1 of a first commit names a revision git knows the start of:
	// what is missing is history, not a branch (before, it read as a
	// branch missing, "no revision HEAD~1; the current branch is …")
	for _, rev := range []string{"HEAD~1", "master^", "HEAD~3"} {
		want := "errgen: --base " + rev + ": no revision " + rev + ": the history of " + strings.TrimRight(rev, "~^0123456789") + " has 1 commit\n"
		if code, stdout, stderr := runIn(t, repo, "diff", "--base", rev); code != exitFailure || stdout != "" || stderr != want {
			t.Errorf("--base %s: exit %d, stdout %q, stderr %q, want 1 and %q", rev, code, stdout, stderr, want)
		}
	}
	git("checkout", "-q", "--detach")
	if code, _, stderr := runIn(t, repo, "diff", "--base", "main"); code != exitFailure || !regexpMatch(`^errgen: --base main: no revision main; HEAD is detached at [0-9a-f]+ \(branches: master\)\n$`, stderr) {
		t.Errorf("detached: exit %d, stderr %q", code, stderr)
	}
}

// Only a rev that walks first parents past the start of the history says
// how long the history is: a second parent of a commit that has none
// (master^2), a peel or a path after the walk, or a walk within a history
// whose merges git log counts too fails for another reason, and "the
// history of master has 3 commits" misled (before, each of them said so).
func TestDiffBaseHistoryOnlyWhenTooShort(t *testing.T) {
	r := newGitRepo(t)
	r.write("catalog.yaml", oldCatalog)
	r.commit("first")
	r.git("checkout", "-q", "-b", "side")
	r.commit("side")
	r.git("checkout", "-q", "master")
	r.git("merge", "-q", "--no-ff", "-m", "merge", "side") // 3 commits, 2 along first parents
	const branch = "; the current branch is master (branches: master, side)\n"
	for _, tt := range []struct{ rev, want string }{
		{"HEAD~2", ": the history of HEAD has 2 commits along first parents, which ~ and ^ follow\n"},
		{"master^^^", ": the history of master has 2 commits along first parents, which ~ and ^ follow\n"},
		{"@~1~1", ": the history of @ has 2 commits along first parents, which ~ and ^ follow\n"},
		{"side~2", ": the history of side has 2 commits\n"},
		{"HEAD^0~3", ": the history of HEAD has 2 commits along first parents, which ~ and ^ follow\n"},
		{"side^2", branch},
		{"HEAD~1^2", branch},
		{"HEAD^{tree}~1", branch},
		{"HEAD~1:catalog.yaml", branch},
		{"~1", branch},
	} {
		want := "errgen: --base " + tt.rev + ": no revision " + tt.rev + tt.want
		if code, stdout, stderr := runIn(t, r.dir, "diff", "--base", tt.rev); code != exitFailure || stdout != "" || stderr != want {
			t.Errorf("--base %s: exit %d, stdout %q, stderr %q, want 1 and %q", tt.rev, code, stdout, stderr, want)
		}
	}
}

func regexpMatch(pattern, s string) bool {
	return regexp.MustCompile(pattern).MatchString(s)
}

// An invalid catalog diff is given ends in what follows for diff, which
// writes nothing anyway: no comparison; an invalid base names the revision
// and what to do.
func TestDiffInvalidCatalog(t *testing.T) {
	const invalid = "version: 1\napi: Shop API\nerrors: []\n"
	tests := []struct {
		name         string
		base, latest string   // the catalog committed, then in the working tree
		args         []string // diff's arguments
		want         string   // stderr's last line
	}{
		{"base", invalid, oldCatalog, []string{"--base", "HEAD", "catalog.yaml"},
			"errgen: HEAD:catalog.yaml: 1 problem; the base revision's catalog is invalid: fix it there, or compare with another --base\n"},
		{"new, with --base", oldCatalog, invalid, []string{"--base", "HEAD", "catalog.yaml"},
			"errgen: catalog.yaml: 1 problem; nothing was compared\n"},
		{"old", invalid, oldCatalog, []string{"old.yaml", "catalog.yaml"},
			"errgen: old.yaml: 1 problem; nothing was compared\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newGitRepo(t)
			r.write("catalog.yaml", tt.base)
			r.write("old.yaml", tt.base)
			r.commit("catalog")
			r.write("catalog.yaml", tt.latest)
			code, stdout, stderr := runIn(t, r.dir, append([]string{"diff"}, tt.args...)...)
			if code != exitFailure || stdout != "" || !strings.HasSuffix(stderr, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", code, stdout, stderr, tt.want)
			}
		})
	}
}

// In a shallow clone, as CI checks out, a --base it never fetched (the
// default branch, a parent commit) says the clone is shallow and how to
// fetch the base, where it named only the branches.
func TestDiffBaseShallowClone(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	origin, clone := t.TempDir(), filepath.Join(t.TempDir(), "clone")
	git := func(dir string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git(origin, "init", "-q", "--initial-branch=main")
	writeFile(t, filepath.Join(origin, "catalog.yaml"), oldCatalog)
	git(origin, "add", ".")
	git(origin, "commit", "-q", "-m", "catalog")
	git(origin, "checkout", "-q", "-b", "feature")
	writeFile(t, filepath.Join(origin, "catalog.yaml"), newCatalog)
	git(origin, "commit", "-q", "-am", "change")
	git(origin, "clone", "-q", "--depth=1", "--branch=feature", "file://"+origin, clone)
	for _, tc := range []struct{ base, want string }{
		{"origin/main", "; this clone is shallow and never fetched it: fetch it first (git fetch --depth=1 origin main:refs/remotes/origin/main), or fetch the whole history (git fetch --unshallow; actions/checkout: fetch-depth: 0)\n"},
		{"HEAD~1", "; this clone is shallow and may lack it: fetch it first, or fetch the whole history (git fetch --unshallow; actions/checkout: fetch-depth: 0)\n"},
		{"feature/foo", "; this clone is shallow and may lack it: fetch it first, or fetch the whole history (git fetch --unshallow; actions/checkout: fetch-depth: 0)\n"}, // a branch, not the remote feature's foo
	} {
		code, _, stderr := runIn(t, clone, "diff", "--base", tc.base)
		if code != exitFailure || !strings.HasPrefix(stderr, "errgen: --base "+tc.base+": no revision ") || !strings.HasSuffix(stderr, tc.want) {
			t.Errorf("--base %s: exit %d, stderr %q, want 1 and a line ending %q", tc.base, code, stderr, tc.want)
		}
	}
	git(clone, "fetch", "-q", "--depth=1", "origin", "main:refs/remotes/origin/main")
	if code, stdout, stderr := runIn(t, clone, "diff", "--base", "origin/main"); code == exitFailure && strings.Contains(stderr, "no revision") {
		t.Errorf("after the fetch the hint names: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// A translation file taken out since the base is reported where it was,
// REV:translations/es.yaml, after the working tree's lines, whatever the
// base is called: it was sorted by name among them, first for HEAD (an
// upper-case letter sorts before "catalog.yaml"), last for main.
func TestDiffBaseTranslationRemovedLast(t *testing.T) {
	r := newGitRepo(t)
	catalog := "version: 1\napi: Pagos\nlanguage: es\nerrors:\n  - {code: NO_ENCONTRADO, status: 404, title: No encontrado}\n  - {code: INTERNO, status: 500, fallback: true}\n"
	r.write("catalog.yaml", catalog)
	r.write("translations/es.yaml", "language: es\npage: {page_title: Errores}\n")
	r.commit("base")
	r.git("branch", "main")
	if err := os.Remove(filepath.Join(r.dir, "translations", "es.yaml")); err != nil {
		t.Fatal(err)
	}
	r.write("catalog.yaml", strings.Replace(catalog, "title: No encontrado", "title: No hallado", 1))
	for _, rev := range []string{"HEAD", "main"} {
		_, stdout, stderr := r.diffBase(rev, "catalog.yaml")
		lines := strings.Split(stdout, "\n")
		if len(lines) < 2 || !strings.HasPrefix(lines[0], "catalog.yaml:5:") || !strings.HasPrefix(lines[1], rev+":"+filepath.FromSlash("translations/es.yaml")+": catalog: translation-changed: ") {
			t.Errorf("--base %s: stdout\n%s\nstderr %s\nwant the working tree's line, then the base's file's", rev, stdout, stderr)
		}
	}
}
