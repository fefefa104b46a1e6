package errgen

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
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
