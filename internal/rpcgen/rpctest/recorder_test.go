package rpctest

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/golang/fixed"
)

// reportRecorder holds the reports the package makes while a test runs,
// as its Config.Reporter.
type reportRecorder struct {
	mu      sync.Mutex
	reports []fixed.Report
}

// recordReports makes the package report to a new recorder until t ends.
func recordReports(t *testing.T) *reportRecorder {
	r := &reportRecorder{}
	fixed.Configure(fixed.Config{Reporter: r.add})
	t.Cleanup(func() { fixed.Configure(fixed.Config{}) })
	return r
}

func (r *reportRecorder) add(rep fixed.Report) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reports = append(r.reports, rep)
}

// reset forgets the reports made so far.
func (r *reportRecorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reports = nil
}

// all is the reports made so far.
func (r *reportRecorder) all() []fixed.Report {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.reports)
}

// first is the first report made, which a server makes after its client
// has gone: it waits up to 5 seconds for it.
func (r *reportRecorder) first() (fixed.Report, bool) {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if reps := r.all(); len(reps) > 0 {
			return reps[0], true
		}
	}
	return fixed.Report{}, false
}
