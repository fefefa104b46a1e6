package main

import (
	"runtime/debug"

	"github.com/errgen/errgen/internal/hugeheap"
)

// Generate readies the heap it is about to use for transparent huge pages
// (internal/hugeheap, which at start-up readies what a run of about 1,000
// errors takes): before loading, it readies what the catalog needs beyond
// that (hugeHeapSize). TestHugeHeapAgrees holds the outputs to the same
// bytes with it and without; BenchmarkHugePages measures what it saves, in
// whole processes, against GODEBUG=disablethp=1, the plain path.

// hugePages allows the shortcut: main sets it (tuneGC) when hugeheap is on.
var hugePages bool

// The heap readied for a catalog: hugeHeapPerByte bytes for each byte of
// its root file (a run at 1,000 errors in two languages touches about 20 MB
// for a root of 295 KB), at most hugeHeapMax (the heap grows past it in
// ordinary pages), none below hugeHeapMin (a small catalog's run touches
// little more heap than the program's start-up).
const (
	hugeHeapPerByte = 64
	hugeHeapMin     = 4 << 20
	hugeHeapMax     = 64 << 20
)

// hugeHeapSize is the heap readied for a root file of size bytes: 0 for none.
func hugeHeapSize(size int64) int {
	n := min(hugeHeapPerByte*size, hugeHeapMax)
	if n < hugeHeapMin {
		return 0
	}
	return int(n)
}

// readyHugeHeap readies the heap for a root file of size bytes beyond what
// hugeheap has readied, when hugePages is on.
func readyHugeHeap(size int64) {
	n := hugeHeapSize(size) - hugeheap.Readied()
	if !hugePages || n < hugeHeapMin {
		return
	}
	// No collection while the block is live: one would keep it, and set
	// the next goal from it.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	hugeheap.Grow(n)
}
