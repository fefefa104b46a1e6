package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gitRepo is a temporary repository for diff --base cases.
type gitRepo struct {
	t   *testing.T
	dir string
}

func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	r := &gitRepo{t, t.TempDir()}
	r.git("init", "-q", "-b", "master")
	return r
}

// git runs git in the repository and returns its output.
func (r *gitRepo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "protocol.file.allow=always"}, args...)...)
	cmd.Env = gitCommand(r.dir).Env // the test's own git ignores an exported GIT_DIR too
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *gitRepo) write(rel, data string) { writeFile(r.t, filepath.Join(r.dir, rel), data) }

func (r *gitRepo) commit(msg string) {
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
}

// diffBase runs errgen diff --base REV CATALOG in the repository.
func (r *gitRepo) diffBase(rev, catalog string) (int, string, string) {
	return runIn(r.t, r.dir, "diff", "--base", rev, catalog)
}

// statusChanged is the text line of GONE's status change, which
// oldCatalog and newCatalog make on line 5; statusChangedIn is it at file.
const statusChanged = "GONE: status-changed: breaking (wire): status changed from 410 to 400\n"

func statusChangedIn(file string) string { return filepath.FromSlash(file) + ":5:18: " + statusChanged }

// Only an absent path means "new since REV"; whatever else the base holds
// there, or git failing, fails the run with what was found.
func TestDiffBaseRefusesWhatIsNotAFile(t *testing.T) {
	tests := []struct {
		name  string
		setup func(r *gitRepo)
		want  string
	}{
		{"directory", func(r *gitRepo) {
			r.write("catalog.yaml/old.yaml", oldCatalog)
			r.git("add", "-A")
		}, "errgen: at HEAD, catalog.yaml is a directory, not a catalog file\n"},
		{"symlink", func(r *gitRepo) {
			r.write("conf/catalog.yaml", oldCatalog)
			if err := os.Symlink("conf/catalog.yaml", filepath.Join(r.dir, "catalog.yaml")); err != nil {
				t.Fatal(err)
			}
			r.git("add", "-A")
		}, "errgen: at HEAD, catalog.yaml is a symbolic link, not a catalog file: errgen reads the file a link points to only in the working tree\n"},
		{"submodule", func(r *gitRepo) {
			r.git("update-index", "--add", "--cacheinfo", "160000,"+strings.Repeat("ab", 20)+",catalog.yaml")
		}, "errgen: at HEAD, catalog.yaml is a submodule, not a catalog file\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newGitRepo(t)
			tt.setup(r)
			r.git("commit", "-q", "-m", "base")
			r.git("rm", "-rq", "--cached", "catalog.yaml")
			_ = os.RemoveAll(filepath.Join(r.dir, "catalog.yaml"))
			r.write("catalog.yaml", newCatalog)
			code, stdout, stderr := r.diffBase("HEAD", "catalog.yaml")
			if code != exitFailure || stdout != "" || stderr != tt.want {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1, stderr %q", code, stdout, stderr, tt.want)
			}
		})
	}
}

// A catalog that is a symlink in the working tree is compared with the
// file it points to, as that file was at the base.
func TestDiffBaseFollowsWorkingTreeSymlink(t *testing.T) {
	r := newGitRepo(t)
	r.write("conf/catalog.yaml", oldCatalog)
	if err := os.Symlink("conf/catalog.yaml", filepath.Join(r.dir, "catalog.yaml")); err != nil {
		t.Fatal(err)
	}
	r.commit("base")
	r.write("conf/catalog.yaml", newCatalog)
	code, stdout, stderr := r.diffBase("HEAD", "catalog.yaml")
	if code != exitFailure || !strings.HasPrefix(stdout, statusChangedIn("catalog.yaml")) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// GIT_DIR exported (as git does for hooks) pointing anywhere does not turn
// the comparison into "new since REV": errgen reads the repository that
// holds the catalog.
func TestDiffBaseIgnoresExportedGitDir(t *testing.T) {
	r := newGitRepo(t)
	r.write("api/catalog.yaml", oldCatalog)
	r.commit("base")
	r.write("api/catalog.yaml", newCatalog)
	other := newGitRepo(t)
	other.commit("empty")
	for _, gitDir := range []string{filepath.Join(other.dir, ".git"), ".git", filepath.Join(t.TempDir(), "nothing")} {
		t.Setenv("GIT_DIR", gitDir)
		code, stdout, stderr := runIn(t, filepath.Join(r.dir, "api"), "diff", "--base", "HEAD")
		if code != exitFailure || !strings.HasPrefix(stdout, statusChangedIn("catalog.yaml")) {
			t.Errorf("GIT_DIR=%s: exit %d, stdout %q, stderr %q", gitDir, code, stdout, stderr)
		}
	}
}

// A partial clone whose remote is gone cannot read the base blob: an
// error, never "new since REV".
func TestDiffBasePartialCloneOffline(t *testing.T) {
	src := newGitRepo(t)
	src.write("catalog.yaml", oldCatalog)
	src.commit("base")
	src.git("config", "uploadpack.allowFilter", "true")
	clone := filepath.Join(t.TempDir(), "clone")
	src.git("clone", "-q", "--no-checkout", "--filter=blob:none", "file://"+src.dir, clone)
	if err := os.RemoveAll(src.dir); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(clone, "catalog.yaml"), newCatalog)
	code, stdout, stderr := runIn(t, clone, "diff", "--base", "HEAD", "catalog.yaml")
	if code != exitFailure || stdout != "" || !strings.HasPrefix(stderr, "errgen: reading catalog.yaml at HEAD: ") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// A base catalog over catalog.MaxSize is refused by its size, before git
// reads it.
func TestDiffBaseOversizedBlob(t *testing.T) {
	r := newGitRepo(t)
	r.write("catalog.yaml", oldCatalog+"# "+strings.Repeat("x", 17<<20)+"\n")
	r.commit("base")
	r.write("catalog.yaml", newCatalog)
	code, _, stderr := r.diffBase("HEAD", "catalog.yaml")
	if code != exitFailure || !strings.Contains(stderr, "catalog.yaml at HEAD is 17825") || !strings.HasSuffix(stderr, "larger than the 16 MiB a catalog may have\n") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// What errgen reads of git's output is bounded: a base whose catalog
// folder lists more than maxGitOutput (here 4 KiB) fails the run, saying
// so, instead of holding it all.
func TestDiffBaseGitOutputBounded(t *testing.T) {
	r := newGitRepo(t)
	r.write("api/catalog.yaml", splitRoot)
	r.write("api/errors/a.yaml", "errors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	for i := range 200 {
		r.write(filepath.Join("api", "errors", "notes", strings.Repeat("n", 40)+strconv.Itoa(i)+".md"), "a note\n")
	}
	r.commit("base")
	defer func(limit int) { maxGitOutput = limit }(maxGitOutput)
	maxGitOutput = 4 << 10
	code, stdout, stderr := r.diffBase("HEAD", "api/catalog.yaml")
	if code != exitFailure || !strings.Contains(stderr, "git ls-tree printed more than 0 MiB; errgen reads no more") {
		t.Errorf("exit %d, stdout %q, stderr %q; want the listing refused", code, stdout, stderr)
	}
	maxGitOutput = 1 << 20
	if code, stdout, stderr := r.diffBase("HEAD", "api/catalog.yaml"); code != exitOK || stdout != "no changes\n" {
		t.Errorf("within the limit: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// An include that names a folder at the base is told so there too, with
// the pattern to write, as on disk: it said the folder was no regular file.
func TestDiffBaseIncludeFolder(t *testing.T) {
	r := newGitRepo(t)
	r.write("catalog.yaml", "version: 1\napi: Split\ninclude: [errors]\n")
	r.write("errors/a.yaml", "errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	r.commit("base")
	r.write("catalog.yaml", "version: 1\napi: Split\ninclude: [errors/*.yaml]\n")
	code, _, stderr := r.diffBase("HEAD", "catalog.yaml")
	const want = `HEAD:catalog.yaml:3:11: include "errors": HEAD:errors is a folder: include the files in it, such as errors/*.yaml`
	if code != exitFailure || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
}

// A code removed has no place in the working tree's catalog: its text line
// is where it was, in the base's file, named REV:path as json's pos names
// it, so that neither an editor nor a CI annotator takes it for the working
// tree's line. The text once gave no position at all.
func TestDiffBaseRemovedAtRevision(t *testing.T) {
	r := newGitRepo(t)
	r.write("api/catalog.yaml", oldCatalog)
	r.commit("base")
	r.write("api/catalog.yaml", strings.Replace(oldCatalog, "  - {code: EXPIRED, status: 410}\n", "", 1))
	for _, tc := range []struct{ dir, catalog, want string }{
		{r.dir, "api/catalog.yaml", "HEAD:" + filepath.FromSlash("api/catalog.yaml") + ":6:12: EXPIRED: code-removed: breaking (wire, go): "},
		{filepath.Join(r.dir, "api"), "catalog.yaml", "HEAD:catalog.yaml:6:12: EXPIRED: code-removed: breaking (wire, go): "},
	} {
		code, stdout, stderr := runIn(t, tc.dir, "diff", "--base", "HEAD", tc.catalog)
		if code != exitFailure || !strings.HasPrefix(stdout, tc.want) {
			t.Errorf("%s in %s: exit %d, stdout %q, stderr %q; want it to start with %q", tc.catalog, tc.dir, code, stdout, stderr, tc.want)
		}
	}
}
