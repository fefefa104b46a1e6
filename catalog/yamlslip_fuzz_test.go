package catalog

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/txtar"
)

// yamlSlip, on any text yaml.v3 refuses, never panics, and a slip it
// names is at a line of the text and a column at most one past that
// line's last character, as an editor counts them.
func FuzzYAMLSlip(f *testing.F) {
	for _, name := range []string{"yaml_flow_not_closed", "yaml_indent", "yaml_indent_nested", "yaml_key_after_value", "yaml_key_indented_too_far"} {
		ar, err := txtar.ParseFile(filepath.Join("testdata", "bad", name+".txtar"))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if file.Name != "want" {
				f.Add(file.Data)
			}
		}
	}
	f.Add([]byte("a: b\n  c: d\n"))
	f.Add([]byte("a: [b\nc: |\n  x\n"))
	f.Add([]byte("a: 'b' # c\n  d: e\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var n yaml.Node
		err := yaml.Unmarshal(data, &n)
		if err == nil {
			return
		}
		p, msg, ok := yamlSlip(err, data)
		if !ok {
			return
		}
		if why := outsideText(p, data); why != "" {
			t.Errorf("%q: slip at %d:%d, %s: %s", data, p.Line, p.Col, why, msg)
		}
	})
}

// outsideText says why p is not a place in data: "" when it is one. Lines
// end at a line feed, a carriage return or both; a column counts
// characters.
func outsideText(p Pos, data []byte) string {
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n"), "\n")
	switch {
	case p.Line < 1 || p.Col < 1:
		return "a line or column below 1"
	case p.Line > len(lines):
		return "past the text's last line"
	case p.Col > utf8.RuneCountInString(lines[p.Line-1])+1:
		return "past the line's end"
	}
	return ""
}
