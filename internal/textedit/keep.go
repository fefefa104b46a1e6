package textedit

import (
	"slices"

	"go.yaml.in/yaml/v3"
)

// RemoveKeepingComments is Remove for a YAML text, but the comments of
// the members it takes out stay, so that nothing the text's author wrote
// is lost (errgen translate taking out a translator's reviewed: true #
// note). In a block mapping, a comment ending a line of a removed member
// stays where it was, as a comment line of its own at that line's
// indentation, and a comment line inside the member stays as it is; in a
// flow mapping, a comment stays with the blanks before it, its line break
// and the next line's indentation, so that what follows it keeps its
// place. A removed member's lines hold no other comments but those of a
// collection's members (a removed collection's own lines go, comments
// and all) and a block scalar's lines, which are its text. What is left is
// still a subsequence of the text, and a second removal from it finds
// nothing to take out but the members still there: running it again over
// its own result changes nothing.
func RemoveKeepingComments(file *yaml.Node, text []byte, keys map[*yaml.Node]bool) (*Removed, error) {
	return remove(file, text, false, keys, true)
}

// memberKeeping removes the block member k: v, but its comments.
func (r *remover) memberKeeping(k, v *yaml.Node) {
	s := r.src
	dash := v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && v.Column == k.Column
	end := s.blockEnd(k.Line-1, k.Column-1, dash, r.empty.lastLeaf(v))
	for line := k.Line - 1; line < len(s.lines) && s.lines[line] <= end; line++ {
		if isCommentLine(s.lineText(line)) {
			continue
		}
		at := r.lineCommentAt(line, k, v)
		if at < 0 {
			r.cutAll(s.wholeLine(line))
			continue
		}
		r.cutAll(s.lines[line]+len(s.indentOf(line)), at)
	}
}

// lineCommentAt is the offset of the # of the comment ending line (a line
// of the block member k: v holding more than a comment), or -1 when it
// has none, or when a comment there is not found without parsing a
// collection's members (a line of v, a block collection) or is text (a
// line of v, a block scalar, past its header).
func (r *remover) lineCommentAt(line int, k, v *yaml.Node) int {
	s := r.src
	from := s.lines[line]
	switch {
	case v.Kind == yaml.ScalarNode && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && line >= v.Line-1:
		at := s.valueOffset(v)
		switch header := s.lineOf(at); {
		case line > header:
			return -1 // the block scalar's text
		case line == header:
			from = at
		} // else the line of its properties, above the | or >
	case (v.Kind == yaml.ScalarNode || v.Kind == yaml.AliasNode || v.Style&yaml.FlowStyle != 0) && line >= v.Line-1:
		end := r.inlineEnd(v)
		if end > s.ends[line] {
			return -1 // inside a quoted scalar or a flow collection
		}
		from = max(from, end)
	case line == k.Line-1:
		from = r.inlineEnd(k)
	default:
		return -1 // a line of a block collection
	}
	for i := from; i < s.ends[line]; i++ {
		if s.text[i] == '#' && i > s.lines[line] && isBlank(s.text[i-1]) {
			return i
		}
	}
	return -1
}

// inlineEnd is where a quoted scalar or a flow collection n ends, or
// where any other starts: a plain scalar, a tag, an anchor or an alias
// holds no blank followed by #, so its comment is the first one after its
// start.
func (r *remover) inlineEnd(n *yaml.Node) int {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.FlowStyle) != 0 {
		return (&textEditor{src: r.src}).yamlInlineEnd(n, r.src.valueOffset(n), false)
	}
	return r.src.offset(n)
}

// cutKeeping cuts [at, end) of a flow collection's text but its comments:
// each stays, from the blanks before its # to its line's end, with the
// line break and the next line's indentation. Quoted scalars are skipped;
// at is where a token may start (after a value, or a key's start).
func (r *remover) cutKeeping(at, end int) {
	t := r.src.text
	prev, prevAt, tokenEnd := byte('{'), at-1, -1 // the last byte that is not a blank, as flowEnd
	for i := at; i < end; i++ {
		c := t[i]
		switch {
		case c == '#' && i > 0 && (isBlank(t[i-1]) || t[i-1] == '\n' || t[i-1] == '\r'):
			start := i
			for start > at && isBlank(t[start-1]) {
				start--
			}
			if start > at && (t[start-1] == '\n' || t[start-1] == '\r') {
				start-- // the comment's line break stays before it: {0,\n# c\n r} must not become {0# c ...}
				if start > at && t[start] == '\n' && t[start-1] == '\r' {
					start--
				}
			}
			r.cutAll(at, start)
			i = r.src.nextLine(i)
			for i < len(t) && isBlank(t[i]) {
				i++
			}
			at = min(i, end)
			i--
			continue
		case (c == '"' || c == '\'') && quoteOpens(prev, prevAt, i, tokenEnd):
			i = quotedEnd(t, i) - 1
			tokenEnd = i + 1
		case isBlank(c) || c == '\n' || c == '\r':
			continue
		}
		prev, prevAt = t[i], i
	}
	r.cutAll(at, end)
}

// nextLine is the offset of the line after the one of off, or the
// text's end.
func (s *source) nextLine(off int) int {
	line, _ := slices.BinarySearch(s.lines, off+1)
	if line < len(s.lines) {
		return s.lines[line]
	}
	return len(s.text)
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }
