package textedit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// edit replaces text[at:end] with text; at == end inserts. Only --force
// replaces: everything else errgen does is an insertion, so the input is a
// subsequence of the output.
type edit struct {
	at, end int
	depth   int // at the same offset, the deeper node's addition comes first
	text    string
}

// textEditor turns the additions made to a tree into edits of its text.
type textEditor struct {
	src  *source
	st   textStyle
	adds *Additions
	omit map[*yaml.Node]bool // keys of added members this text leaves out
	open map[*yaml.Node]bool // the empty flow mappings ({}) that are values of block ones
	root *yaml.Node          // the tree, for the aliases of what a replacement takes out
	// aliased maps each node of the tree an alias names to that alias,
	// built when a replacement first needs it
	aliased map[*yaml.Node]*yaml.Node
	edits   []edit
	err     *PosError
}

// applyEdits returns text with the edits made, or nil when two of them
// overlap (a replaced value holding an addition: never planned, but
// refused rather than written).
func applyEdits(text []byte, edits []edit) []byte {
	slices.SortStableFunc(edits, func(x, y edit) int {
		if x.at != y.at {
			return x.at - y.at
		}
		return y.depth - x.depth
	})
	size := len(text)
	for _, e := range edits {
		size += len(e.text)
	}
	out := make([]byte, 0, size)
	last := 0
	for _, e := range edits {
		if e.at < last {
			return nil
		}
		out = append(out, text[last:e.at]...)
		out = append(out, e.text...)
		last = max(e.end, e.at)
	}
	return append(out, text[last:]...)
}

func (e *textEditor) walk(n *yaml.Node, depth int) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		e.sequence(n, depth)
	case yaml.MappingNode:
		e.mapping(n, depth)
	}
}

// mapping adds the new members of a mapping of the spec, each run of them
// before the spec's next member or after its last.
func (e *textEditor) mapping(m *yaml.Node, depth int) {
	var run []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if e.adds.Added[k] {
			if !e.omit[k] {
				run = append(run, k, e.pruned(v))
			}
			continue
		}
		if len(run) > 0 {
			e.insertBefore(m, k, run, depth)
			run = nil
		}
		if hc, ok := e.adds.comments[k]; ok {
			var prev *yaml.Node
			if i > 0 {
				prev = m.Content[i-1]
			}
			e.headComment(k, prev, k.Column-1, hc, depth)
		}
		if e.adds.Added[v] {
			e.replace(k, e.pruned(v), v, m.Style&yaml.FlowStyle != 0, depth)
			if c, ok := e.adds.lineEnds[e.adds.Replaced[v]]; ok {
				e.comment(m, k, e.adds.Replaced[v], c, depth)
			}
			continue
		}
		if c, ok := e.adds.lineEnds[v]; ok {
			e.comment(m, k, v, c, depth)
		}
		if m.Style&yaml.FlowStyle == 0 && v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle != 0 && e.adds.lastOriginalValue(v) == nil {
			if e.open == nil {
				e.open = map[*yaml.Node]bool{}
			}
			e.open[v] = true
		}
		e.walk(v, depth+1)
	}
	if len(run) > 0 {
		e.appendTo(m, run, depth)
	}
}

func (e *textEditor) add(at, end, depth int, text string) {
	e.edits = append(e.edits, edit{at: at, end: end, depth: depth, text: text})
}

func (e *textEditor) fail(n *yaml.Node, format string, args ...any) {
	if e.err == nil {
		e.err = &PosError{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
	}
}

// insertBefore inserts members before the spec's member keyed k.
func (e *textEditor) insertBefore(m, k *yaml.Node, members []*yaml.Node, depth int) {
	at := e.src.offset(k)
	switch {
	case e.src.isJSON:
		indent, multiline := e.jsonMemberIndent(m)
		text := e.jsonMembers(members, indent, multiline)
		if multiline {
			e.add(at, at, depth, text+","+e.st.nl+indent)
		} else {
			e.add(at, at, depth, text+e.st.comma)
		}
	case m.Style&yaml.FlowStyle != 0:
		e.add(at, at, depth, e.flowMembers(m, members)+", ")
	default:
		if e.explicitKey(k) {
			return
		}
		indent := strings.Repeat(" ", k.Column-1) // k's column, not an explicit key's (? x), past its ?
		text, err := e.blockMembers(members, indent)
		if err != nil {
			e.fail(k, "%v", err)
		}
		at = e.src.headingStart(k, at)
		e.add(at, at, depth, text+e.st.nl+indent)
	}
}

// appendTo adds members after a mapping's last member (or into it, empty).
func (e *textEditor) appendTo(m *yaml.Node, members []*yaml.Node, depth int) {
	last := e.adds.lastOriginalValue(m)
	switch {
	case e.src.isJSON && last == nil:
		at := e.src.offset(m) + 1
		if !e.st.jsonPretty {
			e.add(at, at, depth, e.jsonMembers(members, "", false))
			return
		}
		outer := e.src.indentOf(m.Line - 1)
		indent := outer + e.st.jsonIndent
		e.add(at, at, depth, e.st.nl+indent+e.jsonMembers(members, indent, true)+e.st.nl+outer)
	case e.src.isJSON:
		at := jsonEnd(e.src.text, e.src.offset(last))
		indent, multiline := e.jsonMemberIndent(m)
		sep := e.st.comma
		if multiline {
			sep = "," + e.st.nl + indent
		}
		e.add(at, at, depth, sep+e.jsonMembers(members, indent, multiline))
	case e.open[m]:
		at := e.src.valueOffset(m) + 1
		e.add(at, at, depth, e.openMembers(m, members))
	case m.Style&yaml.FlowStyle != 0:
		_, at, afterTag := e.src.flowEnd(e.src.valueOffset(m))
		text := e.flowMembers(m, members)
		switch {
		case last != nil && e.src.text[at-1] == ':' && !e.adds.lastHoldsColon(m): // an empty value ({x: }): "x:," would be a key "x:"
			text = " , " + text
		case last != nil && afterTag: // an empty value tagged ({x: !t }): "!t," would be a tag "!t,"
			text = " , " + text
		case last != nil && e.src.text[at-1] != ',':
			text = ", " + text
		}
		if at < len(e.src.text) && e.src.text[at] == '#' {
			text += "," // a comment right after the last token ({x: 1,#): "1#" would be a plain scalar
		}
		e.add(at, at, depth, text)
	default:
		e.appendToBlock(m, last, members, depth)
	}
}

// appendToBlock adds members after the last member of the block mapping m,
// last the value of the text's last.
func (e *textEditor) appendToBlock(m, last *yaml.Node, members []*yaml.Node, depth int) {
	lastKey := m.Content[len(m.Content)-2]
	for i := len(m.Content) - 2; i >= 0; i -= 2 {
		if !e.adds.Added[m.Content[i]] {
			lastKey = m.Content[i]
			break
		}
	}
	if e.explicitKey(lastKey) {
		return
	}
	if last.Kind == yaml.ScalarNode && last.Line > lastKey.Line && last.Column <= lastKey.Column {
		// yaml.v3 reads it as the key's value; by the indentation, the
		// key's member ends before it, where the members would go
		e.fail(lastKey, "errgen cannot add after %s, whose value on the next line is not indented more than it: indent the value", lastKey.Value)
		return
	}
	v := deref(last)
	k := lastKey.Column - 1 // the mapping's indentation: lastKey is no explicit key (? x), whose column is past its ?
	dash := v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && v.Column == lastKey.Column
	at := e.src.blockEnd(lastKey.Line-1, k, dash, e.adds.lastLeaf(last))
	indent := strings.Repeat(" ", k)
	text, err := e.blockMembers(members, indent)
	if err != nil {
		e.fail(lastKey, "%v", err)
	}
	e.add(at, at, depth, e.st.nl+indent+text)
}

// explicitKey reports (as the edit's failure) a key of a block mapping
// written as an explicit key, "? key" then ": value" on the next line:
// neither line is where a member before or after it could go.
func (e *textEditor) explicitKey(k *yaml.Node) bool {
	// the ? starts its line (after the dashes of sequence entries), which
	// may be the line before the key's
	before := bytes.TrimRight(e.src.text[:e.src.offset(k)], " \t\r\n")
	q, ok := bytes.CutSuffix(before, []byte("?"))
	if !ok || len(bytes.Trim(q[bytes.LastIndexAny(q, "\r\n")+1:], " \t-")) > 0 {
		return false
	}
	e.fail(k, "errgen cannot add next to a key written as an explicit key (? %q, its value on a line of its own): write it as an ordinary key (%q: ...), or attach the error responses here by hand", k.Value, k.Value)
	return true
}

// lastHoldsColon reports whether the text's last member of the flow
// mapping m ends with a colon of its own text before the mapping's end, as
// yaml.v3 reads it: a key "x:" of no value ({x:}) or a value "y:" ({x:
// y:}), which a member added after it must follow at once: "x: , z" would
// make it a key "x".
func (a *Additions) lastHoldsColon(m *yaml.Node) bool {
	holds := func(n *yaml.Node) bool {
		return n.Kind == yaml.ScalarNode && n.Style == 0 && strings.HasSuffix(n.Value, ":")
	}
	for i := len(m.Content) - 2; i >= 0; i -= 2 {
		if !a.Added[m.Content[i]] {
			v := m.Content[i+1]
			if old := a.Replaced[v]; old != nil {
				v = old
			}
			return holds(m.Content[i]) || holds(v)
		}
	}
	return false
}

// lastOriginalValue is the value of the text's last member of m, or nil:
// the text's own value where an added one replaces it, for its place in
// the text (the added one has none).
func (a *Additions) lastOriginalValue(m *yaml.Node) *yaml.Node {
	for i := len(m.Content) - 2; i >= 0; i -= 2 {
		if !a.Added[m.Content[i]] {
			if old := a.Replaced[m.Content[i+1]]; old != nil {
				return old
			}
			return m.Content[i+1]
		}
	}
	return nil
}

// replace writes the added value v (as written: orig pruned) in place of
// the text's value under key k, a member of a flow mapping when inFlow.
func (e *textEditor) replace(k, v, orig *yaml.Node, inFlow bool, depth int) {
	old := e.adds.Replaced[orig]
	if old == nil || e.adds.Added[old] {
		e.fail(k, "cannot find the value to replace")
		return
	}
	if old.Kind == yaml.ScalarNode && old.ShortTag() == "!!null" && old.Value == "" {
		e.fail(k, "%s has no value to replace; write one ({} or null), or remove it", k.Value)
		return
	}
	if alias := e.aliasInto(old); alias != nil {
		e.fail(k, "errgen cannot replace the value of %s: the alias *%s at %d:%d names an anchor inside it, which would go with it: write that alias's value out in full", k.Value, alias.Value, alias.Line, alias.Column)
		return
	}
	old, sep := e.valueNode(old, v, depth)
	at, end := e.replacedSpan(k, old, inFlow)
	var text string
	switch {
	case e.src.isJSON:
		indent := e.src.indentOf(k.Line - 1)
		text = e.jsonValue(v, indent, len(indent) == k.Column-1)
	case old.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode:
		text = e.scalarLike(k, old, v, inFlow)
	case inline(k, old):
		text = e.flowValue(v)
	default:
		indent := old.Column - 1
		if old.Column <= k.Column && v.Kind != yaml.SequenceNode {
			// a block sequence at its key's column (a:\n- x): a mapping
			// there would be the key's sibling, so it goes under the key
			indent = k.Column - 1 + max(e.st.yamlIndent, 1)
			sep += strings.Repeat(" ", indent-(old.Column-1))
		}
		body, err := e.blockValue(v, strings.Repeat(" ", indent))
		if err != nil {
			e.fail(k, "%v", err)
		}
		text = body
	}
	e.add(at, end, depth, sep+text)
}

// replacedSpan is the text replace takes out for the value old of key k:
// from old's first token to its end, a block's own trailing comments
// included (a comment above its first member, or after an inline value on
// its line, stays). A block scalar (| or >) ends with its last line, a
// plain scalar of a block mapping with its last line too: both may go on
// over several.
func (e *textEditor) replacedSpan(k, old *yaml.Node, inFlow bool) (at, end int) {
	at = e.src.offset(old)
	plain := old.Kind == yaml.ScalarNode && old.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
	switch {
	case e.src.isJSON:
		return at, jsonEnd(e.src.text, at)
	case old.Kind == yaml.ScalarNode && old.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return at, e.src.blockEnd(old.Line-1, k.Column-1, false, old)
	case plain && !inFlow:
		return at, e.plainBlockEnd(k, old, at)
	case inline(k, old):
		return at, e.yamlInlineEnd(old, at, inFlow)
	}
	return at, e.src.blockEnd(lastLine(old)-1, old.Column-1, endsWithDashes(old), e.adds.lastLeaf(old))
}

// endsWithDashes reports whether the block mapping n's last value is a
// block sequence whose dashes are at its key's column (required:\n- a):
// its lines, no more indented than the key, are still n's.
func endsWithDashes(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode || n.Style&yaml.FlowStyle != 0 || len(n.Content) < 2 {
		return false
	}
	k, v := n.Content[len(n.Content)-2], n.Content[len(n.Content)-1]
	return v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && v.Column == k.Column
}

// inline reports whether the YAML value v of key k is written on one line.
func inline(k, v *yaml.Node) bool {
	return v.Kind == yaml.AliasNode || v.Style&yaml.FlowStyle != 0 || v.Kind == yaml.ScalarNode || v.Line == k.Line
}

// lastLine is the line of a block collection's last entry.
func lastLine(n *yaml.Node) int {
	if len(n.Content) == 0 {
		return n.Line
	}
	if n.Kind == yaml.MappingNode && len(n.Content) >= 2 {
		return n.Content[len(n.Content)-2].Line
	}
	return n.Content[len(n.Content)-1].Line
}

// yamlInlineEnd is where a value written on one line (alias, flow
// collection, scalar) ends. inFlow says the value is a member of a flow
// collection, where a plain scalar ends at the first flow indicator (YAML
// forbids , [ ] { } in it there), not at its line's end: {title: a,
// reviewed: true}.
func (e *textEditor) yamlInlineEnd(old *yaml.Node, at int, inFlow bool) int {
	t := e.src.text
	switch {
	case old.Kind == yaml.AliasNode:
		return at + 1 + len(old.Value)
	case old.Style&yaml.FlowStyle != 0:
		end, _, _ := e.src.flowEnd(at)
		return end
	case old.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		return quotedEnd(t, at)
	}
	if inFlow {
		return plainFlowEnd(t, at)
	}
	return lineValueEnd(t[at:e.src.ends[e.src.lineOf(at)]], at)
}

// plainFlowEnd is where the plain scalar at off of a flow collection ends:
// before the first flow indicator or comment, over line breaks (a plain
// scalar there may go on on the next lines), its trailing blanks left out.
func plainFlowEnd(t []byte, off int) int {
	i := off
	for ; i < len(t); i++ {
		c := t[i]
		if c == ',' || c == '[' || c == ']' || c == '{' || c == '}' ||
			c == '#' && i > off && (t[i-1] == ' ' || t[i-1] == '\t' || t[i-1] == '\n' || t[i-1] == '\r') {
			break
		}
	}
	return off + len(bytes.TrimRight(t[off:i], " \t\r\n"))
}

// deref resolves a YAML alias to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}
