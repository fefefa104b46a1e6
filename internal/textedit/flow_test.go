package textedit

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// In a flow mapping a plain scalar ends at the next flow indicator, not at
// the end of the line: Remove takes out one member of {a: x, b: true, c: y}
// and Replace rewrites one value, each leaving every other byte as it was.
// Remove takes out what the editor inserts: "b: true, " before a member.
// In a block mapping a plain scalar holds commas and brackets. A replaced
// plain value stays plain (see TestReplaceKeepsScalarStyle).
func TestFlowPlainScalars(t *testing.T) {
	tests := []struct {
		name, text string
		remove     string // the key to take out, or
		replace    string // the key whose value becomes "new"
		want       string
	}{
		{"remove a middle member", "m: {a: x, b: true, c: y}   # kept\n", "b", "", "m: {a: x, c: y}   # kept\n"},
		{"remove the last member", "m: {a: x y, b: true}\n", "b", "", "m: {a: x y}\n"},
		{"remove the first member", "m: {b: true, a: x}\n", "b", "", "m: {a: x}\n"},
		{"remove from a nested mapping", "m: {a: [x, y], n: {b: true, c: z}, d: w}\n", "b", "", "m: {a: [x, y], n: {c: z}, d: w}\n"},
		{"remove after a plain scalar of two lines", "m: {a: x\n    y, b: true, c: z}\n", "b", "", "m: {a: x\n    y, c: z}\n"},
		// the reverse of the editor's "X, " before a member, and of its "X"
		// after a comma ending the mapping: the author's comment and comma stay
		{"remove a member after a comment", "m: {a: x, # c\n    b: true, c: y}\n", "b", "", "m: {a: x, # c\n    c: y}\n"},
		{"remove the last member after a comma of the author's", "m: {a: x,b: true}\n", "b", "", "m: {a: x,}\n"},
		{"replace a middle value", "m: {a: old, b: keep}   # kept\n", "", "a", "m: {a: new, b: keep}   # kept\n"},
		{"replace a nested value", "m: {n: {a: old}, b: keep}\n", "", "a", "m: {n: {a: new}, b: keep}\n"},
		{"replace a plain scalar of two lines", "m: {a: old\n    text, b: keep}\n", "", "a", "m: {a: new, b: keep}\n"},
		{"replace in a block mapping", "m:\n  a: old, with a comma]\n  b: keep\n", "", "a", "m:\n  a: new\n  b: keep\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var file yaml.Node
			if err := yaml.Unmarshal([]byte(tt.text), &file); err != nil {
				t.Fatal(err)
			}
			m := yamlnode.Get(file.Content[0], "m")
			if n := yamlnode.Get(m, "n"); n != nil {
				m = n
			}
			var got []byte
			if tt.remove != "" {
				keys := map[*yaml.Node]bool{}
				for i := 0; i < len(m.Content); i += 2 {
					keys[m.Content[i]] = m.Content[i].Value == tt.remove
				}
				removed, err := Remove(&file, []byte(tt.text), false, keys)
				if err != nil {
					t.Fatal(err)
				}
				got = removed.Text
			} else {
				adds := NewAdditions()
				for i := 0; i < len(m.Content); i += 2 {
					if m.Content[i].Value == tt.replace {
						v := yamlnode.Str("new")
						adds.Replace(m.Content[i+1], v)
						m.Content[i+1] = v
					}
				}
				var err error
				if got, err = New(&file, []byte(tt.text), false, adds).Write(nil); err != nil {
					t.Fatal(err)
				}
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
