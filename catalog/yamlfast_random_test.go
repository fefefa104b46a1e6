package catalog_test

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// randomYAML writes a random document of the pieces catalogs are made of,
// and of their near misses: comments anywhere, block scalars with empty,
// blank and more indented lines, quoted and non-ASCII text, numbers.
type randomYAML struct {
	r *rand.Rand
	b strings.Builder
}

var (
	randomWords   = []string{"a", "bé", "x y", "1", "-2", "0x1f", "1.5", "true", "~", "null", "2024-01-02", "😀", "a#b", "http://x", "it's", "a:b", "yes", "<<", ".5", "1_0", "no", "é: x", "- x"}
	randomQuoted  = []string{`'a''b'`, `"a\"b"`, `"é\u00e9"`, `'é'`, `""`, `''`, `"\x41\t"`, `"a b"`, `"#"`}
	randomHeaders = []string{"|", ">", "|-", ">-", "|+", ">+", "| # c", ">- #c", "|2"}
)

func (g *randomYAML) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *randomYAML) maybeComment(indent int) {
	for g.r.IntN(5) == 0 {
		g.b.WriteString(strings.Repeat(" ", max(0, indent+g.r.IntN(5)-2)) + "# c é\n")
	}
	if g.r.IntN(8) == 0 {
		g.b.WriteString("\n")
	}
}

func (g *randomYAML) scalar() string {
	switch g.r.IntN(3) {
	case 0:
		return g.pick(randomQuoted)
	}
	return g.pick(randomWords)
}

func (g *randomYAML) blockScalar(indent int) {
	g.b.WriteString(g.pick(randomHeaders) + "\n")
	base := indent + 1 + g.r.IntN(3)
	for range g.r.IntN(5) {
		switch g.r.IntN(5) {
		case 0:
			g.b.WriteString("\n")
		case 1:
			g.b.WriteString(strings.Repeat(" ", g.r.IntN(base+3)) + "\n")
		case 2:
			g.b.WriteString(strings.Repeat(" ", base+1+g.r.IntN(2)) + g.scalar() + "\n")
		default:
			g.b.WriteString(strings.Repeat(" ", base) + g.scalar() + " # x\n")
		}
	}
}

func (g *randomYAML) value(indent, depth int) {
	switch n := g.r.IntN(8); {
	case n < 3 || depth > 3:
		g.b.WriteString(" " + g.scalar())
		if g.r.IntN(4) == 0 {
			g.b.WriteString(" # c")
		}
		g.b.WriteString("\n")
	case n == 3:
		g.b.WriteString(" ")
		g.blockScalar(indent)
	case n == 4:
		g.b.WriteString(" [" + g.scalar() + ", " + g.scalar() + "]\n")
	case n == 5:
		g.b.WriteString(" #c\n")
		g.sequence(indent+2*g.r.IntN(2), depth+1)
	default:
		g.b.WriteString("\n")
		g.mapping(indent+1+g.r.IntN(3), depth+1)
	}
}

func (g *randomYAML) mapping(indent, depth int) {
	for i := range 1 + g.r.IntN(3) {
		g.maybeComment(indent)
		if i > 0 || g.r.IntN(3) > 0 {
			g.b.WriteString(strings.Repeat(" ", indent))
		}
		g.b.WriteString(g.scalar() + ":")
		g.value(indent, depth)
	}
}

func (g *randomYAML) sequence(indent, depth int) {
	for range 1 + g.r.IntN(3) {
		g.maybeComment(indent)
		g.b.WriteString(strings.Repeat(" ", indent) + "-")
		if g.r.IntN(3) == 0 {
			g.b.WriteString(" ")
			g.mapping(indent+2, depth+1)
			continue
		}
		g.value(indent, depth)
	}
}

// TestFastYAMLRandom holds fastYAML to yaml.v3 on random documents of the
// pieces catalogs are made of, which byte-wise fuzzing seldom builds.
func TestFastYAMLRandom(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	read := 0
	for i := range n {
		g := &randomYAML{r: rand.New(rand.NewPCG(uint64(i), 26))}
		g.mapping(0, 0)
		g.maybeComment(0)
		if checkFastYAML(t, "random", []byte(g.b.String())) {
			read++
		}
	}
	t.Logf("fastYAML read %d of %d random documents", read, n)
}
