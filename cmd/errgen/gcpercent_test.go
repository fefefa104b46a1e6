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
			b.Run(name, func(b *testing.B) { gcPercentWays(b, bin, args) })
		}
	}
}

// gcPercentWays runs errgen with args at its own settings and at Go's
// defaults, in turn, after a run that writes the outputs they compare with.
func gcPercentWays(b *testing.B, bin string, args []string) {
	generateProcess(b, bin, args)
	peak := map[string]int64{}
	way := func(name string, env ...string) benchpair.Way {
		return benchpair.Way{Name: name, Run: func() {
			peak[name] = max(peak[name], generateProcess(b, bin, args, env...))
		}}
	}
	ways := []benchpair.Way{way("own"), way("default", "GOGC=100")}
	benchpair.Ways(b, ways, nil)
	for _, w := range ways {
		b.ReportMetric(float64(peak[w.Name])/1e6, w.Name+"-peak-MB")
	}
}
