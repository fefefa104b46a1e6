package textedit

import (
	"cmp"
	"slices"

	"go.yaml.in/yaml/v3"
)

// Duplicate is a key a mapping repeats, and its first occurrence.
type Duplicate struct{ Key, First *yaml.Node }

// DuplicateKeys finds every key a mapping under file repeats (merge keys
// aside), in text order. Readers disagree on which of the two counts
// (kin-openapi and encoding/json take the last, yamlnode.Get the first), so
// a text that has one cannot be extended without saying which is meant.
func DuplicateKeys(file *yaml.Node) []Duplicate {
	var dups []Duplicate
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			var seen map[string]*yaml.Node // made for large mappings only
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode || k.Value == "<<" {
					continue
				}
				if first := firstKey(n, i, k.Value, &seen); first != nil {
					dups = append(dups, Duplicate{k, first})
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(file)
	slices.SortFunc(dups, func(x, y Duplicate) int {
		return cmp.Or(cmp.Compare(x.Key.Line, y.Key.Line), cmp.Compare(x.Key.Column, y.Key.Column))
	})
	return dups
}

// firstKey is the key before index i of mapping m spelled key, or nil: a
// scan for small mappings, a map (built in *seen) past 16 members.
func firstKey(m *yaml.Node, i int, key string, seen *map[string]*yaml.Node) *yaml.Node {
	if i < 32 {
		for j := 0; j < i; j += 2 {
			if k := m.Content[j]; k.Kind == yaml.ScalarNode && k.Value == key {
				return k
			}
		}
		return nil
	}
	if *seen == nil {
		*seen = make(map[string]*yaml.Node, len(m.Content)/2)
		for j := 0; j < i; j += 2 {
			if k := m.Content[j]; k.Kind == yaml.ScalarNode && (*seen)[k.Value] == nil {
				(*seen)[k.Value] = k
			}
		}
	}
	first := (*seen)[key]
	if first == nil {
		(*seen)[key] = m.Content[i]
	}
	return first
}
