package textedit

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// A block mapping whose every member goes would leave its key with no
// value, which YAML reads as null: a mapping that must be one (a
// translation entry, an OpenAPI spec's components.schemas) would then be
// refused, or never filled again. Such a key goes with its last member,
// as a removed member's key does: its line but the comment ending it,
// which stays as a comment line of its own (the key is no member the
// caller named, and nothing of it but the key is lost); the comment and
// blank lines between it and its first member stay too.
//
// A mapping that is an item of a sequence or the document's root is left
// null: taking out its dash or the document would change what the rest
// means. So is one whose key does not start its line, or which holds an
// anchor (an alias elsewhere would name nothing), or more than a comment
// between its key and first member (a tag on a line of its own).

// markEmptied records, in r.emptied, the keys of the block mappings under
// n whose every member goes (keyed in r.keys, or emptied in turn), and in
// r.emptiedValues those mappings, and reports whether n is itself such a
// mapping.
func (r *remover) markEmptied(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		for _, c := range n.Content {
			r.markEmptied(c)
		}
		return false
	}
	all := len(n.Content) > 0 && n.Style&yaml.FlowStyle == 0 && !r.src.isJSON
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if r.keys[k] {
			continue
		}
		if r.markEmptied(v) && r.emptiable(k, v) {
			r.emptied[k], r.emptiedValues[v] = true, true
			continue
		}
		all = false
	}
	return all
}

// emptiable reports whether the key k of the block mapping v, whose
// members all go, may go with them (see above).
func (r *remover) emptiable(k, v *yaml.Node) bool {
	s := r.src
	if k.Kind != yaml.ScalarNode || k.Anchor != "" || v.Anchor != "" || len(s.indentOf(k.Line-1)) != k.Column-1 {
		return false
	}
	for line := k.Line; line < v.Content[0].Line-1; line++ {
		if t := s.lineText(line); !isCommentLine(t) && len(bytes.TrimLeft(t, " \t")) > 0 {
			return false
		}
	}
	return true
}

// emptiedKey takes out the line of the key k of v, a mapping whose
// members all go: the whole line, or, when a comment ends it, the text
// before the comment (its indentation aside).
func (r *remover) emptiedKey(k, v *yaml.Node) {
	s := r.src
	line := k.Line - 1
	if at := r.lineCommentAt(line, k, v); at >= 0 {
		r.cutAll(s.lines[line]+len(s.indentOf(line)), at)
		return
	}
	r.cutAll(s.wholeLine(line))
}

// emptiedRun is the span of the lines of a run of members of an emptied
// mapping, from line (0-based) to end, with the line break after them:
// whole lines, as emptiedKey cuts the key's, so that the two never
// overlap.
func (r *remover) emptiedRun(line, end int) (int, int) {
	s := r.src
	last := s.lineOf(end)
	if last+1 < len(s.lines) {
		return s.lines[line], s.lines[last+1]
	}
	return s.lines[line], len(s.text)
}
