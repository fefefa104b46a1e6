package augment

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// checkConstructs refuses the YAML constructs errgen would read otherwise
// than OpenAPI tools do, each named at its place:
//
//   - a merge key (<<) on the document, components, a section of
//     components or paths: kin-openapi reads the merged keys as the
//     mapping's own, errgen's reading of the tree would not see them (a
//     clash unreported, the author's merged responses hidden by errgen's);
//   - a status key written as an integer other than in decimal digits
//     (+500, 0x1F4, 5_00): YAML reads 500, so errgen would add a second
//     500 that kin-openapi reads as a replacement and js-yaml refuses.
func (a *augmenter) checkConstructs(root *yaml.Node) {
	comps := memberValue(root, "components")
	maps := []struct {
		what string
		m    *yaml.Node
	}{{"the document", root}, {"components", comps}, {"paths", memberValue(root, "paths")}}
	for i := 0; comps != nil && comps.Kind == yaml.MappingNode && i+1 < len(comps.Content); i += 2 {
		maps = append(maps, struct {
			what string
			m    *yaml.Node
		}{"components." + comps.Content[i].Value, deref(comps.Content[i+1])})
	}
	for _, m := range maps {
		if k := mergeKey(m.m); k != nil {
			a.addf(k, "%s takes keys through a YAML merge key (<<): errgen cannot augment it without changing what it means to the tools that read merge keys; write the merged keys out", m.what)
		}
	}
	eachOperation(root, func(where string, op *yaml.Node) {
		responses := memberValue(op, "responses")
		for i := 0; responses != nil && responses.Kind == yaml.MappingNode && i+1 < len(responses.Content); i += 2 {
			k := responses.Content[i]
			if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!int" {
				continue
			}
			if n, err := strconv.ParseInt(k.Value, 10, 64); err != nil || strconv.FormatInt(n, 10) != k.Value {
				a.addf(k, "%s: the status key %s is an integer YAML spells otherwise than in decimal digits, which tools read differently (as a number, or not at all); write it as a plain status such as 500 or '500'", where, k.Value)
			}
		}
	})
}

// mergeKey is the key of a YAML merge (<<) in mapping m, or nil.
func mergeKey(m *yaml.Node) *yaml.Node {
	for i := 0; m != nil && m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Value == "<<" && (k.Tag == "!!merge" || k.Style == 0) {
			return k
		}
	}
	return nil
}
