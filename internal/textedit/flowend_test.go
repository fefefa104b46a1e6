package textedit

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// flowEnd finds the bracket that closes a flow collection where yaml.v3
// does: a # right after a quoted scalar or a closing bracket starts a
// comment, so a bracket after it closes nothing (a spec FuzzAugment found,
// {"500": {...}#}, made Remove cut the root's own closing brace), and a
// quote opens a scalar only where a token starts (FuzzAddMembers found
// {0:"}, a key 0:", read as a quote running to the text's end), and a tag
// runs to a blank, flow indicators and all, as yaml.v3 reads it
// (FuzzReplaceMember found {d: !0]0 000}, whose bracket closed nothing). Each
// collection, cut at flowEnd, reads back as the value yaml.v3 read in the
// whole text.
func TestFlowEnd(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"plain", "m: {a: 1, b: [x, y]}\n", "{a: 1, b: [x, y]}"},
		{"a comment after a blank", "m: {a: 1, # }\n  b: 2}\n", "{a: 1, # }\n  b: 2}"},
		{"a comment right after an opening bracket", "m: {#}\n  a: 1}\n", "{#}\n  a: 1}"},
		{"a comment right after a closing bracket", "m: {a: {b: 1}#}\n  }\n", "{a: {b: 1}#}\n  }"},
		{"a comment right after a closing square bracket", "m: [[1]#]\n  ]\n", "[[1]#]\n  ]"},
		{"a comment right after a quoted scalar", "m: {a: \"x\"#}\n  }\n", "{a: \"x\"#}\n  }"},
		{"a comment after a colon after a quoted key", "m: {\"a\":#}\n  1}\n", "{\"a\":#}\n  1}"},
		{"a # inside a plain scalar", "m: {a: x#}\n", "{a: x#}"},
		{"a # after a colon inside a plain scalar", "m: [a:#]\n", "[a:#]"},
		{"a # inside a quoted scalar", "m: {a: \"}#\"}\n", "{a: \"}#\"}"},
		{"a quote after a colon inside a plain scalar", "m: {0:\"}\n", "{0:\"}"},
		{"a quote after a colon after a quoted key", "m: {\"a\":\"}\"}\n", "{\"a\":\"}\"}"},
		{"a quote after a colon and a blank", "m: {a: '}'}\n", "{a: '}'}"},
		{"a tag holding a closing bracket", "m: {a: !t]x 1, b: [!u]] 2]}\n", "{a: !t]x 1, b: [!u]] 2]}"},
		{"a tag holding a comma and brackets", "m: [!t,[x]] 1]\n", "[!t,[x]] 1]"},
		{"a ! inside a plain scalar", "m: {a: x!y, b: [1]}\n", "{a: x!y, b: [1]}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var file yaml.Node
			if err := yaml.Unmarshal([]byte(tt.text), &file); err != nil {
				t.Fatal(err)
			}
			src := newSource([]byte(tt.text), false)
			m := yamlnode.Get(file.Content[0], "m")
			at := src.offset(m)
			end, _, _ := src.flowEnd(at)
			if got := tt.text[at:end]; got != tt.want {
				t.Fatalf("flowEnd: %q, want %q", got, tt.want)
			}
			var whole map[string]any
			if err := file.Decode(&whole); err != nil {
				t.Fatal(err)
			}
			var alone any
			if err := yaml.Unmarshal([]byte(tt.want), &alone); err != nil {
				t.Fatalf("the collection alone: %v", err)
			}
			if !reflect.DeepEqual(alone, whole["m"]) {
				t.Errorf("the collection alone reads %#v, in the text %#v", alone, whole["m"])
			}
		})
	}
}

// A plain scalar of a block mapping ends before a comment, whether a blank
// or a tab is before its #: Replace keeps the comment.
func TestReplaceBeforeComment(t *testing.T) {
	for _, text := range []string{"a: old # c\nb: 1\n", "a: old\t# c\nb: 1\n", "a: old\t \t# c\nb: 1\n"} {
		var file yaml.Node
		if err := yaml.Unmarshal([]byte(text), &file); err != nil {
			t.Fatal(err)
		}
		m := file.Content[0]
		adds := NewAdditions()
		v := yamlnode.Str("new")
		adds.Replace(m.Content[1], v)
		m.Content[1] = v
		got, err := New(&file, []byte(text), false, adds).Write(nil)
		if err != nil {
			t.Fatal(err)
		}
		var back map[string]any
		if err := yaml.Unmarshal(got, &back); err != nil || back["a"] != "new" || !strings.Contains(string(got), "# c\n") {
			t.Errorf("%q: got %q (%v)", text, got, err)
		}
	}
}
