package yamlnode

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// Encode writes a node tree with yaml.v3's encoder, at a chosen indent:
// errgen's additions to a spec, in the spec's indentation.
func Encode(n *yaml.Node, indent int) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(indent)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
