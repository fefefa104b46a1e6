package augment

import (
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// recordReplacedRefs keeps which of the spec's components the author's
// component key, which errgen replaces, refers to: once it is errgen's, they
// may be used by nothing, which linters report (noteOrphaned).
func (a *augmenter) recordReplacedRefs(key string, authors *yaml.Node) {
	for ref := range componentRefs(authors) {
		if ref == key {
			continue
		}
		if a.replacedRefs == nil {
			a.replacedRefs = map[string][]string{}
		}
		if !slices.Contains(a.replacedRefs[ref], key) {
			a.replacedRefs[ref] = append(a.replacedRefs[ref], key)
		}
	}
}

// noteOrphaned notes each component of the spec's that only components
// errgen replaced referred to, and nothing in the augmented spec refers to
// any more: Redocly and Spectral report an unused component, a finding the
// spec did not have.
func (a *augmenter) noteOrphaned(root *yaml.Node) {
	if len(a.replacedRefs) == 0 {
		return
	}
	used := componentRefs(root)
	for _, ref := range slices.Sorted(maps.Keys(a.replacedRefs)) {
		if used[ref] {
			continue
		}
		k := componentKey(root, ref)
		if k == nil {
			continue // the spec's reference led nowhere: not errgen's to report
		}
		by := a.replacedRefs[ref]
		them := "that"
		if len(by) > 1 {
			them = "them"
		}
		a.notef(k, "%s is no longer used: only %s referred to it, and errgen replaced %s (linters report an unused component: Redocly's no-unused-components, Spectral's oas3-unused-component); delete it, unless the spec errgen reads still refers to it",
			ref, joinAnd(by), them)
	}
}

// componentRefs is the set of components the $refs under n name, as
// components.SECTION.NAME; aliases are not followed, for their anchors are
// read where they stand.
func componentRefs(n *yaml.Node) map[string]bool {
	refs := map[string]bool{}
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if v := n.Content[i+1]; n.Content[i].Value == "$ref" && v.Kind == yaml.ScalarNode {
					if name, ok := componentOfRef(v.Value); ok {
						refs[name] = true
					}
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return refs
}

// componentOfRef is the component a local reference points in, as
// components.SECTION.NAME: #/components/schemas/Error/properties/code is
// in components.schemas.Error.
func componentOfRef(ref string) (string, bool) {
	rest, ok := strings.CutPrefix(ref, "#/components/")
	if !ok {
		return "", false
	}
	parts := strings.SplitN(rest, "/", 3)
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return "", false
	}
	unescape := strings.NewReplacer("~1", "/", "~0", "~")
	return "components." + parts[0] + "." + unescape.Replace(parts[1]), true
}

// componentKey is the key node of the component named
// components.SECTION.NAME in the spec, or nil.
func componentKey(root *yaml.Node, name string) *yaml.Node {
	rest := strings.TrimPrefix(name, "components.")
	section, comp, _ := strings.Cut(rest, ".")
	m := memberValue(memberValue(root, "components"), section)
	if m == nil {
		return nil
	}
	return keyNode(m, comp)
}

// joinAnd joins names as a sentence lists them: a, b and c.
func joinAnd(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
