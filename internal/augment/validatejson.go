package augment

import (
	"bytes"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// asJSON is the YAML document data as JSON that kin-openapi reads as it
// reads data itself, and true; false when it cannot tell the two would be
// read alike (see convertsExactly).
func asJSON(data []byte) ([]byte, bool) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) != 1 || !convertsExactly(doc.Content[0]) {
		return nil, false
	}
	unsignZeros(doc.Content[0])
	var b bytes.Buffer
	b.Grow(len(data))
	if yamlnode.WriteJSON(&b, doc.Content[0], "", false) != nil {
		return nil, false // a float JSON cannot spell: .inf, .nan
	}
	return b.Bytes(), true
}

// convertsExactly reports whether the tree under n reads as the same data
// from its JSON as kin-openapi's YAML decoder reads it: no anchor, alias or
// merge key (which that decoder expands, within its limits on aliasing),
// no explicit tag, no repeated key (which it refuses, and JSON would
// take), and keys that decode to the text they are written as: strings,
// decimal integers, true and false.
func convertsExactly(n *yaml.Node) bool {
	if n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 || n.Kind == yaml.AliasNode {
		return false
	}
	if n.Kind == yaml.MappingNode {
		keys := make(map[string]bool, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || !keyReadsAsWritten(k) || keys[k.Value] {
				return false
			}
			keys[k.Value] = true
		}
	}
	for _, c := range n.Content {
		if !convertsExactly(c) {
			return false
		}
	}
	return true
}

// unsignZeros spells the integer -0, which JSON would read as the float
// -0, as 0, the integer kin-openapi's YAML decoder reads: a failing
// example's value is quoted in the message, which was the one difference
// (FuzzValidateSpec). The float -0.0 is -0 both ways.
func unsignZeros(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Value == "-0" && n.ShortTag() == "!!int" {
		n.Value = "0"
	}
	for _, c := range n.Content {
		unsignZeros(c)
	}
}

// keyReadsAsWritten reports whether the scalar key k decodes to a value
// whose text, as a JSON key, is k's own.
func keyReadsAsWritten(k *yaml.Node) bool {
	if k.Anchor != "" || k.Style&yaml.TaggedStyle != 0 {
		return false
	}
	switch k.ShortTag() {
	case "!!str":
		return true
	case "!!int":
		i, err := strconv.ParseInt(k.Value, 10, 64)
		return err == nil && strconv.FormatInt(i, 10) == k.Value
	case "!!bool":
		return k.Value == "true" || k.Value == "false"
	}
	return false
}
