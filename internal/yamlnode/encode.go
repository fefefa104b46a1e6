package yamlnode

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// Encode writes a node tree with yaml.v3's encoder, which keeps what a
// user's document holds beyond errgen's subset (comments, styles, anchors).
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
