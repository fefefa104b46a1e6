package openapi

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

// duplicateKeys reports every key a mapping of the spec repeats. Readers
// disagree on which of the two counts (kin-openapi and encoding/json take
// the last, yamlnode.Get the first), so errgen, which would extend one of
// them, refuses the spec even with --allow-invalid-spec: the spec's author
// has to say which one is meant.
func duplicateKeys(file *yaml.Node, specName string) error {
	var dups [][2]*yaml.Node // the repeat, the first
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			var seen map[string]*yaml.Node // made for large mappings only
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode || k.Value == "<<" {
					continue
				}
				first := firstKey(n, i, k.Value, &seen)
				if first != nil {
					dups = append(dups, [2]*yaml.Node{k, first})
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(file)
	slices.SortFunc(dups, func(x, y [2]*yaml.Node) int {
		return cmp.Or(cmp.Compare(x[0].Line, y[0].Line), cmp.Compare(x[0].Column, y[0].Column))
	})
	var errs []error
	for _, d := range dups {
		k, first := d[0], d[1]
		errs = append(errs, fmt.Errorf("%s:%d:%d: the input spec is not valid (before errgen changed anything): duplicate key %q (first at %d:%d); remove one of them: readers disagree on which counts, so errgen cannot augment the spec, even with --allow-invalid-spec", specName, k.Line, k.Column, k.Value, first.Line, first.Column))
	}
	return errors.Join(errs...)
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
