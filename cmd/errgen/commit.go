package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// rename is os.Rename; tests make it fail part way through a run, and
// while it is rolled back.
var rename = os.Rename

// replaced is a target a rename replaced or created: what rolling the run
// back puts back.
type replaced struct {
	path, real string // as planned
	backup     string // the file it replaced, kept aside under another name; "" when it created real
}

// commit renames each staged temporary over its target; t.mu is held. The
// file each replaces is first kept aside under a second name (a hard link,
// else a copy), so that when a rename fails the ones before it are undone:
// their old files are put back and the files they created removed, and the
// run still changes nothing. Once every rename is done, the files kept
// aside are left for removeAll.
func (t *tempFiles) commit(staged []planned) (written []string, err error) {
	var done []replaced
	var backups []string
	for _, p := range staged {
		r := replaced{path: p.path, real: p.real}
		if p.exists {
			if r.backup, err = keepAside(p.real); err != nil {
				break
			}
			backups = append(backups, r.backup)
		}
		if err = rename(p.temp, p.real); err != nil {
			var le *os.LinkError
			if errors.As(err, &le) { // named as the user named the output, not its temporary
				err = &os.PathError{Op: "write", Path: p.path, Err: le.Err}
			}
			if r.backup != "" {
				os.Remove(r.backup)
			}
			break
		}
		done = append(done, r)
		written = append(written, p.path)
	}
	if err != nil {
		return rollBack(done, err)
	}
	t.names, t.dirs = backups, nil
	t.renamed = true
	return written, nil
}

// rollBack undoes done, the renames made before failed, the last first.
// It returns the outputs it could not put back, which stay written, and
// failed saying so, and where each one's old bytes are.
func rollBack(done []replaced, failed error) (written []string, err error) {
	var notes []string
	for i := len(done) - 1; i >= 0; i-- {
		r := done[i]
		if r.backup == "" {
			err = os.Remove(r.real)
		} else {
			err = rename(r.backup, r.real)
		}
		if err != nil {
			written = append(written, r.path)
			note := r.path
			if r.backup != "" {
				note += " (its old bytes are in " + r.backup + ")"
			}
			notes = append(notes, note)
		}
	}
	if notes != nil {
		return written, fmt.Errorf("%w; putting back what was written before it failed too, so these outputs changed: %s", failed, strings.Join(notes, ", "))
	}
	return nil, failed
}

// keepAside gives the file real a second name beside it and returns that
// name: a hard link, which costs nothing and keeps its mode, or, where the
// file system has none, a copy with the same mode.
func keepAside(real string) (string, error) {
	prefix := "." + filepath.Base(real) + ".old"
	for range 100 {
		f, err := createTemp(filepath.Dir(real), prefix, 0o600)
		if err != nil {
			return "", err
		}
		name := f.Name()
		f.Close()
		os.Remove(name) // the name is free: link needs it to be
		err = os.Link(real, name)
		if err == nil {
			return name, nil
		}
		if !os.IsExist(err) {
			return copyAside(real, prefix)
		}
	}
	return "", fmt.Errorf("keep %s aside: no free name", real)
}

// copyAside copies the file real into a new file beside it with its mode.
func copyAside(real, prefix string) (name string, err error) {
	src, err := os.Open(real)
	if err != nil {
		return "", err
	}
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return "", err
	}
	dst, err := createTemp(filepath.Dir(real), prefix, st.Mode().Perm())
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			os.Remove(dst.Name())
		}
	}()
	_, err = io.Copy(dst, src)
	err = errors.Join(err, dst.Chmod(st.Mode().Perm()), dst.Close())
	return dst.Name(), err
}
