package errgen

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// TestWriteYAMLReadsBackLikeYAMLv3 checks the OpenAPI writer against
// yaml.v3's encoder: for every shipped catalog and the hostile one, both
// outputs decode to the same values.
func TestWriteYAMLReadsBackLikeYAMLv3(t *testing.T) {
	var cats []*catalog.Catalog
	for _, tc := range testCatalogs(t) {
		cats = append(cats, tc.c)
	}
	hostile, err := catalog.Parse("hostile.yaml", hostileCatalog())
	if err != nil {
		t.Fatal(err)
	}
	cats = append(cats, hostile)
	for _, c := range cats {
		g, err := newOpenAPIGen(c, c.OpenAPI.Version)
		if err != nil {
			t.Fatal(err)
		}
		comps, err := g.components()
		if err != nil {
			t.Fatal(err)
		}
		ours, err := writeYAML(comps)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := encodeYAML(comps, 2)
		if err != nil {
			t.Fatal(err)
		}
		var a, b any
		if err := yaml.Unmarshal(ours, &a); err != nil {
			t.Fatalf("%s: our YAML does not parse: %v", c.File, err)
		}
		if err := yaml.Unmarshal(theirs, &b); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: our YAML reads back differently from yaml.v3's", c.File)
		}
	}
}

func TestWriteYAMLScalars(t *testing.T) {
	values := []string{
		"", "plain", "two words", "yes", "No", "null", "~", "1", "1.5", "-1", "0x1F", ".inf", "1:20", "2024-01-01",
		"a: b", "a #b", "ends:", "#/components/schemas/Error", "<<", "- item", "[x]", "{x}", "*alias", "&anchor",
		"!tag", "|", ">", "'single'", `"double"`, "%directive", "@at", "`tick`", " lead", "trail ", "tab\there",
		"line\nbreak", "line\nbreak\n", "line\n\nbreak\n\n", "\nlead", "uni\u2028code", "bidi\u202e", "del\x7f",
		"émoji 🎉", "back\\slash", "ctrl\x01", "\tlead tab\nx", "x\n  indented\n", "a,b", "$ref",
	}
	root := oaMap()
	list := oaSeq()
	for i, v := range values {
		oaSet(root, v+strings.Repeat("k", i), oaStr(v))
		list.Content = append(list.Content, oaStr(v))
	}
	oaSet(root, "list", list)
	flow := oaSeq()
	flow.Style = yaml.FlowStyle
	for _, v := range values {
		flow.Content = append(flow.Content, oaStr(v))
	}
	oaSet(root, "flow", flow)
	out, err := writeYAML(root)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := yaml.Unmarshal(out, &got); err != nil {
		t.Fatalf("does not parse: %v\n%s", err, out)
	}
	for i, v := range values {
		if got[v+strings.Repeat("k", i)] != v {
			t.Errorf("value %q read back as %#v", v, got[v+strings.Repeat("k", i)])
		}
	}
	for _, key := range []string{"list", "flow"} {
		items, _ := got[key].([]any)
		if len(items) != len(values) {
			t.Fatalf("%s: %d items, want %d", key, len(items), len(values))
		}
		for i, v := range values {
			if items[i] != v {
				t.Errorf("%s item %q read back as %#v", key, v, items[i])
			}
		}
	}
}

func TestYAMLSpecialMax(t *testing.T) {
	for s := range yamlSpecial {
		if len(s) > yamlSpecialMax {
			t.Errorf("yamlSpecialMax is %d, but %q is longer", yamlSpecialMax, s)
		}
	}
}

// TestJSONNodeReader checks the direct reader of valid JSON against the
// json.Decoder one it stands in for.
func TestJSONNodeReader(t *testing.T) {
	inputs := []string{
		`{"b":1,"a":[1.5,-2,3e+21,true,false,null],"c":{"z":"\u003ctag\u003e \"q\" é","y":{}},"d":[]}`,
		`"404"`, `0`, `-0.5E-3`, `[{"x":"line\nbreak"}]`, `[]`, `{}`, `[[],[{}],{"":""}]`,
		" \t\r\n{ \"a\" : [ 1 , \"b\" ] , \"c\" : { } }\n ",
		`"\ud83d\ude00 \u00e9 \/ \\ \b\f\r\t"`, `"\ud800 lone surrogate"`, "\"\xff invalid UTF-8\"",
		`{"a":1,"a":2}`, `"\u2028"`,
	}
	c, err := catalog.Parse("synthetic.yaml", syntheticCatalog(60))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range c.Errors {
		body, err := example.Body(e)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(body))
	}
	for _, in := range inputs {
		got, err := jsonToYAMLNode([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		dec := json.NewDecoder(strings.NewReader(in))
		dec.UseNumber()
		want, err := readJSONNode(dec)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read as %#v, want %#v", in, got, want)
		}
	}
	for _, in := range []string{`{"a":}`, `[1,]`, `"x`, `1 2`, ``} {
		if _, err := jsonToYAMLNode([]byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}
