package textedit

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// quotes are the quoting styles of a scalar (0: plain).
const quotes = yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle

// flowQuotes is how a YAML flow mapping of the text quotes its keys and its
// string values, which the members errgen adds to it follow, so that
// {title: Nicht gefunden} gains message: "", not "message": "": as the
// first key (and string value) of its members, and of the collections
// under them, that a plain scalar could hold ('200' was quoted by need,
// not by choice); for a mapping without one, as the text's first key (a
// YAML text written as JSON quotes its keys).
type flowQuotes struct{ key, value yaml.Style }

func (e *textEditor) flowQuotesOf(m *yaml.Node) flowQuotes {
	q := flowQuotes{key: e.st.keyQuotes}
	if style, ok := e.quotedByChoice(m, true); ok {
		q.key = style
	}
	q.value = q.key
	if style, ok := e.quotedByChoice(m, false); ok {
		q.value = style
	}
	return q
}

// quotedByChoice is the quoting of the first key (or, key false, string
// value) under n, in the text, that a plain scalar could hold as well.
func (e *textEditor) quotedByChoice(n *yaml.Node, key bool) (yaml.Style, bool) {
	for i, c := range n.Content {
		isKey := n.Kind == yaml.MappingNode && i%2 == 0
		if isKey && e.adds.Added[c] || !isKey && n.Kind == yaml.MappingNode && e.adds.Added[n.Content[i-1]] {
			continue
		}
		if c.Kind == yaml.ScalarNode && c.ShortTag() == "!!str" && isKey == key &&
			(key && plainKeyReadsBack(c.Value) || !key && plainReadsBack(c.Value, true)) {
			return c.Style & quotes, true
		}
		if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
			if style, ok := e.quotedByChoice(c, key); ok {
				return style, true
			}
		}
	}
	return 0, false
}

// flowMembers writes members for the YAML flow mapping m, quoted as m's
// own (flowQuotes); a key or value errgen gave a quoting keeps it.
func (e *textEditor) flowMembers(m *yaml.Node, members []*yaml.Node) string {
	q := e.flowQuotesOf(m)
	var parts []string
	for i := 0; i+1 < len(members); i += 2 {
		parts = append(parts, q.keyText(members[i])+": "+e.flowText(q, members[i+1]))
	}
	return strings.Join(parts, ", ")
}

// keyText writes a key: in the quotes errgen chose (like the spec's status
// keys), plain for an integer, else as q says.
func (q flowQuotes) keyText(k *yaml.Node) string {
	switch {
	case k.Style&quotes != 0:
		return quoted(k.Value, k.Style, true)
	case k.Tag == "!!int":
		return k.Value
	}
	return quoted(k.Value, q.key, true)
}

// flowText writes a value of a flow mapping, its members and items quoted
// as q says; a scalar but a string as JSON writes it, which YAML reads the
// same.
func (e *textEditor) flowText(q flowQuotes, v *yaml.Node) string {
	switch {
	case v.Kind == yaml.MappingNode:
		parts := make([]string, 0, len(v.Content)/2)
		for i := 0; i+1 < len(v.Content); i += 2 {
			parts = append(parts, q.keyText(v.Content[i])+": "+e.flowText(q, v.Content[i+1]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case v.Kind == yaml.SequenceNode:
		parts := make([]string, 0, len(v.Content))
		for _, c := range v.Content {
			parts = append(parts, e.flowText(q, c))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Style&quotes != 0:
		return quoted(v.Value, v.Style, false)
	case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str":
		return quoted(v.Value, q.value, false)
	}
	return e.flowValue(v)
}

// flowLines writes v as flowText does, but a collection one member or item
// a line, each level indented by unit more than the one around it.
func (e *textEditor) flowLines(b *strings.Builder, q flowQuotes, v *yaml.Node, unit string, level int) {
	if v.Kind != yaml.MappingNode && v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		b.WriteString(e.flowText(q, v))
		return
	}
	open, closing, step := "[", "]", 1
	if v.Kind == yaml.MappingNode {
		open, closing, step = "{", "}", 2
	}
	b.WriteString(open)
	for i := 0; i < len(v.Content); i += step {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n" + strings.Repeat(unit, level+1))
		if v.Kind == yaml.MappingNode {
			b.WriteString(q.keyText(v.Content[i]) + ": ")
		}
		e.flowLines(b, q, v.Content[i+step-1], unit, level+1)
	}
	b.WriteString("\n" + strings.Repeat(unit, level) + closing)
}

// quoted writes s, a key or a value of a flow collection, in the quoting
// style when it reads back from it as s (see plainReadsBack), else
// double-quoted, as JSON.
func quoted(s string, style yaml.Style, key bool) string {
	switch {
	case style == 0 && (key && plainKeyReadsBack(s) || !key && plainReadsBack(s, true)):
		return s
	case style&yaml.SingleQuotedStyle != 0 && singleQuotable(s):
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	var b bytes.Buffer
	yamlnode.WriteJSONString(&b, s)
	return b.String()
}
