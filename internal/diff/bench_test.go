package diff_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/diff"
)

// BenchmarkCompare compares a synthetic catalog with a copy of itself in
// which every status changed: every code is compared in full and reported.
func BenchmarkCompare(b *testing.B) {
	sizes := []int{100, 10_000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		data := catalogtest.Synthetic(n)
		before := parse(b, "before.yaml", string(data))
		after := parse(b, "after.yaml", string(data))
		for _, e := range after.Errors {
			e.Status = 599 - (e.Status - 400)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				var out bytes.Buffer
				list := diff.Compare(before, after)
				if err := diff.Write(&out, "text", list); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
