package main

import (
	"io"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"

	"github.com/errgen/errgen/catalog"
)

// Generating holds the catalog and one output's working data at a time
// (the outputs reach the disk as they are computed), so what it needs grows
// with the catalog. Under gcPercent (200) the heap would still grow to
// three times that: generate sets a soft memory limit that follows the
// catalog, so that the collector runs more often only once the heap nears
// it. Loading, the limit is memoryLimit of the bytes read so far (yaml.v3's
// node tree, in proportion to the bytes); loaded, of the bytes and the
// errors (each output's working data, in proportion to the errors).
// BenchmarkMemoryLimit measures what it costs and saves; docs/performance.md
// has the figures.

// memoryBudget turns the limit on: main sets it unless the user set GOGC or
// GOMEMLIMIT, which then decide alone.
var memoryBudget bool

// The limit's terms, from the peaks measured at 10,000 to 50,000 errors
// (docs/performance.md#memory).
const (
	limitBase      = 56 << 20 // and limitPerByte for each byte of catalog, which loading needs
	limitPerByte   = 20
	limitErrorBase = 16 << 20 // and limitPerError for each error, which the outputs need
	limitPerError  = 2 << 10
)

// memoryLimit is the soft memory limit for a catalog of size bytes (the root
// and the files it includes) and n errors, retired ones included.
func memoryLimit(size int64, n int) int64 {
	return max(limitBase+limitPerByte*size, limitErrorBase+limitPerError*int64(n))
}

// setMemoryLimit sets memoryLimit(size, n) when memoryBudget is on.
func setMemoryLimit(size int64, n int) {
	if memoryBudget {
		debug.SetMemoryLimit(memoryLimit(size, n))
	}
}

// withoutMemoryLimit runs f with no memory limit, then sets the one there
// was: augmenting a spec holds the spec, whatever the catalog's size.
func withoutMemoryLimit(f func()) {
	if !memoryBudget {
		f()
		return
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	f()
}

// Augmenting a spec holds a node tree of it, then kin-openapi's two trees
// of the augmented document (a typed one and, for the extensions, one of
// maps), at about 40 bytes live for each byte of a spec of many small
// operations, and errgen's components for each of the catalog's errors
// (the schemas errorSchemas shapes for each), about 17 KB live an
// error whatever the spec. Under gcPercent (200) alone the heap grew to
// three times that before a collection: 675 MB for a spec of 5.9 MB.
// augmentSpec sets a soft memory limit that follows the spec's size and
// the catalog's errors on top of what is live when it starts (the
// catalog): a spec that holds more per byte only makes the collector run
// more often, which Go's limiter keeps to half the CPU. Without the
// errors' term a catalog of 20,000 errors and a small spec collected back
// to back at the limit, for about three times the CPU
// (TestSpecLimitFollowsCatalog).
// BenchmarkSpecBudget measures what it saves; docs/performance.md has the
// figures.
const (
	specLimitBase     = 48 << 20 // beyond what is live, and specLimitPerByte for each byte of spec
	specLimitPerByte  = 64
	specLimitPerError = 24 << 10 // for each of the catalog's errors, above the 17 KB they take
)

// specMemoryLimit is the soft memory limit for augmenting a spec of size
// bytes for a catalog of errors errors, with live bytes of heap live
// already.
func specMemoryLimit(live uint64, size, errors int) int64 {
	return int64(live) + specLimitBase + specLimitPerByte*int64(size) + specLimitPerError*int64(errors)
}

// withSpecLimit runs f, which augments a spec of size bytes for a catalog
// of errors errors, under specMemoryLimit when memoryBudget is on, then
// sets the limit there was. Without a budget (the user's GOGC or
// GOMEMLIMIT), f runs as it is, the plain path (TestSpecBudgetIsPlain).
func withSpecLimit(size, errors int, f func()) {
	if !memoryBudget {
		f()
		return
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(specMemoryLimit(liveHeap(), size, errors)))
	f()
}

// liveHeap is the heap the last collection found live: what a limit set
// for more work (a spec, a second catalog) goes on top of.
func liveHeap() uint64 {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	return live[0].Value.Uint64()
}

// countedFiles are a catalog's files, as catalog.Load reads them, counting
// the bytes read and setting the memory limit for them, on top of the heap
// live before (none but for a second catalog), before they are parsed.
type countedFiles struct {
	catalog.Files
	size int64
	live int64 // the heap live before loading began, which the limit is on top of
}

func (f *countedFiles) Read(name string, limit int64) ([]byte, string, error) {
	data, id, err := f.Files.Read(name, limit)
	f.size += int64(len(data))
	if memoryBudget {
		debug.SetMemoryLimit(f.live + memoryLimit(f.size, 0))
	}
	return data, id, err
}

// loadSized is loadCatalog through loadBudgeted: the memory limit set as
// the catalog is read and once it is loaded; check is errgen's rules for
// the run (errgen.CheckFor its options).
func loadSized(prog, path string, check catalog.Check, stderr io.Writer) (*catalog.Catalog, bool) {
	c, err := loadBudgeted(path, check)
	if err != nil {
		reportCatalogError(prog, path, err, stderr)
		return nil, false
	}
	printGenerateWarnings(prog, path, &c.Warnings, stderr) // as loadCatalog does: a stale or missing translation is said on every run of its module
	return c, true
}

// loadBudgeted is catalog.Load through countedFiles, with the heap readied
// for huge pages and the collector paused while loading, and the memory
// limit set for the catalog once loaded: generate's budget, which errgen
// translate keeps too (its working data, the translation file's tree and
// its entries', grow with the errors as the outputs' do; without it a new
// file of 20,000 errors peaked at 222 to 275 MB, with it 178 MB). Without
// a budget (the user's GOGC or GOMEMLIMIT) it is catalog.Load, the plain
// path (TestPausedLoadIsLoad, TestTranslateBudgetIsPlain).
func loadBudgeted(path string, check catalog.Check) (*catalog.Catalog, error) {
	return loadHeld(path, check, &heldCatalogs{})
}

// heldCatalogs are the catalogs a command has loaded and still holds, to the
// memory budget: their bytes and their errors, retired ones included.
// errgen diff holds two, which the budget counts, once both are loaded, as
// one catalog of their bytes and errors together. Without a budget diff
// peaked at up to 1.9 times what generating either catalog does (171 MB
// for 30,000 minimal errors, where generate peaks at 92 MB); with it, at
// 130 MB (TestDiffMemoryBudget). Catalogs of fewer errors per byte (the
// scale catalogs: 135 MB at 10,000 errors, generate 115 MB) stay under the
// limit, and peak as they did.
type heldCatalogs struct {
	size   int64
	errors int
}

// loadHeld is loadBudgeted for a command that holds the catalogs of held
// already, which it adds the one it loads to.
func loadHeld(path string, check catalog.Check, held *heldCatalogs) (*catalog.Catalog, error) {
	// catalog.Load makes these checks, and says what is wrong, before it
	// reads anything: not a regular file, no limit to set.
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return catalog.Load(path, check)
	}
	readyHugeHeap(st.Size())
	disk, root, err := catalog.DiskFiles(path)
	if err != nil {
		return nil, err
	}
	return loadFilesHeld(disk, root, check, held)
}

// loadFilesHeld is catalog.LoadFiles of root under the budget, the limit
// set for held and the catalog loaded once loaded. The first catalog loads
// as loadBudgeted's, the collector paused; a second with it running, under
// a loading limit on top of the heap live (the first catalog), as
// withSpecLimit's is: paused, the second's node tree grew to the limit on
// top of the first (203 MB for two synthetic catalogs of 10,000 errors, 147
// MB collected), and under a limit of the bytes of both, which the first
// catalog of 50,000 minimal errors nearly filled, diff took 1.7 times the
// CPU of the plain path for no memory saved (1.3 to 1.4 now, 185 MB against
// 190 to 240).
func loadFilesHeld(files catalog.Files, root string, check catalog.Check, held *heldCatalogs) (*catalog.Catalog, error) {
	counted := &countedFiles{Files: files}
	var c *catalog.Catalog
	var err error
	if held.size == 0 {
		withCollectorPaused(func() { c, err = catalog.LoadFiles(counted, root, check) })
	} else {
		counted.live = int64(liveHeap())
		c, err = catalog.LoadFiles(counted, root, check)
	}
	if err != nil {
		return nil, err
	}
	held.size, held.errors = held.size+counted.size, held.errors+len(c.Errors)+len(c.Retired)
	setMemoryLimit(held.size, held.errors)
	return c, nil
}

// withCollectorPaused runs f with the collector off, when memoryBudget is
// on, and turns it back on however f ends: a panic recovered above it must
// not leave the process uncollected. While it is off, the memory limit,
// which countedFiles sets before each file is parsed, still bounds the
// heap. Loading builds the YAML node tree of every file, a pointer-rich
// heap that is garbage once the catalog is read: a collection while it lives marks all of it and keeps it (at 1,000
// errors in two languages it came at 8 MB, mid-load, found 8 MB live and
// set the next goal at 24 MB), where the first one after loading finds the
// catalog alone (3 MB). Resumed, the heap is past its goal, so that
// collection starts at once. The plain path is Go's: the user's GOGC or
// GOMEMLIMIT turns it off with the rest of the budget; TestPausedLoadIsLoad
// and BenchmarkPausedLoad.
func withCollectorPaused(f func()) {
	if !memoryBudget {
		f()
		return
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	f()
}
