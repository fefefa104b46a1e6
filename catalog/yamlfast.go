package catalog

import "go.yaml.in/yaml/v3"

// The catalog's YAML is read by yaml.v3 into its node tree, which keeps
// every node's line and column for the diagnostics. yaml.v3 parses about
// 7 MB a second here, the largest part of loading a large catalog, so
// parseYAML first tries fastYAML: a reader of the subset of YAML that
// catalogs are written in, which builds the very tree yaml.v3 builds and
// gives up, for yaml.v3 to read the whole file, at anything else. The
// subset: block mappings and sequences; flow collections on one line;
// plain, single- and double-quoted scalars on one line; literal and folded
// block scalars without an indentation indicator; comments; UTF-8 text.
// It gives up at an anchor, alias, tag, directive, document marker, merge
// key, complex key, empty value, tab, carriage return, a scalar or flow
// collection over several lines, a character yaml.v3 refuses or reads as a
// line break or a BOM, an escape it does not read as yaml.v3 does, and at
// any error: yaml.v3 reports those, so its messages are unchanged.
//
// Comments are skipped: yaml.v3 keeps them in the nodes' HeadComment,
// LineComment and FootComment, but nothing reading a catalog's tree reads
// those fields (the loader and decoders in this package are its only
// readers; errgen translate rewrites translation files through its own
// yaml.v3 parse, internal/translate). TestFastYAMLIsYAML and FuzzFastYAML
// hold fastYAML to yaml.v3, the same tree field for field but the
// comments, wherever it does not give up; BenchmarkFastYAML measures what
// it buys.

// maxKey is the longest key fastYAML reads, within yaml.v3's limit on
// an implicit key (1,024 characters; bytes here, so fewer characters).
const maxKey = 1000

// maxFlowDepth bounds how deep fastYAML follows nested flow collections.
const maxFlowDepth = 64

// fastYAML is yaml.Unmarshal into a node of data, or ok false when data is
// not in the subset fastYAML reads.
func fastYAML(data []byte) (doc *yaml.Node, ok bool) {
	doc, at := fastYAMLAt(data)
	return doc, at < 0
}

// fastYAMLAt is fastYAML, with the offset where it gave up, or -1.
func fastYAMLAt(data []byte) (doc *yaml.Node, at int) { return fastYAMLFrom(data, nil) }

// fastYAMLFrom is fastYAMLAt, its nodes from slabs when that is not nil.
func fastYAMLFrom(data []byte, slabs *nodeSlabs) (doc *yaml.Node, at int) {
	ascii, ok := readableText(data)
	if !ok {
		return nil, 0
	}
	p := &fastParser{data: data, line: 1, ascii: ascii, text: string(data), slabs: slabs}
	slabs.lend(p)
	defer slabs.keep(p)
	defer func() {
		if r := recover(); r != nil {
			g, giveUp := r.(fastGiveUp)
			if !giveUp {
				panic(r)
			}
			doc, at = nil, g.pos
		}
	}()
	indent := p.nextContent()
	if indent != 0 || p.at("---") || p.at("...") || p.peek() == '%' {
		p.fail()
	}
	root := p.blockNode(0)
	if p.nextContent() >= 0 {
		p.fail() // a line less indented than the root, or trailing content
	}
	if root.Kind != yaml.MappingNode {
		p.fail()
	}
	doc = p.node(yaml.DocumentNode)
	doc.Line, doc.Column = root.Line, root.Column
	doc.Content = []*yaml.Node{root}
	return doc, -1
}

// fastGiveUp is the panic that makes fastYAML give up; pos is where, for
// the tests' messages.
type fastGiveUp struct{ pos int }

type fastParser struct {
	data      []byte
	pos       int                                 // the next byte
	line      int                                 // pos's line, from 1
	lineStart int                                 // offset of that line's first byte
	ascii     bool                                // data is ASCII: a column is a count of bytes
	counted   struct{ lineStart, pos, runes int } // the characters of a line up to pos, for markColumn
	slab      []yaml.Node                         // the nodes still to hand out; see node
	slabs     *nodeSlabs                          // where slab comes from; nil: the allocator
	items     []*yaml.Node                        // the items of the collections being read, innermost last; see endItems
	contents  []*yaml.Node                        // the Content slices still to hand out; see endItems
	text      string                              // data as a string, made once; see str
}

// str is data[start:end] as a string: a slice of text, the one copy of the
// file, where a string per value (a copy of its bytes each, a map lookup
// for those shared) cost more than the file itself. The values the model
// keeps are most of the file, so keeping the file alive costs little more.
func (p *fastParser) str(start, end int) string { return p.text[start:end] }

func (p *fastParser) fail() { panic(fastGiveUp{p.pos}) }

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

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
