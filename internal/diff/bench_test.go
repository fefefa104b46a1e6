package diff_test

import (
	"bytes"
	"fmt"
	"strings"
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

// enumCatalog has one error whose enum detail has n values, from first.
func enumCatalog(n, first int) string {
	var b strings.Builder
	b.WriteString("version: 1\napi: A\nformat: flat\nerrors:\n  - code: BAD\n    status: 400\n    details:\n      - name: kind\n        type: string\n        enum: [")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "v%d", first+i)
	}
	b.WriteString("]\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	return b.String()
}

// renamedCatalog has n codes, each prefixed: two of them with different
// prefixes share no code, and every old code's Go name is looked up among
// the new ones.
func renamedCatalog(n int, prefix string) string {
	var b strings.Builder
	b.WriteString("version: 1\napi: A\nformat: flat\nerrors:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {code: %s_%d, status: 400}\n", prefix, i)
	}
	b.WriteString("  - {code: INTERNAL, status: 500, fallback: true}\n")
	return b.String()
}

// BenchmarkCompareLarge is the quadratic cases: two enums of
// 100,000 values half of which differ (119 s when each value scanned the
// other list), and two catalogs of 60,000 codes none of which is in both
// (157 s when each removed code scanned every new one for its Go name).
func BenchmarkCompareLarge(b *testing.B) {
	cases := []struct {
		name          string
		before, after string
	}{
		{"enum=100000", enumCatalog(100_000, 0), enumCatalog(100_000, 50_000)},
		{"codes=60000", renamedCatalog(60_000, "OLD"), renamedCatalog(60_000, "NEW")},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			if testing.Short() {
				b.Skip("-short: the large sizes")
			}
			before, after := parse(b, "before.yaml", tc.before), parse(b, "after.yaml", tc.after)
			for b.Loop() {
				if len(diff.Compare(before, after)) == 0 {
					b.Fatal("no changes")
				}
			}
		})
	}
}
