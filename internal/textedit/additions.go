package textedit

import "go.yaml.in/yaml/v3"

// Additions is the explicit set of what a caller added to a tree parsed
// from a text: the editor writes exactly these, nothing else of the tree.
type Additions struct {
	// Added holds the keys and values of added members (a whole subtree is
	// written from its root, so only roots are in it) and the values that
	// replace one of the text's (see Replaced).
	Added map[*yaml.Node]bool
	// Replaced maps a value that replaces one of the text's to that one.
	Replaced map[*yaml.Node]*yaml.Node
	// lineEnds rewrite the ends of the lines of the text's values, from
	// the end of the value to the line break (see LineComment and Mark).
	lineEnds map[*yaml.Node]func(tail string) string
	// comments replace comment blocks above the text's keys and list
	// items (see ReplaceComment).
	comments map[*yaml.Node]headComment
}

// NewAdditions is an empty set.
func NewAdditions() *Additions {
	return &Additions{Added: map[*yaml.Node]bool{}, Replaced: map[*yaml.Node]*yaml.Node{}}
}

// Add records the member k: v as added.
func (a *Additions) Add(k, v *yaml.Node) {
	a.Added[k] = true
	a.Added[v] = true
}

// Replace records v as written in place of the text's value old.
func (a *Additions) Replace(old, v *yaml.Node) {
	a.Added[v] = true
	a.Replaced[v] = old
}

// pruned is v without the members whose keys e.omit holds, at any depth:
// a copy of what changes, v itself when nothing does. The tree is left as
// it is, so the full text and a variant can be written from one tree.
func (e *textEditor) pruned(v *yaml.Node) *yaml.Node {
	if len(e.omit) == 0 || !holdsAny(v, e.omit) {
		return v
	}
	c := *v
	c.Content = nil
	for i := 0; i < len(v.Content); i++ {
		if v.Kind == yaml.MappingNode && i%2 == 0 && e.omit[v.Content[i]] {
			i++
			continue
		}
		c.Content = append(c.Content, e.pruned(v.Content[i]))
	}
	return &c
}

// holdsAny reports whether n or a node under it is in set.
func holdsAny(n *yaml.Node, set map[*yaml.Node]bool) bool {
	if set[n] {
		return true
	}
	for _, c := range n.Content {
		if holdsAny(c, set) {
			return true
		}
	}
	return false
}
