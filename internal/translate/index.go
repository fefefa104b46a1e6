package translate

import "go.yaml.in/yaml/v3"

// memberIndex finds the members of a file's errors mapping by key in
// constant time, where member scans: the mapping holds an entry per code,
// and scanning it for each code took time quadratic in the catalog (an
// update of 16,000 errors took 28 times as long as one of 2,000); so does
// its categories mapping, one per category. member is its plain path;
// TestMemberIndex holds the two to one answer.
type memberIndex struct {
	m    *yaml.Node
	at   map[string]int // each key's first place in m.Content
	upTo int            // how much of m.Content at holds
}

func newMemberIndex(m *yaml.Node) *memberIndex {
	return &memberIndex{m: m, at: make(map[string]int, len(m.Content)/2)}
}

// member is member(x.m, key), m's members appended since included.
func (x *memberIndex) member(key string) (k, v *yaml.Node) {
	m := x.m
	if m.Kind != yaml.MappingNode {
		return nil, nil
	}
	if len(m.Content) < x.upTo { // members taken out: read it again
		clear(x.at)
		x.upTo = 0
	}
	for ; x.upTo+1 < len(m.Content); x.upTo += 2 {
		if c := m.Content[x.upTo]; c.Kind == yaml.ScalarNode {
			if _, seen := x.at[c.Value]; !seen {
				x.at[c.Value] = x.upTo
			}
		}
	}
	i, ok := x.at[key]
	if !ok {
		return nil, nil
	}
	return m.Content[i], m.Content[i+1]
}

// memberIndexes are the memberIndex of each mapping looked in, for
// lookups in a tree that does not change meanwhile.
type memberIndexes map[*yaml.Node]*memberIndex

func (xs memberIndexes) member(m *yaml.Node, key string) (k, v *yaml.Node) {
	x := xs[m]
	if x == nil {
		x = newMemberIndex(m)
		xs[m] = x
	}
	return x.member(key)
}

// members returns how to find m's members by key, for n lookups: by
// scanning for a few (an entry's texts), through a memberIndex for more (a
// file's categories).
func members(m *yaml.Node, n int) func(key string) (k, v *yaml.Node) {
	if n <= 8 {
		return func(key string) (k, v *yaml.Node) { return member(m, key) }
	}
	return newMemberIndex(m).member
}
