package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	pathpkg "path"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// errNotAtBase is gitShow's error for a file the revision does not have.
var errNotAtBase = errors.New("not at the base revision")

// gitBase returns the files of a catalog as they are at a revision, and
// the root's name among them. A symlink in the working tree is resolved
// first, so the root read at rev is the file the link points to now, and
// the files it includes are named from that file's folder. Only "rev's
// tree has no entry at that path" means the catalog is new
// (errNotAtBase); any other failure of git is an error, so that diff never
// passes because git could not answer.
func gitBase(rev, path string) (*gitFiles, string, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, "", fmt.Errorf("--base %q: not a git revision", rev)
	}
	shown, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, "", err
	}
	real, err := filepath.Abs(shown)
	if err != nil {
		return nil, "", err
	}
	dir := filepath.Dir(real)
	top, err := gitLine(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, "", fmt.Errorf("--base %s: %v", rev, err)
	}
	if top, err = filepath.EvalSymlinks(top); err != nil {
		return nil, "", err
	}
	rel, err := filepath.Rel(top, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, "", fmt.Errorf("--base %s: %s is outside the repository at %s", rev, path, top)
	}
	commit, err := gitLine(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return nil, "", noRevision(top, rev, err)
	}
	given := rev
	rev, cut := forkPoint(top, rev, commit)
	rel = filepath.ToSlash(rel)
	files := &gitFiles{top: top, rev: rev, dir: pathpkg.Dir(rel), shown: filepath.Dir(shown), given: path, root: pathpkg.Base(rel), forkCut: cut}
	if rev != given {
		files.behind = given
	}
	_, err = baseBlob(top, rev, rel)
	if errors.Is(err, errNotAtBase) {
		// Moved since rev (git mv api/catalog.yaml catalog.yaml): compared
		// with where it was, so that a change moving the catalog and
		// removing a code is not passed as a new catalog.
		if old, found, renameErr := renamedFrom(top, rev, rel); renameErr != nil {
			return nil, "", renameErr
		} else if found {
			files = &gitFiles{top: top, rev: rev, dir: pathpkg.Dir(old), shown: filepath.FromSlash(pathpkg.Dir(old)), given: filepath.FromSlash(old), root: pathpkg.Base(old), movedFrom: old, behind: files.behind, forkCut: cut}
			_, err = baseBlob(top, rev, old)
		}
	}
	if err != nil {
		return nil, "", err
	}
	return files, files.root, nil
}

// forkPoint is the revision a branch is compared with: rev itself when
// HEAD has all of it (the branch is up to date with main, or is CI's
// merge of the two), else where HEAD left it, their merge base, as git
// diff rev...HEAD and a pull request's own diff take it, abbreviated. Main's
// tip would report each change main made since as the branch undoing it: a
// code main added, removed. Without a merge base (unrelated histories, no
// commit yet, a shallow clone cut above it) it is rev; cut says the clone
// is shallow, so that the merge base may exist but not be in it.
func forkPoint(top, rev, commit string) (point string, cut bool) {
	base, err := gitLine(top, "merge-base", commit, "HEAD")
	switch {
	case err == nil && base == commit:
		return rev, false
	case err == nil && base != "":
		if short, err := gitLine(top, "rev-parse", "--short", base); err == nil && short != "" {
			return short, false
		}
		return base, false
	}
	shallow, err := gitLine(top, "rev-parse", "--is-shallow-repository")
	return rev, err == nil && shallow == "true"
}

// renamedFrom is the path (relative to top) of the file at rev that git
// finds renamed to rel between rev and the working tree, if any. Only
// YAML files are compared, so that a large repository's other files cost
// nothing; the working tree's tracked files count, as git diff REV sees
// them (a git mv not yet committed is found).
func renamedFrom(top, rev, rel string) (string, bool, error) {
	out, err := git(top, "diff", "--find-renames", "--diff-filter=R", "--name-status", "-z", "--end-of-options", rev, "--", "*.yaml", "*.yml")
	if err != nil {
		return "", false, fmt.Errorf("--base %s: %v", rev, err)
	}
	// R<score> NUL old NUL new NUL, for each rename
	fields := strings.Split(string(out), "\x00")
	for i := 0; i+2 < len(fields); i += 3 {
		if strings.HasPrefix(fields[i], "R") && fields[i+2] == rel {
			return fields[i+1], true, nil
		}
	}
	return "", false, nil
}

// baseBlob returns the object id of the regular file at rel in rev's tree,
// errNotAtBase when the tree has nothing there, or an error saying what is
// there instead (a directory, a symlink, a submodule).
func baseBlob(top, rev, rel string) (string, error) {
	out, err := git(top, "ls-tree", "-z", "--full-tree", "--end-of-options", rev, "--", ":(literal)"+rel)
	if err != nil {
		return "", fmt.Errorf("--base %s: %v", rev, err)
	}
	entry, _, _ := bytes.Cut(out, []byte{0})
	if len(entry) == 0 {
		return "", errNotAtBase
	}
	// <mode> SP <type> SP <object> TAB <path>
	meta, _, _ := bytes.Cut(entry, []byte{'\t'})
	fields := strings.Fields(string(meta))
	if len(fields) != 3 {
		return "", fmt.Errorf("--base %s: git ls-tree printed %q", rev, entry)
	}
	mode, kind, object := fields[0], fields[1], fields[2]
	switch {
	case kind == "tree":
		return "", fmt.Errorf("at %s, %s is a directory, not a catalog file", rev, rel)
	case kind == "commit":
		return "", fmt.Errorf("at %s, %s is a submodule, not a catalog file", rev, rel)
	case mode == "120000":
		return "", fmt.Errorf("at %s, %s is a symbolic link, not a catalog file: errgen reads the file a link points to only in the working tree", rev, rel)
	case kind != "blob" || (mode != "100644" && mode != "100755"):
		return "", fmt.Errorf("at %s, %s is a %s of mode %s, not a catalog file", rev, rel, kind, mode)
	}
	return object, nil
}

// oversized is the error for a blob of size bytes over limit, else nil.
func oversized(rev, rel string, size, limit int64) error {
	switch {
	case size > limit && limit == catalog.MaxSize:
		return fmt.Errorf("%s at %s is %d bytes, larger than the %d MiB a catalog may have", rel, rev, size, catalog.MaxSize>>20)
	case size > limit:
		return fmt.Errorf("%s at %s is %d bytes: with the files before it, larger than the %d MiB a catalog may have", rel, rev, size, catalog.MaxSize>>20)
	}
	return nil
}

// gitLine is git's output as one trimmed line.
func gitLine(dir string, args ...string) (string, error) {
	out, err := git(dir, args...)
	return strings.TrimSpace(string(out)), err
}

// git runs git in dir and returns its output; its error says what git said.
// Output past maxGitOutput stops git and fails the run: a listing of a
// monorepo's whole tree is tens of MiB, not gigabytes.
func git(dir string, args ...string) ([]byte, error) {
	cmd := gitCommand(dir, args...)
	out, errOut := &cappedBuffer{limit: maxGitOutput}, &cappedBuffer{limit: 64 << 10, drop: true}
	cmd.Stdout, cmd.Stderr = out, errOut
	err := cmd.Run()
	switch {
	case out.over && !out.drop:
		return nil, fmt.Errorf("git %s printed more than %d MiB; errgen reads no more", args[0], maxGitOutput>>20)
	case err != nil:
		msg := strings.TrimSpace(errOut.buf.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out.buf.Bytes(), nil
}

// maxGitOutput bounds what errgen reads of one git command's output (a
// blob is read within the catalog's own limit, by blobBatch).
var maxGitOutput = 256 << 20

// cappedBuffer keeps at most limit bytes: past them, a write fails, which
// ends the command's output pipe, or, with drop (for what git says on
// stderr), the rest is dropped. Its buffer is a field, not embedded: a
// bytes.Buffer's ReadFrom, which io.Copy would call, would bypass Write.
type cappedBuffer struct {
	buf   bytes.Buffer
	limit int
	drop  bool
	over  bool
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if room := b.limit - b.buf.Len(); len(p) > room {
		b.over = true
		if b.drop {
			b.buf.Write(p[:max(room, 0)])
			return len(p), nil
		}
		return 0, errors.New("output too large")
	}
	return b.buf.Write(p)
}

// gitCommand is git run in dir on the repository that holds dir. The
// variables that point git elsewhere are dropped: git exports GIT_DIR to
// hooks (in a linked worktree, a path relative to where the hook started),
// and with it git would read another repository, or this one at the wrong
// path, and find no catalog at the base.
func gitCommand(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_NAMESPACE":
			continue
		}
		cmd.Env = append(cmd.Env, kv)
	}
	return cmd
}
