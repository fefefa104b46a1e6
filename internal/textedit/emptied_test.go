package textedit

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// A block mapping whose members all go takes its key with it, by Remove
// and RemoveKeepingComments alike: left, the key read as null (errgen
// translate left "NOT_FOUND:" of an entry holding only reviewed: true,
// and never filled it again; errgen openapi, re-run on a spec whose
// components.schemas held only errgen's schemas, refused the spec: "must
// be a mapping, not empty"). A comment ending the key's line stays, as do
// comment lines above the first member; a flow mapping stays, {}; a
// mapping with an anchor, or that is a list's item, is left null.
func TestRemoveEmptiesMapping(t *testing.T) {
	tests := []struct {
		name, text, want, wantKeeping string
	}{
		{"the only member", "m:\n  r: 1\nn: 2\n", "n: 2\n", "n: 2\n"},
		{"two members", "n: 2\nm:\n  r: 1\n  r2: x\n", "n: 2\n", "n: 2\n"},
		{"the key's comment stays", "n: 2\nm:   # mine\n  r: 1\n", "n: 2\n# mine\n", "n: 2\n# mine\n"},
		{"a comment line above the member stays", "m:\n  # heads r\n  r: 1\nn: 2\n", "  # heads r\nn: 2\n", "  # heads r\nn: 2\n"},
		{"the member's comment", "m:\n  r: 1 # c\nn: 2\n", "n: 2\n", "  # c\nn: 2\n"},
		{"nested", "a:\n  m:\n    r: 1\nb: 2\n", "b: 2\n", "b: 2\n"},
		{"nested, a member kept", "a:\n  m:\n    r: 1\n  k: 3\n", "a:\n  k: 3\n", "a:\n  k: 3\n"},
		{"a translation entry", "errors:\n  NOT_FOUND:\n    r: true # checked\n  GONE:\n    title: x\n",
			"errors:\n  GONE:\n    title: x\n", "errors:\n    # checked\n  GONE:\n    title: x\n"},
		{"no break at the end", "a: 1\nm:\n  r: 1", "a: 1\n", "a: 1\n"},
		{"CRLF breaks", "m:\r\n  r: 1\r\nn: 2\r\n", "n: 2\r\n", "n: 2\r\n"},
		{"the whole text", "m:\n  r: 1\n", "", ""},
		{"a flow mapping stays", "m: {r: 1}\nn: 2\n", "m: {}\nn: 2\n", "m: {}\nn: 2\n"},
		{"an anchor", "m: &a\n  r: 1\nn: *a\n", "m: &a\nn: *a\n", "m: &a\nn: *a\n"},
		{"a list's item", "l:\n  -\n    r: 1\n", "l:\n  -\n", "l:\n  -\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := parseYAMLNode(tt.text)
			if file == nil {
				t.Fatalf("%q does not parse", tt.text)
			}
			removed, err := Remove(file, []byte(tt.text), false, keysNamed(file, "r", "r2"))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(removed.Text); got != tt.want {
				t.Errorf("Remove: got %q, want %q", got, tt.want)
			}
			if got := removeKeeping(t, tt.text); got != tt.wantKeeping {
				t.Errorf("RemoveKeepingComments: got %q, want %q", got, tt.wantKeeping)
			}
		})
	}
}

// Remove still names the comments of the members it takes out of an
// emptied mapping by their keys, not by the mapping's, which the caller
// did not name; the key's own comment stays and is not among them.
func TestRemoveEmptiedComments(t *testing.T) {
	text := "m: # mine\n  r: 1 # c\nn: 2\n"
	file := parseYAMLNode(text)
	removed, err := Remove(file, []byte(text), false, keysNamed(file, "r"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(removed.Text), "# mine\nn: 2\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if len(removed.Comments) != 1 || removed.Comments[0].Line != 2 || removed.Comments[0].Col != 8 || removed.Comments[0].Key.Value != "r" {
		t.Errorf("comments %+v, want one at 2:8 of r", removed.Comments)
	}
	var out yaml.Node
	if err := yaml.Unmarshal(removed.Text, &out); err != nil {
		t.Fatal(err)
	}
	if line, col := removed.Pos(2, 1); line != 3 || col != 1 {
		t.Errorf("n is at %d:%d of the original, want 3:1", line, col)
	}
}
