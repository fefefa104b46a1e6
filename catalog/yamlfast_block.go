package catalog

import "go.yaml.in/yaml/v3"

// blockNode reads the block node whose first line's content is at pos, at
// column indent.
func (p *fastParser) blockNode(indent int) *yaml.Node {
	if p.isEntry() {
		return p.blockSequence(indent, false)
	}
	return p.blockMapping(indent)
}

// isEntry reports whether pos is at a block sequence entry: "-" followed by
// a space or the line's end.
func (p *fastParser) isEntry() bool {
	if p.peek() != '-' {
		return false
	}
	c := p.peekAt(1)
	return c == ' ' || c == '\n' || c == 0
}

// blockSequence reads the entries at column indent; an indentless one is
// a mapping's value as indented as its key, which a line of the mapping
// ends.
func (p *fastParser) blockSequence(indent int, indentless bool) *yaml.Node {
	n := p.node(yaml.SequenceNode)
	n.Tag = "!!seq"
	from := len(p.items)
	for {
		p.pos++ // the -
		var item *yaml.Node
		switch {
		case p.lineEnds():
			next := p.nextContent()
			if next <= indent {
				p.fail() // an empty entry
			}
			item = p.blockNode(next)
		case p.isEntry():
			p.fail() // a sequence in an entry's line
		default:
			item = p.inlineNode(indent, true)
		}
		p.items = append(p.items, item)
		next := p.nextContent()
		if next < indent || next == indent && indentless && !p.isEntry() {
			n.Content = p.endItems(from)
			return n
		}
		if next > indent || !p.isEntry() {
			p.fail()
		}
	}
}

// blockMapping reads the mapping whose keys are at column indent.
func (p *fastParser) blockMapping(indent int) *yaml.Node {
	n := p.node(yaml.MappingNode)
	n.Tag = "!!map"
	from := len(p.items)
	for {
		start := p.pos
		key := p.scalar(false)
		if p.peek() != ':' || p.pos-start > maxKey {
			p.fail()
		}
		p.pos++
		if c := p.peek(); c != ' ' && c != '\n' && c != 0 {
			p.fail()
		}
		var value *yaml.Node
		if p.lineEnds() {
			next := p.nextContent()
			switch {
			case next > indent:
				value = p.blockNode(next)
			case next == indent && p.isEntry():
				value = p.blockSequence(indent, true) // a sequence as indented as its key
			default:
				p.fail() // an empty value
			}
		} else {
			value = p.inlineNode(indent, false)
		}
		p.items = append(p.items, key, value)
		next := p.nextContent()
		if next < indent {
			n.Content = p.endItems(from)
			return n
		}
		if next > indent || p.isEntry() {
			p.fail()
		}
	}
}

// inlineNode reads a node that starts on the current line after a key's
// ":" or an entry's "-", within a block collection indented by indent: a
// flow collection, a block scalar, a scalar, or, in an entry, a mapping
// whose first key is on the entry's line.
func (p *fastParser) inlineNode(indent int, entry bool) *yaml.Node {
	switch p.peek() {
	case '{', '[':
		n := p.flowNode(0)
		p.endOfLine()
		p.noContinuation(indent)
		return n
	case '|', '>':
		return p.blockScalar(indent)
	}
	col, line, pos, lineStart := p.column(), p.line, p.pos, p.lineStart
	s := p.scalar(false)
	if p.peek() == ':' && entry {
		// the entry is a mapping: read again from its first key
		p.pos, p.line, p.lineStart = pos, line, lineStart
		return p.blockMapping(col)
	}
	p.endOfLine()
	p.noContinuation(indent)
	return s
}

// noContinuation gives up when the next line with content is more indented
// than indent: the scalar before it would go on there (or it is an error).
func (p *fastParser) noContinuation(indent int) {
	pos, line, lineStart := p.pos, p.line, p.lineStart
	next := p.nextContent()
	if next > indent {
		p.fail()
	}
	p.pos, p.line, p.lineStart = pos, line, lineStart
}
