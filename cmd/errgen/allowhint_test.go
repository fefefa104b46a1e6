package main

import (
	"fmt"
	"testing"

	"github.com/errgen/errgen/internal/diff"
)

// The hint names each CODE:KIND once, the first ten of them in the
// changes' order, and counts the rest: allowed and compatible changes are
// none of them.
func TestAllowHint(t *testing.T) {
	var changes []diff.Change
	for i := range 12 {
		code := fmt.Sprintf("C%02d", i)
		changes = append(changes,
			diff.Change{Code: code, Kind: diff.StatusChanged, Breaking: true},
			diff.Change{Code: code, Kind: diff.StatusChanged, Breaking: true}, // the same entry again
			diff.Change{Code: code, Kind: diff.CodeRemoved, Breaking: true, Allowed: true},
			diff.Change{Code: code, Kind: diff.TextChanged},
		)
	}
	want := "24 breaking changes; once reviewed, accept them with --allow C00:status-changed --allow C01:status-changed" +
		" --allow C02:status-changed --allow C03:status-changed --allow C04:status-changed --allow C05:status-changed" +
		" --allow C06:status-changed --allow C07:status-changed --allow C08:status-changed --allow C09:status-changed (and 2 more)"
	if got := allowHint(24, changes); got != want {
		t.Errorf("allowHint =\n%s\nwant\n%s", got, want)
	}
	one := []diff.Change{{Code: "GONE", Kind: diff.CodeRemoved, Breaking: true}}
	if got, want := allowHint(1, one), "1 breaking change; once reviewed, accept it with --allow GONE:code-removed"; got != want {
		t.Errorf("allowHint = %q, want %q", got, want)
	}
}

// BenchmarkAllowHint: the hint of a change removing every code of a large
// catalog costs time in proportion to the changes (compare the sizes).
func BenchmarkAllowHint(b *testing.B) {
	for _, n := range []int{5000, 50000} {
		changes := make([]diff.Change, n)
		for i := range changes {
			changes[i] = diff.Change{Code: fmt.Sprintf("C%06d", i), Kind: diff.CodeRemoved, Breaking: true}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				allowHint(n, changes)
			}
		})
	}
}
