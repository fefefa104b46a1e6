//go:build linux

package main

import (
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// BenchmarkGCPercent is whole errgen processes at errgen's own settings
// (tuneGC: gcPercent and the memory limit, the shortcut) and at Go's
// defaults (GOGC=100, which turns the limit off: the plain path, "default"), in turn,
// on the scale catalogs of 1,000 and 10,000 errors in English and in
// English and German (n=N+de), each where its outputs already are, as
// BenchmarkGenerateVersusBase runs them. Processes, not runs in a loop in
// this one: a run in a loop finds the memory of the run before it already
// mapped, while a process touches its heap for the first time, and at
// 1,000 errors the page faults that costs are a third of its CPU time,
// which a collector that reuses memory sooner spares. It reports
// benchpair.Ways' ratios (own/default-cpu below 1 is what the shortcut
// saves) and each one's peak resident set. Under -short (CI, so that it
// does not rot) it runs 1,000 errors in English alone.
func BenchmarkGCPercent(b *testing.B) {
	processWays(b, envWay{"own", nil}, envWay{"default", []string{"GOGC=100"}})
}

// An envWay is errgen run with env added to its environment.
type envWay struct {
	name string
	env  []string
}

// processWays runs errgen on the scale catalogs of 1,000 and 10,000
// errors, in English and in English and German (1,000 in English alone
// under -short), each catalog a sub-benchmark of ways, run in turn
// (benchpair.Ways) after a run that writes the outputs they compare with;
// it reports each way's peak resident set too.
func processWays(b *testing.B, ways ...envWay) {
	if raceEnabled {
		b.Skip("the race detector changes time and memory")
	}
	dir := b.TempDir()
	bin := buildErrgen(b, dir)
	sizes, langs := []int{1000, 10000}, []string{"", "de"}
	if testing.Short() {
		sizes, langs = sizes[:1], langs[:1]
	}
	for _, n := range sizes {
		for _, lang := range langs {
			cat := scaleCatalogs(b, dir, n, lang)["now"]
			name := filepath.Base(filepath.Dir(cat)) // n=N or n=N+LANG
			args := []string{"--catalog", cat, "--out", filepath.Join(filepath.Dir(cat), "out")}
			b.Run(name, func(b *testing.B) { runWays(b, bin, args, ways) })
		}
	}
}

// runWays runs errgen with args each way, in turn.
func runWays(b *testing.B, bin string, args []string, envWays []envWay) {
	generateProcess(b, bin, args)
	peak := map[string]int64{}
	var ways []benchpair.Way
	for _, w := range envWays {
		ways = append(ways, benchpair.Way{Name: w.name, Run: func() {
			peak[w.name] = max(peak[w.name], generateProcess(b, bin, args, w.env...))
		}})
	}
	benchpair.Ways(b, ways, nil)
	for _, w := range ways {
		b.ReportMetric(float64(peak[w.Name])/1e6, w.Name+"-peak-MB")
	}
}
