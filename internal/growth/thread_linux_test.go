package growth

import "testing"

// Work another goroutine does is not the calling thread's: Fastest reads
// the thread's time, not the process's.
func TestFastestCountsOnlyItsThread(t *testing.T) {
	if testing.Short() {
		t.Skip("spins the CPU")
	}
	alone := Fastest(3, func() { sink += spin(2000) })
	withOther := Fastest(3, func() {
		other := make(chan int)
		go func() { other <- spin(20000) }()
		sink += spin(2000)
		sink += <-other
	})
	if alone <= 0 || withOther > 5*alone {
		t.Errorf("a run beside another goroutine's tenfold work took %v, alone %v: the other goroutine's time was counted", withOther, alone)
	}
}

// The thread's time is read to the microsecond, not by ticks: a run
// shorter than a tick is not 0.
func TestFastestSeesShortRuns(t *testing.T) {
	if d := Fastest(3, func() { sink += spin(200) }); d <= 0 {
		t.Errorf("a run of about 0.2 ms took %v", d)
	}
}
