package hugeheap

import "testing"

// GODEBUG=disablethp=1, Go's own setting, turns huge pages off, and so do
// GOGC and GOMEMLIMIT, as they turn off the rest of errgen's tuning.
func TestAllowed(t *testing.T) {
	for _, tc := range []struct {
		gogc, gomemlimit, godebug string
		want                      bool
	}{
		{"", "", "", true},
		{"", "", "gctrace=1", true},
		{"", "", "disablethp=0", true},
		{"", "", "disablethp=1", false},
		{"", "", "gctrace=1, disablethp=1", false},
		{"", "", "madvdontneed=1,disablethp=1", false},
		{"100", "", "", false},
		{"", "1GiB", "", false},
	} {
		if got := Allowed(tc.gogc, tc.gomemlimit, tc.godebug); got != tc.want {
			t.Errorf("Allowed(%q, %q, %q) = %v, want %v", tc.gogc, tc.gomemlimit, tc.godebug, got, tc.want)
		}
	}
}

// Grow counts what it readies when on, nothing when off, and advises
// blocks of any size and alignment without touching them.
func TestGrow(t *testing.T) {
	defer func(was bool) { on = was }(on)
	for _, way := range []bool{true, false} {
		on = way
		before := Readied()
		Grow(3 << 20)
		Grow(0)
		Grow(-1)
		if got, want := Readied()-before, map[bool]int{true: 3 << 20, false: 0}[way]; got != want {
			t.Errorf("on=%v: Grow readied %d bytes, want %d", way, got, want)
		}
	}
	for _, n := range []int{1, 4096, 2<<20 + 1, 5 << 20} {
		adviseHuge(make([]byte, n))
	}
	adviseHuge(nil)
}
