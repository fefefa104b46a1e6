package diff_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/diff"
)

// regionalCatalog is old or new of a catalog of n codes served in es and
// es-MX, each file translating every title: new's es-MX.yaml no longer
// does, so every code is compared as es-MX clients read it.
func regionalCatalog(n int) map[string]string {
	var cat, es, mx strings.Builder
	cat.WriteString("version: 1\napi: A\nformat: flat\nlanguages: [es, es-MX]\nerrors:\n")
	es.WriteString("language: es\nerrors:\n")
	mx.WriteString("language: es-MX\nerrors:\n")
	for i := range n {
		fmt.Fprintf(&cat, "  - {code: C_%d, status: 400, title: Bad %d}\n", i, i)
		fmt.Fprintf(&es, "  C_%d: {title: Malo %d}\n", i, i)
		fmt.Fprintf(&mx, "  C_%d: {title: Gacho %d}\n", i, i)
	}
	cat.WriteString("  - {code: INTERNAL, status: 500, fallback: true}\n")
	return map[string]string{
		"old.yaml": cat.String(), "old/translations/es.yaml": es.String(), "old/translations/es-MX.yaml": mx.String(),
		"new.yaml": cat.String(), "new/translations/es.yaml": es.String(), "new/translations/es-MX.yaml": "language: es-MX\nerrors: {}\n",
	}
}

// TestCompareRegionalLinear: comparing a regional language reads each
// catalog's translation as its clients read it once, not once per code
// (an overlay of every entry per code made Compare quadratic: 16,000
// codes took minutes). Allocations double with the codes, give or take.
func TestCompareRegionalLinear(t *testing.T) {
	allocs := func(n int) float64 {
		files := regionalCatalog(n)
		before, after := load(t, "old", files), load(t, "new", files)
		return testing.AllocsPerRun(1, func() {
			if len(diff.Compare(before, after)) == 0 {
				t.Fatal("no changes")
			}
		})
	}
	small, large := allocs(500), allocs(2000)
	if ratio := large / small; ratio > 6 {
		t.Errorf("4 times the codes took %.1f times the allocations (%.0f, %.0f): Compare is super-linear in the codes", ratio, small, large)
	}
}
