package main

import (
	"io/fs"
	"os"
	"path/filepath"
)

// templateDir is the --templates folder: os.DirFS, but each file read
// through readInput, so a template that is a FIFO or a link to /dev/zero
// is refused rather than read forever.
type templateDir struct {
	fs.FS
	dir string
}

func newTemplateDir(dir string) templateDir { return templateDir{os.DirFS(dir), dir} }

// ReadFile is what fs.ReadFile calls on a file system that has it.
func (t templateDir) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	return readInput(filepath.Join(t.dir, filepath.FromSlash(name)), templateLimit)
}

// DisplayPath names the file name of the folder in errgen's diagnostics:
// the folder as the user gave it joined with name, tpl/error.tmpl.
func (t templateDir) DisplayPath(name string) string {
	return filepath.Join(t.dir, filepath.FromSlash(name))
}
