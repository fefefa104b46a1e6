package main

import (
	"testing"

	"github.com/errgen/errgen/internal/hugeheap"
)

// BenchmarkHugePages is whole errgen processes with the huge page shortcut
// (internal/hugeheap and hugepages.go, "huge") and without it (GODEBUG=disablethp=1, the plain
// path, "plain"), in turn, on the scale catalogs of 1,000 and 10,000 errors
// in English and in English and German, each where its outputs already
// are, as BenchmarkGCPercent runs them. It reports benchpair.Ways' ratios
// (huge/plain-cpu below 1 is what the shortcut saves) and each one's peak
// resident set. Where the kernel gives no huge pages on request both run
// the plain path. Under -short (CI, so that it does not rot) it runs 1,000
// errors in English alone.
func BenchmarkHugePages(b *testing.B) {
	if !hugeheap.On() {
		b.Log("no transparent huge pages on request here (or GOGC, GOMEMLIMIT or GODEBUG=disablethp=1 set): both ways are the plain path")
	}
	processWays(b, envWay{"huge", nil}, envWay{"plain", []string{"GODEBUG=disablethp=1"}})
}
