package augment

import (
	"fmt"
	"testing"

	"go.yaml.in/yaml/v3"
)

// sameData, the member-by-member comparison, answers as decoding both
// trees does (sameDecoded), for any two YAML documents plainData accepts.
func FuzzSameData(f *testing.F) {
	f.Add("{a: 1, b: [x, y]}", "{b: [x, y], a: 1}")
	f.Add("{1: a, 01: b}", "{1: b}")
	f.Add("{a: 1, a: 1}", "{a: 1}")
	f.Add("{2024-01-02: a}", "{'2024-01-02': a}")
	f.Add("{.nan: a}", "{.nan: a}")
	f.Add("{a: .inf}", "{a: .Inf}")
	f.Add("{~: a}", "{null: a}")
	f.Add("{true: a}", "{'true': a}")
	f.Add("|\n  text\n", "\"text\\n\"")
	f.Fuzz(func(t *testing.T, a, b string) {
		x, y := firstNode(a), firstNode(b)
		if x == nil || y == nil || !plainData(x) || !plainData(y) {
			return
		}
		for _, xy := range [][2]*yaml.Node{{x, y}, {y, x}, {x, x}} {
			if got, want := sameData(xy[0], xy[1]), sameDecoded(xy[0], xy[1]); got != want {
				t.Errorf("sameData(%q, %q) = %v, decoded: %v", a, b, got, want)
			}
		}
	})
}

// firstNode is the root node of text's first YAML document, or nil.
func firstNode(text string) *yaml.Node {
	var doc yaml.Node
	if yaml.Unmarshal([]byte(text), &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

// validateSpec, which gives kin-openapi a YAML document as JSON where it
// converts, answers as kin-openapi does reading the YAML itself, for any
// document.
func FuzzValidateSpec(f *testing.F) {
	for _, tc := range validateCases {
		f.Add([]byte(tc.spec))
	}
	f.Fuzz(func(t *testing.T, spec []byte) {
		got, want := validateSpec(spec, false), validateSpecAsGiven(spec, false)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("validateSpec: %v\nkin-openapi on the YAML: %v", got, want)
		}
	})
}
