package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// chunks writes data to w in pieces of the given sizes, in turn.
type chunks struct {
	data  []byte
	sizes []int
}

func (c chunks) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for i, rest := 0, c.data; len(rest) > 0; i++ {
		k := min(c.sizes[i%len(c.sizes)], len(rest))
		if _, err := w.Write(rest[:k]); err != nil {
			return n, err
		}
		n += int64(k)
		rest = rest[k:]
	}
	return n, nil
}

// TestDiffer: an output computed through a differ reaches start's writer
// whole exactly when it is not the existing file's bytes, however it is
// split into writes, and wherever it first differs.
func TestDiffer(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("0123456789abcdef"), 20000) // past the reader's buffer
	edited := bytes.Clone(big)
	edited[150000] = 'X'
	for _, tc := range []struct {
		name     string
		old, new []byte // old nil: no file
	}{
		{"same", big, big},
		{"same, empty", []byte{}, []byte{}},
		{"no file", nil, big},
		{"no file, empty", nil, []byte{}},
		{"first byte", big, append([]byte("X"), big[1:]...)},
		{"middle", big, edited},
		{"last byte", big, append(bytes.Clone(big[:len(big)-1]), 'X')},
		{"longer", big[:1000], big},
		{"shorter", big, big[:1000]},
		{"emptied", big, []byte{}},
	} {
		for _, sizes := range [][]int{{1 << 20}, {1}, {7, 4096, 65536, 3}} {
			path := filepath.Join(dir, "out")
			os.Remove(path)
			if tc.old != nil {
				if err := os.WriteFile(path, tc.old, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var got bytes.Buffer
			started := false
			d, err := newDiffer(path, func() (io.Writer, error) { started = true; return &got, nil })
			if err != nil {
				t.Fatal(err)
			}
			if _, err := (chunks{tc.new, sizes}).WriteTo(d); err != nil {
				t.Fatal(err)
			}
			changed, err := d.finish()
			d.close()
			name := fmt.Sprintf("%s, writes of %v", tc.name, sizes)
			wantChanged := tc.old == nil || !bytes.Equal(tc.old, tc.new)
			switch {
			case err != nil:
				t.Errorf("%s: %v", name, err)
			case changed != wantChanged || started != wantChanged:
				t.Errorf("%s: changed %v, writer opened %v; want %v", name, changed, started, wantChanged)
			case changed && !bytes.Equal(got.Bytes(), tc.new):
				t.Errorf("%s: the writer got %d bytes, not the output's %d", name, got.Len(), len(tc.new))
			}
		}
	}
}

// A differ refuses what is not a regular file, as readInput does.
func TestDifferRefusesNonRegular(t *testing.T) {
	_, err := newDiffer(t.TempDir(), func() (io.Writer, error) { return io.Discard, nil })
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("a folder as the existing file: %v", err)
	}
}

// plannedTargets are the outputs of catalog data, planned, under dir.
func plannedTargets(t testing.TB, data []byte, dir string) []target {
	t.Helper()
	c, err := catalog.Parse("catalog.yaml", data, errgen.Check)
	if err != nil {
		t.Fatal(err)
	}
	plans, err := errgen.Plan(c, errgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return generatedTargets(plans, map[errgen.Output]string{}, dir)
}

// TestTogetherIsOneByOne: outputs computed side by side are the files
// computed one after another, which are Generate's; and a second run of
// either finds them up to date and writes nothing.
func TestTogetherIsOneByOne(t *testing.T) {
	data := catalogtest.Synthetic(300)
	c, err := catalog.Parse("catalog.yaml", data, errgen.Check)
	if err != nil {
		t.Fatal(err)
	}
	files, err := errgen.Generate(c, errgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, together := range []bool{false, true} {
		dir := t.TempDir()
		written, err := writeAll(plannedTargets(t, data, dir), together)
		if err != nil || len(written) != len(files) {
			t.Fatalf("together=%v: wrote %v: %v", together, written, err)
		}
		for _, f := range files {
			got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
			if err != nil || !bytes.Equal(got, f.Data) {
				t.Errorf("together=%v: %s is not Generate's (%v)", together, f.Path, err)
			}
		}
		if written, err := writeAll(plannedTargets(t, data, dir), together); err != nil || len(written) != 0 {
			t.Errorf("together=%v: the second run wrote %v (%v), want nothing", together, written, err)
		}
		if code := checkTargets("errgen", plannedTargets(t, data, dir), nil, together, "errgen", io.Discard, io.Discard); code != exitOK {
			t.Errorf("together=%v: --check found the outputs stale", together)
		}
	}
}

// A failed run removes the folders it created for its outputs, as well as
// their temporary files: the output folder does not exist after it.
func TestFailedRunRemovesFolders(t *testing.T) {
	dir := workdir(t)
	tmpl := filepath.Join(dir, "tmpl")
	if err := os.MkdirAll(tmpl, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmpl, "quickref.tmpl"), []byte("{{ .NoSuchField }}"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runIn(t, dir, "--templates", "tmpl", "--out", "new/folder")
	if code != exitFailure || !strings.Contains(stderr, "markdown") {
		t.Fatalf("exit %d, stderr %q; want 1 naming the markdown output", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the failed run left the folder it created: %v", err)
	}
}

// BenchmarkTogether is generate's write pass computing the outputs side by
// side (the shortcut, up to maxTogether errors) and one after another (the
// plain path, which holds one output's working data at a time), in turn, on
// fresh folders. See benchpair.Run for the figures it reports.
func BenchmarkTogether(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		if n > 1000 && testing.Short() {
			continue // CI runs every benchmark once so that none rots, not to measure
		}
		data := catalogtest.Synthetic(n)
		dir := b.TempDir()
		write := func(together bool) func() {
			return func() {
				if _, err := writeAll(plannedTargets(b, data, dir), together); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, write(true), write(false), func() { os.RemoveAll(dir) })
		})
	}
}
