// Package growth checks, for tests, that work grows in proportion to its
// input: the CPU time of runs at n and at 8n, taken on the calling
// goroutine's own thread. The process's CPU time, which such tests read
// before, counted the collector's threads too, and a moment's load on a
// shared machine once took a linear run past the bound.
package growth

import (
	"math"
	"runtime"
	"time"
)

// MaxEightfold is the most eight times the input may cost against the
// input once: linear work gives about 8, quadratic 64; the margin between
// is for a shared machine, whose load and collections once took a linear
// run to 16.8.
const MaxEightfold = 32

// Fastest returns the least CPU time one of rounds runs of f took. The
// goroutine stays on one thread for the runs, whose time is what is read
// (the process's where the system keeps none per thread); f must do its
// work on the calling goroutine.
func Fastest(rounds int, f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	best := time.Duration(math.MaxInt64)
	for range rounds {
		runtime.GC() // what the run before left to collect is not this run's
		start := threadTime()
		f()
		best = min(best, threadTime()-start)
	}
	return best
}

// Eightfold returns how many times as long 8n took as n, each measured by
// cost. A ratio past MaxEightfold is measured again, twice at most:
// quadratic work is past it every time, linear work slowed by a moment's
// load is not the next time.
func Eightfold(n int, cost func(n int) time.Duration) (ratio float64, small, large time.Duration) {
	for range 3 {
		small, large = cost(n), cost(8*n)
		ratio = float64(large) / float64(max(small, 1))
		if ratio <= MaxEightfold {
			break
		}
	}
	return ratio, small, large
}
