package yamlnode

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Map returns an empty mapping.
func Map() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

// Seq returns a sequence of items.
func Seq(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
}

// Str returns a string scalar, tagged so that no writer takes "1" or "yes"
// for a number or a boolean.
func Str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// Int returns an integer scalar.
func Int(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

// Bool returns a boolean scalar.
func Bool(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

// Set appends a member to a mapping; callers never set a key twice.
func Set(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, Str(key), v)
}

// Insert inserts a member as the i-th of a mapping.
func Insert(m *yaml.Node, i int, key string, v *yaml.Node) {
	i = min(2*i, len(m.Content))
	m.Content = append(m.Content[:i], append([]*yaml.Node{Str(key), v}, m.Content[i:]...)...)
}

// Get returns the value of a mapping's member, or nil.
func Get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// Null returns a null scalar.
func Null() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"} }
