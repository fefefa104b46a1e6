package yamlnode

import (
	"io"

	"go.yaml.in/yaml/v3"
)

// Stream writes a document of nested block mappings member by member, in
// the bytes Marshal writes for the same tree, so that a big document (the
// OpenAPI components of 50,000 errors) need never be a tree in memory: each
// member's value is a small tree, written and dropped. Writes reach out in
// pieces of about flushSize bytes.
type Stream struct {
	w   writer
	out io.Writer
	err error // the first error of out or of a value, after which nothing is written
}

// flushSize is about how much Stream holds before writing it out.
const flushSize = 64 << 10

// NewStream starts a document with the text head.
func NewStream(out io.Writer, head string) *Stream {
	s := &Stream{out: out}
	s.w.buf.Grow(2 * flushSize)
	s.w.buf.WriteString(head)
	return s
}

// Member writes one member of the block mapping at indent, as Marshal
// writes it in a mapping: key, then its value v.
func (s *Stream) Member(indent int, key string, v *yaml.Node) error {
	if s.err != nil {
		return s.err
	}
	if s.err = s.key(indent, key); s.err == nil {
		s.err = s.w.value(v, indent+2)
	}
	return s.flush(flushSize)
}

// Open writes the key of a member whose value is a block mapping, at
// indent; its members follow at indent+2. The mapping must get at least
// one: Marshal writes an empty one as {} after its key.
func (s *Stream) Open(indent int, key string) error {
	if s.err != nil {
		return s.err
	}
	if s.err = s.key(indent, key); s.err == nil {
		s.w.buf.WriteByte('\n')
	}
	return s.flush(flushSize)
}

// Close writes out what Stream holds; it returns the first error of any
// write or value.
func (s *Stream) Close() error {
	return s.flush(0)
}

// key writes "key:" at indent.
func (s *Stream) key(indent int, key string) error {
	s.w.indent(indent)
	if err := s.w.key(Str(key)); err != nil {
		return err
	}
	s.w.buf.WriteByte(':')
	return nil
}

// flush writes out what s holds once it is at least size bytes.
func (s *Stream) flush(size int) error {
	if s.err != nil || s.w.buf.Len() < max(size, 1) {
		return s.err
	}
	_, s.err = s.out.Write(s.w.buf.Bytes())
	s.w.buf.Reset()
	return s.err
}
