package catalog

import "strings"

// yaml.v3 names a mis-indented line by the block around it, and a line
// early: its parser's line numbers count from 0, so "line N" is the line
// before the block that failed, or, for the document's own block, the line
// before the one at fault. misindented finds the line at fault from there.

// misindented finds the first line at fault in the block after line,
// following the blocks its lines open and close: one indented more than
// the line before it, which opens no block; one indented less, at no
// indentation of a block still open; a key among a list's dashes; a dash
// among a mapping's keys, but for a list that is the value of the key just
// before it. The block's parent is the nearest line at or before line
// (comments and blank lines passed over) indented less than its first.
func misindented(lines []string, line int) (Pos, bool) {
	parent, open := blockParent(lines, line)
	s := indentScan{lines: lines, levels: []yamlLevel{{indent: open.indent}}, prev: open, text: -1}
	for n := parent + 1; n <= len(lines); n++ {
		l, ok := parseYAMLLine(lines[n-1])
		if s.goesOn(l, ok) {
			continue // a block scalar's text, or a plain value's next line
		}
		if !ok {
			if l.comment {
				s.text = -1 // a comment ends a plain value, and a less indented one a block scalar
			}
			continue
		}
		s.text = -1
		if l.indent <= open.indent {
			return Pos{}, false
		}
		if at, bad := s.wrong(l, n); bad && n > line { // yaml.v3 read the lines up to line
			return at, true
		}
		s.record(l, n)
	}
	return Pos{}, false
}

// blockParent is the line number of the block's parent (0: the document)
// and that line (indented -1, opening a block, for the document). A parent
// that opens no block (a key with a value, its line ended by a comment)
// makes the block's first line the one at fault.
func blockParent(lines []string, line int) (int, yamlLine) {
	in := -1
	for n := line + 1; n <= len(lines); n++ {
		if l, ok := parseYAMLLine(lines[n-1]); ok {
			in = l.indent
			break
		}
	}
	for n := min(line, len(lines)); n >= 1; n-- {
		if l, ok := parseYAMLLine(lines[n-1]); ok && l.indent < in {
			return n, l
		}
	}
	return 0, yamlLine{indent: -1, at: -1, opens: true}
}

// yamlLine is what misindented reads of a line of content.
type yamlLine struct {
	indent  int
	at      int  // where its key or value starts: after "- " for an item
	value   int  // where its value starts: after its key's ": " and the blanks (len of the line for none)
	dash    bool // a list item
	key     bool // holds a key (after its dash, for an item)
	opens   bool // ends in a key, or a dash, without a value: a block may follow
	scalar  bool // ends in a value that may go on on lines indented more
	block   bool // that value is a block scalar's indicator: its text follows
	comment bool // not content: a comment line
}

// parseYAMLLine reads a line; blank and comment lines are not content (a
// comment's indentation is read).
func parseYAMLLine(raw string) (yamlLine, bool) {
	raw = strings.TrimRight(raw, "\r")
	body := strings.TrimLeft(raw, " ")
	l := yamlLine{indent: len(raw) - len(body)}
	if body == "" || body[0] == '#' {
		l.comment = body != ""
		return l, false
	}
	if body == "-" || strings.HasPrefix(body, "- ") {
		l.dash = true
		body = strings.TrimLeft(body[1:], " ")
	}
	l.at = len(raw) - len(body)
	l.value = l.at
	value := body
	if body != "" && !strings.ContainsRune(`"'[{`, rune(body[0])) {
		if k, v, ok := strings.Cut(body+" ", ": "); ok && !strings.Contains(k, " #") {
			l.key, value = true, strings.TrimSpace(v)
			l.value = min(len(raw), l.at+len(k)+2+len(v)-len(strings.TrimLeft(v, " \t")))
		}
	}
	if value == "" || value[0] == '#' {
		l.opens = true
	} else {
		l.scalar = goesOn(value)
		l.block = value[0] == '|' || value[0] == '>'
	}
	return l, true
}

// goesOn says whether a value may go on on the lines after it, indented
// more: a plain one, a block scalar's indicator, and a flow collection or
// quoted text not closed on its line (by a rough look: the last character
// before a comment).
func goesOn(value string) bool {
	closer := map[byte]byte{'[': ']', '{': '}', '"': '"', '\'': '\''}[value[0]]
	if closer == 0 {
		return !strings.Contains(value, " #") // a comment ends a plain value
	}
	if i := strings.Index(value, " #"); i > 0 {
		value = strings.TrimRight(value[:i], " ")
	}
	return len(value) == 1 || value[len(value)-1] != closer
}
