package augment

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/textedit"
	"github.com/errgen/errgen/internal/yamlnode"
)

// strip takes errgen's earlier insertions, as its markers name them, out
// of the spec's text, and reads what is left: the author's spec, which
// errgen then augments as on a first run. A part errgen wrote whose hash no
// longer matches was edited by hand, and so was one holding a comment
// (errgen writes none, and the comment would go with the part): a problem,
// unless force (then errgen replaces the part like its own, and says which
// comments went). It returns file and text unchanged when the spec has no
// marker.
func (a *augmenter) strip(file *yaml.Node, text []byte, isJSON bool) (*yaml.Node, []byte, error) {
	parts := ownedParts{}
	root := file.Content[0]
	a.ownedComponents(root, parts)
	eachOperation(root, func(where string, op *yaml.Node) { a.ownedResponses(where, op, parts) })
	if len(parts) == 0 {
		return file, text, a.problems.Err()
	}
	removed, err := textedit.Remove(file, text, isJSON, parts.keys())
	if err != nil {
		if perr := a.problems.Err(); perr != nil {
			return nil, nil, perr
		}
		return nil, nil, a.editError(err)
	}
	a.lostComments(removed.Comments, parts)
	if err := a.problems.Err(); err != nil {
		return nil, nil, err
	}
	stripped, err := readSpec(removed.Text, isJSON, a.specName)
	if err != nil {
		return nil, nil, a.fail(nil, "the spec without errgen's earlier additions does not read back (please report this, with the spec): %v", err)
	}
	a.remap = removed
	return stripped, removed.Text, nil
}

// ownedParts are the members strip takes out, by key: what problems call each,
// and for a response or component the marker entry that makes it the
// author's once deleted ("" for a marker or a section).
type ownedParts map[*yaml.Node]ownedPart

type ownedPart struct{ name, entry string }

func (o ownedParts) keys() map[*yaml.Node]bool {
	keys := make(map[*yaml.Node]bool, len(o))
	for k := range o {
		keys[k] = true
	}
	return keys
}

// lostComments reports the comments taking errgen's parts out would lose:
// problems, or with force notices that they went.
func (a *augmenter) lostComments(comments []textedit.Comment, parts ownedParts) {
	for _, c := range comments {
		at, p := a.pos(&yaml.Node{Line: c.Line, Column: c.Col}), parts[c.Key]
		if a.force {
			a.notices = append(a.notices, diag.Diagnostic{Pos: at, Severity: diag.Notice, Msg: fmt.Sprintf("comment dropped with %s, which errgen wrote anew (--force)", p.name)})
			continue
		}
		hint := ": move it out of errgen's part, or use --force to have errgen drop it"
		if p.entry != "" {
			hint = fmt.Sprintf(": move it out of errgen's part, use --force to have errgen drop it, or delete %q from the %s marker to make the part yours", p.entry, marker)
		}
		a.problems.Add(diag.Diagnostic{Pos: at, Msg: fmt.Sprintf("a comment in %s, which errgen writes anew on every run, would be lost", p.name), Hint: hint,
			Remedy: diag.Remedy{Kind: diag.ForceDropsComment}})
	}
}

// ownedComponents adds to parts the components errgen wrote, its marker,
// and the sections (or components itself) it created and nothing else
// holds now.
func (a *augmenter) ownedComponents(root *yaml.Node, parts ownedParts) {
	comps := memberValue(root, "components")
	mk := memberValue(comps, marker)
	if mk == nil || mk.Kind != yaml.MappingNode {
		return
	}
	parts[keyNode(comps, marker)] = ownedPart{name: "components' " + marker + " marker"}
	created := map[string]bool{}
	for i := 0; i+1 < len(mk.Content); i += 2 {
		section, entries := mk.Content[i].Value, mk.Content[i+1]
		if section == createdKey {
			for _, s := range entries.Content {
				created[s.Value] = true
			}
			continue
		}
		a.ownedIn(memberValue(comps, section), entries, "components."+section+".", parts)
	}
	for i := 0; i+1 < len(comps.Content); i += 2 {
		k := comps.Content[i]
		if (created["components"] || created[k.Value]) && k.Value != marker && allIn(comps.Content[i+1], parts) {
			parts[k] = ownedPart{name: "components." + k.Value}
		}
	}
	if created["components"] && allIn(comps, parts) {
		parts[keyNode(root, "components")] = ownedPart{name: "components"}
	}
}

// ownedResponses adds to parts the responses errgen attached to op (or its
// whole responses member, when it added that) and op's marker.
func (a *augmenter) ownedResponses(where string, op *yaml.Node, parts ownedParts) {
	mk := memberValue(op, marker)
	if mk == nil || mk.Kind != yaml.MappingNode {
		return
	}
	parts[keyNode(op, marker)] = ownedPart{name: where + ": " + marker + " marker"}
	if h := yamlnode.Get(mk, "responses"); h != nil {
		whole := yamlnode.Map()
		yamlnode.Set(whole, "responses", h)
		a.ownedIn(op, whole, where+": ", parts)
		return
	}
	a.ownedIn(memberValue(op, "responses"), mk, where+": response ", parts)
}

// ownedIn adds to parts the members of m that hashes names with the hash
// errgen recorded; one whose hash differs is a problem without force.
func (a *augmenter) ownedIn(m, hashes *yaml.Node, what string, parts ownedParts) {
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(hashes.Content); i += 2 {
		name, h := hashes.Content[i].Value, hashes.Content[i+1].Value
		k := keyNode(m, name)
		if k == nil {
			continue // removed by hand: nothing to remove
		}
		replaced := strings.HasPrefix(h, replacedPrefix)
		if !hashMatches(memberValue(m, name), h) && !a.force {
			// A component's text is the catalog's: an author who edited it
			// may not know the catalog is where such a change lasts.
			from := ""
			if strings.HasPrefix(what, "components.") {
				from = " (from " + a.catalogName() + ": make such a change there)"
			}
			a.addRemedied(k, diag.Remedy{Kind: diag.ForceRewritesPart}, "%s%s was changed by hand since errgen wrote it (its %s hash no longer matches): use --force to have errgen rewrite it%s, or delete %q from the %s marker to make the part yours", what, name, marker, from, name, marker)
			continue
		}
		if replaced {
			if a.replaceable == nil {
				a.replaceable = map[string]bool{}
			}
			a.replaceable[what+name] = true
			continue
		}
		parts[k] = ownedPart{name: what + name, entry: name}
	}
}

// allIn reports whether every member of mapping m is in parts.
func allIn(m *yaml.Node, parts ownedParts) bool {
	m = deref(m)
	for i := 0; m != nil && i < len(m.Content); i += 2 {
		if _, ok := parts[m.Content[i]]; !ok {
			return false
		}
	}
	return true
}

// replacedNodes are the values errgen wrote in place of the author's (see
// replaceable) in the spec's tree.
func (a *augmenter) replacedNodes(root *yaml.Node) map[*yaml.Node]bool {
	if len(a.replaceable) == 0 {
		return nil
	}
	nodes := map[*yaml.Node]bool{}
	a.eachReplaceable(root, func(_, _, v *yaml.Node, _ string) { nodes[v] = true })
	return nodes
}

// lostReplacedComments reports, as lostComments, the comments in what
// errgen wrote in place of the author's (see replaceable) and writes anew
// in this run, root's tree now holding the new values: they go with the
// old text. A part nothing uses any more stays as it is, comments and all.
func (a *augmenter) lostReplacedComments(root *yaml.Node, text []byte, isJSON bool) {
	if len(a.replaceable) == 0 {
		return
	}
	parts := ownedParts{}
	var members []textedit.Member
	a.eachReplaceable(root, func(m, k, v *yaml.Node, name string) {
		if old, ok := a.adds.Replaced[v]; ok {
			parts[k] = ownedPart{name: name, entry: k.Value}
			members = append(members, textedit.Member{Key: k, Value: old, InFlow: m.Style&yaml.FlowStyle != 0})
		}
	})
	a.lostComments(textedit.ReplacedComments(text, isJSON, members), parts)
}

// eachReplaceable calls f with each member of root's components and
// operations' responses that replaceable names: its mapping, key and
// value, and what problems call it.
func (a *augmenter) eachReplaceable(root *yaml.Node, f func(m, k, v *yaml.Node, name string)) {
	comps := memberValue(root, "components")
	for i := 0; comps != nil && i+1 < len(comps.Content); i += 2 {
		a.replaceableIn(comps.Content[i+1], "components."+comps.Content[i].Value+".", f)
	}
	eachOperation(root, func(where string, op *yaml.Node) {
		a.replaceableIn(memberValue(op, "responses"), where+": response ", f)
	})
}

// replaceableIn calls f with the members of mapping m whose keys, after
// prefix, replaceable names.
func (a *augmenter) replaceableIn(m *yaml.Node, prefix string, f func(m, k, v *yaml.Node, name string)) {
	m = deref(m)
	for i := 0; m != nil && m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if name := prefix + m.Content[i].Value; a.replaceable[name] {
			f(m, m.Content[i], m.Content[i+1], name)
		}
	}
}
