package textedit

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// FuzzAddMembers: whatever the text (YAML, or JSON when isJSON), adding
// members x_a: 1 and x_b: {c: [d]} to its mapping m, before its member
// number at (at its end when there is none), is refused, or writes a text
// that keeps the text's bytes in order, parses, and reads as the text with
// those members; Remove then takes them out, giving the text back.
func FuzzAddMembers(f *testing.F) {
	for _, s := range []string{
		"m:\n  x: 1\n  # heads y\n  y: 2\n",
		"m: {x: 1, # c\n  y: 2}\n",
		"x:\n  m: {\n\n  }\n",
		"m: &r {}\nn: *r\n",
		"m: !!map\n  x: |+\n    keep\n\n",
		"m:\n  x: &a\n    |\n      t\n  y: *a\n",
		"m:\n  - 1\n",
		"m:\n  ? x\n  : 1\n",
	} {
		f.Add(s, false, uint8(0))
		f.Add(s, false, uint8(1))
	}
	f.Add("{\n  \"m\": {\n    \"x\": 1\n  }\n}\n", true, uint8(0))
	f.Add("{\"m\": { }}\n", true, uint8(1))
	f.Fuzz(func(t *testing.T, text string, isJSON bool, at uint8) {
		if len(text) > 4096 || !strings.HasSuffix(text, "\n") {
			// a text not ending its last line, which a member added at its
			// end must end: a block scalar kept with |+ there would take
			// that line break into its value
			return
		}
		file, ok := parseFuzzText(text, isJSON)
		if !ok {
			return
		}
		m := yamlnode.Get(file.Content[0], "m")
		if m == nil || m.Kind != yaml.MappingNode || yamlnode.Get(m, "x_a") != nil || yamlnode.Get(m, "x_b") != nil {
			return
		}
		i := min(int(at)*2, len(m.Content))
		adds := NewAdditions()
		inner := yamlnode.Map()
		yamlnode.Set(inner, "c", yamlnode.Seq(yamlnode.Str("d")))
		added := []*yaml.Node{yamlnode.Str("x_a"), yamlnode.Int(1), yamlnode.Str("x_b"), inner}
		adds.Add(added[0], added[1])
		adds.Add(added[2], added[3])
		m.Content = slices.Insert(m.Content, i, added...)
		var wantAdded any
		if file.Decode(&wantAdded) != nil {
			return
		}
		written, err := New(file, []byte(text), isJSON, adds).Write(nil)
		if err != nil {
			return
		}
		if !isSubsequence([]byte(text), written) {
			t.Fatalf("%q became %q, which lost some of its bytes", text, written)
		}
		back, ok := parseFuzzText(string(written), isJSON)
		var got any
		if !ok || back.Decode(&got) != nil {
			t.Fatalf("%q became %q, which does not parse", text, written)
		}
		if !reflect.DeepEqual(got, wantAdded) {
			t.Fatalf("%q became %q, which reads\n%#v\nnot\n%#v", text, written, got, wantAdded)
		}
		removed, err := Remove(back, written, isJSON, keysNamed(back, "x_a", "x_b"))
		if err != nil || string(removed.Text) != text {
			t.Fatalf("%q became %q; Remove gave %q back, not the text (%v)", text, written, removed.Text, err)
		}
	})
}

// parseFuzzText parses text as YAML, or as JSON the way augment reads a
// JSON spec; ok is false when it is neither.
func parseFuzzText(text string, isJSON bool) (*yaml.Node, bool) {
	file := &yaml.Node{Kind: yaml.DocumentNode}
	if isJSON {
		root, err := yamlnode.ReadJSON([]byte(text))
		if err != nil {
			return nil, false
		}
		file.Content = []*yaml.Node{root}
		return file, true
	}
	if yaml.Unmarshal([]byte(text), file) != nil || len(file.Content) == 0 {
		return nil, false
	}
	return file, true
}

// isSubsequence reports whether a's bytes are all in b, in order.
func isSubsequence(a, b []byte) bool {
	for _, c := range b {
		if len(a) > 0 && a[0] == c {
			a = a[1:]
		}
	}
	return len(a) == 0
}

// A key written as an explicit key (? then the key, on its line or the
// next), or whose value is on the next line at its column, has no place
// beside it for a member, and errgen says so; a value
// ending in " ?" on the line before a key is no such key. FuzzAddMembers
// found the ? on a line of its own, which went unseen: the members written
// after it made a text that did not parse.
func TestExplicitKey(t *testing.T) {
	tests := []struct {
		name, text string
		refused    bool
	}{
		{"? and the key", "m:\n  ? x\n  : 1\n", true},
		{"? on a line of its own", "m:\n  ?\n   0\n", true},
		{"a value ending in ?", "m:\n  a: is it ?\n  b: 1\n", false},
		{"an ordinary key", "m:\n  x: 1\n", false},
		// yaml.v3 reads x's value on the next line at x's column, where by
		// the indentation x's member ends (FuzzReplaceMember found it)
		{"a block scalar at its key's column", "m:\n  x:\n  |\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := parseText(t, []byte(tt.text), false)
			m := yamlnode.Get(file.Content[0], "m")
			adds := NewAdditions()
			k, v := yamlnode.Str("x_a"), yamlnode.Int(1)
			adds.Add(k, v)
			m.Content = append(m.Content, k, v)
			written, err := New(file, []byte(tt.text), false, adds).Write(nil)
			if (err != nil) != tt.refused {
				t.Fatalf("wrote %q (%v), want refused %v", written, err, tt.refused)
			}
			if err == nil {
				if _, ok := parseFuzzText(string(written), false); !ok {
					t.Errorf("%q does not parse", written)
				}
			}
		})
	}
}
