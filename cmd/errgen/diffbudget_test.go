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

// changedStatus is data with its first status 400 made 409: a second
// catalog for diff, with one breaking change.
func changedStatus(data []byte) []byte {
	return bytes.Replace(data, []byte("status: 400"), []byte("status: 409"), 1)
}

// TestDiffBudgetIsPlain: errgen diff under the memory budget (both catalogs
// held to it, OLD NEW and --base alike) says what it says without one, sets
// the limit for the two catalogs together, and leaves errgen's GOGC as it
// was.
func TestDiffBudgetIsPlain(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer func(on bool) { memoryBudget = on }(memoryBudget)
	old := catalogtest.Synthetic(300)
	r := newGitRepo(t)
	r.write("catalog.yaml", string(old))
	r.commit("base")
	r.write("catalog.yaml", string(changedStatus(old)))
	r.write("old.yaml", string(old))
	t.Chdir(r.dir)
	for _, args := range [][]string{{"diff", "old.yaml", "catalog.yaml"}, {"diff", "--base", "HEAD", "catalog.yaml"}} {
		diffWith := func(budget bool) (code int, stdout, stderr string) {
			memoryBudget = budget
			debug.SetMemoryLimit(math.MaxInt64)
			var out, errs strings.Builder
			code = run(args, &out, &errs)
			return code, out.String(), errs.String()
		}
		wantCode, wantOut, wantErr := diffWith(false)
		code, out, errs := diffWith(true)
		if code != wantCode || out != wantOut || errs != wantErr {
			t.Errorf("%v under the budget: exit %d, %q, %q; without: exit %d, %q, %q", args, code, out, errs, wantCode, wantOut, wantErr)
		}
		if wantCode != exitFailure || !strings.Contains(wantOut, "status-changed") {
			t.Errorf("%v: exit %d, %q: want the status change", args, wantCode, wantOut)
		}
		both := int64(len(old) + len(changedStatus(old)))
		if limit, want := debug.SetMemoryLimit(-1), memoryLimit(both, 2*300); limit != want {
			t.Errorf("%v: memory limit %d after diff, want %d, the two catalogs'", args, limit, want)
		}
		if p := debug.SetGCPercent(gcPercent); p != gcPercent {
			t.Errorf("%v: GOGC %d after diff, want %d", args, p, gcPercent)
		}
	}
}

// TestDiffMemoryBudget: errgen diff, which holds two catalogs, peaks at
// less than 1.6 times what generate does for one of them, each a whole
// process at errgen's own settings, on 30,000 minimal errors (the most
// errors per byte). Without the budget diff peaked at 1.9 times (171 MB,
// generate 92 MB); with it, at 1.4 (130 MB).
func TestDiffMemoryBudget(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("large catalogs, in processes of their own; the race detector changes memory use")
	}
	cat := largeCatalogs(t, "minimal/n=30000")[0]
	newPath := filepath.Join(filepath.Dir(cat.path), "new.yaml")
	if err := os.WriteFile(newPath, changedStatus(cat.data), 0o644); err != nil {
		t.Fatal(err)
	}
	generated, _ := childRun(t, cat, "")
	compared, _ := childDiff(t, cat.path, newPath)
	if ratio := float64(compared) / float64(generated); ratio > 1.6 {
		t.Errorf("%s: diff peaks at %d MB, %.2f times generate's %d MB: the bound is 1.6", cat.name, compared/1e6, ratio, generated/1e6)
	}
}

// BenchmarkDiffBudget is errgen diff of a catalog and the same with one
// status changed under the memory budget and without it (GOMEMLIMIT=off:
// errgen's GOGC alone, the plain path), each run a process of its own, in
// turn: each one's peak resident set and CPU time, and the ratios
// plain/budget of both.
func BenchmarkDiffBudget(b *testing.B) {
	if raceEnabled {
		b.Skip("the race detector changes memory use")
	}
	names := []string{"minimal/n=30000", "minimal/n=50000", "synthetic/n=10000"}
	if testing.Short() {
		names = []string{"synthetic/n=1000"} // CI runs every benchmark once so that none rots, not to measure
	}
	for _, cat := range largeCatalogs(b, names...) {
		newPath := filepath.Join(filepath.Dir(cat.path), "new-"+filepath.Base(cat.path))
		if err := os.WriteFile(newPath, changedStatus(cat.data), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(cat.name, func(b *testing.B) {
			limitAgainstPlain(b, "budget", func(env ...string) (int64, time.Duration) { return childDiff(b, cat.path, newPath, env...) })
		})
	}
}

// childDiff runs errgen diff old new in a process of its own
// (TestMemoryChild), its environment without GOGC and GOMEMLIMIT but for
// env, and returns its peak resident set in bytes and its CPU time. Exit 1,
// a breaking change, is what it is for.
func childDiff(tb testing.TB, old, new string, env ...string) (rss int64, cpu time.Duration) {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryChild$", "-test.count=1")
	cmd.Env = append(append(ownSettingsEnv(), env...), memoryChildEnv+"="+strings.Join([]string{"diff", old, new}, "\n"))
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Run(); cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != exitFailure {
		tb.Fatalf("errgen diff: %v, want exit 1 (a breaking change)\n%s", err, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return ru.Maxrss << 10, time.Duration(ru.Utime.Nano() + ru.Stime.Nano()) // Linux counts KiB
}
