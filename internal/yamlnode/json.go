package yamlnode

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// FromJSON reads JSON into a node tree, keeping member order and the exact
// text of numbers: an example read this way is written back byte for byte.
func FromJSON(data []byte) (*yaml.Node, error) {
	r := jsonReader{data: data}
	return r.read()
}

// FromJSONSharing is FromJSON with each mapping key the node keys holds for
// its text (added when missing): a caller that builds many trees of the
// same keys only to write them once (the OpenAPI document's examples,
// streamed) keeps one node per key instead of one per member. The key
// nodes are in every tree so read: change none of them.
func FromJSONSharing(data []byte, keys map[string]*yaml.Node) (*yaml.Node, error) {
	r := jsonReader{data: data, keys: keys}
	return r.read()
}

// ReadJSON is FromJSON for a document: every node also gets the line and
// column (in bytes, 1-based) where it starts, as yaml.v3 gives them for
// YAML. Strings are decoded as JSON decodes them (\/, surrogate pairs),
// numbers kept as written (1e400 stays a float spelled 1e400).
func ReadJSON(data []byte) (*yaml.Node, error) {
	r := jsonReader{data: data, positions: true, line: 1}
	return r.read()
}

// jsonReader reads JSON that json.Valid accepted. It trusts that the input
// is valid, which lets it skip every check a decoder makes. One tree's
// nodes are made a few at a time (slab), and a collection's members are
// gathered on a stack shared by the tree's collections, then copied to a
// slice of their exact length: one allocation where growing the slice
// member by member made several, and the tree lives and dies as a whole.
type jsonReader struct {
	data      []byte
	pos       int
	positions bool // set each node's Line and Column
	line      int  // of pos, 1-based, when positions is set
	lineStart int  // offset of the line's first byte

	keys      map[string]*yaml.Node // FromJSONSharing's shared keys, or nil
	slab      []yaml.Node           // nodes not yet used
	budget    int                   // at most how many more nodes the tree needs
	estimated bool                  // budget is set
	stack     []*yaml.Node          // the members of the collections being read
	reuse     *JSONReader           // where nodes and member slices come from, or nil
}

// read reads r.data if json.Valid accepts it, else returns encoding/json's
// error, which says what is wrong and where: the one check every reader
// makes before trusting its input.
func (r *jsonReader) read() (*yaml.Node, error) {
	if !json.Valid(r.data) {
		var v any
		return nil, json.Unmarshal(r.data, &v)
	}
	return r.value()
}

// slabMax is the most nodes a tree's reader makes at once.
const slabMax = 256

// node returns a new node of the tree.
func (r *jsonReader) node(kind yaml.Kind, tag, value string) *yaml.Node {
	if r.reuse != nil {
		n := r.reuse.node()
		n.Kind, n.Tag, n.Value = kind, tag, value
		return n
	}
	if len(r.slab) == 0 {
		if !r.estimated {
			r.estimated = true
			// at most a node per value and key: a value per comma, the top
			// one and a collection's first, a key per colon unless keys are
			// shared (a string's commas and colons only make it more)
			r.budget = 1 + bytes.Count(r.data, []byte{','}) +
				2*(bytes.Count(r.data, []byte{'{'})+bytes.Count(r.data, []byte{'['}))
			if r.keys == nil {
				r.budget += bytes.Count(r.data, []byte{':'})
			}
		}
		size := min(max(r.budget, 1), slabMax)
		r.budget = max(r.budget-size, 0)
		r.slab = make([]yaml.Node, size)
	}
	n := &r.slab[0]
	r.slab = r.slab[1:]
	n.Kind, n.Tag, n.Value = kind, tag, value
	return n
}

// mark sets n's position to pos.
func (r *jsonReader) mark(n *yaml.Node, pos int) *yaml.Node {
	if r.positions {
		n.Line, n.Column = r.line, pos-r.lineStart+1
	}
	return n
}

func (r *jsonReader) skipBlanks() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case '\n':
			r.pos++
			r.line++
			r.lineStart = r.pos
		case ' ', '\t', '\r':
			r.pos++
		default:
			return
		}
	}
}

// next skips blanks and returns the next byte, which it consumes.
func (r *jsonReader) next() byte {
	r.skipBlanks()
	c := r.data[r.pos]
	r.pos++
	return c
}

func (r *jsonReader) value() (*yaml.Node, error) {
	r.skipBlanks()
	at := r.pos
	switch r.data[r.pos] {
	case '{', '[':
		return r.collection(at)
	case '"':
		s, err := r.string()
		if err != nil {
			return nil, err
		}
		return r.mark(r.node(yaml.ScalarNode, "!!str", s), at), nil
	case 't':
		r.pos += len("true")
		return r.mark(r.node(yaml.ScalarNode, "!!bool", "true"), at), nil
	case 'f':
		r.pos += len("false")
		return r.mark(r.node(yaml.ScalarNode, "!!bool", "false"), at), nil
	case 'n':
		r.pos += len("null")
		return r.mark(r.node(yaml.ScalarNode, "!!null", "null"), at), nil
	}
	return r.number(at), nil
}

// collection reads an object or an array, which starts at at.
func (r *jsonReader) collection(at int) (*yaml.Node, error) {
	object := r.data[r.pos] == '{'
	r.pos++
	n := r.node(yaml.SequenceNode, "!!seq", "")
	if object {
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
	}
	r.mark(n, at)
	r.skipBlanks()
	if r.data[r.pos] == '}' || r.data[r.pos] == ']' {
		r.pos++
		return n, nil
	}
	base := len(r.stack)
	for {
		if object {
			k, err := r.key()
			if err != nil {
				return nil, err
			}
			r.stack = append(r.stack, k)
			r.next() // ':'
		}
		v, err := r.value()
		if err != nil {
			return nil, err
		}
		r.stack = append(r.stack, v)
		if r.next() != ',' { // else '}' or ']'
			if r.reuse != nil {
				n.Content = r.reuse.content(r.stack[base:])
			} else {
				n.Content = slices.Clone(r.stack[base:])
			}
			r.stack = r.stack[:base]
			return n, nil
		}
	}
}

// key reads a mapping's key: a node of its own, or the shared one.
func (r *jsonReader) key() (*yaml.Node, error) {
	r.skipBlanks()
	kat := r.pos
	if r.keys != nil {
		at := r.pos
		if raw, plain := r.rawString(); plain {
			if n, ok := r.keys[string(raw)]; ok {
				return n, nil
			}
		}
		r.pos = at
	}
	k, err := r.string()
	if err != nil {
		return nil, err
	}
	if r.keys == nil {
		return r.mark(r.node(yaml.ScalarNode, "!!str", k), kat), nil
	}
	n, ok := r.keys[k]
	if !ok {
		n = Str(k)
		r.keys[k] = n
	}
	return n, nil
}

// number reads a number, which starts at at, as an !!int or a !!float: an
// integer beyond 64 bits is a !!float, as yaml.v3 reads its plain text
// (written as YAML with !!int, the tag it would need, it would not decode).
func (r *jsonReader) number(at int) *yaml.Node {
	start := r.pos
	for r.pos < len(r.data) && strings.IndexByte("+-0123456789.eE", r.data[r.pos]) >= 0 {
		r.pos++
	}
	num := string(r.data[start:r.pos])
	tag := "!!int"
	if strings.ContainsAny(num, ".eE") || !fits64(num) {
		tag = "!!float"
	}
	return r.mark(r.node(yaml.ScalarNode, tag, num), at)
}

// fits64 reports whether the JSON integer num fits an int64 or a uint64.
func fits64(num string) bool {
	if len(num) < 19 {
		return true // the common case, without a parse
	}
	if _, err := strconv.ParseInt(num, 10, 64); err == nil {
		return true
	}
	_, err := strconv.ParseUint(num, 10, 64)
	return err == nil
}

// string reads a string: as it is when it has no escape and is valid UTF-8,
// else decoded by encoding/json.
func (r *jsonReader) string() (string, error) {
	raw, plain := r.rawString()
	if plain {
		return string(raw), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

// rawString reads a string and returns its text: without its quotes when
// plain (no escape, ASCII), else as JSON spells it.
func (r *jsonReader) rawString() (raw []byte, plain bool) {
	start := r.pos
	r.pos++ // '"'
	plain = true
	for {
		c := r.data[r.pos]
		if c == '"' {
			r.pos++
			break
		}
		if c == '\\' {
			plain = false
			r.pos++
		} else if c >= utf8.RuneSelf {
			plain = false
		}
		r.pos++
	}
	raw = r.data[start:r.pos]
	if plain {
		return raw[1 : len(raw)-1], true
	}
	return raw, false
}

// WriteJSON writes a node tree as JSON, members in node order, indented by
// indent per level ("" for compact). Scalars keep their text where JSON can
// spell it (numbers are not reformatted); YAML-only spellings (0x1F, .inf,
// yes) are decoded and re-encoded.
func WriteJSON(b *bytes.Buffer, n *yaml.Node, indent string, escapeHTML bool) error {
	seps := jsonSeps{colon: ":", comma: ","}
	if indent != "" {
		seps.colon, seps.lines = ": ", true
	}
	return writeJSON(b, n, indent, 0, escapeHTML, seps)
}

// WriteJSONUnindented is WriteJSON one member or item a line, none
// indented: a spec written so.
func WriteJSONUnindented(b *bytes.Buffer, n *yaml.Node) error {
	return writeJSON(b, n, "", 0, false, jsonSeps{colon: ": ", comma: ",", lines: true})
}

// WriteJSONLine writes a node tree as JSON on one line, a member's key and
// value separated by colon, members and items by comma: ": " and ", " for
// a YAML flow collection, or a spec's own spacing (" : ", " , ").
func WriteJSONLine(b *bytes.Buffer, n *yaml.Node, colon, comma string) error {
	return writeJSON(b, n, "", 0, false, jsonSeps{colon: colon, comma: comma})
}

// jsonSeps are the separators writeJSON writes.
type jsonSeps struct {
	colon string // between a key and its value
	comma string // between members or items, before any line break
	lines bool   // one member or item a line
}

func writeJSON(b *bytes.Buffer, n *yaml.Node, indent string, level int, escapeHTML bool, seps jsonSeps) error {
	newline := func(l int) {
		if seps.lines {
			b.WriteByte('\n')
			b.WriteString(strings.Repeat(indent, l))
		}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			b.WriteString("null")
			return nil
		}
		return writeJSON(b, n.Content[0], indent, level, escapeHTML, seps)
	case yaml.AliasNode:
		return writeJSON(b, n.Alias, indent, level, escapeHTML, seps)
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteString(seps.comma)
			}
			newline(level + 1)
			writeJSONString(b, n.Content[i].Value, escapeHTML)
			b.WriteString(seps.colon)
			if err := writeJSON(b, n.Content[i+1], indent, level+1, escapeHTML, seps); err != nil {
				return err
			}
		}
		newline(level)
		b.WriteByte('}')
		return nil
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				b.WriteString(seps.comma)
			}
			newline(level + 1)
			if err := writeJSON(b, item, indent, level+1, escapeHTML, seps); err != nil {
				return err
			}
		}
		newline(level)
		b.WriteByte(']')
		return nil
	}
	return writeJSONScalar(b, n, escapeHTML)
}

// writeJSONScalar writes a scalar: null, a boolean or number as JSON spells
// it, or a string.
func writeJSONScalar(b *bytes.Buffer, n *yaml.Node, escapeHTML bool) error {
	switch n.ShortTag() {
	case "!!null":
		b.WriteString("null")
	case "!!bool", "!!int", "!!float":
		if json.Valid([]byte(n.Value)) {
			b.WriteString(n.Value)
			return nil
		}
		// YAML spellings JSON lacks (0x1F, .inf, yes): decode and re-encode
		var v any
		if err := n.Decode(&v); err != nil {
			return fmt.Errorf("line %d: %w", n.Line, err)
		}
		raw, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("line %d: %v has no JSON form", n.Line, n.Value)
		}
		b.Write(raw)
	default:
		writeJSONString(b, n.Value, escapeHTML)
	}
	return nil
}

// WriteJSONString writes s as a JSON string, & < > as they are.
func WriteJSONString(b *bytes.Buffer, s string) { writeJSONString(b, s, false) }

// writeJSONString writes s as a JSON string that YAML reads too, in a flow
// collection of a YAML file or in a JSON one: encoding/json leaves DEL,
// the C1 controls and U+FFFE/U+FFFF as they are, which JSON allows and a
// YAML file may not hold (or yaml.v3 reads as a line break, NEL), so those
// are escaped (\u007f), as JSON and YAML both read escapes.
func writeJSONString(b *bytes.Buffer, s string, escapeHTML bool) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	_ = enc.Encode(s) // a string always encodes
	out := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if !strings.ContainsFunc(s, unprintableInYAML) {
		b.Write(out)
		return
	}
	for _, r := range string(out) {
		if unprintableInYAML(r) {
			fmt.Fprintf(b, "\\u%04x", r)
		} else {
			b.WriteRune(r)
		}
	}
}

// unprintableInYAML reports whether r is one of the characters JSON writes
// unescaped that a YAML file may not hold (YAML 1.2 §5.1: DEL, the C1
// controls, U+FFFE and U+FFFF) or that a YAML 1.1 reader, as yaml.v3 is,
// takes for a line break (NEL, U+0085). The C0 controls, U+2028 and U+2029
// JSON escapes itself.
func unprintableInYAML(r rune) bool {
	return r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0xfffe || r == 0xffff
}
