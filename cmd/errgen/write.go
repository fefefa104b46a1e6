package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/errgen/errgen"
)

// target is one output bound to its path on disk.
type target struct {
	path       string // as the user named it, or the default
	data       []byte
	mayReplace string // a file it may replace although errgen did not write it (the spec augmented in place); "" for none
	augmented  bool   // an augmented spec: it may replace a file that carries errgen's augmentation marker
}

// planned is a target ready to be written: where the bytes really go, and
// the mode they get.
type planned struct {
	target
	real   string      // the file written: path, with symlinks followed
	mode   fs.FileMode // the existing file's permissions, kept
	exists bool        // the file exists: else it is created 0666 less the umask
}

// writeAll writes the targets whose bytes changed, all or none: every target
// is checked before any file is touched, every temporary file is complete
// before the first rename, and temporaries are removed when anything fails
// or the process is interrupted. Output goes only through the paths named,
// following symlinks (the link stays a link), keeping file modes, and never
// over a file whose first line is not errgen's header.
func writeAll(targets []target) (written []string, err error) {
	plans, err := plan(targets)
	if err != nil {
		return nil, err
	}
	temps := &tempFiles{}
	stop := temps.removeOnSignal()
	defer stop()
	defer temps.removeAll()
	for i := range plans {
		if err := temps.write(&plans[i]); err != nil {
			return nil, err
		}
	}
	// The renames run under the lock the signal handler takes: an interrupt
	// comes before all of them or after all of them.
	temps.mu.Lock()
	defer temps.mu.Unlock()
	if temps.interrupted {
		return nil, errors.New("interrupted")
	}
	for i, p := range plans {
		if err := os.Rename(temps.names[i], p.real); err != nil {
			return written, fmt.Errorf("%w (written before it: %s)", err, strings.Join(written, ", "))
		}
		written = append(written, p.path)
	}
	temps.names = nil
	temps.renamed = true
	return written, nil
}

// plan checks every target and keeps those whose bytes changed.
func plan(targets []target) ([]planned, error) {
	var plans []planned
	seen := map[string]string{} // real path → the path that named it
	for _, t := range targets {
		real, err := followLinks(t.path)
		if err != nil {
			return nil, err
		}
		abs, err := filepath.Abs(real)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[abs]; dup {
			return nil, fmt.Errorf("%s and %s are the same file; give each output its own path", prev, t.path)
		}
		seen[abs] = t.path
		p := planned{target: t, real: real}
		st, err := os.Stat(real)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, err
		case !st.Mode().IsRegular():
			return nil, fmt.Errorf("%s exists and is not a regular file; refusing to replace it", t.path)
		default:
			p.mode, p.exists = st.Mode().Perm(), true
			old, err := readInput(real, maxOutputSize)
			if err != nil {
				return nil, err
			}
			if bytes.Equal(old, t.data) {
				continue
			}
			if !generatedByErrgen(old) && !sameFile(real, t.mayReplace) && !(t.augmented && errgen.IsAugmented(old)) {
				return nil, fmt.Errorf("%s exists and its first line is not errgen's header; refusing to overwrite it: move it away, or write this output elsewhere (or turn it off with none)", t.path)
			}
		}
		plans = append(plans, p)
	}
	return plans, nil
}

// generatedByErrgen reports whether a file's first line is errgen's header,
// in one of its outputs' comment syntaxes. Quoting the header further down,
// in a README say, does not make a file errgen's.
func generatedByErrgen(data []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimPrefix(data, []byte("\ufeff")), []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	for _, form := range []string{"// %s", "# %s", "<!-- %s -->"} {
		if string(line) == fmt.Sprintf(form, errgen.Header) {
			return true
		}
	}
	return false
}

// followLinks returns the file a path writes to: itself, or the end of its
// chain of symlinks, which may not exist yet.
func followLinks(path string) (string, error) {
	for range 40 {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) bool {
	if b == "" {
		return false
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// tempFiles are the complete new contents waiting for their renames.
type tempFiles struct {
	mu          sync.Mutex
	names       []string
	interrupted bool // a signal came: no rename may follow
	renamed     bool // every rename is done: a signal now has nothing to undo
}

// write writes a plan's bytes into a temporary file beside its target, with
// the target's mode.
func (t *tempFiles) write(p *planned) error {
	dir := filepath.Dir(p.real)
	if err := os.MkdirAll(dir, 0o777); err != nil { // less the umask, like mkdir -p
		return err
	}
	// Created and registered under the lock: a signal between the two
	// would leave a temporary that the handler does not know of.
	t.mu.Lock()
	if t.interrupted {
		t.mu.Unlock()
		return errors.New("interrupted")
	}
	f, err := createTemp(dir, "."+filepath.Base(p.real)+".tmp", 0o666)
	if err != nil {
		t.mu.Unlock()
		return err
	}
	t.names = append(t.names, f.Name())
	t.mu.Unlock()
	if _, err := f.Write(p.data); err != nil {
		f.Close()
		return err
	}
	if p.exists {
		if err := f.Chmod(p.mode); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// removeAll removes the temporaries not renamed: all of them when the run
// failed, none after the renames.
func (t *tempFiles) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.remove()
}

// remove removes the temporaries; t.mu is held.
func (t *tempFiles) remove() {
	for _, name := range t.names {
		os.Remove(name)
	}
	t.names = nil
}

// removeOnSignal removes the temporaries when the process is interrupted
// before the renames, and exits; the returned func ends the watch.
func (t *tempFiles) removeOnSignal() (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			// Holding the lock to the end: no rename starts after this, and
			// the process exits once a write in progress returns.
			t.mu.Lock()
			if t.renamed {
				// The run has written everything and is about to end:
				// ending it with a failure would misreport it.
				t.mu.Unlock()
				return
			}
			t.interrupted = true
			t.remove()
			os.Exit(exitFailure)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
