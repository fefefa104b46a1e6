// Package hugeheap readies an errgen process's heap to be backed by
// transparent huge pages, where Linux gives them on request (its setting
// says [madvise]; where it says [always] the kernel does so unasked, and
// where it says [never] nothing would be gained).
//
// A process touches its heap for the first time, and the kernel faults it
// in a page (4 KiB) at a time: at 1,000 errors in two languages a generate
// run took about 6,000 faults, a quarter of its CPU time on a VM. Readying
// n bytes (Grow) grows the heap by one block of n bytes, which the runtime
// maps but never touches, advises the block's memory to be backed by huge
// pages (MADV_HUGEPAGE: 2 MiB, one fault each), and collects it at once:
// the heap then grows into it, lowest addresses first.
//
// The package's initialisation readies initBlock bytes, before the
// initialisation of errgen's dependencies fills the heap (the JSON Schema
// metaschemas kin-openapi's validator compiles: 1.7 MB in 21,000
// allocations): Go initialises packages in the order of their import paths
// among those whose imports are initialised, and this one imports only the
// lowest packages of the standard library (runtime/debug would make it wait).
//
// The plain path is Go's own: GODEBUG=disablethp=1 (Go's setting against
// huge pages for the heap) turns it off, and so do GOGC and GOMEMLIMIT, as
// they turn off the rest of errgen's memory tuning (cmd/errgen's tuneGC).
package hugeheap

import (
	"os"
	"runtime"
	"strings"
)

// initBlock is what the initialisation readies: the start-up's heap and,
// with it, the heap a run of about 1,000 errors touches (about 20 MB). Idle
// memory the heap keeps counts towards the memory limit cmd/errgen sets
// (56 MB and more): initBlock stays well below it.
const initBlock = 32 << 20

// on says whether the process readies its heap; readied is how much it has.
var (
	on      bool
	readied int
)

func init() {
	on = Allowed(os.Getenv("GOGC"), os.Getenv("GOMEMLIMIT"), os.Getenv("GODEBUG")) && thpOnRequest()
	Grow(initBlock)
}

// Allowed says whether the environment leaves huge pages on: neither GOGC
// nor GOMEMLIMIT set, and godebug (GODEBUG's value) without disablethp=1.
func Allowed(gogc, gomemlimit, godebug string) bool {
	if gogc != "" || gomemlimit != "" {
		return false
	}
	for _, setting := range strings.Split(godebug, ",") {
		if strings.TrimSpace(setting) == "disablethp=1" {
			return false
		}
	}
	return true
}

// On says whether the process readies its heap for huge pages.
func On() bool { return on }

// Readied is how many bytes the process has readied.
func Readied() int { return readied }

// Grow readies n more bytes of heap, when On. It collects the heap twice
// at most (the block may start a collection, which Grow waits for, then
// one that frees it): at start-up, or with the collector paused, almost
// nothing is live.
func Grow(n int) {
	if !on || n <= 0 {
		return
	}
	adviseHuge(make([]byte, n))
	readied += n
	runtime.GC() // the block is garbage: its pages go back to the heap, untouched
}
