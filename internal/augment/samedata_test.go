package augment

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// sameNode, which compares plain trees member by member, answers as
// decoding both does, for pairs that differ in style, order, spelling,
// key types, repeated keys, and for those it leaves to decoding.
func TestSameNodeAsDecoded(t *testing.T) {
	pairs := [][2]string{
		{"{a: 1, b: [x, y]}", "{b: [x, y], a: 1}"},
		{"{a: 1, b: [x, y]}", "{b: [y, x], a: 1}"},
		{"{a: 1}", "{a: 1, b: 2}"},
		{"{a: 1}", "{a: '1'}"},
		{"{a: 1.0}", "{a: 1}"},
		{"{a: 0x10}", "{a: 16}"},
		{"{a: ~}", "{a: null}"},
		{"{a: ~}", "{a: {}}"},
		{"{a: {}}", "{a: []}"},
		{"{1: a}", "{'1': a}"},
		{"{1: a, '1': b}", "{1: a}"},
		{"{1: a, 01: b}", "{1: b}"},
		{"{1: a, 01: b}", "{1: a}"},
		{"{a: 1, a: 1}", "{a: 1}"},
		{"{2024-01-02: a}", "{'2024-01-02': a}"},
		{"{2024-01-02: a}", "{2024-01-02: a}"},
		{"{a: 2024-01-02}", "{a: '2024-01-02'}"},
		{"{true: a}", "{'true': a}"},
		{"{~: a}", "{null: a}"},
		{"{.nan: a}", "{.nan: a}"},
		{"{a: .nan}", "{a: .nan}"},
		{"{a: .inf}", "{a: .Inf}"},
		{"{a: yes}", "{a: 'yes'}"},
		{"{a: !!str 1}", "{a: '1'}"},
		{"{a: !!binary aGk=}", "{a: hi}"},
		{"{a: &x {b: 1}, c: *x}", "{a: {b: 1}, c: {b: 1}}"},
		{"{<<: {b: 1}, a: 2}", "{a: 2, b: 1}"},
		{"{[a]: 1}", "{[a]: 1}"},
		{"[1, 2]", "[1, 2, 3]"},
		{"a", "a"},
		{"a", "[a]"},
		{"|\n  text\n", "\"text\\n\""},
		{"{description: mine, x-big: {k0: 0, k1: 1}}", "{x-big: {k1: 1, k0: 0}, description: mine}"},
	}
	parse := func(s string) *yaml.Node {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(s), &doc); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return doc.Content[0]
	}
	plain := 0
	for _, p := range pairs {
		x, y := parse(p[0]), parse(p[1])
		if plainData(x) && plainData(y) {
			plain++
		}
		for _, xy := range [][2]*yaml.Node{{x, y}, {y, x}, {x, x}} {
			if got, want := sameNode(xy[0], xy[1]), sameDecoded(xy[0], xy[1]); got != want {
				t.Errorf("sameNode(%q, %q) = %v, decoded: %v", p[0], p[1], got, want)
			}
		}
	}
	if plain < len(pairs)-6 {
		t.Errorf("only %d pairs of %d compared member by member", plain, len(pairs))
	}
}

// bigComponent is a response with an extension of n keys.
func bigComponent(n int, reversed bool) *yaml.Node {
	var b strings.Builder
	b.WriteString("description: mine\nx-big:\n")
	for i := range n {
		if reversed {
			i = n - 1 - i
		}
		fmt.Fprintf(&b, "  k%d: %d\n", i, i)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(b.String()), &doc); err != nil {
		panic(err)
	}
	return doc.Content[0]
}
