package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	pathpkg "path"
	"path/filepath"
	"strings"
)

// gitFiles are a catalog's files as they are at a revision, for errgen
// diff --base: the root, and what its include list names, globs expanded
// against the revision's tree. Names are relative to the root's folder.
type gitFiles struct {
	top, rev string
	dir      string // the root's folder, relative to top, slash-separated ("." at the top)
	shown    string // the root's folder in the working tree, as messages name it
	given    string // the root's path as given
	root     string // the root's name in dir
	// movedFrom is the root's path at rev (relative to top) when git
	// found it moved since (dir and root name it then); "" otherwise.
	movedFrom string
	// behind is the revision --base named when HEAD lacks some of its
	// commits, and rev their merge base; "" otherwise.
	behind string
	// forkCut: HEAD and rev have no merge base in this shallow clone, so
	// where HEAD left rev is unknown.
	forkCut bool
	listing []string // the files under dir at rev, relative to dir; read by the first Glob
	listed  bool
}

// maxLinks bounds the symbolic links followed to one included file.
const maxLinks = 8

// Read reads the blob at name, following symbolic links (blobs of mode
// 120000) that stay inside the root's folder tree, within limit.
func (g *gitFiles) Read(name string, limit int64) ([]byte, string, error) {
	rel := pathpkg.Join(g.dir, name)
	for range maxLinks {
		mode, object, err := g.entry(rel, name)
		if err != nil {
			return nil, "", err
		}
		if mode != "120000" {
			data, err := readBlob(g.top, g.rev, rel, object, limit)
			return data, rel, err
		}
		target, err := readBlob(g.top, g.rev, rel, object, 4096)
		if err != nil {
			return nil, "", err
		}
		next := pathpkg.Join(pathpkg.Dir(rel), string(target))
		if pathpkg.IsAbs(string(target)) || !g.inside(next) {
			return nil, "", fmt.Errorf("at %s, %s is a symbolic link to %s, outside the root catalog's folder: errgen follows links only inside it", g.rev, g.Display(name), target)
		}
		rel = next
	}
	return nil, "", fmt.Errorf("at %s, %s: more than %d symbolic links in a row", g.rev, g.Display(name), maxLinks)
}

// inside reports whether rel (relative to top) is in the root's folder tree.
func (g *gitFiles) inside(rel string) bool {
	if g.dir == "." {
		return rel != ".." && !strings.HasPrefix(rel, "../")
	}
	return strings.HasPrefix(rel, g.dir+"/")
}

// entry is the mode and object of the blob at rel, which the root names
// as name: a regular file or a symbolic link.
func (g *gitFiles) entry(rel, name string) (mode, object string, err error) {
	out, err := git(g.top, "ls-tree", "-z", "--full-tree", "--end-of-options", g.rev, "--", ":(literal)"+rel)
	if err != nil {
		return "", "", fmt.Errorf("--base %s: %v", g.rev, err)
	}
	entry, _, _ := bytes.Cut(out, []byte{0})
	meta, _, _ := bytes.Cut(entry, []byte{'\t'})
	fields := strings.Fields(string(meta))
	switch {
	case len(entry) == 0:
		return "", "", noSuchFile(fmt.Sprintf("no such file %s at %s", g.Display(name), g.rev))
	case len(fields) != 3:
		return "", "", fmt.Errorf("--base %s: git ls-tree printed %q", g.rev, entry)
	case fields[1] == "tree":
		return "", "", fmt.Errorf("%s is a folder: include the files in it, such as %s/*.yaml", g.Display(name), name)
	case fields[1] != "blob" || (fields[0] != "100644" && fields[0] != "100755" && fields[0] != "120000"):
		return "", "", fmt.Errorf("at %s, %s is not a regular file", g.rev, g.Display(name))
	}
	return fields[0], fields[2], nil
}

// Glob matches pattern against every file of the root's folder tree at
// the revision, listed once with git ls-tree -r.
func (g *gitFiles) Glob(pattern string) ([]string, error) {
	if !g.listed {
		args := []string{"ls-tree", "-r", "-z", "--full-tree", "--name-only", "--end-of-options", g.rev}
		if g.dir != "." {
			args = append(args, "--", ":(literal)"+g.dir+"/")
		}
		out, err := git(g.top, args...)
		if err != nil {
			return nil, fmt.Errorf("--base %s: %v", g.rev, err)
		}
		for _, p := range strings.Split(string(out), "\x00") {
			if g.dir != "." {
				p = strings.TrimPrefix(p, g.dir+"/")
			}
			if p != "" {
				g.listing = append(g.listing, p)
			}
		}
		g.listed = true
	}
	var names []string
	for _, name := range g.listing {
		ok, err := pathpkg.Match(pattern, name)
		if err != nil {
			return nil, errors.New("syntax error in pattern")
		}
		if ok {
			names = append(names, name)
		}
	}
	return names, nil
}

// noSuchFile is the error for a name the revision has no file at: it is
// fs.ErrNotExist to errors.Is, so that a language without a translation
// file at the base is one, not a failure to read it.
type noSuchFile string

func (e noSuchFile) Error() string        { return string(e) }
func (e noSuchFile) Is(target error) bool { return target == fs.ErrNotExist }

// Display names a file as REV:path, the path as in the working tree.
func (g *gitFiles) Display(name string) string {
	if name == g.root {
		return g.rev + ":" + g.given
	}
	return g.rev + ":" + filepath.Join(g.shown, filepath.FromSlash(name))
}
