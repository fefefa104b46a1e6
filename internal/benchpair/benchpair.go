// Package benchpair measures a performance shortcut against its plain path
// in one benchmark, for the benchmarks that decide whether a shortcut stays,
// and more generally work done several ways, each way in turn. It imports
// nothing of errgen.
package benchpair

import (
	"sync"
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

// Way is one way of doing the work Ways compares.
type Way struct {
	Name string
	Run  func()
}

// Ways runs each way in turn, the first of them first in one round, the
// next in the next round (also across -count runs, which run the benchmark
// again in the same process: slow commands run one round each), and so on,
// and reports each one's time per op
// (NAME-s/op) and the ratios of the first way's wall and CPU time (child
// processes' included) to each other's (FIRST/NAME, FIRST/NAME-cpu): ratios
// taken a moment apart, as Run's are. reset, if not nil, runs untimed before
// each way.
func Ways(b *testing.B, ways []Way, reset func()) {
	b.Helper()
	wall := make([]time.Duration, len(ways))
	cpu := make([]time.Duration, len(ways))
	first := nextRound(b.Name())
	for i := first; b.Loop(); i++ {
		for k := range ways {
			j := (i + k) % len(ways)
			if reset != nil {
				b.StopTimer()
				reset()
				b.StartTimer()
			}
			w, c := time.Now(), cpuTime()
			ways[j].Run()
			wall[j] += time.Since(w)
			cpu[j] += cpuTime() - c
		}
	}
	n := float64(b.N)
	for j, w := range ways {
		b.ReportMetric(wall[j].Seconds()/n, w.Name+"-s/op")
		if j == 0 {
			continue
		}
		b.ReportMetric(float64(wall[0])/float64(wall[j]), ways[0].Name+"/"+w.Name)
		if cpu[j] > 0 {
			b.ReportMetric(float64(cpu[0])/float64(cpu[j]), ways[0].Name+"/"+w.Name+"-cpu")
		}
	}
}

// rounds counts, by benchmark name, the times Ways ran.
var rounds struct {
	sync.Mutex
	n map[string]int
}

// nextRound returns how many times Ways ran for the named benchmark before.
func nextRound(name string) int {
	rounds.Lock()
	defer rounds.Unlock()
	if rounds.n == nil {
		rounds.n = map[string]int{}
	}
	rounds.n[name]++
	return rounds.n[name] - 1
}
