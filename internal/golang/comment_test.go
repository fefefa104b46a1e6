package golang

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestCommentWraps checks wrap's lines against greedy word wrapping at 90
// columns, a word longer than that alone on its line.
func TestCommentWraps(t *testing.T) {
	want := func(s string) []string {
		var lines []string
		line := ""
		for _, w := range strings.Fields(oneLine(s)) {
			if line != "" && len(line)+1+len(w) > 90 {
				lines = append(lines, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		if line != "" {
			lines = append(lines, line)
		}
		return lines
	}
	inputs := []string{"", " ", "one", strings.Repeat("x", 90), strings.Repeat("x", 91), strings.Repeat("x", 200) + " tail",
		strings.Repeat("a ", 45), strings.Repeat("ab ", 30) + strings.Repeat("y", 95) + " z", "tabs\tand\nbreaks  \u00a0 and\u200bformat"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(strings.Repeat("w", r.IntN(30)))
			b.WriteString([]string{" ", "  ", "\n", "\t"}[r.IntN(4)])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		if got, w := wrap(in), want(in); !slices.Equal(got, w) {
			t.Errorf("wrap(%q) = %q, want %q", in, got, w)
		}
	}
}
