package catalog

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The catalog's YAML is read by yaml.v3 into its node tree, which keeps
// every node's line and column for the diagnostics. yaml.v3 parses about
// 7 MB a second here, the largest part of loading a large catalog, so
// parseYAML first tries fastYAML: a reader of the plain subset of YAML that
// catalogs are written in (block mappings and sequences, one-line flow
// mappings and sequences, one-line plain, single- and double-quoted
// scalars, ASCII), which builds the very tree yaml.v3 builds and gives up,
// for yaml.v3 to read the whole file, at anything else: a comment, an
// anchor, a tag, a block scalar, a scalar over several lines, an empty
// value, a tab, a character outside printable ASCII, a plain scalar whose
// type yaml.v3 resolves by more than a glance (a float but the plainest, a
// timestamp, an octal). TestFastYAMLIsYAML and FuzzFastYAML hold it to
// yaml.v3 (the same tree, field for field, wherever it does not give up);
// BenchmarkFastYAML measures what it buys.

// maxKey is the longest key fastYAML reads, within yaml.v3's limit on
// an implicit key (1,024 characters).
const maxKey = 1000

// maxFlowDepth bounds how deep fastYAML follows nested flow collections.
const maxFlowDepth = 64

// fastYAML is yaml.Unmarshal into a node of data, or ok false when data is
// not in the subset fastYAML reads.
func fastYAML(data []byte) (doc *yaml.Node, ok bool) {
	for _, c := range data {
		if c >= 0x7f || c < ' ' && c != '\n' {
			return nil, false
		}
	}
	p := &fastParser{data: data, line: 1}
	defer func() {
		if r := recover(); r != nil {
			if _, giveUp := r.(fastGiveUp); !giveUp {
				panic(r)
			}
			doc, ok = nil, false
		}
	}()
	indent := p.nextContent()
	if indent != 0 || p.at("---") || p.at("...") || p.peek() == '%' {
		return nil, false
	}
	root := p.blockNode(0)
	if p.nextContent() >= 0 {
		p.fail() // a line less indented than the root, or trailing content
	}
	if root.Kind != yaml.MappingNode {
		return nil, false
	}
	doc = p.node(yaml.DocumentNode)
	doc.Line, doc.Column = root.Line, root.Column
	doc.Content = []*yaml.Node{root}
	return doc, true
}

// fastGiveUp is the panic that makes fastYAML give up.
type fastGiveUp struct{}

type fastParser struct {
	data      []byte
	pos       int // the next byte
	line      int // pos's line, from 1
	lineStart int // offset of that line's first byte
	slab      []yaml.Node
	interned  map[string]string // short values seen, so that a repeated key or value is one string
}

// maxInterned is the longest value interned.
const maxInterned = 24

// str is b as a string, a short one shared with its earlier copies.
func (p *fastParser) str(b []byte) string {
	if len(b) > maxInterned {
		return string(b)
	}
	if s, ok := p.interned[string(b)]; ok {
		return s
	}
	if p.interned == nil {
		p.interned = map[string]string{}
	}
	s := string(b)
	p.interned[s] = s
	return s
}

func (p *fastParser) fail() { panic(fastGiveUp{}) }

// node returns a new node of kind, from a slab.
func (p *fastParser) node(kind yaml.Kind) *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, 256)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	n.Kind = kind
	n.Line, n.Column = p.line, p.pos-p.lineStart+1
	return n
}

func (p *fastParser) peek() byte {
	if p.pos < len(p.data) {
		return p.data[p.pos]
	}
	return 0
}

func (p *fastParser) peekAt(i int) byte {
	if p.pos+i < len(p.data) {
		return p.data[p.pos+i]
	}
	return 0
}

func (p *fastParser) at(s string) bool {
	return len(p.data)-p.pos >= len(s) && string(p.data[p.pos:p.pos+len(s)]) == s
}

// column is pos's column, from 0.
func (p *fastParser) column() int { return p.pos - p.lineStart }

// nextContent moves to the first byte of the next line with content, from
// pos (which is at a line's start or after the content of a line that must
// have only spaces left), and returns its indentation, or -1 at the end.
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
			p.pos++
			p.line++
			p.lineStart = p.pos
			continue
		case '#':
			p.fail() // comments become the nodes' comments: yaml.v3's
		}
		return p.column()
	}
}

// endOfLine checks that only spaces are left on the line.
func (p *fastParser) endOfLine() {
	for p.pos < len(p.data) && p.data[p.pos] == ' ' {
		p.pos++
	}
	if p.pos < len(p.data) && p.data[p.pos] != '\n' {
		p.fail()
	}
}

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
	for {
		p.pos++ // the -
		for p.peek() == ' ' {
			p.pos++
		}
		var item *yaml.Node
		switch c := p.peek(); {
		case c == '\n' || c == 0:
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
		n.Content = append(n.Content, item)
		next := p.nextContent()
		if next < indent || next == indent && indentless && !p.isEntry() {
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
		for p.peek() == ' ' {
			p.pos++
		}
		var value *yaml.Node
		if c := p.peek(); c == '\n' || c == 0 {
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
		n.Content = append(n.Content, key, value)
		next := p.nextContent()
		if next < indent {
			return n
		}
		if next > indent || p.isEntry() {
			p.fail()
		}
	}
}

// inlineNode reads a node that starts on the current line after a key's
// ":" or an entry's "-", within a block collection indented by indent: a
// flow collection, a scalar, or, in an entry, a mapping whose first key is
// on the entry's line.
func (p *fastParser) inlineNode(indent int, entry bool) *yaml.Node {
	switch p.peek() {
	case '{', '[':
		n := p.flowNode(0)
		p.endOfLine()
		p.noContinuation(indent)
		return n
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
			n.Content = append(n.Content, key)
		}
		n.Content = append(n.Content, p.flowNode(depth+1))
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
	n := p.node(yaml.ScalarNode)
	start, end := p.pos, p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '\n' {
			break
		}
		if c == ':' {
			next := p.peekAt(1)
			if next == ' ' || next == '\n' || next == 0 {
				break // a key's end
			}
			if flow {
				p.fail()
			}
		}
		if c == '#' && p.data[p.pos-1] == ' ' {
			p.fail() // a comment
		}
		if flow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}') {
			break
		}
		p.pos++
		if c != ' ' {
			end = p.pos
		}
	}
	n.Value = p.str(p.data[start:end])
	p.pos = end
	n.Tag = plainTag(n.Value)
	if n.Tag == "" {
		p.fail()
	}
	return n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// plainTag is the tag yaml.v3 resolves a plain scalar to (resolve, in its
// resolve.go, step for step), or "" when fastYAML leaves the scalar to it
// (a merge key, what may be a timestamp).
func plainTag(v string) string {
	switch v {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	case "<<":
		return ""
	}
	switch c := v[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return "!!float"
		}
	case c == '+' || c == '-' || isDigit(c):
		i := 0
		for i < len(v) && isDigit(v[i]) {
			i++
		}
		if i == 4 && i < len(v) && v[i] == '-' {
			return "" // perhaps a timestamp
		}
		plain := strings.ReplaceAll(v, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return "!!int"
		}
		if yamlStyleFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float"
			}
		}
		if rest, ok := strings.CutPrefix(plain, "0b"); ok {
			if parsesInt(rest, 2) {
				return "!!int"
			}
		} else if rest, ok := strings.CutPrefix(plain, "-0b"); ok {
			if _, err := strconv.ParseInt("-"+rest, 2, 64); err == nil {
				return "!!int"
			}
		}
		if rest, ok := strings.CutPrefix(plain, "0o"); ok {
			if parsesInt(rest, 8) {
				return "!!int"
			}
		} else if rest, ok := strings.CutPrefix(plain, "-0o"); ok {
			if _, err := strconv.ParseInt("-"+rest, 8, 64); err == nil {
				return "!!int"
			}
		}
	}
	return "!!str"
}

// yamlStyleFloat is yaml.v3's.
var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// parsesInt reports whether s is a signed or unsigned 64-bit integer in
// base.
func parsesInt(s string, base int) bool {
	if _, err := strconv.ParseInt(s, base, 64); err == nil {
		return true
	}
	_, err := strconv.ParseUint(s, base, 64)
	return err == nil
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
				n.Value = p.str(p.data[start:p.pos])
			} else {
				n.Value = string(b)
			}
			p.pos++
			return n
		case '\\':
			if b == nil {
				b = append([]byte(nil), p.data[start:p.pos]...)
			}
			e, ok := escapes[p.peekAt(1)]
			if !ok {
				p.fail()
			}
			b = append(b, e)
			p.pos += 2
			continue
		}
		if b != nil {
			b = append(b, c)
		}
		p.pos++
	}
}

// escapes are the one-byte escapes of a double-quoted scalar that fastYAML
// reads; yaml.v3 reads the others.
var escapes = map[byte]byte{
	'0': 0, 'a': '\a', 'b': '\b', 't': '\t', 'n': '\n', 'v': '\v', 'f': '\f', 'r': '\r',
	'e': 0x1b, ' ': ' ', '"': '"', '/': '/', '\\': '\\',
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
			p.fail()
		}
		c := p.data[p.pos]
		if c == '\'' {
			if p.peekAt(1) != '\'' {
				if b == nil {
					n.Value = p.str(p.data[start:p.pos])
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
