package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// generateWithGC runs errgen on cat into out with GOGC at percent, and
// restores the setting.
func generateWithGC(tb testing.TB, percent int, cat, out string) {
	tb.Helper()
	defer debug.SetGCPercent(debug.SetGCPercent(percent))
	var stderr bytes.Buffer
	if code := run([]string{"--catalog", cat, "--out", out}, io.Discard, &stderr); code != exitOK {
		tb.Fatalf("errgen exited %d: %s", code, stderr.String())
	}
}

// TestGCPercentAgrees: the outputs are byte for byte the same with tuneGC's
// setting and with Go's default.
func TestGCPercentAgrees(t *testing.T) {
	dir := t.TempDir()
	cat := filepath.Join(dir, "catalog.yaml")
	if err := os.WriteFile(cat, catalogtest.Synthetic(60), 0o644); err != nil {
		t.Fatal(err)
	}
	tuned, plain := filepath.Join(dir, "tuned"), filepath.Join(dir, "plain")
	generateWithGC(t, gcPercent, cat, tuned)
	generateWithGC(t, 100, cat, plain)
	n := 0
	err := filepath.WalkDir(tuned, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(tuned, path)
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(plain, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs with GOGC=100 (%v)", rel, err)
		}
		n++
		return nil
	})
	if err != nil || n < 3 {
		t.Fatalf("%d outputs compared: %v", n, err)
	}
}

// BenchmarkGCPercent is the whole generate run (load, validate, generate,
// write every output) with GOGC at tuneGC's setting (the shortcut) and at
// Go's default, 100 (the plain path). See benchpair.Run for the figures it
// reports.
func BenchmarkGCPercent(b *testing.B) {
	dir := b.TempDir()
	out := filepath.Join(dir, "out")
	sizes := []int{1000, 10000}
	if testing.Short() {
		sizes = sizes[:1] // CI runs every benchmark once so that none rots, not to measure
	}
	for _, n := range sizes {
		cat := filepath.Join(dir, fmt.Sprintf("catalog%d.yaml", n))
		if err := os.WriteFile(cat, catalogtest.Synthetic(n), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b,
				func() { generateWithGC(b, gcPercent, cat, out) },
				func() { generateWithGC(b, 100, cat, out) },
				func() { os.RemoveAll(out) }) // so that every output is written
		})
	}
}
