package yamlnode

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Marshal writes a node tree that errgen built itself (mappings, sequences
// and tagged scalars; no comments, anchors or aliases) as block YAML with a
// two-space indent. yaml.v3's encoder spent most of the OpenAPI emitter's
// time on big catalogs; this writer only knows that subset, and quotes every
// string that a plain scalar could misread. What errgen adds to a spec it
// augments goes through yaml.v3 (Encode), in the spec's indentation.
func Marshal(n *yaml.Node) ([]byte, error) {
	return MarshalAfter("", n, 0)
}

// MarshalAfter is Marshal after the text head, with room for about size
// bytes set aside.
func MarshalAfter(head string, n *yaml.Node, size int) ([]byte, error) {
	w := &writer{}
	w.buf.Grow(len(head) + size)
	w.buf.WriteString(head)
	if err := w.block(n, 0, false); err != nil {
		return nil, err
	}
	return w.buf.Bytes(), nil
}

type writer struct {
	buf bytes.Buffer
}

// spaces is a run of spaces that indent writes from.
const spaces = "                                                                "

func (w *writer) indent(n int) {
	for n > len(spaces) {
		w.buf.WriteString(spaces)
		n -= len(spaces)
	}
	w.buf.WriteString(spaces[:n])
}

// block writes a node that starts a line (or follows "- " when inline is
// set) at the given indent.
func (w *writer) block(n *yaml.Node, indent int, inline bool) error {
	switch {
	case n.Kind == yaml.DocumentNode && len(n.Content) == 1:
		return w.block(n.Content[0], indent, inline)
	case n.Kind == yaml.MappingNode && len(n.Content) > 0 && n.Style&yaml.FlowStyle == 0:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 || !inline {
				w.indent(indent)
			}
			if err := w.key(n.Content[i]); err != nil {
				return err
			}
			w.buf.WriteByte(':')
			if err := w.value(n.Content[i+1], indent+2); err != nil {
				return err
			}
		}
		return nil
	case n.Kind == yaml.SequenceNode && len(n.Content) > 0 && n.Style&yaml.FlowStyle == 0:
		for i, item := range n.Content {
			if i > 0 || !inline {
				w.indent(indent)
			}
			w.buf.WriteString("- ")
			if item.Kind == yaml.MappingNode && len(item.Content) > 0 && item.Style&yaml.FlowStyle == 0 {
				if err := w.block(item, indent+2, true); err != nil {
					return err
				}
				continue
			}
			if item.Kind == yaml.SequenceNode && len(item.Content) > 0 && item.Style&yaml.FlowStyle == 0 {
				// "- - item", as yaml.v3 writes a list in a list
				if err := w.block(item, indent+2, true); err != nil {
					return err
				}
				continue
			}
			if err := w.inline(item, indent+2); err != nil {
				return err
			}
			w.buf.WriteByte('\n')
		}
		return nil
	}
	if err := w.inline(n, indent); err != nil {
		return err
	}
	w.buf.WriteByte('\n')
	return nil
}

// value writes what follows "key:".
func (w *writer) value(n *yaml.Node, indent int) error {
	if (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && len(n.Content) > 0 && n.Style&yaml.FlowStyle == 0 {
		w.buf.WriteByte('\n')
		return w.block(n, indent, false)
	}
	w.buf.WriteByte(' ')
	if err := w.inline(n, indent); err != nil {
		return err
	}
	w.buf.WriteByte('\n')
	return nil
}

// inline writes a scalar, an empty collection or a flow collection.
func (w *writer) inline(n *yaml.Node, indent int) error {
	switch n.Kind {
	case yaml.ScalarNode:
		return w.scalar(n, indent, false)
	case yaml.MappingNode:
		w.buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				w.buf.WriteString(", ")
			}
			if err := w.scalar(n.Content[i], indent, true); err != nil {
				return err
			}
			w.buf.WriteString(": ")
			if err := w.flowItem(n.Content[i+1], indent); err != nil {
				return err
			}
		}
		w.buf.WriteByte('}')
		return nil
	case yaml.SequenceNode:
		w.buf.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				w.buf.WriteString(", ")
			}
			if err := w.flowItem(item, indent); err != nil {
				return err
			}
		}
		w.buf.WriteByte(']')
		return nil
	}
	return fmt.Errorf("writing YAML: unexpected node kind %d", n.Kind)
}

func (w *writer) flowItem(n *yaml.Node, indent int) error {
	if n.Kind == yaml.ScalarNode {
		return w.scalar(n, indent, true)
	}
	return w.inline(n, indent)
}

func (w *writer) key(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("writing YAML: mapping keys must be scalars")
	}
	if strings.IndexByte(n.Value, '\n') >= 0 || strings.IndexByte(n.Value, '\r') >= 0 {
		w.quoted(n.Value)
		return nil
	}
	return w.scalar(n, 0, false)
}

// scalar writes a scalar by its tag: numbers, booleans and null as they
// are, strings plain when nothing can misread them, as a literal block when
// they span lines, double-quoted otherwise.
func (w *writer) scalar(n *yaml.Node, indent int, flow bool) error {
	switch n.Tag {
	case "!!int", "!!float", "!!bool":
		w.buf.WriteString(n.Value)
		return nil
	case "!!null":
		w.buf.WriteString("null")
		return nil
	case "!!str", "":
	default:
		return fmt.Errorf("writing YAML: unexpected tag %s", n.Tag)
	}
	s := n.Value
	switch {
	case plainSafe(s, flow):
		w.buf.WriteString(s)
	case !flow && literalSafe(s):
		w.literal(s, indent)
	default:
		w.quoted(s)
	}
	return nil
}

// special are plain scalars YAML 1.1 or 1.2 resolve to something else.
var special = map[string]bool{
	"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true, "~": true,
}

// specialMax is the length of the longest of special.
const specialMax = len("false")

// plainSafe reports whether s can be written as a plain scalar. The set is
// conservative: s starts with a letter, '/', '$' or '_' (never a number, an
// indicator or "<<"), holds printable ASCII only, and has no ": ", " #",
// trailing ':' or blank, nor flow indicators inside a flow collection.
func plainSafe(s string, flow bool) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '$' || c == '_') {
		return false
	}
	stop := uint8(stopBlock)
	if flow {
		stop |= stopFlow
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if plainStops[c]&stop == 0 {
			continue
		}
		switch {
		case c < ' ' || c > '~':
			return false
		case c == ':' && (i+1 == len(s) || s[i+1] == ' '):
			return false
		case c == '#' && s[i-1] == ' ':
			return false
		case flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}'):
			return false
		}
	}
	return s[len(s)-1] != ' ' && !isSpecial(s)
}

// isSpecial reports whether s, printable ASCII starting with a letter, is
// one of special in any case, lowering it in place of strings.ToLower,
// which plainSafe's every short key paid for.
func isSpecial(s string) bool {
	// every special word starts with one of these letters, either case
	if first := s[0] | 0x20; len(s) > specialMax || !(first == 'y' || first == 'n' || first == 'o' || first == 't' || first == 'f') {
		return false
	}
	var lower [specialMax]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return special[string(lower[:len(s)])]
}

// plainStops marks the bytes plainSafe must look at: every other byte is
// fine anywhere, and most of a document's text is made of them, which a
// table lookup passes faster than plainSafe's cases.
var plainStops = func() (t [256]uint8) {
	for c := range 256 {
		if c < ' ' || c > '~' || c == ':' || c == '#' {
			t[c] |= stopBlock
		}
		if c == ',' || c == '[' || c == ']' || c == '{' || c == '}' {
			t[c] |= stopFlow
		}
	}
	return t
}()

// The stops of plainStops: in any scalar, or only in a flow collection's.
const (
	stopBlock = 1 << iota
	stopFlow
)

// literalSafe reports whether s reads back exactly from a literal block
// ("|" or "|-"): several lines, each printable, without trailing blanks, the
// first not indented, and at most one final line break.
func literalSafe(s string) bool {
	if !strings.Contains(s, "\n") || strings.HasSuffix(s, "\n\n") || strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\n") {
		return false
	}
	for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") || strings.HasPrefix(line, "\t") {
			return false
		}
		for _, r := range line {
			if !(' ' <= r && r < 0x7f || graphicYAML(r)) { // printable ASCII is graphic
				return false
			}
		}
	}
	return true
}

func (w *writer) literal(s string, indent int) {
	if strings.HasSuffix(s, "\n") {
		w.buf.WriteString("|\n")
		s = strings.TrimSuffix(s, "\n")
	} else {
		w.buf.WriteString("|-\n")
	}
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			w.buf.WriteByte('\n')
		}
		if line != "" {
			w.indent(indent)
			w.buf.WriteString(line)
		}
	}
}

// graphicYAML reports whether r may stand unescaped in YAML text; bidi and
// other format characters are escaped so that no text reads differently
// from what it is.
func graphicYAML(r rune) bool {
	return r == '\t' || (unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r) && r != utf8.RuneError && r != '\u2028' && r != '\u2029')
}

// quoted writes s as a double-quoted scalar.
func (w *writer) quoted(s string) {
	const hex = "0123456789ABCDEF"
	w.buf.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			w.buf.WriteString(`\"`)
		case r == '\\':
			w.buf.WriteString(`\\`)
		case r == '\n':
			w.buf.WriteString(`\n`)
		case r == '\t':
			w.buf.WriteString(`\t`)
		case r == '\r':
			w.buf.WriteString(`\r`)
		case ' ' <= r && r < 0x7f: // printable ASCII is graphic
			w.buf.WriteByte(byte(r))
		case graphicYAML(r):
			w.buf.WriteRune(r)
		case r <= 0xFFFF:
			w.buf.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				w.buf.WriteByte(hex[(r>>shift)&0xF])
			}
		default:
			w.buf.WriteString(`\U`)
			for shift := 28; shift >= 0; shift -= 4 {
				w.buf.WriteByte(hex[(r>>shift)&0xF])
			}
		}
	}
	w.buf.WriteByte('"')
}
