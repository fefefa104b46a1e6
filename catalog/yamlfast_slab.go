package catalog

import "go.yaml.in/yaml/v3"

// A catalog's tree is most of what loading it allocates: some 27 nodes of
// 152 bytes and 4 Content slices an error. fastYAML hands both out of
// slabs, a few allocations in all instead of several an error, and makes
// each Content slice as long as its collection, where append would leave
// it up to twice that.

// nodeSlab is how many nodes a slab holds: as many as fit in 32 KiB, the
// largest size class of the allocator, which rounds anything larger up to
// whole pages.
const nodeSlab = 32 << 10 / 152

// contentSlab is how many Content pointers a slab holds (8 KiB); a
// collection of more than a quarter of that (an errors list) gets a slice
// of its own, so that a slab is never left mostly unused.
const contentSlab = 1 << 10

// node returns a new node of kind at pos, from a slab.
func (p *fastParser) node(kind yaml.Kind) *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, nodeSlab)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	n.Kind = kind
	n.Line, n.Column = p.line, p.markColumn()+1
	return n
}

// endItems returns the items read since the collection's first, at
// p.items[from:], as its Content, and drops them from p.items: nil for
// none, as yaml.v3 leaves an empty collection's, else a slice of exactly
// their number (a full slice expression, so that an append to it never
// writes over the next collection's).
func (p *fastParser) endItems(from int) []*yaml.Node {
	items := p.items[from:]
	p.items = p.items[:from] // items stays readable: nothing appends before the copy
	n := len(items)
	switch {
	case n == 0:
		return nil
	case n > contentSlab/4:
		return append([]*yaml.Node(nil), items...)
	case n > len(p.contents):
		p.contents = make([]*yaml.Node, contentSlab)
	}
	content := p.contents[:n:n]
	p.contents = p.contents[n:]
	copy(content, items)
	return content
}
