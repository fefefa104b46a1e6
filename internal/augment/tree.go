package augment

import (
	"bytes"
	"reflect"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// memberValue returns a mapping member's value, or nil, with YAML aliases
// resolved: a spec using anchors is read, and extended, where the anchor is.
func memberValue(m *yaml.Node, key string) *yaml.Node {
	if v := yamlnode.Get(deref(m), key); v != nil {
		return deref(v)
	}
	return nil
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func keyNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// sameNode compares two nodes as data, ignoring style, comments and the
// spelling of scalars. Trees without anchors, aliases, merge keys or
// explicit tags are compared member by member (sameData); others are
// decoded whole (sameDecoded), which yaml.v3 does comparing each key of a
// mapping with every later one: a spec's component of 40,000 keys, at a
// name errgen generates, took 2.5 s to compare, twice as many 10 s.
func sameNode(x, y *yaml.Node) bool {
	if plainData(x) && plainData(y) {
		return sameData(x, y)
	}
	return sameDecoded(x, y)
}

// sameDecoded is sameNode's plain path: both nodes decoded, then compared.
func sameDecoded(x, y *yaml.Node) bool {
	var a, b any
	if x.Decode(&a) != nil || y.Decode(&b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}

// offsetPos converts the offset of a json.SyntaxError, which counts the
// offending byte, to that byte's 1-based line and column.
func offsetPos(data []byte, offset int64) (int, int) {
	offset = min(max(offset-1, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}
