package catalog

import "bytes"

// nextContent moves to the first byte of the next line with content, from
// pos (which is at a line's start or after the content of a line that must
// have only spaces or a comment left), and returns its indentation, or -1
// at the end. Lines holding only a comment are no content.
func (p *fastParser) nextContent() int {
	for {
		for p.pos < len(p.data) && p.data[p.pos] == ' ' {
			p.pos++
		}
		if p.pos >= len(p.data) {
			return -1
		}
		switch p.data[p.pos] {
		case '\n':
			p.newline()
			continue
		case '#':
			if p.pos > p.lineStart && p.data[p.pos-1] != ' ' {
				p.fail() // not a comment: yaml.v3 says what it is
			}
			p.skipComment()
			continue
		}
		return p.column()
	}
}

// newline moves past the line break at pos.
func (p *fastParser) newline() {
	p.pos++
	p.line++
	p.lineStart = p.pos
}

// skipComment moves to the end of the line, from a comment's "#".
func (p *fastParser) skipComment() {
	if i := bytes.IndexByte(p.data[p.pos:], '\n'); i >= 0 {
		p.pos += i
	} else {
		p.pos = len(p.data)
	}
}

// lineEnds skips spaces and a comment after them and reports whether the
// line ends there. A "#" right after content is no comment to fastYAML
// (yaml.v3 reads one after a quoted scalar, say): it gives up there.
func (p *fastParser) lineEnds() bool {
	for p.pos < len(p.data) && p.data[p.pos] == ' ' {
		p.pos++
	}
	if p.peek() == '#' {
		if p.pos > p.lineStart && p.data[p.pos-1] != ' ' {
			p.fail()
		}
		p.skipComment()
	}
	return p.pos >= len(p.data) || p.data[p.pos] == '\n'
}

// endOfLine checks that only spaces and a comment are left on the line.
func (p *fastParser) endOfLine() {
	if !p.lineEnds() {
		p.fail()
	}
}
