package openapi

import (
	"bytes"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

func (a *augmenter) responseRef(name string) *yaml.Node {
	ref := refTo("#/components/responses/" + name)
	a.styleRefs(ref)
	return ref
}

// styleRefs quotes errgen's $ref values the way the spec quotes its own.
func (a *augmenter) styleRefs(n *yaml.Node) {
	if a.refStyle == 0 {
		return
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "$ref" && n.Content[i+1].Kind == yaml.ScalarNode {
				n.Content[i+1].Style = a.refStyle
			}
		}
	}
	for _, c := range n.Content {
		a.styleRefs(c)
	}
}

func firstRefStyle(n *yaml.Node) yaml.Style {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "$ref" && n.Content[i+1].Kind == yaml.ScalarNode {
				return n.Content[i+1].Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
			}
		}
	}
	for _, c := range n.Content {
		if s := firstRefStyle(c); s != 0 {
			return s
		}
	}
	return 0
}

// setMember sets a mapping's member, replacing its value in place or
// appending it.
func (a *augmenter) setMember(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			a.replaced[v] = m.Content[i+1]
			m.Content[i+1] = v
			return
		}
	}
	yamlnode.Set(m, key, v)
}

// insertStatus inserts a status response among the existing ones in
// numeric order, ranges (4XX) after their statuses and default last, and
// quotes the key like the mapping's own status keys, or else like the
// spec's first status key (like, when not nil), or else like its $refs
// (style): a spec writing 200: unquoted gets 500: unquoted.
func insertStatus(responses *yaml.Node, key string, v *yaml.Node, like *yaml.Node, style yaml.Style) {
	rank := func(k string) string { return strings.NewReplacer("X", "9", "x", "9").Replace(k) }
	k := yamlnode.Str(key)
	k.Style = style
	if like != nil {
		styleKeyLike(k, like)
	}
	at := len(responses.Content)
	for i := 0; i+1 < len(responses.Content); i += 2 {
		existing := responses.Content[i]
		if isStatusKey(existing) {
			styleKeyLike(k, existing)
		}
		if at == len(responses.Content) && (existing.Value == "default" || (len(existing.Value) == 3 && rank(existing.Value) > rank(key))) {
			at = i
		}
	}
	responses.Content = append(responses.Content[:at], append([]*yaml.Node{k, v}, responses.Content[at:]...)...)
}

// isStatusKey reports whether k is a key of the spec's (not errgen's)
// that names a status (200, 4XX).
func isStatusKey(k *yaml.Node) bool {
	return k.Line > 0 && k.Kind == yaml.ScalarNode && len(k.Value) == 3 && k.Value[0] >= '1' && k.Value[0] <= '5'
}

// styleKeyLike quotes k like the status key like: plain, a number stays
// plain (an integer key, as the spec writes its own).
func styleKeyLike(k, like *yaml.Node) {
	k.Style = like.Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
	k.Tag = "!!str"
	if k.Style == 0 && like.Tag == "!!int" && strings.Trim(k.Value, "0123456789") == "" {
		k.Tag = "!!int"
	}
}

// firstStatusKey is the spec's first status key in an operation's
// responses, or nil.
func (a *augmenter) firstStatusKey(root *yaml.Node) *yaml.Node {
	var first *yaml.Node
	a.eachOperation(root, func(_ string, op *yaml.Node) {
		responses := memberValue(op, "responses")
		for i := 0; first == nil && responses != nil && responses.Kind == yaml.MappingNode && i+1 < len(responses.Content); i += 2 {
			if isStatusKey(responses.Content[i]) {
				first = responses.Content[i]
			}
		}
	})
	return first
}

// memberValue returns a mapping member's value, or nil, with YAML aliases
// resolved: a spec using anchors is read, and extended, where the anchor is.
func memberValue(m *yaml.Node, key string) *yaml.Node {
	if v := yamlnode.Get(deref(m), key); v != nil {
		return deref(v)
	}
	return nil
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func keyNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// sameNode compares two nodes as data, ignoring style, comments and the
// spelling of scalars.
func sameNode(x, y *yaml.Node) bool {
	var a, b any
	if x.Decode(&a) != nil || y.Decode(&b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}

// offsetPos converts the offset of a json.SyntaxError, which counts the
// offending byte, to that byte's 1-based line and column.
func offsetPos(data []byte, offset int64) (int, int) {
	offset = min(max(offset-1, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// yamlIndent finds the indentation of the spec's block mappings, for
// errgen's additions.
func yamlIndent(root *yaml.Node) int {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
			if d := v.Content[0].Column - k.Column; d >= 1 && d <= 8 {
				return d
			}
			break
		}
	}
	return 2
}

// firstQuoteStyle is the quoting of the spec's first quoted scalar: how
// errgen quotes its status keys when the spec has no $ref to follow.
func firstQuoteStyle(n *yaml.Node) yaml.Style {
	if n.Kind == yaml.ScalarNode {
		return n.Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
	}
	for _, c := range n.Content {
		if s := firstQuoteStyle(c); s != 0 {
			return s
		}
	}
	return 0
}
