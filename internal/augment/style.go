package augment

import (
	"cmp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/openapi"
)

// responseRef is a reference to errgen's response name, quoted like the
// spec's own references.
func (a *augmenter) responseRef(name string) *yaml.Node {
	ref := openapi.ResponseRef(name)
	a.styleRefs(ref)
	return ref
}

// styleRefs quotes errgen's $ref values the way the spec quotes its own.
func (a *augmenter) styleRefs(n *yaml.Node) {
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

// restyle quotes errgen's additions like the author's text that is left
// once errgen replaced what it replaces: the style found before may be
// that of a value errgen replaced (the spec's only $ref, at a status
// --force replaces), which a re-run, finding errgen's text there, no
// longer sees, and it would write errgen's parts anew in another style.
// skip names what was errgen's before this run.
func (a *augmenter) restyle(root *yaml.Node, skip map[*yaml.Node]bool) {
	if len(a.adds.Replaced) == 0 {
		return
	}
	errgens := func(n *yaml.Node) bool { return skip[n] || a.adds.Added[n] }
	refStyle, quoteStyle := firstRefStyle(root, errgens), firstQuoteStyle(root, errgens)
	if refStyle == a.refStyle && quoteStyle == a.quoteStyle {
		return
	}
	a.refStyle, a.quoteStyle = refStyle, quoteStyle
	for n := range a.adds.Added {
		a.styleRefs(n)
	}
	if a.statusKey != nil {
		return // status keys are quoted like the spec's, which errgen never replaces
	}
	eachOperation(root, func(_ string, op *yaml.Node) {
		responses := memberValue(op, "responses")
		for i := 0; responses != nil && i+1 < len(responses.Content); i += 2 {
			if k := responses.Content[i]; a.adds.Added[k] && k.Value != "default" {
				k.Style = cmp.Or(a.refStyle, a.quoteStyle)
			}
		}
	})
}

// firstRefStyle is the quoting of the spec's first $ref value, skip
// naming the nodes whose text is errgen's.
func firstRefStyle(n *yaml.Node, skip func(*yaml.Node) bool) yaml.Style {
	if skip(n) {
		return 0
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "$ref" && n.Content[i+1].Kind == yaml.ScalarNode {
				return n.Content[i+1].Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
			}
		}
	}
	for _, c := range n.Content {
		if s := firstRefStyle(c, skip); s != 0 {
			return s
		}
	}
	return 0
}

// firstQuoteStyle is the quoting of the spec's first quoted scalar: how
// errgen quotes its status keys when the spec has no $ref to follow.
func firstQuoteStyle(n *yaml.Node, skip func(*yaml.Node) bool) yaml.Style {
	if skip(n) {
		return 0
	}
	if n.Kind == yaml.ScalarNode {
		return n.Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
	}
	for _, c := range n.Content {
		if s := firstQuoteStyle(c, skip); s != 0 {
			return s
		}
	}
	return 0
}

// isStatusKey reports whether k is a key of the spec's (not errgen's)
// that names a status (200, 4XX).
func (a *augmenter) isStatusKey(k *yaml.Node) bool {
	return !a.adds.Added[k] && k.Kind == yaml.ScalarNode && len(k.Value) == 3 && k.Value[0] >= '1' && k.Value[0] <= '5'
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
	eachOperation(root, func(_ string, op *yaml.Node) {
		responses := memberValue(op, "responses")
		for i := 0; first == nil && responses != nil && responses.Kind == yaml.MappingNode && i+1 < len(responses.Content); i += 2 {
			if a.isStatusKey(responses.Content[i]) {
				first = responses.Content[i]
			}
		}
	})
	return first
}
