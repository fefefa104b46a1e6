package yamlnode

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Encode writes a node tree with yaml.v3's encoder, at a chosen indent:
// errgen's additions to a spec, in the spec's indentation. It is the plain
// path of EncodeInPieces, which writes the same bytes.
func Encode(n *yaml.Node, indent int) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(indent)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// piece is how many members of a block mapping EncodeInPieces hands
// yaml.v3's encoder at once. Its emitter keeps every event of a document
// until the document ends, some 300 bytes each with their comments
// copied: the new translation file of 10,000 errors, one addition, held
// 60 MB of them, and 120 MB while the queue doubled.
const piece = 64

// EncodeInPieces is Encode, with a big block mapping written a piece of
// its members at a time, and a member holding one written as its key's
// line and then its members the same way: what yaml.v3 holds at once is
// bounded by a piece, not the tree. Where a piece's edges could change
// the bytes (a comment or anchor on a mapping split, a foot comment at an
// edge) it hands the tree over whole.
func EncodeInPieces(n *yaml.Node, indent int) ([]byte, error) {
	var b bytes.Buffer
	if err := encodeInPieces(&b, n, indent, ""); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func encodeInPieces(b *bytes.Buffer, n *yaml.Node, indent int, prefix string) error {
	if !splittable(n, 0) {
		return encodeIndented(b, n, indent, prefix)
	}
	part := &yaml.Node{Kind: yaml.MappingNode}
	flush := func() error {
		if len(part.Content) == 0 {
			return nil
		}
		err := encodeIndented(b, part, indent, prefix)
		part.Content = part.Content[:0]
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if splittable(v, 2*piece) {
			if line := keyLine(k, indent); line != nil {
				if err := flush(); err != nil {
					return err
				}
				b.WriteString(prefix)
				b.Write(line)
				if err := encodeInPieces(b, v, indent, prefix+strings.Repeat(" ", indent)); err != nil {
					return err
				}
				continue
			}
		}
		part.Content = append(part.Content, k, v)
		if len(part.Content) >= 2*piece {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// splittable reports whether n is a block mapping of more than members
// nodes (a member two) whose members can be written in pieces: nothing on the mapping
// itself that its first or last member's text would carry, and no foot
// comment, which yaml.v3 writes apart from its member's text.
func splittable(n *yaml.Node, members int) bool {
	if n.Kind != yaml.MappingNode || n.Style != 0 || n.Anchor != "" || n.Tag != "" && n.Tag != "!!map" ||
		n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" || len(n.Content) <= members {
		return false
	}
	for _, c := range n.Content {
		if c.FootComment != "" {
			return false
		}
	}
	return true
}

// keyLine is the line "key:\n" of the member k whose value follows on the
// next lines, the key as yaml.v3 writes it (quoted where it must be); nil
// for a key yaml.v3 writes otherwise (with a comment, an anchor, or as an
// explicit "? key" past 128 characters), whose member goes whole.
func keyLine(k *yaml.Node, indent int) []byte {
	if k.Kind != yaml.ScalarNode || k.Anchor != "" || k.HeadComment != "" || k.LineComment != "" || k.FootComment != "" {
		return nil
	}
	data, err := Encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, Str("")}}, indent)
	line, ok := bytes.CutSuffix(data, []byte(` ""`+"\n"))
	if err != nil || !ok || bytes.ContainsAny(line, "\n") || bytes.HasPrefix(line, []byte("?")) {
		return nil
	}
	return append(line, '\n')
}

// encodeIndented writes n as Encode does, each line but an empty one
// after prefix: a nested mapping's members as yaml.v3 indents them.
func encodeIndented(b *bytes.Buffer, n *yaml.Node, indent int, prefix string) error {
	data, err := Encode(n, indent)
	if err != nil {
		return err
	}
	if prefix == "" {
		b.Write(data)
		return nil
	}
	for len(data) > 0 {
		end := lineEnd(data)
		if !startsWithBreak(data) {
			b.WriteString(prefix)
		}
		b.Write(data[:end])
		data = data[end:]
	}
	return nil
}

// yaml.v3 breaks lines at U+2028 and U+2029 too, where a literal, a
// single-quoted text or a comment holds one, and in a comment at a NEL
// (U+0085) and a carriage return as well (a text holding those is double
// quoted, escaped), and indents the line after them as after a line feed:
// the prefix goes there as well.
var lineBreaks = [][]byte{[]byte("\u2028"), []byte("\u2029"), []byte("\u0085"), []byte("\r")}

// lineEnd is the index just past data's first line break, len(data) for
// none.
func lineEnd(data []byte) int {
	end := len(data)
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		end = i + 1
	}
	for _, br := range lineBreaks {
		if i := bytes.Index(data[:end], br); i >= 0 && !bytes.HasPrefix(data[i:], []byte("\r\n")) {
			end = i + len(br)
		}
	}
	return end
}

// startsWithBreak reports whether data's line is a line break alone, which
// yaml.v3 does not indent.
func startsWithBreak(data []byte) bool {
	if bytes.HasPrefix(data, []byte("\n")) {
		return true
	}
	for _, br := range lineBreaks {
		if bytes.HasPrefix(data, br) {
			return true
		}
	}
	return false
}
