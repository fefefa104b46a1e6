package yamlnode

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// decodeJSON is the obvious reader, through json.Decoder's tokens: the
// oracle that FromJSON's direct reader must agree with.
func decodeJSON(t testing.TB, data string) *yaml.Node {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(data))
	dec.UseNumber()
	var read func() *yaml.Node
	read = func() *yaml.Node {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		switch v := tok.(type) {
		case json.Delim:
			n := Seq()
			if v == '{' {
				n = Map()
			}
			for dec.More() {
				if v == '{' {
					k, _ := dec.Token()
					n.Content = append(n.Content, Str(k.(string)))
				}
				n.Content = append(n.Content, read())
			}
			dec.Token() // the closing delimiter
			return n
		case string:
			return Str(v)
		case json.Number:
			tag := "!!int"
			if strings.ContainsAny(string(v), ".eE") {
				tag = "!!float"
			}
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(v)}
		case bool:
			return Bool(v)
		}
		return null()
	}
	n := read()
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("%s: data after the value", data)
	}
	return n
}

func TestFromJSON(t *testing.T) {
	inputs := []string{
		`{"b":1,"a":[1.5,-2,3e+21,true,false,null],"c":{"z":"\u003ctag\u003e \"q\" é","y":{}},"d":[]}`,
		`"404"`, `0`, `-0.5E-3`, `[{"x":"line\nbreak"}]`, `[]`, `{}`, `[[],[{}],{"":""}]`,
		" \t\r\n{ \"a\" : [ 1 , \"b\" ] , \"c\" : { } }\n ",
		`"\ud83d\ude00 \u00e9 \/ \\ \b\f\r\t"`, `"\ud800 lone surrogate"`, "\"\xff invalid UTF-8\"",
		`{"a":1,"a":2}`, `"\u2028"`,
		`{"type":"https://errors.example/x","title":"Not Found","status":404,"detail":"ticket not found","code":"NOT_FOUND","resourceType":"ticket"}`,
		`{"errors":[{"status":"400","code":"BAD_REQUEST","title":"Bad Request","meta":{"filter":"created-before"}}]}`,
	}
	for _, in := range inputs {
		got, err := FromJSON([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if want := decodeJSON(t, in); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read as %#v, want %#v", in, got, want)
		}
	}
	for _, in := range []string{`{"a":}`, `[1,]`, `"x`, `1 2`, ``} {
		if _, err := FromJSON([]byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

// FromJSONSharing reads what FromJSON reads, and a key read twice, in one
// tree or two, is one node.
func TestFromJSONSharing(t *testing.T) {
	keys := map[string]*yaml.Node{}
	for _, in := range []string{
		`{"b":1,"a":[1.5,-2,3e+21,true,false,null],"c":{"z":"\u003ctag\u003e \"q\" é","b":{}},"d":[]}`,
		`{"a":1,"a":2}`, `{"\u0062":{"é":"é"},"é":[]}`, `[{"x":"line\nbreak"},{"x":{}}]`, `"b"`, `[]`, `{}`,
	} {
		for range 2 {
			got, err := FromJSONSharing([]byte(in), keys)
			if err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			if want, _ := FromJSON([]byte(in)); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: read as %#v, want %#v", in, got, want)
			}
			eachKey(got, func(k *yaml.Node) {
				if keys[k.Value] != k {
					t.Errorf("%s: key %q is not the shared node", in, k.Value)
				}
			})
		}
	}
	if _, err := FromJSONSharing([]byte(`{"a":}`), keys); err == nil {
		t.Error("invalid JSON: no error")
	}
}

// A JSONReader's every tree is FromJSON's, whatever it read before: small
// trees, then one that outgrows the nodes and member slices it has, then
// small ones in what that one left.
func TestJSONReader(t *testing.T) {
	jr := NewJSONReader(map[string]*yaml.Node{})
	inputs := []string{`{"a":1}`, `[]`, `"x"`, `{"b":[1,{"c":null}],"a":{}}`, bigJSON(40), `{"a":[true,false]}`, `{}`, bigJSON(3), `[[],[{}],{"":""}]`}
	for round := range 2 {
		for _, in := range inputs {
			got, err := jr.Read([]byte(in))
			if err != nil {
				t.Fatalf("%.40s: %v", in, err)
			}
			if want, _ := FromJSON([]byte(in)); !reflect.DeepEqual(got, want) {
				t.Errorf("round %d: %.40s: read as %#v, want %#v", round, in, got, want)
			}
		}
	}
	if _, err := jr.Read([]byte(`[1,]`)); err == nil {
		t.Error("invalid JSON: no error")
	}
}

func eachKey(n *yaml.Node, f func(k *yaml.Node)) {
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			f(c)
		}
		eachKey(c, f)
	}
}

// JSON goes to nodes and back unchanged: order, numbers, escapes; and so it
// does through YAML text, as a document is written and read back.
func TestJSONRoundTrip(t *testing.T) {
	for _, in := range []string{
		`{"b":1,"a":[1.5,-2,3e+21,true,false,null],"c":{"z":"\u003ctag\u003e \"q\" é","y":{}},"d":[]}`,
		`"404"`, `0`, `[{"x":"line\nbreak"}]`,
	} {
		n, err := FromJSON([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, n, "", true); err != nil {
			t.Fatal(err)
		}
		if b.String() != in {
			t.Errorf("round trip of %s gave %s", in, b.String())
		}
		out, err := Encode(n, 2)
		if err != nil {
			t.Fatal(err)
		}
		var back yaml.Node
		if err := yaml.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		b.Reset()
		if err := WriteJSON(&b, &back, "", true); err != nil {
			t.Fatal(err)
		}
		if b.String() != in {
			t.Errorf("round trip of %s through YAML gave %s", in, b.String())
		}
	}
}

func TestWriteJSONIndent(t *testing.T) {
	n, err := FromJSON([]byte(`{"a":[1,{"b":"<"}],"c":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, n, "\t", false); err != nil {
		t.Fatal(err)
	}
	want := "{\n\t\"a\": [\n\t\t1,\n\t\t{\n\t\t\t\"b\": \"<\"\n\t\t}\n\t],\n\t\"c\": {}\n}"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// ReadJSON gives every node its position (byte columns), decodes escapes
// as JSON does, and keeps numbers as written.
func TestReadJSONPositions(t *testing.T) {
	n, err := ReadJSON([]byte("{\n  \"a\\/b\": [1e400, \"\\ud83d\\ude00\"],\n\t\"é\": {\"x\": null}}"))
	if err != nil {
		t.Fatal(err)
	}
	type pos struct {
		value     string
		line, col int
	}
	var got []pos
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		got = append(got, pos{n.Value, n.Line, n.Column})
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	want := []pos{{"", 1, 1}, {"a/b", 2, 3}, {"", 2, 11}, {"1e400", 2, 12}, {"😀", 2, 19}, {"é", 3, 2}, {"", 3, 8}, {"x", 3, 9}, {"null", 3, 14}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("node %d: got %v, want %v", i, got[i], want[i])
		}
	}
	if tag := n.Content[1].Content[0].Tag; tag != "!!float" {
		t.Errorf("1e400 tagged %s", tag)
	}
}

func null() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"} }

// A string written as JSON reads back the same as JSON and, in a flow
// mapping of a YAML file, as YAML: the characters encoding/json leaves
// unescaped that YAML does not allow in a file (DEL, the C1 controls,
// U+FFFE, U+FFFF) or reads as a line break (NEL) are escaped. Before,
// such a string in a spec errgen augmented did not parse back.
func TestJSONStringReadsAsYAML(t *testing.T) {
	for _, s := range []string{
		"plain", "DEL \x7f", "C1 \u0080 \u009f", "NEL \u0085 x", "\ufffe\uffff", "BOM \ufeff", "LS \u2028 PS \u2029",
		"tab\tline\nbreak\r", "\x00\x1f", "é ✓ 😀", "quote \" backslash \\", "<&>",
	} {
		var b bytes.Buffer
		WriteJSONString(&b, s)
		var fromJSON string
		if err := json.Unmarshal(b.Bytes(), &fromJSON); err != nil || fromJSON != s {
			t.Errorf("%q written %s reads as JSON %q (%v)", s, b.Bytes(), fromJSON, err)
		}
		var fromYAML struct{ K string }
		if err := yaml.Unmarshal([]byte("{k: "+b.String()+"}\n"), &fromYAML); err != nil || fromYAML.K != s {
			t.Errorf("%q written %s reads as YAML %q (%v)", s, b.Bytes(), fromYAML.K, err)
		}
	}
}
