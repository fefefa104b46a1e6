package textedit

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// source is the spec's text, with what it takes to turn a node's line and
// column into the byte offset where errgen inserts its additions.
type source struct {
	text   []byte
	isJSON bool
	lines  []int // offset of each line's first byte
	ends   []int // offset of each line's break (or of the end of the text)
}

// newSource indexes the lines of text the way its parser counts them:
// JSON breaks lines at \n only; YAML (yaml.v3, like libyaml) at \r\n, \r,
// \n, NEL, LS and PS.
func newSource(text []byte, isJSON bool) *source {
	s := &source{text: text, isJSON: isJSON, lines: []int{0}}
	for i := 0; i < len(text); {
		c := text[i]
		n := 0 // length of the break at i
		switch {
		case c == '\n':
			n = 1
		case c == '\r' && !isJSON:
			n = 1
			if i+1 < len(text) && text[i+1] == '\n' {
				n = 2
			}
		case c >= utf8.RuneSelf && !isJSON:
			r, size := utf8.DecodeRune(text[i:])
			if r == '\u0085' || r == '\u2028' || r == '\u2029' {
				n = size
			} else {
				i += size
				continue
			}
		}
		if n == 0 {
			if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				s.ends = append(s.ends, i)
				s.lines = append(s.lines, i+2)
				i += 2
				continue
			}
			i++
			continue
		}
		s.ends = append(s.ends, i)
		s.lines = append(s.lines, i+n)
		i += n
	}
	s.ends = append(s.ends, len(text))
	return s
}

// offset is where a node starts. JSON columns count bytes (ReadJSON);
// yaml.v3's count characters.
func (s *source) offset(n *yaml.Node) int {
	line := min(max(n.Line, 1), len(s.lines)) - 1
	off := s.lines[line]
	if s.isJSON {
		return min(off+n.Column-1, len(s.text))
	}
	for col := 1; col < n.Column && off < s.ends[line]; col++ {
		_, size := utf8.DecodeRune(s.text[off:])
		off += size
	}
	return off
}

// lineText is line i (0-based) without its break.
func (s *source) lineText(i int) []byte { return s.text[s.lines[i]:s.ends[i]] }

// wholeLine is the span of line (0-based) with a line break: its own, or,
// for the text's last line, which has none, the one before it. Spans of
// consecutive lines so made meet and do not overlap, the first line's too.
func (s *source) wholeLine(line int) (int, int) {
	switch {
	case line+1 < len(s.lines):
		return s.lines[line], s.lines[line+1]
	case line > 0:
		return s.ends[line-1], s.ends[line]
	}
	return 0, s.ends[0]
}

// removal is the span that takes out the lines from line (0-based) to
// end, the break of the last: from the break before the first, so that
// the text around keeps its breaks, or, for the text's first line, which
// has none before it, from the text's start to the next line's start.
func (s *source) removal(line, end int) (int, int) {
	if line > 0 {
		return s.ends[line-1], end
	}
	if i, found := slices.BinarySearch(s.ends, end); found && i+1 < len(s.lines) {
		return 0, s.lines[i+1]
	}
	return 0, end
}

// indentOf is the leading whitespace of line i.
func (s *source) indentOf(i int) string {
	t := s.lineText(i)
	return string(t[:len(t)-len(bytes.TrimLeft(t, " \t"))])
}

// blockEnd is where the block node starting at line first (0-based), at
// indent k, ends: the end of its last content line. A line belongs to it
// when it is indented more than k, or, with dash set (its last value is a
// sequence written at k), starts with "- " at k. Blank and comment lines
// never end it; a comment indented more than k right after a content line
// is the block's own, any other heads what follows and errgen inserts
// before it. last, the block's last leaf (see
// lastLeaf), says what the indentation cannot: a quoted scalar or flow
// collection runs to its closing quote or bracket, however indented its
// lines, and a block scalar (| or >) owns its lines, # included, and with
// keep chomping (+) its trailing blank lines.
func (s *source) blockEnd(first, k int, dash bool, last *yaml.Node) int {
	end := s.ends[first]
	leafEnd, scalarLine, scalarIndent, keep := s.leafExtent(last)
	tail := false       // a blank line since the last content line
	contentIndent := -1 // of the block scalar's lines
	for i := first + 1; i < len(s.lines); i++ {
		t := s.lineText(i)
		trimmed := bytes.TrimLeft(t, " ")
		blank := len(bytes.TrimLeft(trimmed, " \t")) == 0
		indent := len(t) - len(trimmed)
		switch {
		case s.lines[i] < leafEnd:
			end = s.ends[i]
			continue
		case scalarLine >= 0 && i > scalarLine && (blank || indent > scalarIndent):
			eof := i == len(s.lines)-1 && s.lines[i] == len(s.text)
			if !blank && contentIndent < 0 {
				contentIndent = indent
			}
			// spaces past the content's indentation are content
			spaces := blank && contentIndent >= 0 && len(t) > contentIndent
			if !blank || spaces || keep && !eof {
				end = s.ends[i]
			}
			continue
		case blank:
			tail = true
			continue // belongs only if a later line does
		case trimmed[0] == '#':
			if indent > k && !tail {
				end = s.ends[i] // the block's own trailing comment
			}
			continue
		}
		tail = false
		if i > scalarLine {
			scalarLine = -1 // the scalar ended before this line
		}
		isDash := trimmed[0] == '-' && (len(trimmed) == 1 || trimmed[1] == ' ' || trimmed[1] == '\t')
		if indent < k || (indent == k && !(dash && isDash)) {
			break
		}
		end = s.ends[i]
	}
	return end
}

// headingStart is where the comment lines right above the block key k,
// at its indent, start (at, k's offset, when there are none): they head
// k, and what errgen inserts before k goes before them.
func (s *source) headingStart(k *yaml.Node, at int) int {
	indent := s.indentOf(k.Line - 1)
	if len(indent) != k.Column-1 {
		return at // k does not start its line
	}
	for j := k.Line - 2; j >= 0; j-- {
		t := s.lineText(j)
		if s.indentOf(j) != indent || !bytes.HasPrefix(t[len(indent):], []byte("#")) {
			break
		}
		at = s.lines[j] + len(indent)
	}
	return at
}

// leafExtent is what blockEnd needs of a block's last leaf: the offset
// after its text when that is quoted or a flow collection (else 0), and,
// when it is a block scalar, the line of its indicator, that line's indent
// and whether it keeps its trailing line breaks (else line -1).
func (s *source) leafExtent(n *yaml.Node) (leafEnd, line, indent int, keep bool) {
	line = -1
	if n == nil {
		return 0, line, 0, false
	}
	at := s.valueOffset(n)
	switch {
	case n.Kind == yaml.ScalarNode && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		return quotedEnd(s.text, at), line, 0, false
	case n.Style&yaml.FlowStyle != 0 && n.Kind != yaml.ScalarNode:
		end, _, _ := s.flowEnd(at)
		return end, line, 0, false
	case n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		line := s.lineOf(at)
		header := s.text[at:s.ends[line]]
		if i := bytes.Index(header, []byte(" #")); i >= 0 {
			header = header[:i]
		}
		return 0, line, len(s.indentOf(line)), bytes.IndexByte(header, '+') >= 0
	}
	return 0, line, 0, false
}

// lastLeaf is the node a block collection's text ends with: its last
// entry's value, descended into while that is a block collection, the
// additions skipped; nil when n is itself an addition (it has no text).
func (a *Additions) lastLeaf(n *yaml.Node) *yaml.Node {
	if a.Added[n] {
		return nil
	}
	for n != nil && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle == 0 {
		var next *yaml.Node
		for i := len(n.Content) - 1; i >= 0; i-- {
			if !a.Added[n.Content[i]] {
				next = n.Content[i]
				break
			}
		}
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

// flowEnd scans the YAML flow collection opening at off: it returns the
// offset after its closing bracket and the offset after the last token
// before that bracket (quotes, comments and nesting skipped), and whether
// that token is a tag ({x: !t }), which a comma right after would be part
// of.
func (s *source) flowEnd(off int) (end, lastToken int, lastTag bool) {
	t := s.text
	depth := 0
	lastToken = off + 1
	// the last byte before this one that is not a blank, and where: a
	// quote opens a scalar only where a token starts (quoteOpens); inside
	// a plain scalar (description: a 'b) it is a character
	prev, prevAt := byte('{'), off-1
	// the offset after the last quoted scalar or closing bracket: yaml.v3
	// reads a # right there as a comment ({a: {b: 1}# c}), as startsToken
	// says for commentsIn
	tokenEnd := -1
	for i := off; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '#' && flowCommentAt(t, i, tokenEnd):
			for i < len(t) && t[i] != '\n' && t[i] != '\r' {
				i++
			}
			continue
		case (c == '"' || c == '\'') && quoteOpens(prev, prevAt, i, tokenEnd):
			i = quotedEnd(t, i) - 1
			tokenEnd = i + 1
		case c == '!' && quoteOpens(prev, prevAt, i, tokenEnd):
			i = propertyEnd(t, i) - 1 // a tag, which may hold brackets and commas
			prev, prevAt, lastToken, lastTag = t[i], i, i+1, true
			continue
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return i + 1, lastToken, lastTag
			}
			tokenEnd = i + 1
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		}
		prev, prevAt = t[i], i
		lastToken, lastTag = i+1, false
	}
	return len(t), lastToken, lastTag
}

// quoteOpens reports whether a quote at i of a flow collection opens a
// quoted scalar, prev being the last byte before it that is not a blank,
// at prevAt, and tokenEnd the offset after the last quoted scalar or
// closing bracket: after {, [, a comma or ?, and after a : that a blank
// follows or that follows a quoted scalar or a closing bracket
// ({"a":"b"}); inside a plain scalar ({0:"}, a key 0:") it is a character.
func quoteOpens(prev byte, prevAt, i, tokenEnd int) bool {
	return bytes.IndexByte([]byte("{[,?"), prev) >= 0 || prev == ':' && (i > prevAt+1 || prevAt == tokenEnd)
}

// flowCommentAt reports whether the # at i of a flow collection starts a
// comment: after a blank or a line break, a comma, an opening bracket or a
// ?, right after a quoted scalar or a closing bracket (tokenEnd), or after
// a : that follows one; anywhere else it is a plain scalar's character.
func flowCommentAt(t []byte, i, tokenEnd int) bool {
	switch {
	case i == 0 || i == tokenEnd:
		return true
	case t[i-1] == ':':
		return i-1 == tokenEnd
	}
	return bytes.IndexByte([]byte(" \t\n\r,[{?"), t[i-1]) >= 0
}

// quotedEnd is the offset after the quoted scalar opening at off: "..."
// with backslash escapes, or '...' with ” for a quote.
func quotedEnd(t []byte, off int) int {
	q := t[off]
	for i := off + 1; i < len(t); i++ {
		switch {
		case q == '"' && t[i] == '\\':
			i++
		case t[i] == q && q == '\'' && i+1 < len(t) && t[i+1] == '\'':
			i++
		case t[i] == q:
			return i + 1
		}
	}
	return len(t)
}

// jsonEnd is the offset after the JSON value starting at off, in text that
// is valid JSON.
func jsonEnd(t []byte, off int) int {
	switch t[off] {
	case '"':
		return quotedEnd(t, off)
	case '{', '[':
		depth := 0
		for i := off; i < len(t); i++ {
			switch t[i] {
			case '"':
				i = quotedEnd(t, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return len(t)
	}
	i := off
	for i < len(t) && bytes.IndexByte([]byte(",}] \t\r\n"), t[i]) < 0 {
		i++
	}
	return i
}
