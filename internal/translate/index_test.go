package translate

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// memberIndex finds what member finds: the first of repeated keys, none
// for a key that is not a scalar's or for a node that is not a mapping,
// members appended after a lookup, and what is left after members are
// taken out.
func TestMemberIndex(t *testing.T) {
	parse := func(s string) *yaml.Node {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(s), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Content[0]
	}
	tests := []struct {
		name   string
		m      *yaml.Node
		change func(m *yaml.Node) // after the first lookups
	}{
		{"empty", parse("{}"), nil},
		{"repeated key", parse("{A: 1, B: 2, A: 3}"), nil},
		{"collection key", parse("{[A]: 1, A: 2, {B: 1}: 3}"), nil},
		{"not a mapping", parse("[A, B]"), nil},
		{"scalar", parse("A"), nil},
		{"appended", parse("{A: 1, B: 2}"), func(m *yaml.Node) {
			yamlnode.Set(m, "C", yamlnode.Str("3"))
			yamlnode.Set(m, "A", yamlnode.Str("4"))
		}},
		{"taken out", parse("{A: 1, B: 2, C: 3}"), func(m *yaml.Node) { m.Content = m.Content[2:] }},
		{"taken out and appended", parse("{A: 1, B: 2}"), func(m *yaml.Node) {
			m.Content = m.Content[:0]
			yamlnode.Set(m, "B", yamlnode.Str("5"))
		}},
	}
	keys := []string{"A", "B", "C", "D", "", "[A]"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, xs := newMemberIndex(tt.m), memberIndexes{}
			check := func(when string) {
				for _, key := range keys {
					wk, wv := member(tt.m, key)
					if k, v := x.member(key); k != wk || v != wv {
						t.Errorf("%s: memberIndex.member(%q) = %v, %v; member: %v, %v", when, key, k, v, wk, wv)
					}
					if k, v := xs.member(tt.m, key); when == "before" && (k != wk || v != wv) {
						t.Errorf("memberIndexes.member(%q) = %v, %v; member: %v, %v", key, k, v, wk, wv)
					}
				}
			}
			check("before")
			if tt.change != nil {
				tt.change(tt.m)
				check("after the change")
			}
		})
	}
}
