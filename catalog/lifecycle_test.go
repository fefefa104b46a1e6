package catalog

import (
	"fmt"
	"strings"
	"testing"
)

// replacementChain is a catalog of n deprecated codes, each replaced by
// the next; with loop the last is replaced by the first, else the last
// is replaced by a code in use.
func replacementChain(n int, loop bool) []byte {
	var b strings.Builder
	b.WriteString("version: 1\napi: A\nformat: flat\nerrors:\n")
	for i := range n {
		next := fmt.Sprintf("C%06d", i+1)
		if i == n-1 {
			next = "LIVE"
			if loop {
				next = "C000000"
			}
		}
		fmt.Fprintf(&b, "  - {code: C%06d, status: 400, deprecated: Gone., replaced_by: %s}\n", i, next)
	}
	b.WriteString("  - {code: LIVE, status: 400}\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	return []byte(b.String())
}

// A long chain that ends at a code in use is valid; one that loops back is
// one problem, at its first code, naming every code of the circle.
func TestReplacementChains(t *testing.T) {
	if _, err := Parse("catalog.yaml", replacementChain(5_000, false)); err != nil {
		t.Fatalf("a chain ending at a code in use: %v", err)
	}
	_, err := Parse("catalog.yaml", replacementChain(5_000, true))
	if err == nil {
		t.Fatal("a circle of 5,000 codes is accepted")
	}
	msg := err.Error()
	if strings.Count(msg, "\n") != 0 || !strings.HasPrefix(msg, `catalog.yaml:5:`) ||
		!strings.Contains(msg, `error "C000000": replaced_by goes round in a circle (C000000 → C000001 → `) ||
		!strings.Contains(msg, "C004999 → C000000)") {
		t.Errorf("want one problem at the first code naming the whole circle, got %.300q", msg)
	}
}

// Two circles and a tail into one of them: each circle once, at its first
// code in catalog order, whatever the walk's start.
func TestReplacementCyclesReportedOnce(t *testing.T) {
	data := []byte(`version: 1
api: A
format: flat
errors:
  - {code: TAIL, status: 400, deprecated: x, replaced_by: B}
  - {code: A, status: 400, deprecated: x, replaced_by: B}
  - {code: B, status: 400, deprecated: x, replaced_by: A}
  - {code: X, status: 400, deprecated: x, replaced_by: Z}
  - {code: Y, status: 400, deprecated: x, replaced_by: X}
  - {code: Z, status: 400, deprecated: x, replaced_by: Y}
  - {code: INTERNAL, status: 500, fallback: true}
`)
	_, err := Parse("catalog.yaml", data)
	if err == nil {
		t.Fatal("no problem")
	}
	want := "catalog.yaml:6:56: error \"A\": replaced_by goes round in a circle (A → B → A): one of them must be the code to use\n" +
		"catalog.yaml:8:56: error \"X\": replaced_by goes round in a circle (X → Z → Y → X): one of them must be the code to use"
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err, want)
	}
}

// BenchmarkReplacementChain validates chains of 10,000 and 20,000 links
// (9.0 s and 73 s when each link walked the chain; linear now).
func BenchmarkReplacementChain(b *testing.B) {
	for _, n := range []int{10_000, 20_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			if testing.Short() && n > 10_000 {
				b.Skip("-short")
			}
			data := replacementChain(n, true)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse("catalog.yaml", data); err == nil {
					b.Fatal("no problem")
				}
			}
		})
	}
}
