package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

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
		c1, ok1 := loadCatalog(path, &want)
		c2, ok2 := loadSized(path, &got)
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
	if _, ok := loadSized(path, os.Stderr); !ok || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Errorf("the budget off set a limit: %d", debug.SetMemoryLimit(-1))
	}
	memoryBudget = true
	c, ok := loadSized(path, os.Stderr)
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
