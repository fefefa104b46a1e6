package textedit

import (
	"slices"

	"go.yaml.in/yaml/v3"
)

// nodeProperties is where a YAML node's properties, its anchor (&a) and
// tag (!t), are in the text, and where its value starts after them.
// yaml.v3 places a node where its properties start, so that a value
// replaced from there would lose them: an alias to the anchor would then
// name nothing, and the file would no longer parse.
type nodeProperties struct {
	at            int // where the node starts, as yaml.v3 places it: its first property
	tagAt, tagEnd int // the tag and the blanks after it on its line; equal for none
	valueAt       int // the value's first byte
}

// properties is where the properties of the YAML node n are, and where its
// value starts: after them, their blanks, and, when they end their line
// (`a: &x` above the value), the comments and blank lines up to the value.
// A property is n's only when n has one of its kind (an anchor of its
// name, a tag) not yet read: a node has at most one of each.
func (s *source) properties(n *yaml.Node) nodeProperties {
	at := s.offset(n)
	p := nodeProperties{at: at, tagAt: at, tagEnd: at, valueAt: at}
	if s.isJSON || n.Kind == yaml.AliasNode {
		return p
	}
	t := s.text
	propsEnd := at
	anchored, tagged := false, false
	for at < len(t) && (t[at] == '&' || t[at] == '!') {
		start := at
		at = propertyEnd(t, at)
		// yaml.v3 drops the non-specific tag (!) of a scalar: its node
		// tells nothing of one, which is taken as n's on n's first line
		nonSpecific := at == start+1 && s.lineOf(start) == s.lineOf(p.at)
		if t[start] == '&' && (anchored || string(t[start+1:at]) != n.Anchor) ||
			t[start] == '!' && (tagged || n.Style&yaml.TaggedStyle == 0 && !nonSpecific) {
			// another node's: past an empty value's properties and a line
			// break, the next key's (a: !t, then &k b: 1); yaml.v3 places
			// a mapping where its first key's properties are
			at = start
			break
		}
		propsEnd = at
		if t[start] == '!' {
			tagged = true
			p.tagAt, p.tagEnd = start, at
			for p.tagEnd < len(t) && isBlank(t[p.tagEnd]) {
				p.tagEnd++
			}
		} else {
			anchored = true
		}
		at = s.skipToToken(at)
	}
	if n.Kind == yaml.ScalarNode && n.Value == "" && n.Style&^yaml.TaggedStyle == 0 {
		// an empty plain scalar (a: !t, a: &x) has no text: it is where its
		// properties end, not at the next token, which is another node's
		at = propsEnd
	}
	p.valueAt = at
	return p
}

// lineOf is the line (0-based) of offset off.
func (s *source) lineOf(off int) int {
	i, found := slices.BinarySearch(s.lines, off)
	if !found {
		i--
	}
	return max(i, 0)
}

// valueOffset is where the value of node n starts, after its properties.
func (s *source) valueOffset(n *yaml.Node) int { return s.properties(n).valueAt }

// propertyEnd is the end of the anchor or tag at off. An anchor's name is
// letters, digits, - and _, as yaml.v3 (libyaml) reads one (&a:b is the
// anchor a of the value ":b"); a blank or a line break ends a tag, but a
// verbatim one (!<…>), which ends with its >: yaml.v3 reads brackets and
// commas as the tag's, in a flow collection too ({a: !t]x 1} is a value 1
// tagged !t]x), and wants a blank after it ({a: !t} does not parse).
func propertyEnd(t []byte, off int) int {
	verbatim := off+1 < len(t) && t[off] == '!' && t[off+1] == '<'
	for i := off + 1; i < len(t); i++ {
		switch c := t[i]; {
		case t[off] == '&':
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_') {
				return i
			}
		case verbatim:
			if c == '>' {
				return i + 1
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			return i
		}
	}
	return len(t)
}

// skipToToken is the offset of the first token at or after off: past
// blanks, and past a comment, line breaks and the next lines' indentation
// when the line ends there.
func (s *source) skipToToken(off int) int {
	t := s.text
	for off < len(t) {
		switch t[off] {
		case ' ', '\t', '\n', '\r':
			off++
		case '#':
			off = s.nextLine(off)
		default:
			return off
		}
	}
	return off
}

// valueNode is old as a node placed where its value starts, after its
// properties, which a replacement by v keeps: its anchor always, its tag
// when v is of old's type. A tag naming another type would make the new
// text read as something else, or not at all: it is taken out (at depth).
// sep is what the new value's text follows them with: a blank after the
// properties of an empty value (a: !!str), which have none.
func (e *textEditor) valueNode(old, v *yaml.Node, depth int) (value *yaml.Node, sep string) {
	p := e.src.properties(old)
	if p.valueAt == p.at {
		return old, ""
	}
	if p.tagAt < p.tagEnd && old.ShortTag() != v.ShortTag() {
		e.add(p.tagAt, p.tagEnd, depth, "")
	}
	if c := e.src.text[p.valueAt-1]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
		sep = " "
	}
	placed := *old
	placed.Line, placed.Column = e.src.position(p.valueAt)
	return &placed, sep
}

// aliasInto is an alias of the tree naming a node inside old, a replaced
// value no longer in the tree, or nil. Its anchor goes with old's text,
// and the alias would then name nothing. An alias to old itself stays
// good: old's anchor is kept (see valueNode).
func (e *textEditor) aliasInto(old *yaml.Node) *yaml.Node {
	if e.aliased == nil {
		e.aliased = map[*yaml.Node]*yaml.Node{}
		var visit func(n *yaml.Node)
		visit = func(n *yaml.Node) {
			if n.Kind == yaml.AliasNode && n.Alias != nil {
				e.aliased[n.Alias] = n
			}
			for _, c := range n.Content {
				visit(c)
			}
		}
		if e.root != nil {
			visit(e.root)
		}
	}
	var inside func(n *yaml.Node) *yaml.Node
	inside = func(n *yaml.Node) *yaml.Node {
		for _, c := range n.Content {
			if a := e.aliased[c]; a != nil {
				return a
			}
			if a := inside(c); a != nil {
				return a
			}
		}
		return nil
	}
	if len(e.aliased) == 0 {
		return nil
	}
	return inside(old)
}
