package catalog

import "go.yaml.in/yaml/v3"

// flowNode reads a flow mapping or sequence on one line, or a scalar in
// one.
func (p *fastParser) flowNode(depth int) *yaml.Node {
	if depth > maxFlowDepth {
		p.fail()
	}
	c := p.peek()
	if c != '{' && c != '[' {
		return p.scalar(true)
	}
	kind, closing, tag := yaml.MappingNode, byte('}'), "!!map"
	if c == '[' {
		kind, closing, tag = yaml.SequenceNode, ']', "!!seq"
	}
	n := p.node(kind)
	n.Tag, n.Style = tag, yaml.FlowStyle
	p.pos++
	p.spaces()
	if p.peek() == closing {
		p.pos++
		return n
	}
	from := len(p.items)
	for {
		if kind == yaml.MappingNode {
			if c := p.peek(); c == '{' || c == '[' {
				p.fail() // a collection as a key
			}
			start := p.pos
			key := p.scalar(true)
			if p.peek() != ':' || p.peekAt(1) != ' ' || p.pos-start > maxKey {
				p.fail()
			}
			p.pos += 2
			p.spaces()
			p.items = append(p.items, key)
		}
		item := p.flowNode(depth + 1) // before the append: it appends its own items
		p.items = append(p.items, item)
		p.spaces()
		switch p.peek() {
		case ',':
			p.pos++
			if p.peek() != ' ' {
				p.fail()
			}
			p.spaces()
			if c := p.peek(); c == '}' || c == ']' {
				p.fail() // a trailing comma
			}
		case closing:
			p.pos++
			n.Content = p.endItems(from)
			return n
		default:
			p.fail()
		}
	}
}

// spaces skips spaces on the line.
func (p *fastParser) spaces() {
	for p.peek() == ' ' {
		p.pos++
	}
}
