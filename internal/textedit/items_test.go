package textedit

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// appendToM appends items to the sequence m of text and writes it.
func appendToM(text string, isJSON bool, items ...*yaml.Node) (*yaml.Node, []byte, error) {
	file, ok := parseFuzzText(text, isJSON)
	if !ok {
		return nil, nil, nil
	}
	m := yamlnode.Get(file.Content[0], "m")
	if m == nil || m.Kind != yaml.SequenceNode {
		return nil, nil, nil
	}
	m.Content = append(m.Content, items...)
	adds := NewAdditions()
	adds.AddItems(items...)
	out, err := New(file, []byte(text), isJSON, adds).Write(nil)
	return file, out, err
}

// Items added to the end of a sequence go after its last item, in its
// style: block items at its dashes, under their comments, after the last
// item's lines (a block scalar's included, and the comments indented
// under it); flow ones before the closing bracket, quoted as its own.
func TestAddItems(t *testing.T) {
	row := yamlnode.Map()
	yamlnode.Set(row, "check", yamlnode.Str(""))
	yamlnode.Set(row, "solution", yamlnode.Str(""))
	row.HeadComment = "# en: check: c\n# en: solution: s"
	tests := []struct {
		name, text string
		item       *yaml.Node
		want       string
	}{
		{"block", "m:\n  - a\n  - b\nn: 1\n", yamlnode.Str("c"), "m:\n  - a\n  - b\n  - c\nn: 1\n"},
		{"block at its key's column", "m:\n- a\nn: 1\n", yamlnode.Str("c"), "m:\n- a\n- c\nn: 1\n"},
		{"block rows under comments", "m:\n  # en: check: a\n  - check: A\n    solution: B\n    # a note\n\n# next\nn: 1\n", row,
			"m:\n  # en: check: a\n  - check: A\n    solution: B\n    # a note\n  # en: check: c\n  # en: solution: s\n  - check: \"\"\n    solution: \"\"\n\n# next\nn: 1\n"},
		{"after a block scalar", "m:\n  - |\n    text\n\n    more\nn: 1\n", yamlnode.Str("c"), "m:\n  - |\n    text\n\n    more\n  - c\nn: 1\n"},
		{"anchored", "m: &s\n  - a\nn: *s\n", yamlnode.Str("c"), "m: &s\n  - a\n  - c\nn: *s\n"},
		{"nested", "m:\n  - - a\n    - b\n", yamlnode.Str("c"), "m:\n  - - a\n    - b\n  - c\n"},
		{"flow", "m: [a, b] # c\n", yamlnode.Str("c"), "m: [a, b, c] # c\n"},
		{"flow, quoted", "m: ['a']\n", yamlnode.Str("c"), "m: ['a', 'c']\n"},
		{"flow rows", "m: [{check: A, solution: B}]\n", row, "m: [{check: A, solution: B}, {check: \"\", solution: \"\"}]\n"},
		{"flow, a trailing comma", "m: [a,\n  b,\n]\n", yamlnode.Str("c"), "m: [a,\n  b,c\n]\n"},
		{"empty flow", "m: []\n", yamlnode.Str("c"), "m: [c]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got, err := appendToM(tt.text, false, tt.item)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if _, _, err := appendToM(`{"m": [1]}`+"\n", true, yamlnode.Int(2)); err == nil {
		t.Error("an item added to a JSON array was written")
	}
}

// FuzzAddItems: whatever the YAML text, appending a string and a mapping
// to its sequence m is refused, or writes a text that holds the text's
// bytes in order and reads as the text with those items at m's end.
func FuzzAddItems(f *testing.F) {
	for _, s := range []string{
		"m:\n  - a\n  - b\nn: 1\n",
		"m:\n- a\n",
		"m: [a, 'b'] # c\n",
		"m:\n  - |\n    x\n\n  # c\nn: [1]\n",
		"m: &s\n  - !t\n  - &a x\nn: *s\n",
		"m:\n  - {a: 1}\n  - k: v\n    l: [w,\n      x]\n",
		"m: [!t ]\n",
		"m: [a,#c\n]\n",
	} {
		f.Add(s, "c")
		f.Add(s, "a: b # c\n'd\"")
	}
	f.Fuzz(func(t *testing.T, text, value string) {
		if len(text) > 4096 || !strings.HasSuffix(text, "\n") || !utf8.ValidString(value) {
			return // see FuzzReplace
		}
		row := yamlnode.Map()
		yamlnode.Set(row, "k", yamlnode.Str(value))
		row.HeadComment = "# en: a row"
		file, got, err := appendToM(text, false, yamlnode.Str(value), row)
		if file == nil || err != nil {
			return
		}
		var want any
		if file.Decode(&want) != nil {
			return
		}
		if !isSubsequence([]byte(text), got) {
			t.Fatalf("%q became %q, which lost bytes of it", text, got)
		}
		back, ok := parseFuzzText(string(got), false)
		var read any
		if !ok || back.Decode(&read) != nil {
			t.Fatalf("%q became %q, which does not parse", text, got)
		}
		if !reflect.DeepEqual(read, want) {
			t.Fatalf("%q became %q, which reads\n%#v\nnot\n%#v", text, got, read, want)
		}
	})
}
