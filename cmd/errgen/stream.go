package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
)

// A generated output reaches the disk as it is computed, never whole in
// memory (errgen.Planned.WriteTo): compared with the existing file while its
// bytes are the same, then, from the first difference, written to the
// temporary file that replaces it, or to memory for --check's diff.

// differ is the writer an output is computed into: it reads the existing
// file alongside while the bytes agree, and from the first difference on
// sends everything, the agreeing part read back from that file, to the
// writer start opens.
type differ struct {
	old   *os.File      // the existing file; nil when there is none
	r     *bufio.Reader // old, at same
	same  int64         // bytes agreeing with old so far
	start func() (io.Writer, error)
	w     io.Writer // nil while every byte agrees with old
}

// newDiffer compares with the file at path (which may not exist; else it
// must be a regular file).
func newDiffer(path string, start func() (io.Writer, error)) (*differ, error) {
	d := &differ{start: start}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return d, nil
	case err != nil:
		return nil, err
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if d.old, err = os.Open(path); err != nil {
		return nil, err
	}
	d.r = bufio.NewReaderSize(d.old, 64<<10)
	return d, nil
}

func (d *differ) Write(p []byte) (int, error) {
	n := len(p)
	if d.w == nil && d.old != nil {
		k, err := d.agree(p)
		if err != nil {
			return 0, err
		}
		if p = p[k:]; len(p) == 0 {
			return n, nil
		}
	}
	if d.w == nil {
		if err := d.diverge(); err != nil {
			return 0, err
		}
	}
	if _, err := d.w.Write(p); err != nil {
		return 0, err
	}
	return n, nil
}

// agree reads old as far as p agrees with it and returns how far that is.
func (d *differ) agree(p []byte) (int, error) {
	k := 0
	for k < len(p) {
		b, err := d.r.Peek(min(len(p)-k, d.r.Size()))
		if len(b) == 0 {
			if err == io.EOF {
				return k, nil
			}
			return k, err
		}
		i := len(b)
		if !bytes.Equal(b, p[k:k+len(b)]) { // what agrees is compared a word at a time
			i = 0
			for i < len(b) && b[i] == p[k+i] {
				i++
			}
		}
		d.r.Discard(i)
		d.same += int64(i)
		if k += i; i < len(b) {
			return k, nil
		}
	}
	return k, nil
}

// diverge opens the writer and gives it the bytes that agreed so far.
func (d *differ) diverge() error {
	w, err := d.start()
	if err != nil {
		return err
	}
	d.w = w
	if d.same > 0 {
		_, err = io.Copy(w, io.NewSectionReader(d.old, 0, d.same))
	}
	return err
}

// finish ends the output: it reports whether it differs from the existing
// file (or there is none), in which case start's writer has all of it.
func (d *differ) finish() (changed bool, err error) {
	if d.w == nil && d.old != nil {
		if _, err := d.r.ReadByte(); err == io.EOF {
			return false, nil // the same bytes, to the end
		} else if err != nil {
			return false, err
		}
	}
	if d.w == nil {
		if err := d.diverge(); err != nil {
			return false, err
		}
	}
	return true, nil
}

// close closes the existing file.
func (d *differ) close() {
	if d.old != nil {
		d.old.Close()
	}
}

// generated computes a planned output into memory when it differs from the
// file at path: changed is false, and data nil, when the file has its bytes;
// data is nil too when there is no file, which needs no diff.
func generated(gen io.WriterTo, path string) (data []byte, changed bool, err error) {
	var buf bytes.Buffer
	var d *differ
	d, err = newDiffer(path, func() (io.Writer, error) {
		if d.old == nil {
			return io.Discard, nil
		}
		return &buf, nil
	})
	if err != nil {
		return nil, false, err
	}
	defer d.close()
	if _, err := gen.WriteTo(d); err != nil {
		return nil, false, err
	}
	if changed, err = d.finish(); !changed || err != nil || d.old == nil {
		return nil, changed, err
	}
	return buf.Bytes(), true, nil
}

// forEach runs f for 0 … n-1, one after another up to the first error, or
// together, side by side: computing outputs at once is faster on several
// cores, and holds every one's working data at once. The error is the
// first in order.
func forEach(n int, together bool, f func(i int) error) error {
	if !together {
		for i := range n {
			if err := f(i); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = f(i) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
