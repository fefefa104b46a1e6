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
func DuplicateKeys(file *yaml.Node) []Duplicate { return duplicateKeys(file, repeatsScan) }

// repeatsFunc appends to dups the keys mapping m repeats, in order.
type repeatsFunc func(m *yaml.Node, dups []Duplicate) []Duplicate

func duplicateKeys(file *yaml.Node, repeats repeatsFunc) []Duplicate {
	var dups []Duplicate
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			dups = repeats(n, dups)
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

// counts reports whether k is a key whose repetition matters: a scalar
// other than the merge key.
func counts(k *yaml.Node) bool { return k.Kind == yaml.ScalarNode && k.Value != "<<" }

// repeatsMap is the plain path: a map of each mapping's keys.
func repeatsMap(m *yaml.Node, dups []Duplicate) []Duplicate {
	seen := make(map[string]*yaml.Node, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if !counts(k) {
			continue
		}
		if first := seen[k.Value]; first != nil {
			dups = append(dups, Duplicate{k, first})
		} else {
			seen[k.Value] = k
		}
	}
	return dups
}

// smallMapping is the most members repeatsScan compares pairwise.
const smallMapping = 16

// repeatsScan is the shortcut: a mapping of up to smallMapping members,
// nearly every mapping of a spec, is scanned pairwise instead of allocating
// a map (see BenchmarkDuplicateKeys); a larger one goes to repeatsMap.
func repeatsScan(m *yaml.Node, dups []Duplicate) []Duplicate {
	if len(m.Content) > 2*smallMapping {
		return repeatsMap(m, dups)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if !counts(k) {
			continue
		}
		for j := 0; j < i; j += 2 {
			if first := m.Content[j]; first.Kind == yaml.ScalarNode && first.Value == k.Value {
				dups = append(dups, Duplicate{k, first})
				break
			}
		}
	}
	return dups
}
