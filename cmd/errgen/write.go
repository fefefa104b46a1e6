package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/internal/markdown"
)

// target is one output bound to its path on disk.
type target struct {
	path       string      // as the user named it, or the default
	data       []byte      // the output; nil when gen computes it
	gen        io.WriterTo // computes the output as it is written (stream.go), or nil
	mayReplace string      // a file it may replace although errgen did not write it (the spec augmented in place); "" for none
	augmented  bool        // an augmented spec: it may replace a file that carries errgen's augmentation marker

	// A Markdown page in another language has no key or flag of its own:
	// its path is the default language's page's (pageOf), named for its
	// language. Both "" for every other output.
	pageOf, language string
}

// planned is a target ready to be written: where the bytes really go, and
// the mode they get.
type planned struct {
	target
	real   string      // the file written: path, with symlinks followed
	mode   fs.FileMode // the existing file's permissions, kept
	exists bool        // the file exists: else it is created 0666 less the umask
	temp   string      // the temporary file holding its bytes, once written
}

// writeAll writes the targets whose bytes changed, all or none: every target
// is checked before any file is touched, every temporary file is complete
// before the first rename, and temporaries are removed when anything fails
// or the process is interrupted. Output goes only through the paths named,
// following symlinks (the link stays a link), keeping file modes, and never
// over a file whose first line is not errgen's header. Together, the
// temporary files are written side by side (forEach).
func writeAll(targets []target, together bool) (written []string, err error) {
	plans, err := plan(targets)
	if err != nil {
		return nil, err
	}
	temps := &tempFiles{}
	stop := temps.removeOnSignal()
	defer stop()
	defer temps.removeAll()
	err = forEach(len(plans), together, func(i int) error {
		var err error
		plans[i].temp, err = temps.write(&plans[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	var staged []planned // the plans whose temporary file is written, then named
	for _, p := range plans {
		if p.temp != "" {
			staged = append(staged, p)
		}
	}
	// The renames run under the lock the signal handler takes: an interrupt
	// comes before all of them or after all of them.
	temps.mu.Lock()
	defer temps.mu.Unlock()
	if temps.interrupted {
		return nil, errors.New("interrupted")
	}
	return temps.commit(staged)
}

// plan checks every target and keeps those whose bytes changed, and those
// computed as they are written (gen), which are compared then.
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
			if prev == t.path { // two outputs named alike, a flag's and a language's page say
				return nil, fmt.Errorf("%s is the path of two outputs; give each output its own path", t.path)
			}
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
			return nil, notAFile(t, st.IsDir())
		default:
			p.mode, p.exists = st.Mode().Perm(), true
			if t.gen != nil {
				// computed later, and compared then: an output's first line
				// is errgen's header, so a file without it differs
				if err := checkHeader(t, real); err != nil {
					return nil, err
				}
				break
			}
			old, err := readInput(real, outputLimit)
			if err != nil {
				return nil, err
			}
			if bytes.Equal(old, t.data) {
				continue
			}
			if !generatedByErrgen(old) && !sameFile(real, t.mayReplace) && !(t.augmented && errgen.IsAugmented(old)) {
				return nil, notErrgens(t, old)
			}
		}
		plans = append(plans, p)
	}
	return plans, nil
}

// notErrgens is the refusal to overwrite t's file, which errgen did not
// write, of which head is the start: when errgen's header is further down
// it, under lines put above it (a licence, say), the refusal says what to
// remove.
func notErrgens(t target, head []byte) error {
	if n := headerLine(head); n > 1 {
		return fmt.Errorf("%s exists and its first line is not errgen's header, which is on line %d; refusing to overwrite it: remove the lines above the header (errgen writes it first; licence tools such as addlicense leave generated files alone)", t.path, n)
	}
	what := "its first line is not errgen's header"
	if t.augmented {
		// what makes a copy errgen's is its marker: a JSON copy has no header
		what = "is neither the spec nor a copy errgen augmented (it has no x-errgen marker)"
	}
	return fmt.Errorf("%s exists and %s; refusing to overwrite it: %s", t.path, what,
		t.remedy("move it away, or write this output elsewhere (or turn it off with none)", "the file"))
}

// notAFile is the refusal to replace what is at t's path but is not a
// regular file, a folder say: the output's path most likely names the
// folder it was meant to go in.
func notAFile(t target, folder bool) error {
	what, it := "is not a regular file", "it"
	if folder {
		what, it = "is a folder", "the folder"
	}
	return fmt.Errorf("%s exists and %s; refusing to replace it: %s", t.path, what,
		t.remedy("point this output's key or flag at a file's path (one in that folder, say), or move "+it+" away", it))
}

// remedy is what to do about what is in the way of t, named it: ownRemedy
// for an output a key or flag places, but a language's page, which only the
// Markdown page's path places (none of its own to point elsewhere or turn
// off), is moved with that page.
func (t target) remedy(ownRemedy, it string) string {
	if t.pageOf == "" {
		return ownRemedy
	}
	return fmt.Sprintf("it is the %s page, named after the Markdown page %s: move %s away, or give the Markdown page another path (docs.out or --markdown-out), which the language pages follow", t.language, t.pageOf, it)
}

// checkHeader refuses the existing file real, t's, unless its first line is
// errgen's header.
func checkHeader(t target, real string) error {
	head, err := readHead(real, headerSearch)
	if err == nil && !generatedByErrgen(head) {
		err = notErrgens(t, head)
	}
	return err
}

// headerSearch is how much of a file's start headerLine reads: a licence
// comment or two.
const headerSearch = 4096

// headerLine is the line of head (a file's start) that is errgen's header,
// among the first comment lines, or 0.
func headerLine(head []byte) int {
	head = head[:min(len(head), headerSearch)]
	for n := 1; len(head) > 0; n++ {
		line, rest, _ := bytes.Cut(head, []byte("\n"))
		if generatedByErrgen(line) {
			return n
		}
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) > 0 && !bytes.HasPrefix(trimmed, []byte("//")) && !bytes.HasPrefix(trimmed, []byte("#")) && !bytes.HasPrefix(trimmed, []byte("<!--")) {
			return 0 // past the comments above the content
		}
		head = rest
	}
	return 0
}

// generatedByErrgen reports whether a file's first line is errgen's header,
// in one of its outputs' comment syntaxes, or, in a page whose templates
// open it with front matter, the first line below that. Quoting the header
// further down, in a README say, does not make a file errgen's.
func generatedByErrgen(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	forms := []string{"// %s", "# %s", "<!-- %s -->"}
	if n := markdown.FrontMatterLen(data); n > 0 {
		data, forms = data[n:], forms[2:]
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	for _, form := range forms {
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
	dirs        []string // the folders created for them
	interrupted bool     // a signal came: no rename may follow
	renamed     bool     // every rename is done: a signal now has nothing to undo
}

// write writes a plan's bytes into a temporary file beside its target, with
// the target's mode, and returns its name; a plan computed now (gen) whose
// bytes are the existing file's gets none, and name is "".
func (t *tempFiles) write(p *planned) (name string, err error) {
	defer func() { err = targetError(err, p) }()
	if p.gen != nil {
		return t.stream(p)
	}
	f, err := t.create(p)
	if err != nil {
		return "", err
	}
	if _, err := f.Write(p.data); err != nil {
		f.Close()
		return "", err
	}
	return f.Name(), closeTemp(f, p)
}

// stream computes a plan's output into a temporary file, created at its
// first byte that differs from the existing file's.
func (t *tempFiles) stream(p *planned) (name string, err error) {
	var f *os.File
	var w *bufio.Writer
	d, err := newDiffer(p.real, func() (io.Writer, error) {
		var err error
		if f, err = t.create(p); err != nil {
			return nil, err
		}
		w = bufio.NewWriterSize(f, 256<<10)
		return w, nil
	})
	if err != nil {
		return "", err
	}
	defer d.close()
	changed := false
	if _, err = p.gen.WriteTo(d); err == nil {
		changed, err = d.finish()
	}
	if err == nil && changed {
		err = w.Flush()
	}
	if err != nil || !changed {
		if f != nil {
			f.Close() // removed with the other temporaries
		}
		return "", err
	}
	return f.Name(), closeTemp(f, p)
}

// tempPrefix is the name of a temporary file beside target, less the
// random ending createTemp gives it.
func tempPrefix(target string) string { return "." + filepath.Base(target) + ".tmp" }

// targetError is err naming the output a user asked for where it names
// the temporary file written for it ("write docs/errors.md: permission
// denied", not "open docs/.errors.md.tmp3kz…: …"), which the user never
// sees.
func targetError(err error, p *planned) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) || filepath.Dir(pe.Path) != filepath.Dir(p.real) || !strings.HasPrefix(filepath.Base(pe.Path), tempPrefix(p.real)) {
		return err
	}
	return &fs.PathError{Op: "write", Path: p.path, Err: pe.Err}
}

// create creates a temporary file beside a plan's target, registered for
// removal.
func (t *tempFiles) create(p *planned) (*os.File, error) {
	dir := filepath.Dir(p.real)
	if err := t.mkdirAll(dir); err != nil {
		return nil, err
	}
	// Created and registered under the lock: a signal between the two
	// would leave a temporary that the handler does not know of.
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.interrupted {
		return nil, errors.New("interrupted")
	}
	f, err := createTemp(dir, tempPrefix(p.real), 0o666)
	if err != nil {
		return nil, err
	}
	t.names = append(t.names, f.Name())
	return f, nil
}

// closeTemp gives a complete temporary file its target's mode and closes
// it.
func closeTemp(f *os.File, p *planned) error {
	if p.exists {
		if err := f.Chmod(p.mode); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// mkdirAll is mkdir -p (0777 less the umask), remembering the folders it
// creates, which a failed run removes again.
func (t *tempFiles) mkdirAll(dir string) error {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			break
		}
		missing = append(missing, d)
	}
	err := os.MkdirAll(dir, 0o777)
	t.mu.Lock()
	t.dirs = append(t.dirs, missing...)
	t.mu.Unlock()
	return err
}

// removeAll removes the temporaries not renamed: all of them when the run
// failed, none after the renames.
func (t *tempFiles) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.remove()
}

// remove removes the temporaries and the folders created for them, the
// deepest first; t.mu is held.
func (t *tempFiles) remove() {
	for _, name := range t.names {
		os.Remove(name)
	}
	slices.SortFunc(t.dirs, func(a, b string) int { return len(b) - len(a) })
	for _, dir := range t.dirs {
		os.Remove(dir) // only when empty
	}
	t.names, t.dirs = nil, nil
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
