package textedit

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// A line comment is written after a value, replaces the comment there, or
// is taken away, with the value itself kept or replaced; a value whose
// line goes on is refused.
func TestLineComment(t *testing.T) {
	tests := []struct {
		name, text string
		replace    bool // replace the value of "a" with "new"
		comment    string
		want       string
	}{
		{"add", "m:\n  a: old\n  b: 1\n", false, "stale", "m:\n  a: old # stale\n  b: 1\n"},
		{"replace comment", "m:\n  a: old   # was here\n", false, "stale", "m:\n  a: old # stale\n"},
		{"remove", "m:\n  a: 'old' # stale\r\n  b: 1\r\n", false, "", "m:\n  a: 'old'\r\n  b: 1\r\n"},
		{"same", "m:\n  a: old # stale\n", false, "stale", "m:\n  a: old # stale\n"},
		{"replaced value", "m:\n  a: old # stale\n", true, "", "m:\n  a: new\n"},
		{"flow", "m: {a: old, b: 1}\n", false, "stale", ""},
		{"anchored quoted value", "m:\n  a: &x 'old' # was\n  b: *x\n", false, "stale", "m:\n  a: &x 'old' # stale\n  b: *x\n"},
		{"tagged value", "m:\n  a: !!str old\n", false, "stale", "m:\n  a: !!str old # stale\n"},
		{"value below its anchor", "m:\n  a: &x\n    old\n", false, "stale", "m:\n  a: &x\n    old # stale\n"},
		{"tagged empty value", "m:\n  a: !t\n  b: 1\n", false, "stale", "m:\n  a: !t # stale\n  b: 1\n"},
		{"plain over two lines", "m:\n  a: plain\n    more # c\n", false, "stale", ""},
		{"quoted over two lines", "m:\n  a: 'quoted\n    more'\n", false, "stale", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var file yaml.Node
			if err := yaml.Unmarshal([]byte(tt.text), &file); err != nil {
				t.Fatal(err)
			}
			m := yamlnode.Get(file.Content[0], "m")
			old := yamlnode.Get(m, "a")
			adds := NewAdditions()
			if tt.replace {
				v := yamlnode.Str("new")
				m.Content[1] = v
				adds.Replace(old, v)
			}
			adds.LineComment(old, tt.comment)
			got, err := New(&file, []byte(tt.text), false, adds).Write(nil)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("wrote %q, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Mark puts its comment after the author's, which stays byte for byte, and
// takes only its own back out; marking twice, or unmarking an unmarked
// line, changes nothing.
func TestMark(t *testing.T) {
	tests := []struct {
		name, text string
		on         bool
		want       string
	}{
		{"mark", "m:\n  a: x\n  b: 1\n", true, "m:\n  a: x # stale\n  b: 1\n"},
		{"mark after the author's comment", "m:\n  a: x   # mine, kept\n", true, "m:\n  a: x   # mine, kept # stale\n"},
		{"mark a line marked", "m:\n  a: x   # mine # stale\n", true, "m:\n  a: x   # mine # stale\n"},
		{"unmark", "m:\n  a: x # stale\n  b: 1\n", false, "m:\n  a: x\n  b: 1\n"},
		{"unmark after the author's comment", "m:\n  a: x   # mine, kept # stale\n", false, "m:\n  a: x   # mine, kept\n"},
		{"unmark a line not marked", "m:\n  a: x   # mine\n", false, "m:\n  a: x   # mine\n"},
		{"crlf", "m:\r\n  a: 'x'  # mine\r\n", true, "m:\r\n  a: 'x'  # mine # stale\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var file yaml.Node
			if err := yaml.Unmarshal([]byte(tt.text), &file); err != nil {
				t.Fatal(err)
			}
			adds := NewAdditions()
			adds.Mark(yamlnode.Get(yamlnode.Get(file.Content[0], "m"), "a"), "stale", tt.on)
			got, err := New(&file, []byte(tt.text), false, adds).Write(nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// ReplaceComment rewrites the block above a key or a list item that starts
// with its first line's prefix (the highest such line, when several are:
// one per member of a list item), down to the key, at the key's indentation
// and in the text's line breaks; comments above the block stay, and so do
// the author's within it (a note under the source text, paragraphs and
// all, or between two of a row's texts), below the new block, and
// without a block nothing changes. An empty comment takes the block out,
// its lines' breaks with it.
func TestReplaceComment(t *testing.T) {
	const comment = "# en: New text,\n#     on two lines."
	tests := []struct{ name, text, want, comment string }{
		{"taken out", "m:\n  l:\n    # mine\n    # en: Old,\n    #     very old.\n    - alt\n", "m:\n  l:\n    # mine\n    - alt\n", ""},
		{"taken out, CRLF", "m:\r\n  # en: Old.\r\n  a: alt\r\n", "m:\r\n  a: alt\r\n", ""},
		{"none taken out", "m:\n  # mine\n  a: alt\n", "m:\n  # mine\n  a: alt\n", ""},
		{"one line", "m:\n  # en: Old.\n  a: alt\n", "m:\n  # en: New text,\n  #     on two lines.\n  a: alt\n", comment},
		{"several lines", "m:\n  # en: Old,\n  #     very old.\n  #\n  a: alt\n", "m:\n  # en: New text,\n  #     on two lines.\n  a: alt\n", comment},
		{"author's comment above", "m:\n  # checked by Anna\n  # en: Old.\n  a: alt # mine\n", "m:\n  # checked by Anna\n  # en: New text,\n  #     on two lines.\n  a: alt # mine\n", comment},
		{"author's comment below", "m:\n  # en: Old.\n  # legal asked for this\n  a: alt\n", "m:\n  # en: New text,\n  #     on two lines.\n  # legal asked for this\n  a: alt\n", comment},
		{"author's comment below, taken out", "m:\n  # en: Old,\n  #     very old.\n  # legal asked for this\n  a: alt\n", "m:\n  # legal asked for this\n  a: alt\n", ""},
		{"author's note of two paragraphs below", "m:\n  # en: Old.\n  # legal asked for this,\n  #\n  # see ticket 7\n  a: alt\n", "m:\n  # en: New text,\n  #     on two lines.\n  # legal asked for this,\n  #\n  # see ticket 7\n  a: alt\n", comment},
		{"author's note ending in #", "m:\n  # en: Old.\n  # legal asked for this\n  #\n  a: alt\n", "m:\n  # en: New text,\n  #     on two lines.\n  # legal asked for this\n  #\n  a: alt\n", comment},
		{"author's note between firsts", "m:\n  l:\n    # en: check: Old?\n    # keep it short\n    # en: solution: Old.\n    - {a: alt}\n", "m:\n  l:\n    # en: New text,\n    #     on two lines.\n    # keep it short\n    - {a: alt}\n", comment},
		{"author's note between firsts, taken out", "m:\n  l:\n    # en: check: Old?\n    # keep it short\n    # en: solution: Old.\n    - {a: alt}\n", "m:\n  l:\n    # keep it short\n    - {a: alt}\n", ""},
		{"author's note between firsts, CRLF", "m:\r\n  l:\r\n    # en: check: Old?\r\n    # keep it short\r\n    # en: solution: Old.\r\n    - {a: alt}\r\n", "m:\r\n  l:\r\n    # en: New text,\r\n    #     on two lines.\r\n    # keep it short\r\n    - {a: alt}\r\n", comment},
		{"none", "m:\n  # checked by Anna\n  a: alt\n", "m:\n  # checked by Anna\n  a: alt\n", comment},
		{"the same", "m:\n  # en: New text,\n  #     on two lines.\n  a: alt\n", "m:\n  # en: New text,\n  #     on two lines.\n  a: alt\n", comment},
		{"CRLF", "m:\r\n  # en: Old.\r\n  a: alt\r\n", "m:\r\n  # en: New text,\r\n  #     on two lines.\r\n  a: alt\r\n", comment},
		{"list item", "m:\n  l:\n    # en: Old.\n    - alt\n", "m:\n  l:\n    # en: New text,\n    #     on two lines.\n    - alt\n", comment},
		{"a block of several firsts", "m:\n  l:\n    # mine\n    # en: check: Old?\n    # en: solution: Old.\n    - {a: alt}\n", "m:\n  l:\n    # mine\n    # en: New text,\n    #     on two lines.\n    - {a: alt}\n", comment},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var file yaml.Node
			if err := yaml.Unmarshal([]byte(tt.text), &file); err != nil {
				t.Fatal(err)
			}
			m := yamlnode.Get(file.Content[0], "m")
			adds := NewAdditions()
			if l := yamlnode.Get(m, "l"); l != nil {
				adds.ReplaceComment(l.Content[0], "# en:", tt.comment)
			} else {
				adds.ReplaceComment(m.Content[0], "# en:", tt.comment)
			}
			got, err := New(&file, []byte(tt.text), false, adds).Write(nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
