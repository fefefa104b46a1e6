package catalog

import "strings"

// strayClose finds, from line on, text after a value that has ended: a
// second ] or } after a flow collection closed ({a: 1}}, [a, b]]), or
// anything but a comment after it or after a quoted value. yaml.v3 says
// "did not find expected key" or "'-' indicator" of it and names the line
// of the block around it, as it does for a mis-indented line, which
// misindented looks for first. A plain value holds any bracket, and the
// text of a block scalar is skipped.
func strayClose(lines []string, line int) (Pos, bool) {
	s := strayScan{blockIndent: -1}
	for n := max(line, 1); n <= len(lines); n++ {
		raw := strings.TrimRight(lines[n-1], "\r")
		if i := s.line(raw); i >= 0 {
			return Pos{Line: n, Col: len([]rune(raw[:i])) + 1}, true
		}
	}
	return Pos{}, false
}

// strayScan is strayClose's state between lines: the flow collections
// open, and the indentation of the key whose block scalar's text follows
// (-1 for none).
type strayScan struct {
	depth, blockIndent int
}

// line scans one line and returns the offset of stray text on it, or -1.
func (s *strayScan) line(raw string) int {
	l, ok := parseYAMLLine(raw)
	if s.blockIndent >= 0 {
		if !ok && !l.comment || l.indent > s.blockIndent {
			return -1
		}
		s.blockIndent = -1
	}
	if !ok {
		return -1
	}
	at := 0
	if s.depth == 0 {
		if l.block {
			s.blockIndent = l.indent
			return -1
		}
		at = l.value
		if at >= len(raw) || !strings.ContainsRune(`"'[{`, rune(raw[at])) {
			return -1 // a plain value: brackets are its characters
		}
	}
	return s.flow(raw, at)
}

// flow scans raw from at, where a value starts or a flow collection goes
// on, for text after the value has ended.
func (s *strayScan) flow(raw string, at int) int {
	ended := false // at depth 0: a collection or quoted value has closed
	for i := at; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == ' ' || c == '\t':
		case c == '#' && (i == at || strings.IndexByte(" \t[]{},:\"'", raw[i-1]) >= 0):
			return -1 // a comment
		case ended && c == ':' && (i+1 == len(raw) || raw[i+1] == ' '):
			ended = false // the quoted value was a key ("a b": [x]): its value follows
		case ended:
			return i
		case c == '"' || c == '\'':
			if i = closingQuote(raw, i); i == len(raw) {
				return -1 // goes on on the next line: beyond this look
			}
			ended = s.depth == 0
		case c == '[' || c == '{':
			s.depth++
		case c == ']' || c == '}':
			s.depth--
			ended = s.depth == 0
		}
	}
	return -1
}
