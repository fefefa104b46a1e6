package yamlnode

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestEncodeInPiecesIsEncode holds EncodeInPieces to its plain path,
// Encode, byte for byte: on mappings big enough to be split, nested, with
// comments, anchors, quoted, long and multi-line keys and values, line
// separators (U+2028, U+2029), in the indentations textedit writes (2 to
// 4), and on random trees of them.
func TestEncodeInPiecesIsEncode(t *testing.T) {
	tests := map[string]*yaml.Node{
		"small":              bigMapping(3, 0, func(int) *yaml.Node { return Str("x") }),
		"at the edge":        bigMapping(piece, 0, func(int) *yaml.Node { return Str("x") }),
		"one past the edge":  bigMapping(piece+1, 0, func(int) *yaml.Node { return Str("x") }),
		"translation file":   translationLike(300),
		"nested twice":       mapOf("errors", bigMapping(2*piece+2, 0, nestedEvery40)),
		"foot comment":       withComment(bigMapping(300, 0, multiLine), 150, func(n *yaml.Node) { n.FootComment = "# foot" }),
		"foot at an edge":    mapOf("a", withComment(bigMapping(300, 0, multiLine), piece-1, func(n *yaml.Node) { n.FootComment = "# foot" })),
		"foot after an edge": mapOf("a", withComment(bigMapping(300, 0, multiLine), piece, func(n *yaml.Node) { n.FootComment = "# foot" })),
		"value's foot":       mapOf("a", withValueComment(bigMapping(300, 0, multiLine), piece-1, func(n *yaml.Node) { n.FootComment = "# foot" })),
		"head comment":       withComment(bigMapping(300, 0, multiLine), 129, func(n *yaml.Node) { n.HeadComment = "# head\n\n# more" }),
		"line comment":       withComment(bigMapping(300, 0, multiLine), 128, func(n *yaml.Node) { n.LineComment = "# line" }),
		"key comment nested": mapOf("errors", withComment(bigMapping(300, 0, multiLine), 0, func(n *yaml.Node) { n.HeadComment = "# on the key" })),
		"quoted key":         mapOf("yes", bigMapping(300, 0, multiLine), "a: b", bigMapping(300, 1, multiLine), "", bigMapping(200, 2, multiLine)),
		"long key":           mapOf(strings.Repeat("k", 200), bigMapping(300, 0, multiLine)),
		"multi-line key":     mapOf("a\nb", bigMapping(300, 0, multiLine)),
		"anchored":           mapOf("a", anchored(bigMapping(300, 0, multiLine)), "b", &yaml.Node{Kind: yaml.AliasNode, Alias: anchored(bigMapping(1, 0, multiLine))}),
		"flow":               mapOf("a", flow(bigMapping(300, 0, multiLine))),
		"tagged":             mapOf("a", tagged(bigMapping(300, 0, multiLine))),
		// yaml.v3 breaks a literal, a single-quoted text and a comment at
		// U+2028 and U+2029 too, a comment at U+0085 and CR, indenting the
		// line after.
		"line separators": mapOf("a", bigMapping(300, 0, func(i int) *yaml.Node { return Str("one\u2028two\nthree\u2029\u2029four\n\u2028five") }),
			"b", bigMapping(300, 0, func(int) *yaml.Node { return Str("single\u2028quoted") })),
		"separated comment": mapOf("a", withComment(bigMapping(300, 0, multiLine), 7, func(n *yaml.Node) { n.HeadComment = "# one\u2028two\u0085three\rfour\r\nfive\r" })),
	}
	rng := rand.New(rand.NewPCG(23, 1))
	for i := range 24 {
		tests[fmt.Sprint("random ", i)] = randomTree(rng, 0)
	}
	for name, tree := range tests {
		for _, indent := range []int{2, 3, 4} {
			want, wantErr := Encode(tree, indent)
			got, err := EncodeInPieces(tree, indent)
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("%s, indent %d: error %v, plain path's %v", name, indent, err, wantErr)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s, indent %d: EncodeInPieces differs from Encode:\n%s", name, indent, firstDifference(got, want))
			}
		}
	}
}

// BenchmarkEncodeInPieces writes the entries of a new translation file of
// 10,000 errors (what errgen translate adds to a new file, as one
// addition) both ways: yaml.v3's queue of events grows with the tree under
// Encode, and with a piece under EncodeInPieces.
func BenchmarkEncodeInPieces(b *testing.B) {
	n := 10000
	if testing.Short() {
		n = 1000 // CI runs every benchmark once so that none rots, not to measure
	}
	tree := translationLike(n)
	for _, way := range []struct {
		name   string
		encode func(*yaml.Node, int) ([]byte, error)
	}{{"plain", Encode}, {"pieces", EncodeInPieces}} {
		b.Run(way.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := way.encode(tree, 2); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d\ngot:  %q\nwant: %q", i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}

// translationLike is the errors mapping of a new translation file of n
// errors: each entry its source hash and three texts left "" under their
// source text as a comment, and a detail.
func translationLike(n int) *yaml.Node {
	entries := bigMapping(n, 0, func(i int) *yaml.Node {
		entry := mapOf("source", Str(fmt.Sprintf("%016x", i*7919)))
		for _, key := range []string{"title", "message", "description"} {
			v := Str("")
			Set(entry, key, v)
			entry.Content[len(entry.Content)-2].HeadComment = fmt.Sprintf("# en: The %s of error %d,\n#     over two lines", key, i)
		}
		Set(entry, "details", mapOf("field", mapOf("description", Str(""))))
		return entry
	})
	return mapOf("errors", entries)
}

// bigMapping is a block mapping of n members E<from>_<i>, each value made
// by value.
func bigMapping(n, from int, value func(int) *yaml.Node) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := range n {
		Set(m, fmt.Sprintf("E%d_%05d", from, i), value(i))
	}
	return m
}

// nestedEvery40 is a mapping past a piece for every 40th member, a text
// for the others.
func nestedEvery40(i int) *yaml.Node {
	if i%40 == 0 {
		return bigMapping(2*piece+1, i, multiLine)
	}
	return multiLine(i)
}

func multiLine(i int) *yaml.Node {
	switch i % 4 {
	case 0:
		return Str("one line")
	case 1:
		v := Str("two\n\nlines with a gap\n")
		v.Style = yaml.LiteralStyle
		return v
	case 2:
		return Seq(Str("a"), mapOf("b", Str("c")))
	}
	return Str("needs: quotes")
}

// withComment sets, with set, a comment on the key of m's member i.
func withComment(m *yaml.Node, i int, set func(*yaml.Node)) *yaml.Node {
	set(m.Content[2*i])
	return m
}

// withValueComment sets, with set, a comment on the value of m's member i.
func withValueComment(m *yaml.Node, i int, set func(*yaml.Node)) *yaml.Node {
	set(m.Content[2*i+1])
	return m
}

func anchored(n *yaml.Node) *yaml.Node { n.Anchor = "big"; return n }
func flow(n *yaml.Node) *yaml.Node     { n.Style = yaml.FlowStyle; return n }
func tagged(n *yaml.Node) *yaml.Node   { n.Tag = "!custom"; return n }

// randomTree is a random tree of mappings, sequences and scalars, its
// mappings often past a piece, with comments here and there.
func randomTree(rng *rand.Rand, depth int) *yaml.Node {
	keys := []string{"a", "yes", "a: b", "", "# not a comment", "null", "multi\nline", "x"}
	scalar := func() *yaml.Node {
		v := Str([]string{"", "plain", "two\nlines", "trailing ", "'quote", "123", "- dash"}[rng.IntN(7)])
		if rng.IntN(5) == 0 {
			v.Style = yaml.LiteralStyle
		}
		return v
	}
	comment := func(n *yaml.Node) {
		switch rng.IntN(40) {
		case 0:
			n.HeadComment = "# head"
		case 1:
			n.LineComment = "# line"
		case 2:
			n.FootComment = "# foot"
		}
	}
	if depth > 2 || rng.IntN(3) == 0 {
		return scalar()
	}
	if rng.IntN(4) == 0 {
		s := Seq()
		for range rng.IntN(4) {
			item := randomTree(rng, depth+1)
			comment(item)
			s.Content = append(s.Content, item)
		}
		return s
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	n := rng.IntN(4)
	if rng.IntN(2) == 0 {
		n = 2*piece - 5 + rng.IntN(3*piece)
	}
	for i := range n {
		k := Str(fmt.Sprintf("%s%d", keys[rng.IntN(len(keys))], i))
		comment(k)
		var v *yaml.Node
		if rng.IntN(20) == 0 {
			v = randomTree(rng, depth+1)
		} else {
			v = scalar()
		}
		comment(v)
		m.Content = append(m.Content, k, v)
	}
	return m
}

// mapOf is a mapping of the keys and values given in turn.
func mapOf(kv ...any) *yaml.Node {
	m := Map()
	for i := 0; i+1 < len(kv); i += 2 {
		Set(m, kv[i].(string), kv[i+1].(*yaml.Node))
	}
	return m
}
