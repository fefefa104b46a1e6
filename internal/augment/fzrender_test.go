package augment

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// fzLayout is how a generated spec is written.
type fzLayout struct {
	json      bool
	unit      string // a level of indentation; JSON on one line when ""
	nl        string // the line break
	statusKey string // YAML's quote of a status key: "", "'" or "\""
	plain     bool   // YAML's strings plain where they may be
	allFlow   bool   // YAML's root a flow mapping
}

// fzLayoutOf reads a layout from a byte: its low two bits the format
// (JSON on one line, JSON indented, YAML, YAML's root a flow mapping).
func fzLayoutOf(b uint8) fzLayout {
	l := fzLayout{json: b&3 < 2, nl: "\n", statusKey: []string{"", "'", `"`, ""}[b>>2&3], plain: b&16 != 0, allFlow: b&3 == 3}
	if b&64 != 0 {
		l.nl = "\r\n"
	}
	switch {
	case b&3 == 0:
	case b&32 != 0 && l.json:
		l.unit = "\t"
	case b&32 != 0:
		l.unit = "    "
	case b&128 != 0 && l.json:
		l.unit = "    "
	case b&128 != 0:
		l.unit = " "
	default:
		l.unit = "  "
	}
	return l
}

func (l fzLayout) name() string {
	if l.json {
		return "api.json"
	}
	return "api.yaml"
}

// fzText is a spec written out, and the text of each member marked keep.
type fzText struct {
	text  []byte
	spans map[*fzMember]string
}

// render writes the spec, leaving out the members skip holds, and with
// odd the responses errgen replaces as no response is.
func (s *fzSpec) render(l fzLayout, skip map[*fzMember]bool, odd bool) fzText {
	w := &fzWriter{l: l, skip: skip, odd: odd, spans: map[*fzMember]string{}}
	if l.json || l.allFlow {
		w.flow(s.root, 1)
	} else {
		w.block(s.root, 0)
	}
	w.b.WriteString(l.nl)
	return fzText{text: w.b.Bytes(), spans: w.spans}
}

type fzWriter struct {
	l     fzLayout
	skip  map[*fzMember]bool
	odd   bool
	b     bytes.Buffer
	spans map[*fzMember]string
	notes int
}

func (w *fzWriter) kept(o *fzObj) []*fzMember {
	return slices.DeleteFunc(slices.Clone(o.members), func(m *fzMember) bool { return w.skip[m] })
}

func (w *fzWriter) indent(depth int) string { return strings.Repeat(w.l.unit, depth) }

// comment is a comment of the author's, each its own words.
func (w *fzWriter) comment() string {
	w.notes++
	return fmt.Sprintf("# note %d", w.notes)
}

// block writes o's members in YAML's block style at depth, each on a line
// of its own, the first on the line after the text's end (the root's on
// the first line).
func (w *fzWriter) block(o *fzObj, depth int) {
	for i, m := range w.kept(o) {
		if w.b.Len() > 0 {
			w.b.WriteString(w.l.nl)
		}
		if m.blankBefore && i > 0 {
			w.b.WriteString(w.l.nl)
		}
		w.b.WriteString(w.indent(depth))
		if m.headComment {
			w.b.WriteString(w.comment() + w.l.nl + w.indent(depth))
		}
		w.member(m, depth, false)
	}
}

// flow writes o as JSON or a YAML flow mapping, its members at depth when
// over several lines (the closing brace a level less).
func (w *fzWriter) flow(o *fzObj, depth int) {
	members := w.kept(o)
	if len(members) == 0 {
		w.b.WriteString("{}")
		return
	}
	lines := w.l.json && w.l.unit != "" || !w.l.json && o.multiline
	w.b.WriteString("{")
	for i, m := range members {
		if lines {
			w.b.WriteString(w.l.nl + w.indent(depth))
		}
		w.member(m, depth, true)
		last := i == len(members)-1
		if !last || !w.l.json && o.trailingComma {
			w.b.WriteString(",")
		}
		switch {
		case lines && !w.l.json && m.lineComment:
			w.b.WriteString(" " + w.comment())
		case !lines && (!w.l.json || i%2 == 0) && (!last || !w.l.json && o.trailingComma && m.lineComment):
			w.b.WriteString(" ")
		}
	}
	if lines {
		w.b.WriteString(w.l.nl + w.indent(depth-1))
	}
	w.b.WriteString("}")
}

// member writes m at depth, a member of a flow mapping (or JSON) when
// inFlow.
func (w *fzWriter) member(m *fzMember, depth int, inFlow bool) {
	start := w.b.Len()
	w.b.WriteString(w.key(m))
	w.b.WriteString(":")
	if !w.l.json || w.l.unit != "" {
		w.b.WriteString(" ")
	}
	inline := true
	switch {
	case w.odd && m.odd > 0:
		w.b.WriteString(w.oddValue(m, depth, inFlow))
	case m.obj != nil && (inFlow || m.obj.flow || len(w.kept(m.obj)) == 0):
		w.flow(m.obj, depth+1)
	case m.obj != nil:
		w.trimBlank()
		w.block(m.obj, depth+1)
		inline = false
	case m.list != nil && !inFlow && !w.l.json && m.blockList:
		w.trimBlank()
		dashes := w.indent(depth + 1)
		if m.dashAtKey {
			dashes = w.indent(depth)
		}
		for _, s := range m.list {
			w.b.WriteString(w.l.nl + dashes + "- " + w.scalar(s))
		}
	case m.list != nil:
		var items []string
		for _, s := range m.list {
			items = append(items, w.scalar(s))
		}
		w.b.WriteString("[" + strings.Join(items, ", ") + "]")
	default:
		w.b.WriteString(w.scalar(m.scalar))
	}
	if m.keep {
		w.spans[m] = w.b.String()[start:]
	}
	if inline && !inFlow && m.lineComment {
		w.b.WriteString(" " + w.comment())
	}
}

// oddValue is m's value as no response is written, for errgen to replace:
// a line break after the key only in a block scalar's text.
func (w *fzWriter) oddValue(m *fzMember, depth int, inFlow bool) string {
	if w.l.json {
		values := []string{"{}", "null", `"x"`, "5", "[]", "true", "{ }", `[1, {"a": []}]`, `"a\"b"`, "-0.5e+3"}
		return values[(m.odd-1)%len(values)]
	}
	in := w.l.nl + w.indent(depth+1)
	values := []string{"{}", "null", "~", "x", `"x"`, "[]", `"two` + in + `lines"`, "[1, {a: []}]", "'it''s'", "&a {}", "!!map {}", "!!str x"}
	if !inFlow {
		values = append(values, "|"+in+"text", ">-"+in+"folded"+in+"text", "plain"+in+"lines")
	}
	return values[(m.odd-1)%len(values)]
}

// trimBlank takes back the blank written after a key whose value starts
// on the next line.
func (w *fzWriter) trimBlank() {
	if b := w.b.Bytes(); len(b) > 0 && b[len(b)-1] == ' ' {
		w.b.Truncate(len(b) - 1)
	}
}

var plainWord = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

func (w *fzWriter) key(m *fzMember) string {
	switch {
	case w.l.json:
		return jsonString(m.key)
	case m.status && w.l.statusKey == "'":
		return "'" + m.key + "'"
	case m.status && w.l.statusKey == `"`:
		return `"` + m.key + `"`
	}
	return m.key
}

func (w *fzWriter) scalar(s string) string {
	if !w.l.json && w.l.plain && plainWord.MatchString(s) {
		return s
	}
	return jsonString(s)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
