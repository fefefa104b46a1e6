// Package benchpair measures a performance shortcut against its plain path
// in one benchmark, for the benchmarks that decide whether a shortcut stays.
// It imports nothing of errgen.
package benchpair

import (
	"testing"
	"time"
)

// Run runs a shortcut and its plain path in turn, alternating which goes
// first, and reports each one's time per op and two ratios, the plain
// path's wall and CPU time over the shortcut's: ratios taken a moment
// apart, which a busy machine's load shifts less than two sub-benchmarks
// run seconds apart. reset, if not nil, runs untimed before each path.
func Run(b *testing.B, shortcut, plain, reset func()) {
	b.Helper()
	paths := [2]func(){shortcut, plain}
	var wall, cpu [2]time.Duration
	for i := 0; b.Loop(); i++ {
		for k := range 2 {
			j := (i + k) % 2
			if reset != nil {
				b.StopTimer()
				reset()
				b.StartTimer()
			}
			w, c := time.Now(), cpuTime()
			paths[j]()
			wall[j] += time.Since(w)
			cpu[j] += cpuTime() - c
		}
	}
	n := float64(b.N)
	b.ReportMetric(wall[0].Seconds()/n, "shortcut-s/op")
	b.ReportMetric(wall[1].Seconds()/n, "plain-s/op")
	b.ReportMetric(float64(wall[1])/float64(wall[0]), "plain/shortcut")
	if cpu[0] > 0 {
		b.ReportMetric(float64(cpu[1])/float64(cpu[0]), "plain/shortcut-cpu")
	}
}
