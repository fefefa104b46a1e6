package textedit

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// What errgen adds to a YAML flow mapping is quoted as the mapping's own
// members are: plain where the text writes plain keys (and values), so
// that {title: Nicht gefunden} gains message: "", not "message": ""; a
// key or value plain YAML would misread is double-quoted, as JSON; a
// mapping of no member of its own follows the text's first key, and an
// empty one of a block mapping gets one member a line. A JSON text stays
// JSON. They were written as JSON everywhere.
func TestFlowAdditionsInTheMappingsStyle(t *testing.T) {
	details := func() *yaml.Node {
		id := yamlnode.Map()
		yamlnode.Set(id, "description", yamlnode.Str("Die ID."))
		d := yamlnode.Map()
		yamlnode.Set(d, "id", id)
		return d
	}
	tests := []struct {
		name, text string
		isJSON     bool
		path       []string // to the mapping added to, from the top
		keys       []string
		values     []*yaml.Node
		want       string
	}{
		{"plain", "m: {title: Nicht gefunden}\n", false, []string{"m"}, []string{"message", "details"},
			[]*yaml.Node{yamlnode.Str(""), details()}, `m: {title: Nicht gefunden, message: "", details: {id: {description: Die ID.}}}` + "\n"},
		{"keys plain YAML would misread", "m: {x: 1}\n", false, []string{"m"}, []string{"yes", "a: b", "404", "<<"},
			[]*yaml.Node{yamlnode.Str("x"), yamlnode.Str("x"), yamlnode.Str("x"), yamlnode.Str("x")},
			`m: {x: 1, "yes": x, "a: b": x, "404": x, "<<": x}` + "\n"},
		{"values plain YAML would misread", "m: {x: y}\n", false, []string{"m"}, []string{"a", "b", "c", "d"},
			[]*yaml.Node{yamlnode.Str("on"), yamlnode.Str("12"), yamlnode.Str("a, b"), yamlnode.Int(3)},
			`m: {x: y, a: "on", b: "12", c: "a, b", d: 3}` + "\n"},
		{"double-quoted", `m: {"x": "y"}` + "\n", false, []string{"m"}, []string{"a"}, []*yaml.Node{yamlnode.Str("z")},
			`m: {"x": "y", "a": "z"}` + "\n"},
		{"single-quoted", "m: {'x': 'y'}\n", false, []string{"m"}, []string{"a"}, []*yaml.Node{yamlnode.Str("it's")},
			"m: {'x': 'y', 'a': 'it''s'}\n"},
		{"plain keys, quoted values", `m: {x: "v"}` + "\n", false, []string{"m"}, []string{"a"}, []*yaml.Node{yamlnode.Str("z")},
			`m: {x: "v", a: "z"}` + "\n"},
		{"empty, in a plain text", "m: {n: {}}\n", false, []string{"m", "n"}, []string{"a"}, []*yaml.Node{yamlnode.Str("z")},
			"m: {n: {a: z}}\n"},
		{"empty, in a text of JSON's style", `{"m": {"n": {}}}` + "\n", false, []string{"m", "n"}, []string{"a"}, []*yaml.Node{yamlnode.Str("z")},
			`{"m": {"n": {"a": "z"}}}` + "\n"},
		{"empty, in a block mapping: one member a line", "m:\n  n: {}\n", false, []string{"m", "n"}, []string{"a", "details"},
			[]*yaml.Node{yamlnode.Str("z"), details()},
			"m:\n  n: {\n    a: z,\n    details: {\n      id: {\n        description: Die ID.\n      }\n    }\n  }\n"},
		{"empty, in a block mapping of a text quoting its keys", "\"m\":\n  n: {}\n", false, []string{"m", "n"}, []string{"a"},
			[]*yaml.Node{yamlnode.Str("z")}, "\"m\":\n  n: {\n    \"a\": \"z\"\n  }\n"},
		{"JSON", `{"v": 1, "m": {"x": 1}}`, true, []string{"m"}, []string{"a"}, []*yaml.Node{yamlnode.Str("z")},
			`{"v": 1, "m": {"x": 1, "a": "z"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := parseText(t, []byte(tt.text), tt.isJSON)
			m := file.Content[0]
			for _, k := range tt.path {
				m = yamlnode.Get(m, k)
			}
			adds := NewAdditions()
			for i, key := range tt.keys {
				yamlnode.Set(m, key, tt.values[i])
				adds.Add(m.Content[len(m.Content)-2], tt.values[i])
			}
			got, err := New(file, []byte(tt.text), tt.isJSON, adds).Write(nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if !tt.isJSON {
				var back map[string]any
				if err := yaml.Unmarshal(got, &back); err != nil {
					t.Fatalf("%q does not parse: %v", got, err)
				}
			}
		})
	}
}
