package catalog

import "go.yaml.in/yaml/v3"

// scalar reads a one-line scalar: quoted, or plain up to its end in block
// (flow false) or flow context.
func (p *fastParser) scalar(flow bool) *yaml.Node {
	switch p.peek() {
	case '"':
		return p.doubleQuoted()
	case '\'':
		return p.singleQuoted()
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', ' ', '\n', 0:
		if !(p.peek() == '-' && isDigit(p.peekAt(1))) {
			p.fail()
		}
	}
	if p.pos == p.lineStart && (p.at("...") || p.at("---")) {
		p.fail() // perhaps a document marker
	}
	n := p.node(yaml.ScalarNode)
	start, end := p.pos, p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '\n' || c == '#' && p.data[p.pos-1] == ' ' {
			break // the line's end, or a comment's start
		}
		if c == ':' {
			next := p.peekAt(1)
			if next == ' ' || next == '\n' || next == 0 {
				break // a key's end
			}
		}
		if flow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}') {
			break
		}
		p.pos++
		if c != ' ' {
			end = p.pos
		}
	}
	n.Value = p.str(start, end)
	p.pos = end
	n.Tag = plainTag(n.Value)
	if n.Tag == "" {
		p.fail()
	}
	return n
}

// singleQuoted reads a single-quoted scalar ending on its line.
func (p *fastParser) singleQuoted() *yaml.Node {
	n := p.node(yaml.ScalarNode)
	n.Tag, n.Style = "!!str", yaml.SingleQuotedStyle
	p.pos++
	start := p.pos
	var b []byte
	for {
		if p.pos >= len(p.data) || p.data[p.pos] == '\n' {
			p.fail() // a scalar over several lines
		}
		c := p.data[p.pos]
		if c == '\'' {
			if p.peekAt(1) != '\'' {
				if b == nil {
					n.Value = p.str(start, p.pos)
				} else {
					n.Value = string(b)
				}
				p.pos++
				return n
			}
			if b == nil {
				b = append([]byte(nil), p.data[start:p.pos]...)
			}
			b = append(b, '\'')
			p.pos += 2
			continue
		}
		if b != nil {
			b = append(b, c)
		}
		p.pos++
	}
}

// doubleQuoted reads a double-quoted scalar ending on its line.
func (p *fastParser) doubleQuoted() *yaml.Node {
	n := p.node(yaml.ScalarNode)
	n.Tag, n.Style = "!!str", yaml.DoubleQuotedStyle
	p.pos++
	start := p.pos
	var b []byte // the value, once an escape is met
	for {
		if p.pos >= len(p.data) {
			p.fail()
		}
		c := p.data[p.pos]
		switch c {
		case '\n':
			p.fail() // a scalar over several lines
		case '"':
			if b == nil {
				n.Value = p.str(start, p.pos)
			} else {
				n.Value = string(b)
			}
			p.pos++
			return n
		case '\\':
			if b == nil {
				b = append([]byte(nil), p.data[start:p.pos]...)
			}
			b = p.escape(b)
			continue
		}
		if b != nil {
			b = append(b, c)
		}
		p.pos++
	}
}
