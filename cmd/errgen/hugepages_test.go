package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/errgen/errgen/internal/catalogtest"
)

// TestHugeHeapAgrees: the outputs are byte for byte the same with the huge
// page shortcut and without it (the plain path), for a catalog big enough
// to take it.
func TestHugeHeapAgrees(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 1,000 errors twice")
	}
	dir := t.TempDir()
	root, translation := catalogtest.ScaleTranslated(1000, "de")
	cat := filepath.Join(dir, "catalog.yaml")
	if hugeHeapSize(int64(len(root))) == 0 {
		t.Fatalf("a root of %d bytes takes no block", len(root))
	}
	if err := os.MkdirAll(filepath.Join(dir, "translations"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cat, root, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "translations", "de.yaml"), translation, 0o644); err != nil {
		t.Fatal(err)
	}
	defer func(on bool) { hugePages = on }(hugePages)
	huge, plain := filepath.Join(dir, "huge"), filepath.Join(dir, "plain")
	for _, way := range []struct {
		on  bool
		out string
	}{{true, huge}, {false, plain}} {
		hugePages = way.on
		var stderr bytes.Buffer
		if code := run([]string{"--catalog", cat, "--out", way.out}, io.Discard, &stderr); code != exitOK {
			t.Fatalf("errgen exited %d: %s", code, stderr.String())
		}
	}
	if n := sameTrees(t, huge, plain); n < 4 {
		t.Fatalf("%d outputs compared", n)
	}
}

// sameTrees reports each file under a that b lacks or has otherwise, and
// returns how many it compared.
func sameTrees(t *testing.T, a, b string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, path)
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs (%v)", rel, err)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// readyHugeHeap leaves the collector's setting as it found it, and takes
// no block for a small catalog or above the cap.
func TestReadyHugeHeap(t *testing.T) {
	defer func(on bool) { hugePages = on }(hugePages)
	hugePages = true
	old := debug.SetGCPercent(150)
	defer debug.SetGCPercent(old)
	readyHugeHeap(1 << 20)
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("GOGC %d after readyHugeHeap, want 150", got)
	}
	for _, tc := range []struct {
		size int64
		want int
	}{
		{0, 0},
		{hugeHeapMin/hugeHeapPerByte - 1, 0},
		{hugeHeapMin / hugeHeapPerByte, hugeHeapMin},
		{300 << 10, 300 << 10 * hugeHeapPerByte},
		{10 << 20, hugeHeapMax},
	} {
		if got := hugeHeapSize(tc.size); got != tc.want {
			t.Errorf("hugeHeapSize(%d) = %d, want %d", tc.size, got, tc.want)
		}
	}
}
