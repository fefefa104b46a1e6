package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// errNotAtBase is gitShow's error for a file the revision does not have.
var errNotAtBase = errors.New("not at the base revision")

// gitShow reads a catalog as it is at a revision. A symlink in the working
// tree is resolved first, so the file read at rev is the one the link
// points to now. Only "rev's tree has no entry at that path" means the
// catalog is new (errNotAtBase); any other failure of git is an error, so
// that diff never passes because git could not answer. The entry must be
// a regular file no larger than catalog.MaxSize, checked before reading.
func gitShow(rev, path string) ([]byte, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--base %q: not a git revision", rev)
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, err
	}
	if real, err = filepath.Abs(real); err != nil {
		return nil, err
	}
	dir := filepath.Dir(real)
	top, err := gitLine(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--base %s: %v", rev, err)
	}
	if top, err = filepath.EvalSymlinks(top); err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(top, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("--base %s: %s is outside the repository at %s", rev, path, top)
	}
	if _, err := git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, noRevision(top, rev, err)
	}
	object, err := baseBlob(top, rev, filepath.ToSlash(rel))
	if err != nil {
		return nil, err
	}
	return readBlob(top, rev, rel, object)
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

// readBlob reads a blob after checking its size, and stops at the limit
// whatever the size said.
func readBlob(top, rev, rel, object string) ([]byte, error) {
	sizeText, err := gitLine(top, "cat-file", "-s", object)
	if err != nil {
		return nil, fmt.Errorf("reading %s at %s: %v", rel, rev, err)
	}
	size, err := strconv.ParseInt(sizeText, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("reading %s at %s: git cat-file -s printed %q", rel, rev, sizeText)
	}
	if size > catalog.MaxSize {
		return nil, fmt.Errorf("%s at %s is %d bytes, larger than the %d MiB a catalog may have", rel, rev, size, catalog.MaxSize>>20)
	}
	cmd := gitCommand(top, "cat-file", "blob", object)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	data, readErr := io.ReadAll(io.LimitReader(pipe, catalog.MaxSize+1))
	if len(data) > catalog.MaxSize {
		_ = cmd.Process.Kill()
	}
	waitErr := cmd.Wait()
	switch {
	case len(data) > catalog.MaxSize:
		return nil, fmt.Errorf("%s at %s is larger than the %d MiB a catalog may have", rel, rev, catalog.MaxSize>>20)
	case readErr != nil:
		return nil, fmt.Errorf("reading %s at %s: %v", rel, rev, readErr)
	case waitErr != nil:
		return nil, fmt.Errorf("reading %s at %s: git cat-file: %s", rel, rev, strings.TrimSpace(errOut.String()))
	}
	return data, nil
}

// gitLine is git's output as one trimmed line.
func gitLine(dir string, args ...string) (string, error) {
	out, err := git(dir, args...)
	return strings.TrimSpace(string(out)), err
}

// git runs git in dir and returns its output; its error says what git said.
func git(dir string, args ...string) ([]byte, error) {
	cmd := gitCommand(dir, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errOut.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out.Bytes(), nil
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
