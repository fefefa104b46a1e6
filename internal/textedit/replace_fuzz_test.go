package textedit

import (
	"reflect"
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
