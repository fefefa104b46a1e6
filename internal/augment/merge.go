package augment

import (
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/yamlnode"
)

// mergeComponents adds the components errgen uses; one the spec already
// has must be identical, or force replaces it.
func (a *augmenter) mergeComponents(root, comps *yaml.Node) {
	if len(comps.Content) == 0 {
		return
	}
	target := memberValue(root, "components")
	if target == nil || target.Kind != yaml.MappingNode {
		target = yamlnode.Map()
		a.setMember(root, "components", target)
		a.owned.created = append(a.owned.created, "components")
	}
	for i := 0; i+1 < len(comps.Content); i += 2 {
		section, ours := comps.Content[i].Value, comps.Content[i+1]
		theirs := memberValue(target, section)
		if theirs == nil || theirs.Kind != yaml.MappingNode {
			theirs = yamlnode.Map()
			a.setMember(target, section, theirs)
			if len(a.owned.created) == 0 || a.owned.created[0] != "components" {
				a.owned.created = append(a.owned.created, section)
			}
		}
		for j := 0; j+1 < len(ours.Content); j += 2 {
			name, value := ours.Content[j].Value, ours.Content[j+1]
			a.styleRefs(value)
			existing := memberValue(theirs, name)
			key := "components." + section + "." + name
			_, replace := a.replace[key]
			switch {
			case existing == nil:
				a.set(theirs, name, value)
				a.owned.component(section, name, value, false)
			case a.replaceable[key] || ((a.force || replace) && !sameNode(existing, value)):
				if replace {
					a.replace[key] = true
				}
				if !a.replaceable[key] {
					a.recordReplacedRefs(key, existing)
				}
				a.setMember(theirs, name, value)
				a.owned.component(section, name, value, true)
			case sameNode(existing, value):
			default:
				a.addRemedied(keyNode(theirs, name), diag.Remedy{Kind: diag.ForceReplacesComponent, Component: key}, "%s is already defined and differs from the %s %s errgen generates from %s; set openapi.prefix in the catalog, rename the spec's, or use --replace %s (or --force) to replace it",
					key, name, strings.TrimSuffix(section, "s"), a.catalogName(), key)
			}
		}
	}
}

// noteUnreplaced notes each component Options.Replace names that errgen
// did not replace, in the order given: a name that no longer needs to be
// listed (the author renamed or deleted theirs, errgen no longer adds
// it, or the two are the same), or one misspelt.
func (a *augmenter) noteUnreplaced() {
	for _, key := range slices.Sorted(maps.Keys(a.replace)) {
		if !a.replace[key] {
			a.notef(nil, "%s is listed to be replaced, but errgen replaced nothing there (the spec does not define it, errgen adds no such component, or the two are the same): drop it from the list", key)
		}
	}
}

// set appends the member key: v to mapping m, as errgen's.
func (a *augmenter) set(m *yaml.Node, key string, v *yaml.Node) {
	yamlnode.Set(m, key, v)
	a.adds.Add(m.Content[len(m.Content)-2], v)
}

// setMember sets a mapping's member, replacing its value in place or
// appending it.
func (a *augmenter) setMember(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			a.adds.Replace(m.Content[i+1], v)
			m.Content[i+1] = v
			return
		}
	}
	a.set(m, key, v)
}

// statusRank makes a status range (4XX) sort after the statuses it holds:
// one replacer for the run, where one made for each key insertStatus
// compared cost 4% of the bytes augmenting a spec of many operations
// allocated (BenchmarkAugmentOperations).
var statusRank = strings.NewReplacer("X", "9", "x", "9")

// insertStatus inserts a status response among the existing ones in
// numeric order, ranges (4XX) after their statuses and default last, and
// quotes the key like the mapping's own status keys, or else like the
// spec's first status key (a.statusKey), or else like its $refs (style): a
// spec writing 200: unquoted gets 500: unquoted.
func (a *augmenter) insertStatus(responses *yaml.Node, key string, v *yaml.Node, style yaml.Style) {
	rank := statusRank.Replace
	k := yamlnode.Str(key)
	k.Style = style
	if a.statusKey != nil {
		styleKeyLike(k, a.statusKey)
	}
	at := len(responses.Content)
	for i := 0; i+1 < len(responses.Content); i += 2 {
		existing := responses.Content[i]
		if a.isStatusKey(existing) {
			styleKeyLike(k, existing)
		}
		if at == len(responses.Content) && (existing.Value == "default" || (len(existing.Value) == 3 && rank(existing.Value) > rank(key))) {
			at = i
		}
	}
	responses.Content = append(responses.Content[:at], append([]*yaml.Node{k, v}, responses.Content[at:]...)...)
	a.adds.Add(k, v)
}
