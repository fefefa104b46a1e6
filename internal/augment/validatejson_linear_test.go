//go:build unix

package augment

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// maxEightfoldRatio is the most eight times the input may cost against
// the input once: linear work gives about 8, quadratic 64; the margin
// between is for a shared machine, whose load and collections once took
// a linear run to 16.8.
const maxEightfoldRatio = 32

// bigMapping is a valid spec whose info holds an extension mapping of n
// keys.
func bigMapping(n int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n  x-big:\n")
	for i := range n {
		fmt.Fprintf(&b, "    k%d: %d\n", i, i)
	}
	b.WriteString("paths:\n  /a:\n    get:\n      responses:\n        '200': {description: OK}\n")
	return []byte(b.String())
}

// Validating a YAML spec costs time in proportion to its size: eight times
// the keys in one mapping took over 50 times as long when kin-openapi read
// the YAML, whose decoder compares each key with every later one.
func TestValidateSpecLinear(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("times validation of specs of 4,000 and 32,000 keys")
	}
	fastest := func(spec []byte) time.Duration { // in CPU time: the machine may be shared
		best := time.Duration(1 << 62)
		for range 3 {
			start := cpuTime()
			if err := validateSpec(spec, false); err != nil {
				t.Fatal(err)
			}
			best = min(best, cpuTime()-start)
		}
		return best
	}
	small, large := fastest(bigMapping(4000)), fastest(bigMapping(32000))
	if ratio := float64(large) / float64(small); ratio > maxEightfoldRatio {
		t.Errorf("8 times the keys took %.1f times as long (%v, %v): want about 8", ratio, small, large)
	} else {
		t.Logf("8 times the keys took %.1f times as long (%v, %v)", ratio, small, large)
	}
}

// BenchmarkValidateSpecMapping validates specs of one mapping of 4,000 and
// 32,000 keys: compare the two sizes' times (kin-openapi reading the YAML
// took over 50 times as long for the larger, through JSON about 8 times).
func BenchmarkValidateSpecMapping(b *testing.B) {
	for _, n := range []int{4000, 32000} {
		spec := bigMapping(n)
		for _, way := range []struct {
			name     string
			validate func([]byte, bool) error
		}{{"json", validateSpec}, {"yaml", validateSpecAsGiven}} {
			b.Run(fmt.Sprintf("keys=%d/%s", n, way.name), func(b *testing.B) {
				if testing.Short() && n > 4000 && way.name == "yaml" {
					b.Skip("seconds for one run")
				}
				for b.Loop() {
					if err := way.validate(spec, false); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// Comparing a spec's component with errgen's costs time in proportion to
// them: eight times the keys took over 20 times as long decoded whole.
func TestSameNodeLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("times comparisons of mappings of 5,000 and 40,000 keys")
	}
	fastest := func(n int) time.Duration { // in CPU time: the machine may be shared
		x, y := bigComponent(n, false), bigComponent(n, true)
		best := time.Duration(1 << 62)
		for range 3 {
			start := cpuTime()
			if !sameNode(x, y) {
				t.Fatal("the same data compared as different")
			}
			best = min(best, cpuTime()-start)
		}
		return best
	}
	small, large := fastest(5000), fastest(40000)
	if ratio := float64(large) / float64(small); ratio > maxEightfoldRatio {
		t.Errorf("8 times the keys took %.1f times as long (%v, %v): want about 8", ratio, small, large)
	} else {
		t.Logf("8 times the keys took %.1f times as long (%v, %v)", ratio, small, large)
	}
}
