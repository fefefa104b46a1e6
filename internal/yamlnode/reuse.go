package yamlnode

import "go.yaml.in/yaml/v3"

// JSONReader reads JSON as FromJSONSharing does, into nodes and member
// slices it reuses from one read to the next: a tree it returns is only
// valid until its next Read. It serves a caller that writes each tree it
// reads before it reads another (the OpenAPI document's examples, one per
// error, streamed), which then makes no garbage per tree once its first
// trees have sized the reader.
type JSONReader struct {
	keys     map[string]*yaml.Node
	nodes    []yaml.Node  // the nodes, nodes[:used] the last tree's
	used     int          // nodes in use
	ptrs     []*yaml.Node // the member slices, ptrs[:usedPtrs] the last tree's
	usedPtrs int
	stack    []*yaml.Node
}

// NewJSONReader returns a reader whose trees' keys are keys' nodes.
func NewJSONReader(keys map[string]*yaml.Node) *JSONReader {
	return &JSONReader{keys: keys}
}

// Read reads data, dropping the tree it read last.
func (jr *JSONReader) Read(data []byte) (*yaml.Node, error) {
	clear(jr.nodes[:jr.used]) // no tree keeps what the dropped one held alive
	clear(jr.ptrs[:jr.usedPtrs])
	jr.used, jr.usedPtrs = 0, 0
	r := jsonReader{data: data, keys: jr.keys, reuse: jr, stack: jr.stack[:0]}
	n, err := r.read()
	jr.stack = r.stack[:0]
	return n, err
}

// node returns a node of the tree, the next one free: a full reader
// starts a new run of nodes twice as long, the old one kept by the tree.
func (jr *JSONReader) node() *yaml.Node {
	if jr.used == len(jr.nodes) {
		jr.nodes, jr.used = make([]yaml.Node, max(2*len(jr.nodes), reuseMin)), 0
	}
	jr.used++
	return &jr.nodes[jr.used-1]
}

// content returns a copy of members in the reader's member slices, of
// capacity its length, so that an append to it copies it elsewhere.
func (jr *JSONReader) content(members []*yaml.Node) []*yaml.Node {
	if len(jr.ptrs)-jr.usedPtrs < len(members) {
		jr.ptrs, jr.usedPtrs = make([]*yaml.Node, max(2*len(jr.ptrs), 4*reuseMin, len(members))), 0
	}
	start := jr.usedPtrs
	jr.usedPtrs += copy(jr.ptrs[start:], members)
	return jr.ptrs[start:jr.usedPtrs:jr.usedPtrs]
}

// reuseMin is the fewest nodes a JSONReader makes at once.
const reuseMin = 16
