package main

import (
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/hugeheap"
)

// BenchmarkHugePages is whole errgen processes with the huge page shortcut
// (internal/hugeheap and hugepages.go, "huge") and without it (GODEBUG=disablethp=1, the plain
// path, "plain"), in turn, on the scale catalogs of 1,000 and 10,000 errors
// in English and in English and German, each where its outputs already
// are, as BenchmarkGCPercent runs them. It reports benchpair.Ways' ratios
// (huge/plain-cpu below 1 is what the shortcut saves) and each one's peak
// resident set. Where the kernel gives no huge pages on request both run
// the plain path. Under -short (CI, so that it does not rot) it runs 1,000
// errors in English alone.
func BenchmarkHugePages(b *testing.B) {
	if raceEnabled {
		b.Skip("the race detector changes time and memory")
	}
	if !hugeheap.On() {
		b.Log("no transparent huge pages on request here (or GOGC, GOMEMLIMIT or GODEBUG=disablethp=1 set): both ways are the plain path")
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
			b.Run(name, func(b *testing.B) { hugePagesWays(b, bin, args) })
		}
	}
}

// hugePagesWays runs errgen with args with huge pages and without, in
// turn, after a run that writes the outputs they compare with.
func hugePagesWays(b *testing.B, bin string, args []string) {
	generateProcess(b, bin, args)
	peak := map[string]int64{}
	way := func(name string, env ...string) benchpair.Way {
		return benchpair.Way{Name: name, Run: func() {
			peak[name] = max(peak[name], generateProcess(b, bin, args, env...))
		}}
	}
	ways := []benchpair.Way{way("huge"), way("plain", "GODEBUG=disablethp=1")}
	benchpair.Ways(b, ways, nil)
	for _, w := range ways {
		b.ReportMetric(float64(peak[w.Name])/1e6, w.Name+"-peak-MB")
	}
}
