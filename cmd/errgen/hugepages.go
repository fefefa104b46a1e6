package main

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// A generate run touches its heap for the first time, and the kernel
// faults it in a page (4 KiB) at a time: at 1,000 errors in two languages
// about 5,000 faults, a quarter of the run's CPU time on a VM. Where Linux
// gives transparent huge pages on request (its setting says [madvise]),
// generate asks for them for the heap it is about to use: before loading,
// it grows the heap by one block of the size the catalog needs (hugeHeapSize),
// which the runtime maps but never touches, advises that block's memory
// to be backed by huge pages (2 MiB, one fault each), and lets the
// collector free it at once; the heap then grows into it, lowest addresses
// first. Where the setting is [always] the kernel does so unasked, and
// where it is [never] nothing would be gained.
//
// The plain path is Go's own: GODEBUG=disablethp=1 (Go's setting against
// huge pages for the heap) turns the shortcut off, and so do the user's
// GOGC and GOMEMLIMIT, as they turn off the rest of errgen's tuning
// (tuneGC). TestHugeHeapAgrees holds the outputs of both to the same bytes;
// BenchmarkHugePages measures what it saves, in whole processes.

// hugePages allows the shortcut: main sets it (tuneGC) unless GODEBUG
// turns huge pages off.
var hugePages bool

// The block's size: hugeHeapPerByte bytes of heap for each byte of the
// catalog's root file (a run at 1,000 errors in two languages touches about
// 23 MB for a root of 295 KB), at most hugeHeapMax (the heap grows past it
// in ordinary pages), none below hugeHeapMin (a small catalog's run
// touches little more heap than the program's start-up).
const (
	hugeHeapPerByte = 64
	hugeHeapMin     = 4 << 20
	hugeHeapMax     = 64 << 20
)

// hugeHeapSize is the block for a root file of size bytes: 0 for none.
func hugeHeapSize(size int64) int {
	n := min(hugeHeapPerByte*size, hugeHeapMax)
	if n < hugeHeapMin {
		return 0
	}
	return int(n)
}

// thpAllowed says whether godebug (GODEBUG's value) leaves huge pages on.
func thpAllowed(godebug string) bool {
	for _, setting := range strings.Split(godebug, ",") {
		if strings.TrimSpace(setting) == "disablethp=1" {
			return false
		}
	}
	return true
}

// readyHugeHeap grows the heap by the block for a root file of size bytes,
// advises its memory to be backed by huge pages and frees it, when
// hugePages is on and the kernel gives them on request.
func readyHugeHeap(size int64) {
	n := hugeHeapSize(size)
	if !hugePages || n == 0 || !thpOnRequest() {
		return
	}
	// No collection while the block is live: one would keep it, and set
	// the next goal from it.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	adviseHuge(make([]byte, n))
	runtime.GC() // the block is garbage: its pages go back to the heap, untouched
}
