package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/errgen/errgen/internal/readlimit"
)

// diskFiles are the files of a catalog on disk: the root's folder, its
// symbolic links resolved, and what is below it.
type diskFiles struct {
	dir   string // the root's folder, absolute, symbolic links resolved
	shown string // the folder as messages name it
	root  string // the root's name in dir
	given string // the root's path as the user gave it
	dirs  *cachedDirFS
}

// DiskFiles returns the Files of the catalog at path, as Load reads them,
// and the root's name among them. Included files are named relative to
// the folder of the root with its symbolic links resolved.
func DiskFiles(path string) (Files, string, error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, "", err
	}
	abs, err := filepath.Abs(real)
	if err != nil {
		return nil, "", err
	}
	d := diskFiles{dir: filepath.Dir(abs), shown: filepath.Dir(real), root: filepath.Base(abs), given: path}
	d.dirs = newCachedDirFS(os.DirFS(d.dir))
	return d, d.root, nil
}

// Read reads a regular file inside the root's folder tree: a symbolic link
// is followed only when it ends there.
func (d diskFiles) Read(name string, limit int64) ([]byte, string, error) {
	real, err := filepath.EvalSymlinks(filepath.Join(d.dir, filepath.FromSlash(name)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", noSuchFile(fmt.Sprintf("no such file %s", d.Display(name)))
	}
	if err != nil {
		return nil, "", err
	}
	if rel, err := filepath.Rel(d.dir, real); err != nil || !filepath.IsLocal(rel) {
		return nil, "", fmt.Errorf("%s is a symbolic link to %s, outside the root catalog's folder: errgen follows links only inside it", d.Display(name), real)
	}
	st, err := os.Stat(real)
	if err != nil {
		return nil, "", err
	}
	switch {
	case st.IsDir():
		return nil, "", fmt.Errorf("%s is a folder: include the files in it, such as %s/*.yaml", d.Display(name), d.Display(name))
	case !st.Mode().IsRegular():
		return nil, "", fmt.Errorf("%s is not a regular file (a pipe or a device, say), which errgen does not read: include only files of errors", d.Display(name))
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	data, err := readlimit.AtMost(f, st.Size(), limit)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", d.Display(name), err)
	}
	return data, real, nil
}

// Glob matches pattern in the root's folder.
func (d diskFiles) Glob(pattern string) ([]string, error) {
	return fs.Glob(d.dirs, pattern)
}

// cachedDirFS is a folder for fs.Glob, each folder under it read once: a
// root listing 1,000 patterns of one folder of 16,000 files
// (errors/e00001*.yaml, …) read the folder once a pattern, 28 s.
type cachedDirFS struct {
	fs.FS
	mu   sync.Mutex
	read map[string]dirRead
}

type dirRead struct {
	entries []fs.DirEntry
	err     error
}

func newCachedDirFS(fsys fs.FS) *cachedDirFS {
	return &cachedDirFS{FS: fsys, read: map[string]dirRead{}}
}

// ReadDir is fs.ReadDir of the folder, read the first time only.
func (c *cachedDirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.read[name]; ok {
		return r.entries, r.err
	}
	entries, err := fs.ReadDir(c.FS, name)
	c.read[name] = dirRead{entries, err}
	return entries, err
}

// Display is the root as given, and an included file's path from there.
func (d diskFiles) Display(name string) string {
	if name == d.root {
		return d.given
	}
	return filepath.Join(d.shown, filepath.FromSlash(name))
}
