package yamlnode

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// FromJSON reads JSON into a node tree, keeping member order and the exact
// text of numbers: an example read this way is written back byte for byte.
func FromJSON(data []byte) (*yaml.Node, error) {
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v) // says what is wrong, and where
		return nil, err
	}
	r := jsonReader{data: data}
	return r.value()
}

func null() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"} }

// jsonReader reads JSON that json.Valid accepted. It trusts that the input
// is valid, which lets it skip every check a decoder makes.
type jsonReader struct {
	data []byte
	pos  int
}

func (r *jsonReader) skipBlanks() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
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
	switch c := r.data[r.pos]; c {
	case '{', '[':
		r.pos++
		var n *yaml.Node
		if c == '{' {
			n = Map()
		} else {
			n = Seq()
		}
		r.skipBlanks()
		if r.data[r.pos] == '}' || r.data[r.pos] == ']' {
			r.pos++
			return n, nil
		}
		for {
			if c == '{' {
				r.skipBlanks()
				k, err := r.string()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, Str(k))
				r.next() // ':'
			}
			v, err := r.value()
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
			if r.next() != ',' { // else '}' or ']'
				return n, nil
			}
		}
	case '"':
		s, err := r.string()
		if err != nil {
			return nil, err
		}
		return Str(s), nil
	case 't':
		r.pos += len("true")
		return Bool(true), nil
	case 'f':
		r.pos += len("false")
		return Bool(false), nil
	case 'n':
		r.pos += len("null")
		return null(), nil
	}
	start := r.pos
	for r.pos < len(r.data) && strings.IndexByte("+-0123456789.eE", r.data[r.pos]) >= 0 {
		r.pos++
	}
	num := string(r.data[start:r.pos])
	tag := "!!int"
	if strings.ContainsAny(num, ".eE") {
		tag = "!!float"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: num}, nil
}

// string reads a string: as it is when it has no escape and is valid UTF-8,
// else decoded by encoding/json.
func (r *jsonReader) string() (string, error) {
	start := r.pos
	r.pos++ // '"'
	plain := true
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
	raw := r.data[start:r.pos]
	if plain {
		return string(raw[1 : len(raw)-1]), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

// WriteJSON writes a node tree as JSON, members in node order, indented by
// indent per level ("" for compact). Scalars keep their text where JSON can
// spell it (numbers are not reformatted); YAML-only spellings (0x1F, .inf,
// yes) are decoded and re-encoded.
func WriteJSON(b *bytes.Buffer, n *yaml.Node, indent string, escapeHTML bool) error {
	return writeJSON(b, n, indent, 0, escapeHTML)
}

func writeJSON(b *bytes.Buffer, n *yaml.Node, indent string, level int, escapeHTML bool) error {
	newline := func(l int) {
		if indent != "" {
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
		return writeJSON(b, n.Content[0], indent, level, escapeHTML)
	case yaml.AliasNode:
		return writeJSON(b, n.Alias, indent, level, escapeHTML)
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(level + 1)
			writeJSONString(b, n.Content[i].Value, escapeHTML)
			b.WriteByte(':')
			if indent != "" {
				b.WriteByte(' ')
			}
			if err := writeJSON(b, n.Content[i+1], indent, level+1, escapeHTML); err != nil {
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
				b.WriteByte(',')
			}
			newline(level + 1)
			if err := writeJSON(b, item, indent, level+1, escapeHTML); err != nil {
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

func writeJSONString(b *bytes.Buffer, s string, escapeHTML bool) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	_ = enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
