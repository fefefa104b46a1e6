//go:build unix

package augment

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// cost is what one call took: time, bytes allocated, and the peak of the
// heap above what was live before it.
type cost struct {
	d, cpu      time.Duration // wall clock, and CPU time of the process
	alloc, peak uint64
}

// cpuTime is the CPU time the process has used: unlike the wall clock,
// it does not count the time other processes take the CPUs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs fn, sampling the heap every millisecond for its peak.
func measure(fn func()) cost {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := heap()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	allocBefore := ms.TotalAlloc
	done := make(chan struct{})
	var peak uint64
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, heap())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	start, startCPU := time.Now(), cpuTime()
	fn()
	d, dcpu := time.Since(start), cpuTime()-startCPU
	close(done)
	wg.Wait()
	runtime.ReadMemStats(&ms)
	return cost{d: d, cpu: dcpu, alloc: ms.TotalAlloc - allocBefore, peak: max(peak, base) - base}
}

// BenchmarkAugmentStripe augments Stripe's spec (2.5 MB of minified JSON)
// and, in the same run, has kin-openapi merely load and validate it. It
// reports errgen's time, allocated bytes and peak heap as ratios of
// kin-openapi's (x-time, x-cpu, x-alloc, x-peak; the issue asks for at
// most 1.5). One augmentation takes seconds: run it with -benchtime=4x,
// which alternates which of the two runs first. The peak is sampled every
// millisecond and includes garbage not yet collected, so it varies from
// run to run.
func BenchmarkAugmentStripe(b *testing.B) {
	if raceEnabled {
		b.Skip("the race detector makes kin-openapi's validation of Stripe's spec take minutes")
	}
	spec, err := os.ReadFile(filepath.Join(specs, "real/stripe.json"))
	if err != nil {
		b.Fatal(err)
	}
	c, err := catalog.Load(catalogtest.Path("catalog.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	var kin, ours cost
	add := func(sum *cost, c cost) {
		sum.d, sum.cpu, sum.alloc, sum.peak = sum.d+c.d, sum.cpu+c.cpu, sum.alloc+c.alloc, max(sum.peak, c.peak)
	}
	i := 0
	for b.Loop() {
		runKin := func() {
			add(&kin, measure(func() {
				if err := validateSpec(spec, true); err != nil {
					b.Fatal(err)
				}
			}))
		}
		runOurs := func() {
			add(&ours, measure(func() {
				if _, _, err := Augment(c, spec, "stripe.json", Options{Force: false}); err != nil {
					b.Fatal(err)
				}
			}))
		}
		if i%2 == 0 { // alternate, so that neither always runs on a warmer heap
			runKin()
			runOurs()
		} else {
			runOurs()
			runKin()
		}
		i++
	}
	n := float64(b.N)
	b.ReportMetric(ours.d.Seconds()/n, "errgen-s/op")
	b.ReportMetric(kin.d.Seconds()/n, "kin-s/op")
	b.ReportMetric(float64(ours.peak)/(1<<20), "errgen-peak-MB")
	b.ReportMetric(float64(kin.peak)/(1<<20), "kin-peak-MB")
	b.ReportMetric(float64(ours.alloc)/n/(1<<20), "errgen-alloc-MB/op")
	b.ReportMetric(float64(kin.alloc)/n/(1<<20), "kin-alloc-MB/op")
	b.ReportMetric(ours.d.Seconds()/kin.d.Seconds(), "x-time")
	b.ReportMetric(ours.cpu.Seconds()/kin.cpu.Seconds(), "x-cpu")
	b.ReportMetric(float64(ours.alloc)/float64(kin.alloc), "x-alloc")
	b.ReportMetric(float64(ours.peak)/float64(kin.peak), "x-peak")
}
