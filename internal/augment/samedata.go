package augment

import (
	"reflect"

	"go.yaml.in/yaml/v3"
)

// plainData reports whether the tree under n decodes as its nodes do one
// by one: no anchor, alias, merge key or explicit tag, and mapping keys
// that are scalars.
func plainData(n *yaml.Node) bool {
	if n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 || n.Kind == yaml.AliasNode || n.Kind == yaml.DocumentNode {
		return false
	}
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 && (c.Kind != yaml.ScalarNode || c.ShortTag() == "!!merge") {
			return false
		}
		if !plainData(c) {
			return false
		}
	}
	return true
}

// sameData is sameDecoded for two trees plainData accepts, in time linear
// in their size: scalars decoded one by one, mappings matched by their
// decoded keys. A tree that does not decode (a key repeated, a scalar
// its tag refuses) is the same as nothing, as sameDecoded has it.
func sameData(x, y *yaml.Node) bool {
	if x.Kind != y.Kind {
		return false
	}
	switch x.Kind {
	case yaml.ScalarNode:
		a, aok := decodeScalar(x)
		b, bok := decodeScalar(y)
		return aok && bok && reflect.DeepEqual(a, b)
	case yaml.SequenceNode:
		if len(x.Content) != len(y.Content) {
			return false
		}
		for i := range x.Content {
			if !sameData(x.Content[i], y.Content[i]) {
				return false
			}
		}
		return true
	case yaml.MappingNode:
		xs, xstrings, ok := membersByKey(x)
		if !ok {
			return false
		}
		ys, ystrings, ok := membersByKey(y)
		if !ok || xstrings != ystrings || len(xs) != len(ys) {
			return false
		}
		for k, xv := range xs {
			if yv, ok := ys[k]; !ok || !sameData(xv, yv) {
				return false
			}
		}
		return true
	}
	return false
}

// membersByKey maps each decoded key of the mapping m to its value, as
// yaml.v3 decodes m: a later key that decodes as an earlier one (1 and 01)
// replaces it, and a map of string keys (strings) is another type than a
// map of any keys. False when a key's text is repeated, which yaml.v3
// refuses to decode, or a key does not decode to a value a map can hold.
func membersByKey(m *yaml.Node) (members map[any]*yaml.Node, strings bool, ok bool) {
	members = make(map[any]*yaml.Node, len(m.Content)/2)
	texts := make(map[string]bool, len(m.Content)/2)
	strings = true
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := m.Content[i]
		if texts[key.Value] {
			return nil, false, false
		}
		texts[key.Value] = true
		k, ok := decodeScalar(key)
		if !ok || k != nil && !reflect.TypeOf(k).Comparable() {
			return nil, false, false
		}
		if f, isFloat := k.(float64); isFloat && f != f {
			return nil, false, false // NaN: no map holding it is equal to another
		}
		strings = strings && key.ShortTag() == "!!str"
		members[k] = m.Content[i+1]
	}
	return members, strings, true
}

func decodeScalar(n *yaml.Node) (any, bool) {
	var v any
	return v, n.Decode(&v) == nil
}
