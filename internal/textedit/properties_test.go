package textedit

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// A replaced value keeps its anchor, so that an alias to it still names
// it (and the file still parses), and its tag when the new value is of the
// tag's type; the text after it is kept. yaml.v3 places a node where its
// properties start: replacing from there lost them, and after a quoted
// value the rest of the file with them.
func TestReplaceKeepsProperties(t *testing.T) {
	mapping := func(v int) *yaml.Node {
		m := yamlnode.Map()
		yamlnode.Set(m, "b", yamlnode.Int(v))
		return m
	}
	tests := []struct {
		name, text string
		value      *yaml.Node
		want       string // "" when only what it reads back is checked
	}{
		{"anchor of a plain value", "m:\n  a: &x old\n  b: *x\n", yamlnode.Str("new"), "m:\n  a: &x new\n  b: *x\n"},
		{"anchor of a quoted value", "m:\n  a: &x 'old' # c\n  b: *x\n", yamlnode.Str("new"), "m:\n  a: &x 'new' # c\n  b: *x\n"},
		{"anchor in a flow mapping", "m: {a: &x old, b: *x}\n", yamlnode.Str("new"), "m: {a: &x new, b: *x}\n"},
		{"anchor above the value", "m:\n  a: &x\n    old\n  b: *x\n", yamlnode.Str("new"), "m:\n  a: &x\n    new\n  b: *x\n"},
		{"anchor and a comment above the value", "m:\n  a: &x # c\n    old\n  b: *x\n", yamlnode.Str("new"), "m:\n  a: &x # c\n    new\n  b: *x\n"},
		{"tag of the value's type", "m:\n  a: !!str old\n  b: keep\n", yamlnode.Str("new"), "m:\n  a: !!str new\n  b: keep\n"},
		{"tag and anchor of a block scalar", "m:\n  a: !!str &x |\n    old\n  b: *x\n", yamlnode.Str("new"), "m:\n  a: !!str &x |-\n    new\n  b: *x\n"},
		{"verbatim tag", "m:\n  a: !<tag:yaml.org,2002:str> old\n", yamlnode.Str("new"), "m:\n  a: !<tag:yaml.org,2002:str> new\n"},
		{"tag of another type goes", "m:\n  a: !!int 5\n  b: keep\n", yamlnode.Str("new"), "m:\n  a: new\n  b: keep\n"},
		{"tag of another type goes, the anchor stays", "m:\n  a: &x !!int 5\n  b: *x\n", yamlnode.Str("new"), "m:\n  a: &x new\n  b: *x\n"},
		{"tag of an empty value", "m:\n  a: !!str\n  b: 1\n", yamlnode.Str("new"), "m:\n  a: !!str new\n  b: 1\n"},
		{"tag of an empty value and a comment", "m:\n  a: &x !!str # c\n  b: *x\n", yamlnode.Str("new"), "m:\n  a: &x !!str new # c\n  b: *x\n"},
		{"anchor of a flow mapping", "m:\n  a: &x {b: 1}\n  c: *x\n", mapping(2), ""},
		{"anchor of a block mapping", "m:\n  a: &x\n    b: 1\n  c: *x\n", mapping(2), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := replaceA(t, tt.text, tt.value)
			if tt.want != "" && got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			var before, after struct{ M map[string]any }
			if err := yaml.Unmarshal([]byte(tt.text), &before); err != nil {
				t.Fatal(err)
			}
			if err := yaml.Unmarshal([]byte(got), &after); err != nil {
				t.Fatalf("%q does not read back: %v", got, err)
			}
			var want any
			if err := tt.value.Decode(&want); err != nil {
				t.Fatal(err)
			}
			for key, v := range before.M {
				switch {
				case key == "a" || isAlias(tt.text, key):
					if !reflect.DeepEqual(after.M[key], want) {
						t.Errorf("%q: %s reads back as %#v, want the new value %#v", got, key, after.M[key], want)
					}
				case !reflect.DeepEqual(after.M[key], v):
					t.Errorf("%q: %s reads back as %#v, want %#v as before", got, key, after.M[key], v)
				}
			}
		})
	}
}

// isAlias reports whether the member key of m in text is an alias.
func isAlias(text, key string) bool {
	var file yaml.Node
	if yaml.Unmarshal([]byte(text), &file) != nil {
		return false
	}
	v := yamlnode.Get(yamlnode.Get(file.Content[0], "m"), key)
	return v != nil && v.Kind == yaml.AliasNode
}

// Members added to an anchored or tagged mapping go into its value, after
// its properties: into {} after its brace, not after the & of its anchor.
func TestAddKeepsProperties(t *testing.T) {
	tests := []struct{ name, text, before, want string }{
		{"anchored empty flow mapping", "m: &x {}\nn: *x\n", "", "m: &x {\n  a: 1,\n  b: 2\n}\nn: *x\n"},
		{"tagged empty flow mapping", "m: !!map {}\n", "", "m: !!map {\n  a: 1,\n  b: 2\n}\n"},
		{"anchored flow mapping", "m: &x {c: 3}\nn: *x\n", "", "m: &x {c: 3, a: 1, b: 2}\nn: *x\n"},
		{"anchored flow mapping, before its member", "m: &x {c: 3}\nn: *x\n", "c", "m: &x {a: 1, b: 2, c: 3}\nn: *x\n"},
		{"anchored block mapping", "m: &x # c\n  c: 3\nn: *x\n", "", "m: &x # c\n  c: 3\n  a: 1\n  b: 2\nn: *x\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(writeMembers(t, tt.text, false, tt.before))
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			var back struct{ M, N map[string]int }
			if err := yaml.Unmarshal([]byte(got), &back); err != nil {
				t.Fatalf("%q does not read back: %v", got, err)
			}
			if back.M["a"] != 1 || back.M["b"] != 2 || strings.Contains(tt.text, "*x") && !reflect.DeepEqual(back.N, back.M) {
				t.Errorf("%q reads back as %v", got, back)
			}
		})
	}
}

// Members taken out of an anchored or tagged flow mapping, or from beside
// an anchored quoted value, go with their text alone, by Remove and by
// RemoveKeepingComments alike: the ends of values are found from where
// the values start, after their properties.
func TestRemoveKeepsProperties(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"anchored flow mapping", "m: &x {r: 1, a: 2}\nn: *x\n", "m: &x {a: 2}\nn: *x\n"},
		{"anchored flow mapping, the last member", "m: &x {a: 2, r: 1}\nn: *x\n", "m: &x {a: 2}\nn: *x\n"},
		{"tagged flow mapping, every member", "m: !!map {r: 1}\n", "m: !!map {}\n"},
		{"after an anchored quoted value", "m: {a: &q 'x', r: 1}\nn: *q\n", "m: {a: &q 'x'}\nn: *q\n"},
		{"after an anchored flow sequence", "m:\n  a: &s [1, 2]\n  r: 1\nn: *s\n", "m:\n  a: &s [1, 2]\nn: *s\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := removeKeeping(t, tt.text); got != tt.want {
				t.Errorf("RemoveKeepingComments: got %q, want %q", got, tt.want)
			}
			file := parseYAML(t, tt.text)
			removed, err := Remove(file, []byte(tt.text), false, keysNamed(file, "r"))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(removed.Text); got != tt.want {
				t.Errorf("Remove: got %q, want %q", got, tt.want)
			}
		})
	}
}

// A block scalar whose | is on the line after its anchor is the value of
// its key whole: replaced, kept beside a removed member, taken out (the
// comment of its | line kept in its place), or followed by new members.
// The block scalar's header was looked for on the anchor's line: adding
// after it panicked, and taking it out lost its comment.
func TestBlockScalarBelowItsAnchor(t *testing.T) {
	text := "m:\n  a: &x\n    |\n      old\n  r: 1\nn: *x\n"
	if got, want := replaceA(t, text, yamlnode.Str("new")), "m:\n  a: &x\n    |-\n      new\n  r: 1\nn: *x\n"; got != want {
		t.Errorf("replaced: got %q, want %q", got, want)
	}
	if got, want := removeKeeping(t, text), "m:\n  a: &x\n    |\n      old\nn: *x\n"; got != want {
		t.Errorf("beside a removed member: got %q, want %q", got, want)
	}
	if got, want := removeKeeping(t, "m:\n  r: &x\n    | # c\n      old\n  a: 1\n"), "m:\n    # c\n  a: 1\n"; got != want {
		t.Errorf("removed: got %q, want %q", got, want)
	}
	if got, want := string(writeMembers(t, "m:\n  c: &x\n    |+\n      old\n\n", false, "")), "m:\n  c: &x\n    |+\n      old\n\n  a: 1\n  b: 2\n"; got != want {
		t.Errorf("added after: got %q, want %q", got, want)
	}
}

// A property belongs to a node only when the node has one of its kind:
// after an empty value's properties and a line break, an anchor or tag
// is the next key's (a: !t, then &k b: 1), and yaml.v3 places a mapping
// where its first key's properties start. Both were read as the replaced
// value's, which was then written after the next key's anchor: a text
// that no longer parsed (found by FuzzReplaceMember: "m:\n 0: !0\n&00: \n").
func TestReplaceBesideAnotherNodesProperties(t *testing.T) {
	tests := []struct {
		name, text string
		value      *yaml.Node
		want       string
	}{
		{"tagged empty value, the next key anchored", "m:\n  a: !t\n  &k b: 1\nn: *k\n", yamlnode.Str("new"), "m:\n  a:  new\n  &k b: 1\nn: *k\n"},
		{"tagged empty value, the next key anchored at a lesser indent", "m:\n 0: !0\n&00: \n", yamlnode.Str("new"), "m:\n 0:  new\n&00: \n"},
		{"anchored and tagged empty value, the next key anchored", "m:\n  a: &x !!str\n  &k b: 1\nn: *x\n", yamlnode.Str("new"), "m:\n  a: &x !!str new\n  &k b: 1\nn: *x\n"},
		{"tagged empty value, the next key tagged", "m:\n  a: !!str\n  !!str b: 1\n", yamlnode.Str("new"), "m:\n  a: !!str new\n  !!str b: 1\n"},
		{"non-specific tag, which yaml.v3 drops, on the value's line", "m:\n  a: ! old\n  b: 1\n", yamlnode.Str("new"), "m:\n  a: ! new\n  b: 1\n"},
		{"mapping whose first key is anchored", "m:\n  a:\n    &k b: 1\n", yamlnode.Int(2), "m:\n  a:\n    2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := replaceA(t, tt.text, tt.value)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			var back yaml.Node
			if err := yaml.Unmarshal([]byte(got), &back); err != nil {
				t.Errorf("%q does not parse: %v", got, err)
			}
		})
	}
}

// A replaced value whose text defines an anchor that an alias outside it
// names is refused: the anchor would go with the text, and the alias
// would name nothing (the file would no longer parse). An alias to the
// value itself stays good: its anchor is kept.
func TestReplaceRefusesAnAliasedAnchorInside(t *testing.T) {
	for _, text := range []string{
		"m:\n  a: {b: &y 1}\n  c: *y\n",
		"m:\n  a:\n    b: [&y 1]\n  c: [*y]\n",
		"m:\n  a:\n    b: &y 1\nn: {c: *y}\n",
	} {
		var file yaml.Node
		if err := yaml.Unmarshal([]byte(text), &file); err != nil {
			t.Fatal(err)
		}
		m := yamlnode.Get(file.Content[0], "m")
		adds := NewAdditions()
		v := yamlnode.Str("new")
		adds.Replace(m.Content[1], v)
		m.Content[1] = v
		got, err := New(&file, []byte(text), false, adds).Write(nil)
		if err == nil || !strings.Contains(err.Error(), "the alias *y at ") {
			t.Errorf("%q: got %q, %v; want the alias *y named in a refusal", text, got, err)
		}
	}
}

// A member to take out whose key, value or a node under them holds an
// anchor that an alias elsewhere names is refused, by Remove and
// RemoveKeepingComments alike: the alias would name nothing, and the text
// no longer parse. An alias inside the member, naming a node outside it,
// goes with it.
func TestRemoveRefusesAnAliasedAnchorInside(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"m:\n  r: {a: &y 1}\n  c: *y\n", "the alias *y at 3:6"},
		{"m:\n  r: &y 1\n  c: [*y]\n", "the alias *y at 3:7"},
		{"m:\n  &y r: 1\nn: *y\n", "the alias *y at 3:4"},
		{"m:\n  a: &y 1\n  r: *y\n", ""},
	} {
		for _, keep := range []bool{false, true} {
			file := parseYAML(t, tt.text)
			var removed *Removed
			var err error
			if keep {
				removed, err = RemoveKeepingComments(file, []byte(tt.text), keysNamed(file, "r"))
			} else {
				removed, err = Remove(file, []byte(tt.text), false, keysNamed(file, "r"))
			}
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("%q (keeping comments %v): %v", tt.text, keep, err)
			case tt.want == "":
				if yaml.Unmarshal(removed.Text, new(any)) != nil {
					t.Errorf("%q (keeping comments %v) became %q, which does not parse", tt.text, keep, removed.Text)
				}
			case err == nil || !strings.Contains(err.Error(), tt.want):
				t.Errorf("%q (keeping comments %v): got %v, want a refusal naming %s", tt.text, keep, err, tt.want)
			}
		}
	}
}
