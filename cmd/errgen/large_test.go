package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/errgen/errgen/catalog"
)

// minimalCatalog is a catalog of n errors of two keys each, the fallback
// first: the most errors per byte of catalog.
func minimalCatalog(n int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\napi: Minimal API\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  - {code: E%06d, status: 400}\n", i)
	}
	return []byte(b.String())
}

// peakHeap samples the heap's objects (live and not yet swept) every
// millisecond until stop is called, which returns the largest sample.
func peakHeap() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// BenchmarkLargeCatalogs is the whole generate run, in process, under the
// CLI's garbage collector settings (tuneGC), on the catalogs of
// 30,000 and 150,000 minimal errors (1 and 4.9 MB): more than MaxErrors,
// the second is refused. It reports the bytes allocated and the peak heap
// per run, and that peak per MB of catalog. Skipped under -short.
func BenchmarkLargeCatalogs(b *testing.B) {
	if testing.Short() {
		b.Skip("CI runs every benchmark once so that none rots, not to measure")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	setGC()
	dir := b.TempDir()
	for _, n := range []int{30000, 150000} {
		cat := filepath.Join(dir, fmt.Sprintf("minimal%d.yaml", n))
		data := minimalCatalog(n)
		if err := os.WriteFile(cat, data, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				runtime.GC()
				stop := peakHeap()
				var stderr strings.Builder
				run([]string{"--catalog", cat, "--out", filepath.Join(dir, "out"), "--check"}, io.Discard, &stderr)
				peak = max(peak, stop())
				// --check generates every output, then finds none on disk
				if want := map[bool]string{true: "catalog.MaxErrors", false: "do not exist"}[n > catalog.MaxErrors]; !strings.Contains(stderr.String(), want) {
					b.Fatalf("stderr %q, want %q", stderr.String(), want)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(peak)/float64(len(data)), "peak-heap/catalog-byte")
		})
	}
}
