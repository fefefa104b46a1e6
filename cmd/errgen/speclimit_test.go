package main

import (
	"math"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// TestSpecLimitFollowsCatalog: augmenting builds errgen's components for
// each of the catalog's errors, about 17 KB live each, whatever the spec's
// size, so the spec's memory limit leaves room for them too. It left room
// for the spec alone: a catalog of 20,000 errors and a spec of 20
// operations took about three times the CPU of the plain path (5 to 6.6 s, 41
// collections back to back at the limit) for a peak 5% lower. Collections
// while augmenting, errgen's settings under the limit and without it, from
// the same live heap.
func TestSpecLimitFollowsCatalog(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("loads a catalog of 4,000 errors; the race detector changes memory use")
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer func(on bool) { memoryBudget = on }(memoryBudget)
	dir := t.TempDir()
	writeOperationsSpec(t, dir, 20)
	writeGrowthFile(t, filepath.Join(dir, "catalog.yaml"), catalogtest.Scale(4000))
	c, err := catalog.Load(filepath.Join(dir, "catalog.yaml"), errgen.Check)
	if err != nil {
		t.Fatal(err)
	}
	spec := []byte(readFileT(t, filepath.Join(dir, "spec.json")))
	collections := func(budget bool) uint64 {
		memoryBudget = budget
		runtime.GC()
		cycles := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
		metrics.Read(cycles)
		before := cycles[0].Value.Uint64()
		withSpecLimit(len(spec), len(c.Errors), func() { _, err = errgen.Augment(c, spec, "spec.json", errgen.AugmentOptions{}) })
		if err != nil {
			t.Fatal(err)
		}
		metrics.Read(cycles)
		return cycles[0].Value.Uint64() - before
	}
	plain, budget := collections(false), collections(true)
	t.Logf("collections while augmenting: %d plain, %d under the spec's limit", plain, budget)
	if budget > plain+2 {
		t.Errorf("augmenting for a catalog of 4,000 errors collected %d times under the spec's limit, %d without: the limit leaves the catalog's components no room", budget, plain)
	}
}
