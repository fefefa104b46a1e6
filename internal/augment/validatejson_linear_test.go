//go:build unix

package augment

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/growth"
)

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
	fastest := func(n int) time.Duration {
		spec := bigMapping(n)
		return growth.Fastest(3, func() {
			if err := validateSpec(spec, false); err != nil {
				t.Fatal(err)
			}
		})
	}
	if ratio, small, large := growth.Eightfold(4000, fastest); ratio > growth.MaxEightfold {
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
	fastest := func(n int) time.Duration {
		x, y := bigComponent(n, false), bigComponent(n, true)
		return growth.Fastest(3, func() {
			if !sameNode(x, y) {
				t.Fatal("the same data compared as different")
			}
		})
	}
	if ratio, small, large := growth.Eightfold(5000, fastest); ratio > growth.MaxEightfold {
		t.Errorf("8 times the keys took %.1f times as long (%v, %v): want about 8", ratio, small, large)
	} else {
		t.Logf("8 times the keys took %.1f times as long (%v, %v)", ratio, small, large)
	}
}
