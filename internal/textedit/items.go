package textedit

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// AddItems records items as added to the end of a YAML sequence, to whose
// Content the caller appended them: the editor writes them after the
// text's last item (see appendItems).
func (a *Additions) AddItems(items ...*yaml.Node) {
	for _, item := range items {
		a.Added[item] = true
	}
}

// sequence writes the items added to the end of seq, and the comments
// replaced above the text's own; an item added before one of the text's
// has no place and is refused.
func (e *textEditor) sequence(seq *yaml.Node, depth int) {
	var added []*yaml.Node
	for i, c := range seq.Content {
		if e.adds.Added[c] {
			added = append(added, c)
			continue
		}
		if len(added) > 0 {
			e.fail(c, "errgen adds items only after a sequence's last")
			return
		}
		if hc, ok := e.adds.comments[c]; ok {
			var prev *yaml.Node
			if i > 0 {
				prev = seq.Content[i-1]
			}
			e.headComment(c, prev, seq.Column-1, hc, depth+1)
		}
		e.walk(c, depth+1)
	}
	if len(added) > 0 {
		e.appendItems(seq, added, depth)
	}
}

// appendItems writes items after the last of the text's items of seq: in
// a flow sequence after its last token, quoted as its own scalars are; in
// a block one as block items at its dashes' indentation, after its last
// item's lines, their head comments above them.
func (e *textEditor) appendItems(seq *yaml.Node, items []*yaml.Node, depth int) {
	var last *yaml.Node
	for _, c := range seq.Content {
		if !e.adds.Added[c] {
			last = c
		}
	}
	switch {
	case e.src.isJSON:
		e.fail(seq, "errgen adds no items to a JSON array")
	case seq.Style&yaml.FlowStyle != 0:
		_, at, afterTag := e.src.flowEnd(e.src.valueOffset(seq))
		q := e.flowQuotesOf(seq)
		parts := make([]string, len(items))
		for i, item := range items {
			parts[i] = e.flowText(q, item)
		}
		text := strings.Join(parts, ", ")
		switch {
		case last != nil && afterTag: // an empty tagged item ([!t ]): "!t," would be a tag "!t,"
			text = " , " + text
		case last != nil && e.src.text[at-1] != ',':
			text = ", " + text
		}
		if at < len(e.src.text) && e.src.text[at] == '#' {
			text += "," // a comment right after the last token ([1,#): "1#" would be a plain scalar
		}
		e.add(at, at, depth, text)
	case last == nil:
		e.fail(seq, "errgen adds items only to a sequence that has some")
	default:
		_, col := e.src.position(e.src.valueOffset(seq)) // its first dash, after its properties
		indent := strings.Repeat(" ", col-1)
		at := e.src.blockEnd(last.Line-1, col-1, false, e.adds.lastLeaf(last))
		text, err := e.blockValue(&yaml.Node{Kind: yaml.SequenceNode, Content: items}, indent)
		if err != nil {
			e.fail(seq, "%v", err)
		}
		e.add(at, at, depth, e.st.nl+indent+text)
	}
}
