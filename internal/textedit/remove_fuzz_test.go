package textedit

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzRemove: whatever the text, taking out every member keyed r (Remove,
// and RemoveKeepingComments, errgen openapi's re-run and errgen
// translate) is refused, or leaves a text that reads as the text without
// those members. Anchors, aliases and merge keys are left out of the
// texts: a member whose node another names cannot go without it.
func FuzzRemove(f *testing.F) {
	for _, s := range []string{
		"m:\n  a: x # a\n  r: true   # checked\n  # heads r2\n  b: y\n",
		"m: {a: x,  # c\n    r: 'a # b', b: [1, # d\n 2]}\n",
		"m:\n  r: |\n    # text\n  b: 1\n",
		"m: {a: , r: 1}\n",
		"- r: 1\n  a: 2\n",
		"{\"m\": {\"r\": 1, \"a\": [2]}}\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, keep bool) {
		var data any
		if len(text) > 4096 || !strings.HasSuffix(text, "\n") || strings.ContainsAny(text, "&*") || strings.Contains(text, "<<") ||
			yaml.Unmarshal([]byte(text), &data) != nil {
			return
		}
		file := parseYAMLNode(text)
		if file == nil || file.Content[0].Column > 1 || holdsColonKey(file) {
			// an indented root: yaml.v3 drops a less indented line after it
			// (" r:\n0\n" reads r: null); a flow key ending in a colon
			// ({0:, r}), whose comma Remove may take, making it a key 0
			return
		}
		var removed *Removed
		var err error
		if keep {
			removed, err = RemoveKeepingComments(file, []byte(text), keysNamed(file, "r"))
		} else {
			removed, err = Remove(file, []byte(text), false, keysNamed(file, "r"))
		}
		if err != nil {
			return
		}
		var left any
		if err := yaml.Unmarshal(removed.Text, &left); err != nil {
			t.Fatalf("%q without r is %q, which does not parse: %v", text, removed.Text, err)
		}
		// a block mapping whose members all go goes with its key (or, an
		// item of a list, is left a null), a flow one is left {}, the
		// text's root an empty document: each reads as nothing
		want := emptyAsNil(withoutKeys(data, "r"))
		if !reflect.DeepEqual(emptyAsNil(left), want) {
			t.Fatalf("%q without r is %q, which reads\n%#v\nnot\n%#v", text, removed.Text, left, want)
		}
	})
}

// parseYAMLNode is the tree of text, or nil when yaml.v3 refuses it.
func parseYAMLNode(text string) *yaml.Node {
	var file yaml.Node
	if yaml.Unmarshal([]byte(text), &file) != nil || len(file.Content) == 0 {
		return nil
	}
	return &file
}

// emptyAsNil is v with its empty mappings nil, and its mappings'
// members of such a value (or null) left out; every mapping is a
// map[any]any, which yaml.v3 makes of one with a key not a string.
func emptyAsNil(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[any]any{}
		for k, x := range v {
			out[k] = x
		}
		return emptyAsNil(out)
	case map[any]any:
		out := map[any]any{}
		for k, x := range v {
			if x := emptyAsNil(x); x != nil {
				out[k] = x
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = emptyAsNil(x)
		}
		return out
	}
	return v
}

// holdsColonKey reports whether a mapping of n's tree has a plain key
// ending in a colon, which only a flow mapping can hold ({0:, r}).
func holdsColonKey(n *yaml.Node) bool {
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 && c.Style == 0 && strings.HasSuffix(c.Value, ":") || holdsColonKey(c) {
			return true
		}
	}
	return false
}

// What FuzzRemove found, by name: a comma ending a flow mapping goes with
// its last member (it was left: {,} and {0,,} are no mappings); a comment
// on a line of its own after a comma keeps its line break (it joined the
// member before: {0# …} read a key "0#"); an empty value before a removed
// member keeps the blank after its colon ({a:} reads a key "a:"); a value
// on the line after its key at the key's indentation, which yaml.v3 reads
// as its value, is refused (its line was left, another member's value).
func TestRemoveFlowEdges(t *testing.T) {
	tests := []struct {
		name, text string
		keep       bool
		want       string // "" when refused
	}{
		{"the only member and a comma after it", "0: {#000000000\nr: 00,}\n", false, "0: {}\n"},
		{"the last member and a comma after it", "{00,r,}\n", false, "{00,}\n"},
		{"a comment line after the comma before", "{0,\n#\nr}\n", true, "{0\n#\n}\n"},
		{"after an empty value", "m: {a: , r: 1}\n", false, "m: {a: }\n"},
		{"after an empty value, comments kept", "m: {a: , r: 1}\n", true, "m: {a: }\n"},
		{"a value at its key's indentation", "0:\n r:\n |\n", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := parseYAMLNode(tt.text)
			var removed *Removed
			var err error
			if tt.keep {
				removed, err = RemoveKeepingComments(file, []byte(tt.text), keysNamed(file, "r"))
			} else {
				removed, err = Remove(file, []byte(tt.text), false, keysNamed(file, "r"))
			}
			switch {
			case tt.want == "" && err == nil:
				t.Fatalf("left %q, want it refused", removed.Text)
			case tt.want == "":
				return
			case err != nil:
				t.Fatal(err)
			case string(removed.Text) != tt.want:
				t.Errorf("left %q, want %q", removed.Text, tt.want)
			}
		})
	}
}
