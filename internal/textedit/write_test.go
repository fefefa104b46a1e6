package textedit

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// The editor writes exactly the members recorded as added, in the text's
// style; a variant leaves out the omitted ones without touching the tree.
func TestWriteAdditions(t *testing.T) {
	tests := []struct {
		name, text    string
		isJSON        bool
		want, variant string // Write(nil), Write(omit the key "b")
	}{
		{"block", "m:\n  x: 1\n", false, "m:\n  x: 1\n  a: 1\n  b: 2\n", "m:\n  x: 1\n  a: 1\n"},
		{"flow", "m: {x: 1}\n", false, "m: {x: 1, a: 1, b: 2}\n", "m: {x: 1, a: 1}\n"},
		{"flow after an empty value", "m: {x: }\n", false, "m: {x: , a: 1, b: 2 }\n", "m: {x: , a: 1 }\n"},
		{"json", `{"v": 1, "m": {"x": 1}}`, true, `{"v": 1, "m": {"x": 1, "a": 1, "b": 2}}`, `{"v": 1, "m": {"x": 1, "a": 1}}`},
		{"minified json", `{"m":{"x":1}}`, true, `{"m":{"x":1,"a":1,"b":2}}`, `{"m":{"x":1,"a":1}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := parseText(t, []byte(tt.text), tt.isJSON)
			m := yamlnode.Get(file.Content[0], "m")
			adds := NewAdditions()
			omit := map[*yaml.Node]bool{}
			for i, key := range []string{"a", "b"} {
				yamlnode.Set(m, key, yamlnode.Int(i+1))
				k := m.Content[len(m.Content)-2]
				adds.Add(k, m.Content[len(m.Content)-1])
				omit[k] = key == "b"
			}
			ed := New(file, []byte(tt.text), tt.isJSON, adds)
			for _, c := range []struct {
				omit map[*yaml.Node]bool
				want string
			}{{nil, tt.want}, {omit, tt.variant}, {nil, tt.want}} {
				got, err := ed.Write(c.omit)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != c.want {
					t.Errorf("Write(%d omitted) = %q, want %q", len(c.omit), got, c.want)
				}
			}
		})
	}
}

// The editor knows YAML and JSON, not what the text means: it imports
// neither the catalog nor OpenAPI code.
func TestImportsNoCatalogNorOpenAPI(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		parsed, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range parsed.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			for _, banned := range []string{"errgen/catalog", "kin-openapi", "errgen/internal/openapi", "errgen/internal/augment", "errgen/internal/names"} {
				if strings.Contains(p, banned) {
					t.Errorf("%s imports %s", f, p)
				}
			}
		}
	}
}

// A mapping written in place of a block sequence whose dashes are at its
// key's column (a:\n- x) goes under the key, indented: at the dashes'
// column its keys were the key's siblings; and a mapping whose last
// value is such a sequence (required:\n- code, in a schema --replace
// names) is replaced up to its last dash, not its last key's line (both
// found by FuzzReplaceMember).
func TestReplaceSequenceAtKeyColumn(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"dashes at the key's column", "m:\n  a:\n  - x\n  - y\n  b: 1\n", "m:\n  a:\n    r:\n      - 1\n  b: 1\n"},
		{"the last member, an empty item", "m:\n  0:\n  - \n", "m:\n  0:\n    r:\n      - 1\n"},
		{"dashes indented", "m:\n  a:\n    - x\n  b: 1\n", "m:\n  a:\n    r:\n      - 1\n  b: 1\n"},
		{"a mapping ending with dashes at their key's column", "m:\n  a:\n    b: 1\n    c:\n    - x\n  d: 1\n", "m:\n  a:\n    r:\n      - 1\n  d: 1\n"},
		{"the last member, ending with dashes at their key's column", "m:\n  a:\n    c:\n    - x\n", "m:\n  a:\n    r:\n      - 1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := parseText(t, []byte(tt.text), false)
			m := yamlnode.Get(file.Content[0], "m")
			v := yamlnode.Map()
			yamlnode.Set(v, "r", yamlnode.Seq(yamlnode.Int(1)))
			adds := NewAdditions()
			adds.Replace(m.Content[1], v)
			m.Content[1] = v
			got, err := New(file, []byte(tt.text), false, adds).Write(nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// The text's style is read from its own members, a value errgen replaces
// included, not from the value that replaces it, which has no place in
// the text: a JSON text whose first member's value was replaced panicked
// (slice bounds out of range) in reading the spacing after it, and a YAML
// one had errgen guess its indentation (2) from the replacing value.
func TestStyleFromReplacedValue(t *testing.T) {
	for _, text := range []string{`{"a": [0], "b": 1}`, `{"a":[0],"b":1}`, "{\n  \"a\": [0],\n  \"b\": 1\n}\n"} {
		file := parseText(t, []byte(text), true)
		root := file.Content[0]
		v := yamlnode.Map()
		yamlnode.Set(v, "r", yamlnode.Int(1))
		adds := NewAdditions()
		adds.Replace(root.Content[1], v)
		root.Content[1] = v
		k, x := yamlnode.Str("c"), yamlnode.Int(2)
		adds.Add(k, x)
		root.Content = append(root.Content, k, x)
		got, err := New(file, []byte(text), true, adds).Write(nil)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.NewReplacer(`[0]`, `{"r": 1}`, `"b": 1`, `"b": 1, "c": 2`, `"b":1`, `"b":1,"c":2`).Replace(text)
		if strings.Contains(text, "\n") {
			want = strings.Replace(text, "[0]", "{\n    \"r\": 1\n  }", 1)
			want = strings.Replace(want, "\"b\": 1", "\"b\": 1,\n  \"c\": 2", 1)
		} else if !strings.Contains(text, " ") {
			want = strings.Replace(want, `{"r": 1}`, `{"r":1}`, 1)
		}
		if string(got) != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestIndentFromReplacedValue(t *testing.T) {
	text := "a:\n    x: 1\nb:\n    y: 2\n"
	file := parseText(t, []byte(text), false)
	root := file.Content[0]
	v := yamlnode.Map()
	yamlnode.Set(v, "r", yamlnode.Int(1))
	adds := NewAdditions()
	adds.Replace(root.Content[1], v)
	root.Content[1] = v
	inner := yamlnode.Map()
	yamlnode.Set(inner, "d", yamlnode.Int(3))
	k := yamlnode.Str("c")
	adds.Add(k, inner)
	root.Content = append(root.Content, k, inner)
	got, err := New(file, []byte(text), false, adds).Write(nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "a:\n    r: 1\nb:\n    y: 2\nc:\n    d: 3\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
