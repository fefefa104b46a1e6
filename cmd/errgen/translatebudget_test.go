//go:build linux

package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/catalogtest"
)

// TestTranslateBudgetIsPlain: errgen translate under the memory budget
// (loadBudgeted: the collector paused while loading, the limit set once
// loaded) writes what it writes without one (catalog.Load, the plain
// path), a new file and the update of a stale one, and leaves errgen's
// GOGC as it was.
func TestTranslateBudgetIsPlain(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer func(on bool) { memoryBudget = on }(memoryBudget)
	translateWith := func(budget bool, setup func(*testing.T, string, int)) (file, stdout string) {
		memoryBudget = budget
		dir := t.TempDir()
		setup(t, dir, 300)
		t.Chdir(dir)
		var out, stderr strings.Builder
		if code := run([]string{"translate", "de", "catalog.yaml"}, &out, &stderr); code != exitOK {
			t.Fatalf("errgen translate: exit %d\n%s", code, stderr.String())
		}
		data, err := os.ReadFile(filepath.Join(dir, "translations", "de.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data), out.String()
	}
	for name, setup := range map[string]func(*testing.T, string, int){"new": writeScaleGerman, "stale": writeStaleGerman} {
		wantFile, wantOut := translateWith(false, setup)
		gotFile, gotOut := translateWith(true, setup)
		if gotFile != wantFile || gotOut != wantOut {
			t.Errorf("%s: under the budget errgen translate writes %d bytes and says %q; without, %d bytes and %q", name, len(gotFile), gotOut, len(wantFile), wantOut)
		}
		if p := debug.SetGCPercent(gcPercent); p != gcPercent {
			t.Errorf("%s: GOGC %d after translating, want %d", name, p, gcPercent)
		}
	}
}

// BenchmarkTranslateBudget is errgen translate writing the new German file
// of the scale catalog under the memory budget (the shortcut) and without
// it (GOMEMLIMIT=off: errgen's GOGC alone, the plain path), each run a
// process of its own, in turn: each one's peak resident set and CPU time,
// and the ratios plain/budget of both.
func BenchmarkTranslateBudget(b *testing.B) {
	if raceEnabled {
		b.Skip("the race detector changes memory use")
	}
	n := 10000
	if testing.Short() {
		n = 1000 // CI runs every benchmark once so that none rots, not to measure
	}
	root, _ := catalogtest.ScaleTranslated(n, "de")
	limitAgainstPlain(b, "budget", func(env ...string) (int64, time.Duration) { return childTranslate(b, root, env...) })
}

// childTranslate runs errgen translate de on root, a catalog without its
// German file, in a fresh folder in a process of its own (TestMemoryChild),
// its environment without GOGC and GOMEMLIMIT but for env, and returns its
// peak resident set in bytes and its CPU time.
func childTranslate(tb testing.TB, root []byte, env ...string) (rss int64, cpu time.Duration) {
	tb.Helper()
	dir := tb.TempDir()
	path := filepath.Join(dir, "catalog.yaml")
	if err := os.WriteFile(path, root, 0o644); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryChild$", "-test.count=1")
	cmd.Env = append(append(ownSettingsEnv(), env...), memoryChildEnv+"="+strings.Join([]string{"translate", "de", path}, "\n"))
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("errgen translate: %v\n%s", err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return ru.Maxrss << 10, time.Duration(ru.Utime.Nano() + ru.Stime.Nano()) // Linux counts KiB
}
