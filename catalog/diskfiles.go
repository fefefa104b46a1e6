package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/errgen/errgen/internal/readlimit"
)

// diskFiles are the files of a catalog on disk: the root's folder, its
// symbolic links resolved, and what is below it.
type diskFiles struct {
	dir   string // the root's folder, absolute, symbolic links resolved
	shown string // the folder as messages name it
	root  string // the root's name in dir
	given string // the root's path as the user gave it
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
	return fs.Glob(os.DirFS(d.dir), pattern)
}

// Display is the root as given, and an included file's path from there.
func (d diskFiles) Display(name string) string {
	if name == d.root {
		return d.given
	}
	return filepath.Join(d.shown, filepath.FromSlash(name))
}
