package catalog

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// blockScalar reads a literal or folded block scalar from its indicator,
// in a block collection indented by parent, as yaml.v3's scanner does
// (yaml_parser_scan_block_scalar): the same steps, on a text without tabs
// or line breaks but "\n". An indentation indicator is left to yaml.v3.
func (p *fastParser) blockScalar(parent int) *yaml.Node {
	n := p.node(yaml.ScalarNode)
	n.Tag, n.Style = "!!str", yaml.LiteralStyle
	folded := p.peek() == '>'
	if folded {
		n.Style = yaml.FoldedStyle
	}
	chomping := p.blockScalarHeader()
	var s, leading, trailing []byte
	indent := p.blockScalarBreaks(0, parent, &trailing)
	leadingBlank := false
	for p.column() == indent && p.pos < len(p.data) {
		trailingBlank := p.peek() == ' '
		if folded && !leadingBlank && !trailingBlank && len(leading) > 0 {
			if len(trailing) == 0 {
				s = append(s, ' ')
			}
		} else {
			s = append(s, leading...)
		}
		leading = leading[:0]
		s = append(s, trailing...)
		trailing = trailing[:0]
		leadingBlank = trailingBlank
		end := bytes.IndexByte(p.data[p.pos:], '\n')
		if end < 0 {
			end = len(p.data) - p.pos
		}
		s = append(s, p.data[p.pos:p.pos+end]...)
		p.pos += end
		if p.pos < len(p.data) {
			leading = append(leading, '\n')
			p.newline()
		}
		indent = p.blockScalarBreaks(indent, parent, &trailing)
	}
	if chomping != -1 {
		s = append(s, leading...)
	}
	if chomping == 1 {
		s = append(s, trailing...)
	}
	n.Value = string(s)
	if p.pos < len(p.data) {
		p.pos = p.lineStart // only indentation was read of this line
	}
	return n
}

// blockScalarBreaks moves past the empty lines and the indentation of the
// next line of a block scalar, adding a break to breaks for each empty
// line, and returns the scalar's indentation: indent, or, when that is
// 0 (not known yet), the one these lines set (yaml.v3's
// yaml_parser_scan_block_scalar_breaks).
func (p *fastParser) blockScalarBreaks(indent, parent int, breaks *[]byte) int {
	maxIndent := 0
	for {
		for (indent == 0 || p.column() < indent) && p.peek() == ' ' {
			p.pos++
		}
		maxIndent = max(maxIndent, p.column())
		if p.peek() != '\n' {
			break
		}
		*breaks = append(*breaks, '\n')
		p.newline()
	}
	if indent == 0 {
		indent = max(maxIndent, parent+1, 1)
	}
	return indent
}

// blockScalarHeader reads a block scalar's first line, from its indicator
// to the next line's start, and returns its chomping: -1 strip, 0 clip,
// +1 keep.
func (p *fastParser) blockScalarHeader() (chomping int) {
	p.pos++
	switch p.peek() {
	case '+':
		chomping = 1
		p.pos++
	case '-':
		chomping = -1
		p.pos++
	}
	if c := p.peek(); c != ' ' && c != '\n' && c != 0 {
		p.fail() // an indentation indicator, or an error
	}
	p.endOfLine()
	if p.pos < len(p.data) {
		p.newline()
	}
	return chomping
}
