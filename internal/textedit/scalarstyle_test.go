package textedit

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// A replaced scalar keeps the style the text wrote it in, when that style
// holds the new value exactly: plain stays plain, quotes stay quotes, a
// block scalar stays a block; a plain value YAML would read as something
// else than the string (a number, a boolean, a comment) is double-quoted.
// A value of several lines, plain or a block, is replaced whole; the
// comment after it stays. What is written reads back as the new value.
func TestReplaceKeepsScalarStyle(t *testing.T) {
	tests := []struct {
		name, text, value, want string
	}{
		{"plain stays plain", "m:\n  a: 8e8895db\n  b: keep\n", "fa7c501c", "m:\n  a: fa7c501c\n  b: keep\n"},
		{"plain keeps its comment", "m:\n  a: 8e8895db   # checked\n", "fa7c501c", "m:\n  a: fa7c501c   # checked\n"},
		{"plain in a flow mapping", "m: {a: 8e8895db, b: keep}\n", "fa7c501c", "m: {a: fa7c501c, b: keep}\n"},
		{"plain of digits reads as a number", "m:\n  a: 8e8895db\n", "02869891", "m:\n  a: \"02869891\"\n"},
		{"plain of a float's form", "m:\n  a: 8e8895db\n", "1e100", "m:\n  a: \"1e100\"\n"},
		{"plain that YAML 1.1 reads as a boolean", "m:\n  a: x\n", "on", "m:\n  a: \"on\"\n"},
		{"plain that YAML reads as a boolean", "m:\n  a: x\n", "true", "m:\n  a: \"true\"\n"},
		{"plain that would hold a comment", "m:\n  a: x\n", "a #b", "m:\n  a: \"a #b\"\n"},
		{"plain that would be a mapping", "m:\n  a: x\n", "a: b", "m:\n  a: \"a: b\"\n"},
		{"plain with a comma in a block mapping", "m:\n  a: x\n", "a, b", "m:\n  a: a, b\n"},
		{"plain with a comma in a flow mapping", "m: {a: x}\n", "a, b", "m: {a: \"a, b\"}\n"},
		{"plain of other letters", "m:\n  a: x\n", "Prüfen Sie die ID", "m:\n  a: Prüfen Sie die ID\n"},
		{"plain with a bidi control", "m:\n  a: x\n", "a\u202eb", "m:\n  a: \"a\u202eb\"\n"},
		{"plain empty", "m:\n  a: x\n", "", "m:\n  a: \"\"\n"},
		{"plain of two lines", "m:\n  a: old\n    text # c\n  b: keep\n", "new", "m:\n  a: new # c\n  b: keep\n"},
		{"plain on the next line", "m:\n  a:\n    old\n  b: keep\n", "new", "m:\n  a:\n    new\n  b: keep\n"},
		{"plain before a comment line", "m:\n  a: old\n    # c\n  b: keep\n", "new", "m:\n  a: new\n    # c\n  b: keep\n"},
		{"double quotes stay", "m:\n  a: \"8e8895db\"\n", "fa7c501c", "m:\n  a: \"fa7c501c\"\n"},
		{"single quotes stay", "m:\n  a: '8e8895db' # c\n", "it's", "m:\n  a: 'it''s' # c\n"},
		{"single quotes in a flow mapping", "m: {a: 'x', b: keep}\n", "a, b", "m: {a: 'a, b', b: keep}\n"},
		{"single quotes cannot hold a line break", "m:\n  a: 'x'\n", "a\nb", "m:\n  a: \"a\\nb\"\n"},
		{"single quotes of two lines", "m:\n  a: 'old\n    text'\n  b: keep\n", "new", "m:\n  a: 'new'\n  b: keep\n"},
		{"literal stays literal", "m:\n  a: |\n    old\n    text\n  b: keep\n", "new\nlines\n", "m:\n  a: |\n    new\n    lines\n  b: keep\n"},
		{"literal keeps its comment", "m:\n  a: |- # c\n      old\n  b: keep\n", "new", "m:\n  a: |- # c\n      new\n  b: keep\n"},
		{"literal keeps a comment right after its indicators", "m:\n  a: |-#c\n      old\n  b: keep\n", "new", "m:\n  a: |- #c\n      new\n  b: keep\n"},
		{"literal keeps a comment after a tab", "m:\n  a: |2\t# c\n      old\n", "new", "m:\n  a: |-\t# c\n      new\n"},
		{"empty literal keeps its comment", "m:\n  a: |#00\n  b: keep\n", "new", "m:\n  a: |- #00\n    new\n  b: keep\n"},
		{"folded becomes literal", "m:\n  a: >\n    old\n    text\n\n  b: keep\n", "one line", "m:\n  a: |-\n    one line\n\n  b: keep\n"},
		{"literal cannot hold an indented first line", "m:\n  a: |\n    old\n", " x", "m:\n  a: \" x\"\n"},
		{"crlf literal", "m:\r\n  a: |\r\n    old\r\n  b: keep\r\n", "x\ny", "m:\r\n  a: |-\r\n    x\r\n    y\r\n  b: keep\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := replaceA(t, tt.text, yamlnode.Str(tt.value))
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			var back struct{ M map[string]any }
			if err := yaml.Unmarshal([]byte(got), &back); err != nil {
				t.Fatalf("%q does not read back: %v", got, err)
			}
			if back.M["a"] != tt.value {
				t.Errorf("%q reads back as %#v, want %q", got, back.M["a"], tt.value)
			}
		})
	}
}

// A value other than a string is written as before, as JSON, whatever the
// style of the one it replaces: a quoted 3 would be a string.
func TestReplaceScalarNotString(t *testing.T) {
	for text, want := range map[string]string{
		"m:\n  a: 'x'\n":      "m:\n  a: 3\n",
		"m:\n  a: |\n    x\n": "m:\n  a: 3\n",
		"m: {a: x}\n":         "m: {a: 3}\n",
	} {
		if got := replaceA(t, text, yamlnode.Int(3)); got != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}

// replaceA writes v in place of the value of m.a in text.
func replaceA(t *testing.T, text string, v *yaml.Node) string {
	t.Helper()
	var file yaml.Node
	if err := yaml.Unmarshal([]byte(text), &file); err != nil {
		t.Fatal(err)
	}
	m := yamlnode.Get(file.Content[0], "m")
	adds := NewAdditions()
	adds.Replace(m.Content[1], v)
	m.Content[1] = v
	got, err := New(&file, []byte(text), false, adds).Write(nil)
	if err != nil {
		t.Fatal(err)
	}
	return string(got)
}
