package yamlnode

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestMarshalScalars(t *testing.T) {
	values := []string{
		"", "plain", "two words", "yes", "No", "null", "~", "1", "1.5", "-1", "0x1F", ".inf", "1:20", "2024-01-01",
		"a: b", "a #b", "ends:", "#/components/schemas/Error", "<<", "- item", "[x]", "{x}", "*alias", "&anchor",
		"!tag", "|", ">", "'single'", `"double"`, "%directive", "@at", "`tick`", " lead", "trail ", "tab\there",
		"line\nbreak", "line\nbreak\n", "line\n\nbreak\n\n", "\nlead", "uni\u2028code", "bidi\u202e", "del\x7f",
		"émoji 🎉", "back\\slash", "ctrl\x01", "\tlead tab\nx", "x\n  indented\n", "a,b", "$ref",
	}
	root := Map()
	list := Seq()
	for i, v := range values {
		Set(root, v+strings.Repeat("k", i), Str(v))
		list.Content = append(list.Content, Str(v))
	}
	Set(root, "list", list)
	flow := Seq()
	flow.Style = yaml.FlowStyle
	for _, v := range values {
		flow.Content = append(flow.Content, Str(v))
	}
	Set(root, "flow", flow)
	out, err := Marshal(root)
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

func TestSpecialMax(t *testing.T) {
	for s := range special {
		if len(s) > specialMax {
			t.Errorf("specialMax is %d, but %q is longer", specialMax, s)
		}
		if c := s[0] | 0x20; s != "~" && c != 'y' && c != 'n' && c != 'o' && c != 't' && c != 'f' {
			t.Errorf("plainSafe looks up only words starting y, n, o, t or f, but not %q", s)
		}
	}
}

// TestPlainSafeStops: plainSafe, which looks only at the bytes plainStops
// marks, says what its cases say of every byte, in both contexts.
func TestPlainSafeStops(t *testing.T) {
	for c := range 256 {
		for _, flow := range []bool{false, true} {
			s := string([]byte{'a', byte(c), 'b'})
			want := !(c < ' ' || c > '~' || flow && strings.IndexByte(",[]{}", byte(c)) >= 0)
			if got := plainSafe(s, flow); got != want {
				t.Errorf("plainSafe(%q, %v) = %v, want %v", s, flow, got, want)
			}
		}
	}
	for s, want := range map[string]bool{"a:b": true, "a:": false, "a: b": false, "a#b": true, "a #b": false, "Yes": false, "Yess": true, "Off": false, "oFF": false, "nULL": false, "Nope": true, "tru": true,
		"TRUE": false, "NuLl": false, "Y": false, "n": false, "x": true, "falsy": true} {
		if got := plainSafe(s, false); got != want {
			t.Errorf("plainSafe(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPrintableASCIIIsGraphic: quoted and literalSafe take printable ASCII
// as graphicYAML's without asking it, which holds for every such byte.
func TestPrintableASCIIIsGraphic(t *testing.T) {
	for r := rune(' '); r < 0x7f; r++ {
		if !graphicYAML(r) {
			t.Errorf("%q is printable ASCII, yet not graphicYAML", r)
		}
	}
}
