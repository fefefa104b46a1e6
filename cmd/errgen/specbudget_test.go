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
)

// TestSpecBudgetIsPlain: errgen openapi and generate's openapi.augment
// under the spec's memory limit (withSpecLimit, the shortcut) write and
// say what they do without it (the plain path); errgen openapi leaves the
// limit as it was before the spec.
func TestSpecBudgetIsPlain(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer func(on bool) { memoryBudget = on }(memoryBudget)
	augmentWith := func(budget bool, args []string, out string) (file, stdout string) {
		memoryBudget = budget
		dir := t.TempDir()
		writeOperationsSpec(t, dir, 300)
		if len(args) == 1 { // generate: the catalog names the spec
			cat := readFileT(t, filepath.Join(dir, "catalog.yaml"))
			named := strings.Replace(cat, "\nopenapi:\n", "\nopenapi:\n  augment:\n    - spec: spec.json\n      out: out.json\n", 1)
			if named == cat {
				t.Fatal("the bundled catalog has no openapi key to add openapi.augment to")
			}
			writeGrowthFile(t, filepath.Join(dir, "catalog.yaml"), []byte(named))
		}
		t.Chdir(dir)
		const before = 300 << 20
		debug.SetMemoryLimit(before)
		var stdoutText, stderr strings.Builder
		if code := run(args, &stdoutText, &stderr); code != exitOK {
			t.Fatalf("errgen %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
		}
		// generate sets a limit of its own for the catalog
		if limit := debug.SetMemoryLimit(-1); args[0] == "openapi" && limit != before {
			t.Errorf("errgen %s: memory limit %d after augmenting, want %d as before", strings.Join(args, " "), limit, before)
		}
		return readFileT(t, filepath.Join(dir, out)), stdoutText.String()
	}
	for _, args := range [][]string{
		{"openapi", "catalog.yaml", "--spec", "spec.json", "--out", "out.json"},
		{"catalog.yaml"},
	} {
		wantFile, wantOut := augmentWith(false, args, "out.json")
		gotFile, gotOut := augmentWith(true, args, "out.json")
		if gotFile != wantFile || gotOut != wantOut {
			t.Errorf("errgen %s: under the budget it writes %d bytes and says %q; without, %d bytes and %q", strings.Join(args, " "), len(gotFile), gotOut, len(wantFile), wantOut)
		}
	}
}

// TestSpecMemoryBound holds errgen openapi on a spec of 8,000 operations
// (2.9 MB, the most objects per byte of the specs measured) to the bound
// docs/performance.md gives, under 95 MB of peak resident set per MB of
// spec, and to growing at most linearly from 2,000 operations: at most
// 1.3 times the MB per MB at four times the spec. Under gcPercent alone
// 8,000 operations took 111 to 122 (a peak three times the tree of the
// spec errgen holds, or kin-openapi's, whichever came last before a
// collection). Whole processes, at errgen's own settings.
func TestSpecMemoryBound(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("augments a spec of 2.9 MB in a process of its own; the race detector changes memory use")
	}
	const bound, maxGrowth = 95, 1.3
	var perMB [2]float64
	for i, ops := range []int{2000, 8000} {
		dir := t.TempDir()
		writeOperationsSpec(t, dir, ops)
		size := len(readFileT(t, filepath.Join(dir, "spec.json")))
		rss, _ := childOpenAPI(t, dir)
		perMB[i] = float64(rss) / float64(size)
		t.Logf("%d operations (%d bytes of spec): peak RSS %d MB, %.0f MB per MB of spec", ops, size, rss/1e6, perMB[i])
	}
	if perMB[1] > bound {
		t.Errorf("8000 operations: %.0f MB of peak RSS per MB of spec: the bound is %d", perMB[1], bound)
	}
	if perMB[1] > maxGrowth*perMB[0] {
		t.Errorf("four times the operations took %.2f times the peak RSS per MB of spec (%.0f, %.0f): want at most %.1f", perMB[1]/perMB[0], perMB[0], perMB[1], maxGrowth)
	}
}

// BenchmarkSpecBudget is errgen openapi on a spec of 16,000 operations
// (5.9 MB; 1,000 with -short) under the spec's memory limit (the shortcut)
// and without it (GOMEMLIMIT=off: errgen's GOGC alone, the plain path),
// each run a process of its own, in turn: each one's peak resident set and
// CPU time, and the ratios plain/budget of both.
func BenchmarkSpecBudget(b *testing.B) {
	if raceEnabled {
		b.Skip("the race detector changes memory use")
	}
	ops := 16000
	if testing.Short() {
		ops = 1000 // CI runs every benchmark once so that none rots, not to measure
	}
	dir := b.TempDir()
	writeOperationsSpec(b, dir, ops)
	limitAgainstPlain(b, "budget", func(env ...string) (int64, time.Duration) { return childOpenAPI(b, dir, env...) })
}

// childOpenAPI runs errgen openapi on dir's catalog.yaml and spec.json in
// a process of its own (TestMemoryChild), its environment without GOGC and
// GOMEMLIMIT but for env, and returns its peak resident set in bytes and
// its CPU time.
func childOpenAPI(tb testing.TB, dir string, env ...string) (rss int64, cpu time.Duration) {
	tb.Helper()
	args := []string{"openapi", filepath.Join(dir, "catalog.yaml"), "--spec", filepath.Join(dir, "spec.json"), "--out", filepath.Join(dir, "out.json")}
	cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryChild$", "-test.count=1")
	cmd.Env = append(append(ownSettingsEnv(), env...), memoryChildEnv+"="+strings.Join(args, "\n"))
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("errgen openapi: %v\n%s", err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return ru.Maxrss << 10, time.Duration(ru.Utime.Nano() + ru.Stime.Nano()) // Linux counts KiB
}
