package textedit

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// FuzzReplace: whatever the text, replacing the scalar value of m's first
// member with a string is refused, or writes a text that parses and reads
// as the text with that scalar (and every alias to it) the new string:
// its anchor kept, nothing around it changed.
func FuzzReplace(f *testing.F) {
	for _, s := range []string{
		"m:\n  a: 8e8895db   # checked\n  b: keep\n",
		"m: {a: 'x', b: keep}\n",
		"m:\n  a: |- # c\n      old\n  b: keep\n",
		"m:\n  a: old\n    text # c\n  b: keep\n",
		"m:\n  a: &x 'old' # c\n  b: *x\n",
		"m:\n  a: &x\n    |\n      old\n  r: 1\nn: *x\n",
		"m:\n  a: !!str &x >\n    old\n\n  b: [*x]\n",
		"m: {a: &x !!int 5, b: *x}\n",
	} {
		f.Add(s, "new")
		f.Add(s, "a: b # c\n'd\"")
	}
	f.Fuzz(func(t *testing.T, text, value string) {
		var file yaml.Node
		if len(text) > 4096 || !strings.HasSuffix(text, "\n") || !utf8.ValidString(value) ||
			yaml.Unmarshal([]byte(text), &file) != nil || len(file.Content) == 0 {
			// YAML holds UTF-8 text only, which every string errgen writes
			// is; a text not ending its last line cannot end a block
			// scalar's last line there, which a value ending in a line
			// break needs
			return
		}
		m := yamlnode.Get(file.Content[0], "m")
		if m == nil || m.Kind != yaml.MappingNode || len(m.Content) < 2 || m.Content[1].Kind != yaml.ScalarNode {
			return
		}
		old, v := m.Content[1], yamlnode.Str(value)
		adds := NewAdditions()
		adds.Replace(old, v)
		m.Content[1] = v
		got, err := New(&file, []byte(text), false, adds).Write(nil)
		if err != nil {
			return
		}
		// what the text should read as: old itself changed, so that the
		// aliases to it change with it
		m.Content[1] = old
		old.Value, old.Tag, old.Style = value, "!!str", 0
		var want, back any
		if err := file.Decode(&want); err != nil {
			return // a text yaml.v3 parses but does not decode (a merge of a scalar)
		}
		if err := yaml.Unmarshal(got, &back); err != nil {
			t.Fatalf("%q with a: %q became %q, which does not parse: %v", text, value, got, err)
		}
		if !reflect.DeepEqual(back, want) {
			t.Fatalf("%q with a: %q became %q, which reads\n%#v\nnot\n%#v", text, value, got, back, want)
		}
	})
}

// FuzzReplaceMember: whatever the text (YAML, or JSON when isJSON),
// writing {r: [1]} in place of the value of its mapping m's member number
// at, and adding x_a: 1 before its member number add (at its end when
// there is none), is refused, or writes a text that parses and reads as
// the text with that value and that member. FuzzReplace replaces the
// first member's scalar of a YAML text only: it did not find that a member
// added after a JSON object's last member, replaced, panicked (the
// replacing value has no place in the text).
func FuzzReplaceMember(f *testing.F) {
	for _, s := range []string{
		"m:\n  a: 1\n",
		"m:\n  a: 1\n  b: {c: 2}\n  d:\n    - e\n",
		"m: {a: 1, b: [2], d: 'e'}\n",
		"m: {a: 1,\n  b: 2, # c\n}\n",
		"m:\n  a: |\n    text\n\n  b: x\n    y\n",
		"m:\n  a: !!str &x 5\n  b: *x\n",
	} {
		for at := range uint8(3) {
			f.Add(s, false, at, uint8(0))
			f.Add(s, false, at, uint8(9))
		}
	}
	for _, s := range []string{
		`{"m": {"a": 1}}` + "\n",
		`{"m":{"a":1,"b":{"c":[2]},"d":"e"}}` + "\n",
		"{\n  \"m\": {\n    \"a\": 1,\n\n    \"b\": {\n      \"c\": null\n    }\n  }\n}\n",
		"{\"m\" : { \"a\" : [ ] , \"b\" : { } }, \"n\": 1}\n",
	} {
		for at := range uint8(3) {
			f.Add(s, true, at, uint8(1))
			f.Add(s, true, at, uint8(9))
		}
	}
	f.Fuzz(func(t *testing.T, text string, isJSON bool, at, add uint8) {
		if len(text) > 4096 || !strings.HasSuffix(text, "\n") {
			return // see FuzzAddMembers
		}
		file, ok := parseFuzzText(text, isJSON)
		if !ok {
			return
		}
		m := yamlnode.Get(file.Content[0], "m")
		if m == nil || m.Kind != yaml.MappingNode || len(m.Content) < 2 || yamlnode.Get(m, "x_a") != nil {
			return
		}
		i := int(at) % (len(m.Content) / 2) * 2
		old := m.Content[i+1]
		if old.Anchor != "" || m.Content[i].Value == "<<" {
			// an alias to old would read as the new value, which keeps
			// old's anchor; a merge's value is no member's
			return
		}
		adds := NewAdditions()
		v := yamlnode.Map()
		yamlnode.Set(v, "r", yamlnode.Seq(yamlnode.Int(1)))
		adds.Replace(old, v)
		m.Content[i+1] = v
		k, x := yamlnode.Str("x_a"), yamlnode.Int(1)
		adds.Add(k, x)
		m.Content = slices.Insert(m.Content, min(int(add)*2, len(m.Content)), k, x)
		var want any
		if file.Decode(&want) != nil {
			return
		}
		written, err := New(file, []byte(text), isJSON, adds).Write(nil)
		if err != nil {
			return
		}
		back, ok := parseFuzzText(string(written), isJSON)
		var got any
		if !ok || back.Decode(&got) != nil {
			t.Fatalf("%q became %q, which does not parse", text, written)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q became %q, which reads\n%#v\nnot\n%#v", text, written, got, want)
		}
	})
}
