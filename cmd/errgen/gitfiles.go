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
	forkCut  bool
	listing  []string             // the files under dir at rev, relative to dir; read by the first Glob or included file
	entries  map[string]treeEntry // the same files' entries, by the same names
	byFolder map[string][]string  // the same names by their folder ("." for the root's), in the listing's order
	listed   bool
	batch    *blobBatch // reads the included files' blobs; started by the first
}

// treeEntry is a file of the revision's tree, as git ls-tree lists it.
type treeEntry struct {
	mode, kind, object string
}

// maxLinks bounds the symbolic links followed to one included file.
const maxLinks = 8

// Read reads the blob at name, following symbolic links (blobs of mode
// 120000) that stay inside the root's folder tree, within limit.
func (g *gitFiles) Read(name string, limit int64) ([]byte, string, error) {
	rel := pathpkg.Join(g.dir, name)
	for range maxLinks {
		if name != g.root {
			var err error
			if rel, err = g.throughFolderLinks(rel, name); err != nil {
				return nil, "", err
			}
		}
		e, err := g.entry(rel, name)
		if err != nil {
			return nil, "", err
		}
		if e.mode != "120000" {
			data, err := g.blob(rel, e, limit)
			return data, rel, err
		}
		target, err := g.blob(rel, e, 4096)
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

// entry is the entry of the blob at rel, which the root names as name: a
// regular file or a symbolic link. An included file's comes from the
// listing of the root's folder tree, made once; the root's, and a name the
// listing lacks (a folder, a path that is not there), from git ls-tree of
// the path alone.
func (g *gitFiles) entry(rel, name string) (treeEntry, error) {
	if name != g.root && g.inside(rel) {
		if err := g.list(); err != nil {
			return treeEntry{}, err
		}
		if e, ok := g.entries[g.inDir(rel)]; ok {
			return e, g.notFile(e, name)
		}
	}
	out, err := git(g.top, "ls-tree", "-z", "--full-tree", "--end-of-options", g.rev, "--", ":(literal)"+rel)
	if err != nil {
		return treeEntry{}, fmt.Errorf("--base %s: %v", g.rev, err)
	}
	line, _, _ := bytes.Cut(out, []byte{0})
	if len(line) == 0 {
		return treeEntry{}, noSuchFile(fmt.Sprintf("no such file %s at %s", g.Display(name), g.rev))
	}
	e, _, ok := parseTreeEntry(string(line))
	if !ok {
		return treeEntry{}, fmt.Errorf("--base %s: git ls-tree printed %q", g.rev, line)
	}
	return e, g.notFile(e, name)
}

// notFile is the error for an entry that is neither a regular file nor a
// symbolic link, else nil.
func (g *gitFiles) notFile(e treeEntry, name string) error {
	if e.kind == "tree" {
		return fmt.Errorf("%s is a folder: include the files in it, such as %s/*.yaml", g.Display(name), name)
	}
	if e.kind != "blob" || (e.mode != "100644" && e.mode != "100755" && e.mode != "120000") {
		return fmt.Errorf("at %s, %s is not a regular file", g.rev, g.Display(name))
	}
	return nil
}

// parseTreeEntry reads a line of git ls-tree -z, "MODE TYPE OBJECT\tPATH".
// Any other line is git's output garbled, refused rather than read: a kind
// git has not, or an object that is no object id (which cat-file --batch
// would read as a revision to look up, such as HEAD:secret).
func parseTreeEntry(line string) (treeEntry, string, bool) {
	meta, path, ok := strings.Cut(line, "\t")
	mode, rest, _ := strings.Cut(meta, " ")
	kind, object, _ := strings.Cut(rest, " ")
	if !ok || path == "" || !isTreeMode(mode) || !isObjectID(object) || kind != "blob" && kind != "tree" && kind != "commit" {
		return treeEntry{}, "", false
	}
	return treeEntry{mode: mode, kind: kind, object: object}, path, true
}

// isTreeMode reports whether s is a mode as git ls-tree prints it: six
// octal digits.
func isTreeMode(s string) bool {
	return len(s) == 6 && strings.Trim(s, "01234567") == ""
}

// isObjectID reports whether s is an object id as git prints it: SHA-1's
// 40 or SHA-256's 64 lower-case hex digits.
func isObjectID(s string) bool {
	return (len(s) == 40 || len(s) == 64) && strings.Trim(s, "0123456789abcdef") == ""
}

// inDir is rel, relative to top, as a name relative to the root's folder.
func (g *gitFiles) inDir(rel string) string {
	if g.dir == "." {
		return rel
	}
	return strings.TrimPrefix(rel, g.dir+"/")
}

// blob reads the blob of e at rel within limit, through the batch.
func (g *gitFiles) blob(rel string, e treeEntry, limit int64) ([]byte, error) {
	if g.batch == nil {
		batch, err := startBlobBatch(g.top)
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: %v", rel, g.rev, err)
		}
		g.batch = batch
	}
	data, err := g.batch.read(e.object, limit)
	var tooLarge blobTooLarge
	switch {
	case errors.As(err, &tooLarge):
		g.batch = nil // stopped mid-blob: the next blob needs another
		return nil, oversized(g.rev, rel, int64(tooLarge), limit)
	case err != nil:
		return nil, fmt.Errorf("reading %s at %s: %v", rel, g.rev, err)
	}
	return data, nil
}

// close ends the git process reading blobs, if one was started.
func (g *gitFiles) close() { g.batch.close() }

// Glob matches pattern against every file of the root's folder tree at
// the revision, listed once with git ls-tree -r.
func (g *gitFiles) Glob(pattern string) ([]string, error) {
	if err := g.list(); err != nil {
		return nil, err
	}
	if _, err := pathpkg.Match(pattern, ""); err != nil { // Match checks the whole pattern
		return nil, errors.New("syntax error in pattern")
	}
	candidates, linked, err := g.linkedCandidates(pattern)
	if err != nil {
		return nil, err
	}
	if !linked {
		candidates = g.candidates(pattern)
	}
	var names []string
	for _, name := range candidates {
		if ok, _ := pathpkg.Match(pattern, name); ok {
			names = append(names, name)
		}
	}
	return names, nil
}

// candidates are the names pattern may match: those of its folder when
// the folder is written out, since no wildcard matches a slash. Matching
// every pattern against the whole listing cost the include list's length
// times the tree's files: 1,000 patterns over a monorepo's million.
func (g *gitFiles) candidates(pattern string) []string {
	folder := pathpkg.Dir(pattern)
	if strings.ContainsAny(folder, `*?[\`) {
		return g.listing
	}
	return g.byFolder[folder]
}

// list lists the files of the root's folder tree at the revision, with
// their objects, once.
func (g *gitFiles) list() error {
	if g.listed {
		return nil
	}
	args := []string{"ls-tree", "-r", "-z", "--full-tree", "--end-of-options", g.rev}
	if g.dir != "." {
		args = append(args, "--", ":(literal)"+g.dir+"/")
	}
	out, err := git(g.top, args...)
	if err != nil {
		return fmt.Errorf("--base %s: %v", g.rev, err)
	}
	g.entries, g.byFolder = map[string]treeEntry{}, map[string][]string{}
	for _, line := range strings.Split(string(out), "\x00") {
		if line == "" {
			continue
		}
		e, p, ok := parseTreeEntry(line)
		if !ok {
			return fmt.Errorf("--base %s: git ls-tree printed %q", g.rev, line)
		}
		p = g.inDir(p)
		g.listing = append(g.listing, p)
		g.entries[p] = e
		g.byFolder[pathpkg.Dir(p)] = append(g.byFolder[pathpkg.Dir(p)], p)
	}
	g.listed = true
	return nil
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
