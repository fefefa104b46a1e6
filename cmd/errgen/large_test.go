//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// minimalCatalog is a catalog of n errors of two keys each, the fallback
// first: the most errors per byte of catalog.
func minimalCatalog(n int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\napi: Minimal API\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  - {code: E%06d, status: 400}\n", i)
	}
	return []byte(b.String())
}

// largeCatalog is one of the catalogs the memory tests and benchmarks
// measure, written to a file.
type largeCatalog struct {
	name string
	data []byte
	path string
}

func largeCatalogs(tb testing.TB, names ...string) []largeCatalog {
	dir := tb.TempDir()
	var cats []largeCatalog
	for _, name := range names {
		var n int
		kind, _, _ := strings.Cut(name, "/")
		fmt.Sscanf(strings.TrimPrefix(name, kind+"/"), "n=%d", &n)
		data := minimalCatalog(n)
		if kind == "synthetic" {
			data = catalogtest.Synthetic(n)
		}
		path := filepath.Join(dir, strings.ReplaceAll(name, "/", "-")+".yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		cats = append(cats, largeCatalog{name, data, path})
	}
	return cats
}

// memoryChildEnv, set, makes TestMemoryChild run errgen with its lines as
// arguments, in a process of its own.
const memoryChildEnv = "ERRGEN_MEMORY_CHILD"

// TestMemoryChild is the errgen command with main's garbage collector
// settings (tuneGC), for the tests and benchmarks that measure a whole
// process; without ERRGEN_MEMORY_CHILD it does nothing.
func TestMemoryChild(t *testing.T) {
	args := os.Getenv(memoryChildEnv)
	if args == "" {
		t.Skip("the child of the memory tests and benchmarks")
	}
	tuneGC()
	os.Exit(run(strings.Split(args, "\n"), io.Discard, os.Stderr))
}

// ownSettingsEnv is the test's environment without GOGC and GOMEMLIMIT, for
// a child errgen that runs at its own collector settings.
func ownSettingsEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") {
			env = append(env, kv)
		}
	}
	return env
}

// childRun generates cat into a fresh folder in a process of its own, its
// environment without GOGC and GOMEMLIMIT but for env, and returns its
// peak resident set in bytes and its CPU time. A run that fails (other
// than as want, a part of its error) fails tb.
func childRun(tb testing.TB, cat largeCatalog, want string, env ...string) (rss int64, cpu time.Duration) {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryChild$", "-test.count=1")
	cmd.Env = ownSettingsEnv()
	out, err := os.MkdirTemp(filepath.Dir(cat.path), "out")
	if err != nil {
		tb.Fatal(err)
	}
	defer os.RemoveAll(out)
	cmd.Env = append(append(cmd.Env, env...), memoryChildEnv+"="+strings.Join([]string{"--catalog", cat.path, "--out", out}, "\n"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	if (err != nil) != (want != "") || !strings.Contains(stderr.String(), want) {
		tb.Fatalf("%s: %v, want %q\n%s", cat.name, err, want, stderr.String())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return ru.Maxrss << 10, time.Duration(ru.Utime.Nano() + ru.Stime.Nano()) // Linux counts KiB
}

// rssPerMB is a process's peak resident set per byte of a catalog, which
// is its megabytes per megabyte of catalog.
func rssPerMB(rss int64, cat largeCatalog) float64 { return float64(rss) / float64(len(cat.data)) }

// The documented bounds (docs/performance.md#memory) with a margin for
// the machine: the peak resident set of generating every output is under
// 100 MB per MB of catalog from 1 MB of catalog up (the 30,000
// minimal errors, the most errors per byte), and under 200 MB at 10,000
// errors (the synthetic catalog, 4.7 MB). A whole process each, at
// errgen's own settings.
func TestMemoryBounds(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("a whole generation of large catalogs, in processes of their own; the race detector changes memory use")
	}
	const margin = 1.5
	cats := largeCatalogs(t, "minimal/n=30000", "synthetic/n=10000")
	if rss, _ := childRun(t, cats[0], ""); rssPerMB(rss, cats[0]) > 100*margin {
		t.Errorf("%s: peak RSS %d MB, %.0f MB per MB of catalog: the bound is 100, %.1f× that fails", cats[0].name, rss/1e6, rssPerMB(rss, cats[0]), margin)
	}
	if rss, _ := childRun(t, cats[1], ""); float64(rss) > 200e6*margin {
		t.Errorf("%s: peak RSS %d MB: the bound is 200 MB, %.1f× that fails", cats[1].name, rss/1e6, margin)
	}
}

// BenchmarkLargeCatalogs is the whole generate run in a process of its own,
// at errgen's settings (gcPercent and its memory limit), on the issue's
// catalogs of minimal errors (30,000: 1 MB; 50,000: catalog.MaxErrors;
// 150,000: 4.9 MB, refused after its YAML parse) and the synthetic
// catalog of 10,000 errors. It reports the peak resident set
// (peak-RSS-MB), that per MB of catalog (MB-RSS/MB-catalog) and the CPU
// time (cpu-s/op). Skipped under -short.
func BenchmarkLargeCatalogs(b *testing.B) {
	if testing.Short() || raceEnabled {
		b.Skip("CI runs every benchmark once so that none rots, not to measure; the race detector changes memory use")
	}
	for _, cat := range largeCatalogs(b, "minimal/n=30000", "minimal/n=50000", "synthetic/n=10000", "minimal/n=150000") {
		want := ""
		if strings.HasSuffix(cat.name, "150000") {
			want = fmt.Sprintf("more than errgen's limit of %d", catalog.MaxErrors)
		}
		b.Run(cat.name, func(b *testing.B) {
			var peak int64
			var cpu time.Duration
			for b.Loop() {
				rss, c := childRun(b, cat, want)
				peak, cpu = max(peak, rss), cpu+c
			}
			b.ReportMetric(float64(peak)/1e6, "peak-RSS-MB")
			b.ReportMetric(rssPerMB(peak, cat), "MB-RSS/MB-catalog")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// BenchmarkMemoryLimit is generate's memory limit (memory.go, the
// shortcut: gcPercent under a limit that follows the catalog) against
// gcPercent alone (GOMEMLIMIT=off, the plain path), each run a process of
// its own, in turn: it reports each one's peak resident set and CPU time,
// and the ratios plain/limit of both.
func BenchmarkMemoryLimit(b *testing.B) {
	if raceEnabled {
		b.Skip("the race detector changes memory use")
	}
	names := []string{"synthetic/n=1000", "synthetic/n=10000", "minimal/n=30000"}
	if testing.Short() {
		names = names[:1] // CI runs every benchmark once so that none rots, not to measure
	}
	for _, cat := range largeCatalogs(b, names...) {
		b.Run(cat.name, func(b *testing.B) {
			limitAgainstPlain(b, "limit", func(env ...string) (int64, time.Duration) { return childRun(b, cat, "", env...) })
		})
	}
}

// limitAgainstPlain runs run, a command in a process of its own, with
// errgen's memory limit (named name in the metrics) and without it
// (GOMEMLIMIT=off, the plain path), in turn, and reports each one's peak
// resident set and CPU time and the ratios plain/name of both.
func limitAgainstPlain(b *testing.B, name string, run func(env ...string) (rss int64, cpu time.Duration)) {
	var rss [2]int64
	var cpu [2]time.Duration
	env := [2][]string{nil, {"GOMEMLIMIT=off"}}
	for i := 0; b.Loop(); i++ {
		for k := range 2 {
			j := (i + k) % 2
			r, c := run(env[j]...)
			rss[j], cpu[j] = max(rss[j], r), cpu[j]+c
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(rss[0])/1e6, name+"-RSS-MB")
	b.ReportMetric(float64(rss[1])/1e6, "plain-RSS-MB")
	b.ReportMetric(cpu[0].Seconds()/n, name+"-cpu-s/op")
	b.ReportMetric(cpu[1].Seconds()/n, "plain-cpu-s/op")
	b.ReportMetric(float64(rss[1])/float64(rss[0]), "plain/"+name+"-RSS")
	b.ReportMetric(float64(cpu[1])/float64(cpu[0]), "plain/"+name+"-cpu")
}
