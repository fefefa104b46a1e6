package catalog

import (
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// A catalog's tree is most of what loading it allocates: some 27 nodes
// (152 bytes each) and 4 Content slices an error. fastYAML hands both out of
// slabs, a few allocations in all instead of several an error, and makes
// each Content slice as long as its collection, where append would leave
// it up to twice that.

// nodeSlab is how many nodes a slab holds: as many as fit in 32 KiB, the
// largest size class of the allocator, which rounds anything larger up to
// whole pages.
const nodeSlab = 32 << 10 / int(unsafe.Sizeof(yaml.Node{}))

// contentSlab is how many Content pointers a slab holds (8 KiB); a
// collection of more than a quarter of that (an errors list) gets a slice
// of its own, so that a slab is never left mostly unused.
const contentSlab = 1 << 10

// node returns a new node of kind at pos, from a slab.
func (p *fastParser) node(kind yaml.Kind) *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = p.slabs.take()
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

// nodeSlabs are the node slabs of the trees one load reads, for its later
// trees to reuse. The catalog's tree (the root's and its included files')
// is garbage once read into the model, and each translation file's once
// read, but the collector seldom runs in between: without reuse, each
// translation's tree would be fresh memory, as much again as its text
// makes. LoadFiles releases the slabs at the one point where no tree read
// so far is read again: before each translation file's parse.
//
// A parse leaves the rest of its last slabs to the next (rest, contents): a
// split catalog's files are small, and a slab of each file's own cost 40 KiB
// for a file of 200 bytes (16,000 included files took 750 MB).
type nodeSlabs struct {
	inUse    [][]yaml.Node // the slabs handed out since the last release
	spare    [][]yaml.Node // the slabs released, to hand out again
	rest     []yaml.Node   // the nodes the last parse left of its slab
	contents []*yaml.Node  // the Content pointers it left of its slab
}

// lend gives p the rest of the slabs the last parse left.
func (s *nodeSlabs) lend(p *fastParser) {
	if s != nil {
		p.slab, p.contents = s.rest, s.contents
	}
}

// keep takes back what p leaves of its slabs, for the next parse.
func (s *nodeSlabs) keep(p *fastParser) {
	if s != nil {
		s.rest, s.contents = p.slab, p.contents
	}
}

// take returns a slab of zero nodes: a spare one cleared, else a new one;
// from a nil s, always a new one.
func (s *nodeSlabs) take() []yaml.Node {
	if s == nil {
		return make([]yaml.Node, nodeSlab)
	}
	var slab []yaml.Node
	if n := len(s.spare); n > 0 {
		slab, s.spare = s.spare[n-1], s.spare[:n-1]
		clear(slab)
	} else {
		slab = make([]yaml.Node, nodeSlab)
	}
	s.inUse = append(s.inUse, slab)
	return slab
}

// release makes every slab handed out so far spare: the caller promises
// that no node of the trees read so far is read again. Under the tests,
// poisonReleased fills them with nodes that read as nonsense, so that a
// node read after its release fails them.
func (s *nodeSlabs) release() {
	if s == nil {
		return
	}
	if poisonReleased {
		for _, slab := range s.inUse {
			for i := range slab {
				slab[i] = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!poison", Value: "released", Anchor: "released", Line: -1, Column: -1}
			}
		}
	}
	s.spare = append(s.spare, s.inUse...)
	s.inUse = s.inUse[:0]
	s.rest = nil // part of a slab now spare, which take hands out whole
}

// poisonReleased is set by the tests: see release.
var poisonReleased bool
