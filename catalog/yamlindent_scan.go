package catalog

// indentScan is what misindented knows of the blocks open so far.
type indentScan struct {
	lines  []string    // the file's
	levels []yamlLevel // the blocks open, the innermost last
	prev   yamlLine    // the last line of content
	text   int         // lines indented more than this go on a value: skipped
	block  bool        // that value is a block scalar's, whose text may look like comments
	textAt int         // the indentation of a block scalar's first line of text; -1 before it
}

// goesOn says whether l, a line of content if ok, goes on the value of a
// line before it: a plain value's next line, indented more (up to a
// comment), or a block scalar's text, indented as its first line.
func (s *indentScan) goesOn(l yamlLine, ok bool) bool {
	switch {
	case s.text < 0 || l.indent <= s.text:
	case !s.block:
		return ok || !l.comment
	case !ok && !l.comment: // a blank line
		return true
	case s.textAt < 0:
		s.textAt = l.indent
		return true
	default:
		return l.indent >= s.textAt
	}
	return false
}

// yamlLevel is one open block: its indentation and what its lines held.
type yamlLevel struct {
	indent       int
	keys, dashes bool
	last         byte // what its last line held: '-' or 'k'
	first, lines int  // the line number of its first line, and how many it has
	item         bool // the keys of a list's item: its first line is the item's
}

// wrong finds the line at fault when l, line n, is wrong after the lines
// so far (n, or the first line of the block l should be in), and takes l
// into the blocks open.
func (s *indentScan) wrong(l yamlLine, n int) (Pos, bool) {
	top := &s.levels[len(s.levels)-1]
	switch {
	case l.indent > top.indent:
		if !s.prev.opens {
			return Pos{Line: n, Col: l.indent + 1}, true // indented more, under a line that opens no block
		}
		s.levels = append(s.levels, yamlLevel{indent: l.indent})
	case l.indent < top.indent:
		var popped yamlLevel
		for len(s.levels) > 1 && s.levels[len(s.levels)-1].indent > l.indent {
			popped, s.levels = s.levels[len(s.levels)-1], s.levels[:len(s.levels)-1]
		}
		if s.levels[len(s.levels)-1].indent != l.indent {
			// indented less, at no block's indentation; but when the block
			// it leaves has one line, of its kind, and the line after l is
			// indented as l, that one line is the odd one
			if popped.lines == 1 && popped.dashes == l.dash && !popped.item && s.indentAfter(n) == l.indent {
				return Pos{Line: popped.first, Col: popped.indent + 1}, true
			}
			return Pos{Line: n, Col: l.indent + 1}, true
		}
	}
	lv := &s.levels[len(s.levels)-1]
	switch {
	case !l.dash && lv.dashes && !lv.keys:
		return Pos{Line: n, Col: l.indent + 1}, true // a list's item without its dash
	case l.dash && lv.keys && lv.last != '-' && !(s.prev.opens && s.prev.key && s.prev.at == l.indent):
		// a list at the indentation of keys is the value of the key just
		// before it, which must have none
		return Pos{Line: n, Col: l.indent + 1}, true
	}
	return Pos{}, false
}

// indentAfter is the indentation of the next line of content after line
// n, or -1.
func (s *indentScan) indentAfter(n int) int {
	for ; n < len(s.lines); n++ {
		if l, ok := parseYAMLLine(s.lines[n]); ok {
			return l.indent
		}
	}
	return -1
}

// record notes what l, line n, holds in its block, opens the block of an
// item's keys, and skips the lines that go on its value.
func (s *indentScan) record(l yamlLine, n int) {
	lv := &s.levels[len(s.levels)-1]
	if lv.lines++; lv.first == 0 {
		lv.first = n
	}
	if l.dash {
		lv.dashes, lv.last = true, '-'
		if l.key {
			s.levels = append(s.levels, yamlLevel{indent: l.at, keys: true, last: 'k', first: n, lines: 1, item: true})
		}
	} else if l.key {
		lv.keys, lv.last = true, 'k'
	}
	if l.scalar {
		s.text, s.block, s.textAt = l.indent, l.block, -1
		if l.key {
			s.text = l.at
		}
	}
	s.prev = l
}
