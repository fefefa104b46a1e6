package diff_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/diff"
)

// TestRenamesBounded: renames are looked for among few enough details
// gone and come (diff's maxRenamePairs, 4096 pairs); an error whose details
// were rewritten wholesale is reported as details removed and added, each
// once, without comparing every pair. Below the bound, the same kind of
// change is a set of renames.
func TestRenamesBounded(t *testing.T) {
	for _, tc := range []struct {
		n       int
		renamed bool
	}{{60, true}, {70, false}} {
		details := func(suffix string) string {
			var b strings.Builder
			for i := range tc.n {
				fmt.Fprintf(&b, "{name: d%03d%s, type: string}, ", i, suffix)
			}
			return b.String()
		}
		catalog := func(suffix string) string {
			return "version: 1\napi: A\nerrors:\n  - {code: E, status: 400, details: [" + details(suffix) + "]}\n  - {code: F, status: 500, fallback: true}\n"
		}
		changes := diff.Compare(parse(t, "old.yaml", catalog("")), parse(t, "new.yaml", catalog("x")))
		kinds := map[diff.ChangeKind]int{}
		for _, c := range changes {
			kinds[c.Kind]++
		}
		want := map[diff.ChangeKind]int{diff.DetailRemoved: tc.n, diff.DetailAdded: tc.n}
		if tc.renamed {
			want = map[diff.ChangeKind]int{diff.DetailRenamed: tc.n, diff.GoNameChanged: tc.n}
		}
		if fmt.Sprint(kinds) != fmt.Sprint(want) {
			t.Errorf("%d details renamed d000 to d000x …: %v, want %v", tc.n, kinds, want)
		}
	}
}

// TestRenamesLinearInRemoved: many details removed beside one added that
// each of them resembles (d0001 … and d) are compared with it once each,
// and it with them once: the bytes diff allocates for 4n removed details
// are about 4 times those for n (16 times, were the added one's matches
// counted again for each removed one).
func TestRenamesLinearInRemoved(t *testing.T) {
	catalogs := func(n int) (string, string) {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "{name: d%04d, type: string}, ", i)
		}
		head := "version: 1\napi: A\nerrors:\n  - {code: F, status: 500, fallback: true}\n  - {code: E, status: 400, details: ["
		return head + b.String() + "]}\n", head + "{name: d, type: string}]}\n"
	}
	allocated := func(n int) uint64 {
		o, nw := catalogs(n)
		before, after := parse(t, "old.yaml", o), parse(t, "new.yaml", nw)
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		diff.Compare(before, after)
		runtime.ReadMemStats(&m1)
		return m1.TotalAlloc - m0.TotalAlloc
	}
	small, large := allocated(1000), allocated(4000)
	if ratio := float64(large) / float64(small); ratio > 8 {
		t.Errorf("diff allocated %d bytes for 4,000 removed details, %d for 1,000: %.1f×, want about 4×", large, small, ratio)
	}
}
