package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// loadSized loads and reports what loadCatalog does, for good catalogs
// and bad ones, missing files and folders.
func TestLoadSizedIsLoad(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(good, catalogtest.Synthetic(50), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("version: 1\napi: X\nerrors:\n  - {code: A, status: 200}\n  - {code: A}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{good, bad, filepath.Join(dir, "none.yaml"), dir, "../../examples/onestack/catalog.yaml"} {
		var want, got bytes.Buffer
		c1, ok1 := loadCatalog("errgen", path, &want)
		c2, ok2 := loadSized("errgen", path, errgen.Check, &got)
		if ok1 != ok2 || got.String() != want.String() || (c1 == nil) != (c2 == nil) || c1 != nil && len(c1.Errors) != len(c2.Errors) {
			t.Errorf("%s: loadSized gives %v %q, loadCatalog %v %q", path, ok2, got.String(), ok1, want.String())
		}
	}
}

// With the budget on, loading sets the memory limit for the catalog's
// bytes and errors; with it off (the user's GOGC or GOMEMLIMIT), it leaves
// the limit alone.
func TestMemoryLimitFollowsCatalog(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	data := catalogtest.Synthetic(2000)
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	defer func(on bool) { memoryBudget = on }(memoryBudget)
	memoryBudget = false
	if _, ok := loadSized("errgen", path, errgen.Check, os.Stderr); !ok || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Errorf("the budget off set a limit: %d", debug.SetMemoryLimit(-1))
	}
	memoryBudget = true
	c, ok := loadSized("errgen", path, errgen.Check, os.Stderr)
	if !ok {
		t.Fatal("the catalog did not load")
	}
	if got, want := debug.SetMemoryLimit(-1), memoryLimit(int64(len(data)), len(c.Errors)+len(c.Retired)); got != want {
		t.Errorf("limit %d, want %d", got, want)
	}
	for _, tc := range []struct {
		size int64
		n    int
		want int64
	}{
		{0, 0, 56 << 20},                         // the floor
		{1 << 20, 1000, 76 << 20},                // loading: 20 bytes a byte
		{1 << 20, 40000, (16 << 20) + 80000<<10}, // the outputs: 2 KiB an error
	} {
		if got := memoryLimit(tc.size, tc.n); got != tc.want {
			t.Errorf("memoryLimit(%d, %d) = %d, want %d", tc.size, tc.n, got, tc.want)
		}
	}
}

// With the collector paused (memoryBudget on), loading gives what
// loadCatalog gives, and the collector's setting is restored after.
func TestPausedLoadIsLoad(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer func(on bool) { memoryBudget = on }(memoryBudget)
	memoryBudget = true
	root, translation := catalogtest.ScaleTranslated(300, "de")
	path := writeTranslated(t, root, translation)
	// in the catalog's folder, outside errgen's module: generate prints the
	// warnings of a catalog of the module it runs in (foreignCatalog)
	t.Chdir(filepath.Dir(path))
	var want, got bytes.Buffer
	c1, ok1 := loadCatalog("errgen", path, &want)
	c2, ok2 := loadSized("errgen", path, errgen.Check, &got)
	if !ok1 || !ok2 || got.String() != want.String() || len(c1.Errors) != len(c2.Errors) || len(c2.Translations) != 1 {
		t.Fatalf("loadSized gives %v %q, loadCatalog %v %q", ok2, got.String(), ok1, want.String())
	}
	if p := debug.SetGCPercent(gcPercent); p != gcPercent {
		t.Errorf("GOGC %d after loading, want %d", p, gcPercent)
	}
}

// writeTranslated writes a catalog and its German translation into a
// folder of their own and returns the catalog's path.
func writeTranslated(tb testing.TB, root, translation []byte) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "translations"), 0o755); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "catalog.yaml")
	if err := os.WriteFile(path, root, 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "translations", "de.yaml"), translation, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkPausedLoad is loading the scale catalog of 1,000 errors in
// English and German with the collector paused (the shortcut) and not (the
// plain path), in turn, each after a collection, at errgen's GOGC:
// benchpair's plain/shortcut-cpu is what the pause saves in the load
// itself (a collection that marks the YAML tree). In one process the heap
// is mapped already: BenchmarkGCPercent measures whole processes.
func BenchmarkPausedLoad(b *testing.B) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer func(on bool) { memoryBudget = on }(memoryBudget)
	root, translation := catalogtest.ScaleTranslated(1000, "de")
	path := writeTranslated(b, root, translation)
	load := func(paused bool) func() {
		return func() {
			memoryBudget = paused
			if _, ok := loadSized("errgen", path, errgen.Check, io.Discard); !ok {
				b.Fatal("the catalog did not load")
			}
		}
	}
	benchpair.Run(b, load(true), load(false), func() {
		debug.SetMemoryLimit(math.MaxInt64)
		runtime.GC()
	})
}

// However the paused work ends, a panic recovered above it or a goroutine
// that exits (t.Fatal's way), the collector's setting and the memory limit
// are what they were before: a recovered panic must not leave the process
// uncollected.
func TestCollectorResumesHoweverWorkEnds(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(300 << 20))
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	defer func(on bool) { memoryBudget = on }(memoryBudget)
	memoryBudget = true
	for _, tc := range []struct {
		name string
		end  func()
	}{
		{"panic", func() { panic("the loader failed") }},
		{"goexit", runtime.Goexit},
		{"return", func() {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan bool)
			go func() {
				defer close(done)
				defer func() { _ = recover() }()
				withCollectorPaused(func() {
					if p := debug.SetGCPercent(-1); p != -1 {
						t.Errorf("GOGC %d while paused, want off", p)
					}
					tc.end()
				})
			}()
			<-done
			if p := debug.SetGCPercent(150); p != 150 {
				t.Errorf("GOGC %d after the paused work, want 150", p)
			}
			if l := debug.SetMemoryLimit(-1); l != 300<<20 {
				t.Errorf("memory limit %d after the paused work, want %d", l, 300<<20)
			}
		})
	}
}
