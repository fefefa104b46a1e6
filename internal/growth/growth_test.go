package growth

import (
	"testing"
	"time"
)

// spin burns CPU on the calling goroutine for about n units, and returns
// what it computed so that the loop is not optimised away.
func spin(n int) int {
	x := 1
	for i := range n * 1000 {
		x = x*31 + i
	}
	return x
}

// sink keeps spin's results; only the test's goroutine writes it.
var sink int

func TestEightfoldTellsLinearFromQuadratic(t *testing.T) {
	if testing.Short() {
		t.Skip("spins the CPU for about a second")
	}
	cost := func(work func(n int)) func(n int) time.Duration {
		return func(n int) time.Duration { return Fastest(3, func() { work(n) }) }
	}
	linear, small, large := Eightfold(200, cost(func(n int) { sink += spin(n) }))
	if linear > MaxEightfold {
		t.Errorf("linear work: 8 times the input took %.1f times as long (%v, %v)", linear, small, large)
	}
	quadratic, small, large := Eightfold(200, cost(func(n int) { sink += spin(n * n / 100) }))
	if quadratic <= MaxEightfold {
		t.Errorf("quadratic work: 8 times the input took %.1f times as long (%v, %v): want over %d", quadratic, small, large, MaxEightfold)
	}
}
