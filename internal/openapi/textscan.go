package openapi

import (
	"bytes"
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

// indentOf is the leading whitespace of line i.
func (s *source) indentOf(i int) string {
	t := s.lineText(i)
	return string(t[:len(t)-len(bytes.TrimLeft(t, " \t"))])
}

// blockEnd is where the block node starting at line first (0-based), at
// indent k, ends: the end of its last line, blank lines after it excluded.
// A line belongs to it when it is indented more than k, or, with dash set
// (its last value is a sequence written at k), starts with "- " at k.
func (s *source) blockEnd(first, k int, dash bool) int {
	end := s.ends[first]
	for i := first + 1; i < len(s.lines); i++ {
		t := s.lineText(i)
		trimmed := bytes.TrimLeft(t, " ")
		if len(bytes.TrimLeft(trimmed, " \t")) == 0 {
			continue // blank: belongs only if a later line does
		}
		indent := len(t) - len(trimmed)
		isDash := trimmed[0] == '-' && (len(trimmed) == 1 || trimmed[1] == ' ' || trimmed[1] == '\t')
		if indent < k || (indent == k && !(dash && isDash)) {
			break
		}
		end = s.ends[i]
	}
	return end
}

// flowEnd scans the YAML flow collection opening at off: it returns the
// offset after its closing bracket and the offset after the last token
// before that bracket (quotes, comments and nesting skipped).
func (s *source) flowEnd(off int) (end, lastToken int) {
	t := s.text
	depth := 0
	lastToken = off + 1
	prev := byte(' ') // the last significant byte, for telling quotes apart
	for i := off; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '#' && (i == 0 || t[i-1] == ' ' || t[i-1] == '\t' || t[i-1] == '\n' || t[i-1] == '\r'):
			for i < len(t) && t[i] != '\n' && t[i] != '\r' {
				i++
			}
			continue
		case (c == '"' || c == '\'') && bytes.IndexByte([]byte("{[,:? \t\r\n"), prev) >= 0:
			i = quotedEnd(t, i) - 1
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return i + 1, lastToken
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			prev = c
			continue
		}
		prev = t[i]
		lastToken = i + 1
	}
	return len(t), lastToken
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
