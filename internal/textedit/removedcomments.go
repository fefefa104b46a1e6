package textedit

import (
	"bytes"
	"cmp"
	"slices"
	"sort"

	"go.yaml.in/yaml/v3"
)

// A Comment is a comment Remove took out of a YAML text with the members
// around it: where it was, 1-based, and the key of the removed member it
// belongs to: the one whose text held it (the last of its run that starts
// before it), or, for a comment line at the column of the next key, that
// key, which it heads; within that member, the innermost member whose key
// Remove was given too and whose text held it (see innermost). The caller
// decides whether losing it is allowed: Remove only says what went.
type Comment struct {
	Line, Col int
	Key       *yaml.Node
}

// A Member is a member of a mapping whose value the editor is to replace
// (see Additions.Replace): its key and value, and whether the mapping is
// a flow one.
type Member struct {
	Key, Value *yaml.Node
	InFlow     bool
}

// ReplacedComments are the comments of a YAML text that writing other
// values in place of the members' would take out with the old ones (see
// replacedSpan), in text order, each with its member's key. A JSON text
// has none. As with Remove, the caller decides whether losing them is
// allowed.
func ReplacedComments(text []byte, isJSON bool, members []Member) []Comment {
	if isJSON || len(members) == 0 {
		return nil
	}
	e := &textEditor{src: newSource(text, isJSON), adds: NewAdditions()}
	var comments []Comment
	for _, m := range members {
		at, end := e.replacedSpan(m.Key, m.Value, m.InFlow)
		var sc scalarScan
		if m.InFlow {
			sc.flows = append(sc.flows, span{at, end})
		}
		e.src.scan(m.Value, &sc, m.Key.Column-1)
		for _, off := range e.src.commentsIn(at, end, &sc) {
			line, col := e.src.position(off)
			comments = append(comments, Comment{Line: line, Col: col, Key: m.Key})
		}
	}
	sortComments(comments)
	return comments
}

// span is a range [at, end) of the text.
type span struct{ at, end int }

// recordComments records the comments in [at, end), the span that takes
// out the members (keys and values, in order) of a run of m.
func (r *remover) recordComments(at, end int, m *yaml.Node, members []*yaml.Node) {
	if r.src.isJSON || r.keepComments {
		return
	}
	// the span starts after a token (the value before, or a line break):
	// a # right there starts a comment ({a: 'x'# c, r: 1})
	sc := scalarScan{tokenEnds: []int{at}}
	if m.Style&yaml.FlowStyle != 0 {
		sc.flows = append(sc.flows, span{at, end})
	}
	for i, n := range members {
		r.src.scan(n, &sc, members[i-i%2].Column-1) // a key's, its value's
	}
	for _, off := range r.src.commentsIn(at, end, &sc) {
		line, col := r.src.position(off)
		r.comments = append(r.comments, Comment{Line: line, Col: col, Key: r.innermost(members, off, line, col)})
	}
}

// innermost is the key of the member of the run (keys and values, in
// order) whose text holds the comment at off, on line at column col (see
// holder); or, when that member's value is a mapping whose members' text
// holds it, of the innermost such member whose key is in r.keys too. A
// section removed whole, each of its members a key to remove as well, so
// names the member the comment was written in, which the caller can name
// as it names a member removed on its own.
func (r *remover) innermost(members []*yaml.Node, off, line, col int) *yaml.Node {
	ownLine := isBlankLine(r.src.text[r.src.lines[line-1]:off])
	k, _ := r.holder(members, off, col, ownLine)
	for {
		v := members[k+1]
		if v.Kind != yaml.MappingNode || len(v.Content) == 0 || !r.inside(v, off, col, ownLine) {
			return members[k]
		}
		i, in := r.holder(v.Content, off, col, ownLine)
		if !in || !r.keys[v.Content[i]] {
			return members[k]
		}
		members, k = v.Content, i
	}
}

// holder is the index in members (keys and values, in text order) of the
// key of the member whose text holds the comment at off, at column col:
// the last whose key starts before it, but a comment on a line of its own
// at the column of the key after that one heads that key. in is false for
// a comment before every key that heads none, for which it gives the first.
func (r *remover) holder(members []*yaml.Node, off, col int, ownLine bool) (k int, in bool) {
	n := len(members) / 2
	last := sort.Search(n, func(i int) bool { return r.src.offset(members[2*i]) >= off }) - 1
	if next := last + 1; next < n && ownLine && members[2*next].Column == col {
		return 2 * next, true
	}
	return 2 * max(last, 0), last >= 0
}

// inside reports whether the comment at off, at column col, may be in the
// text of mapping v's members: before the end of a flow mapping; in a
// block one, ending a line, or on a line of its own indented as its keys
// at least (a comment less indented follows the mapping).
func (r *remover) inside(v *yaml.Node, off, col int, ownLine bool) bool {
	if v.Style&yaml.FlowStyle != 0 {
		end, _, _ := r.src.flowEnd(r.src.valueOffset(v))
		return off < end
	}
	return !ownLine || col >= v.Content[0].Column
}

// scalarScan is what commentsIn needs of the nodes of a span's text: where
// a # is a scalar's character (a quoted scalar up to its closing quote,
// the lines of a block scalar after its indicator's), where a token ends
// that a # may follow right away as a comment (a quoted scalar, a flow
// collection, a block scalar's indicator), and the flow collections (a #
// right after a comma, [ or { there is a comment too).
type scalarScan struct {
	texts, flows []span
	tokenEnds    []int
}

// scan adds n's subtree to sc; indent is the indentation of the block
// collection n is in (its key's, its dash's), which a block scalar's lines
// must exceed.
func (s *source) scan(n *yaml.Node, sc *scalarScan, indent int) {
	switch {
	case n.Kind == yaml.ScalarNode && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		at := s.valueOffset(n)
		end := quotedEnd(s.text, at)
		sc.texts = append(sc.texts, span{at, end})
		sc.tokenEnds = append(sc.tokenEnds, end)
	case n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		at := s.valueOffset(n)
		header := s.lineOf(at) // the line of | or >, below the properties when they end theirs
		if i := bytes.IndexByte(s.text[at:s.ends[header]], '#'); i >= 0 {
			sc.tokenEnds = append(sc.tokenEnds, at+i) // the header's comment (|# c)
		}
		if first := header + 1; first < len(s.lines) {
			sc.texts = append(sc.texts, span{s.lines[first], s.blockScalarEnd(header, indent, indentIndicator(s.text[at:s.ends[header]]))})
		}
	case n.Kind != yaml.ScalarNode && n.Kind != yaml.AliasNode && n.Style&yaml.FlowStyle != 0:
		at := s.valueOffset(n)
		end, _, _ := s.flowEnd(at)
		sc.flows = append(sc.flows, span{at, end})
		sc.tokenEnds = append(sc.tokenEnds, end)
	}
	for i, c := range n.Content {
		switch n.Kind {
		case yaml.MappingNode:
			s.scan(c, sc, n.Content[i-i%2].Column-1)
		case yaml.SequenceNode:
			s.scan(c, sc, n.Column-1)
		default:
			s.scan(c, sc, indent)
		}
	}
}

// commentsIn is the offset of the # of each comment in [at, end): a # at
// the start of a token, outside a scalar's text, as yaml.v3 reads one.
func (s *source) commentsIn(at, end int, sc *scalarScan) []int {
	bySpan := func(x, y span) int { return x.at - y.at }
	slices.SortFunc(sc.texts, bySpan)
	sc.flows = merged(sc.flows)
	slices.Sort(sc.tokenEnds)
	var found []int
	texts := sc.texts
	for i := at; i < end; i++ {
		for len(texts) > 0 && texts[0].end <= i {
			texts = texts[1:]
		}
		if len(texts) > 0 && texts[0].at <= i {
			i = texts[0].end - 1
			continue
		}
		if s.text[i] != '#' || !s.startsToken(i, sc) {
			continue
		}
		found = append(found, i)
		line, _ := slices.BinarySearch(s.lines, i+1)
		i = s.ends[line-1] // the comment runs to its line's end
	}
	return found
}

// startsToken reports whether a token may start at off, which is outside
// any scalar: after a blank or a line break, right after a quoted scalar
// or a flow collection, or in a flow collection after a comma, an opening
// bracket, a ? (always the key indicator there), or a : right after a
// quoted scalar or a flow collection (a plain scalar holds any # no blank
// is before).
func (s *source) startsToken(off int, sc *scalarScan) bool {
	if off == 0 {
		return true
	}
	if _, ended := slices.BinarySearch(sc.tokenEnds, off); ended {
		return true
	}
	switch prev := s.text[off-1]; prev {
	case ' ', '\t', '\n', '\r':
		return true
	case ',', '[', '{', '?', ':':
		if !inSpans(sc.flows, off) {
			return false
		}
		_, ended := slices.BinarySearch(sc.tokenEnds, off-1)
		return prev != ':' || ended
	}
	_, lineStart := slices.BinarySearch(s.lines, off) // after NEL, LS or PS
	return lineStart
}

// merged is spans sorted and joined where they overlap (flow collections
// nest), so that inSpans can search them.
func merged(spans []span) []span {
	slices.SortFunc(spans, func(x, y span) int { return x.at - y.at })
	var out []span
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.at < out[n-1].end {
			out[n-1].end = max(out[n-1].end, sp.end)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// inSpans reports whether off is inside one of spans, sorted and disjoint.
func inSpans(spans []span, off int) bool {
	i, _ := slices.BinarySearchFunc(spans, off, func(sp span, off int) int { return sp.at - off })
	if i < len(spans) && spans[i].at == off {
		return true
	}
	return i > 0 && off < spans[i-1].end
}

// blockScalarEnd is the end of the last line of the block scalar whose
// indicator is on line header (0-based), in a block collection indented
// outer: its lines are blank or indented at least as much as its first
// line that is not, which is indented more than outer, or with an
// indentation indicator (|2) that many spaces more than outer.
func (s *source) blockScalarEnd(header, outer, explicit int) int {
	end := s.ends[header]
	content := -1
	if explicit > 0 {
		content = outer + explicit
	}
	leading := 0 // the most spaces of an all-space line before the first text line
	for i := header + 1; i < len(s.lines); i++ {
		t := s.lineText(i)
		indent := spacesBefore(t)
		switch {
		case indent == len(t) || isBlankLine(t):
			if content < 0 {
				leading = max(leading, indent)
			}
			continue
		case content < 0 && indent > outer && indent >= leading:
			// as libyaml detects it: the first text line's indentation,
			// unless an all-space line before it has more spaces
			content = indent
		case content < 0 || indent < content:
			return end
		}
		end = s.ends[i]
	}
	return end
}

// indentIndicator is the indentation indicator of a block scalar's
// header (|2, >-4), 0 for none.
func indentIndicator(header []byte) int {
	for _, c := range header[1:] {
		switch {
		case c >= '1' && c <= '9':
			return int(c - '0')
		case c != '+' && c != '-':
			return 0
		}
	}
	return 0
}

func spacesBefore(t []byte) int {
	n := 0
	for n < len(t) && t[n] == ' ' {
		n++
	}
	return n
}

func isBlankLine(t []byte) bool {
	for _, c := range t {
		if !isBlank(c) {
			return false
		}
	}
	return true
}

// sortComments puts comments in text order.
func sortComments(cs []Comment) {
	slices.SortFunc(cs, func(x, y Comment) int { return cmp.Or(x.Line-y.Line, x.Col-y.Col) })
}
