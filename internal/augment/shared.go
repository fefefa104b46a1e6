package augment

import (
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// sharedOperations are the operations errgen leaves alone, with why: the
// ones that stand in several places of the spec through a YAML anchor (on
// their path item, themselves or their responses), since what errgen
// inserts into one would appear in all, and the ones that take keys through
// a YAML merge key (<<), whose merged responses an explicit responses
// errgen added would override. An anchor nothing refers to shares nothing.
func sharedOperations(root *yaml.Node) map[*yaml.Node]string {
	shared := map[*yaml.Node]string{}
	paths := memberValue(root, "paths")
	aliased := aliasedNodes(root)
	why := func(n *yaml.Node) string {
		switch {
		case n == nil:
		case n.Kind == yaml.AliasNode && n.Alias != nil:
			return "the spec shares it through the YAML anchor &" + n.Alias.Anchor + ", and errgen adds nothing to a node that stands in several places"
		case n.Anchor != "" && aliased[n]:
			return "the spec shares it through the YAML anchor &" + n.Anchor + ", and errgen adds nothing to a node that stands in several places"
		case hasMergeKey(n):
			return "it takes keys through a YAML merge key (<<), and what errgen adds could override the merged ones"
		}
		return ""
	}
	for i := 0; paths != nil && paths.Kind == yaml.MappingNode && i+1 < len(paths.Content); i += 2 {
		rawItem := paths.Content[i+1]
		item := deref(rawItem)
		for j := 0; item.Kind == yaml.MappingNode && j+1 < len(item.Content); j += 2 {
			rawOp := item.Content[j+1]
			op := deref(rawOp)
			for _, n := range []*yaml.Node{rawItem, rawOp, yamlnode.Get(op, "responses")} {
				if reason := why(n); reason != "" {
					shared[op] = reason
					break
				}
			}
		}
	}
	return shared
}

// hasMergeKey reports whether mapping m has a YAML merge key (<<).
func hasMergeKey(m *yaml.Node) bool {
	m = deref(m)
	for i := 0; m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Value == "<<" && (k.Tag == "!!merge" || k.Style == 0) {
			return true
		}
	}
	return false
}

// aliasedNodes are the anchored nodes some alias of the document names.
func aliasedNodes(n *yaml.Node) map[*yaml.Node]bool {
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			if n.Alias != nil {
				seen[n.Alias] = true
			}
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return seen
}
