package textedit

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Removed is a text with members of its mappings taken out (see Remove),
// and what it takes to find a place of it in the text it came from.
type Removed struct {
	Text []byte
	// Comments are the comments of a YAML text that went with the members
	// (none for RemoveKeepingComments, which keeps them).
	Comments []Comment
	from     *source
	to       *source
	spans    []edit // the removed ranges of the original text, in order
}

// Remove takes the members whose keys are in keys out of the text file
// was parsed from: the exact reverse of what the editor writes when it
// inserts them (the member, with the line break and indentation, or the
// comma, that joined it to its mapping), so that text Write inserted
// members into comes back byte for byte once they are removed. What is
// left is a subsequence of the text. A block mapping whose members all go
// goes too, but the comment ending its key's line (see emptied.go).
func Remove(file *yaml.Node, text []byte, isJSON bool, keys map[*yaml.Node]bool) (*Removed, error) {
	return remove(file, text, isJSON, keys, false)
}

func remove(file *yaml.Node, text []byte, isJSON bool, keys map[*yaml.Node]bool, keepComments bool) (*Removed, error) {
	r := &remover{src: newSource(text, isJSON), keys: keys, empty: NewAdditions(), keepComments: keepComments,
		emptied: map[*yaml.Node]bool{}, emptiedValues: map[*yaml.Node]bool{}}
	if alias, key := aliasIntoRemoved(file, keys); alias != nil {
		r.fail(key, "errgen cannot take out %s: the alias *%s at %d:%d names an anchor in it, which would go with it: write that alias's value out in full", key.Value, alias.Value, alias.Line, alias.Column)
		return nil, r.err
	}
	r.markEmptied(file)
	r.walk(file)
	if r.err != nil {
		return nil, r.err
	}
	r.spans = mergedSpans(r.spans)
	out := applyEdits(text, slices.Clone(r.spans))
	if out == nil {
		return nil, ErrOverlap
	}
	sortComments(r.comments)
	return &Removed{Text: out, Comments: r.comments, from: r.src, to: newSource(out, isJSON), spans: r.spans}, nil
}

// Pos is the line and column in the original text of the place at line
// and col (1-based, counted like the parser counts them) of r.Text.
func (r *Removed) Pos(line, col int) (int, int) {
	off := r.to.offset(&yaml.Node{Line: line, Column: col})
	for _, s := range r.spans {
		if s.at > off {
			break
		}
		off += s.end - s.at
	}
	return r.from.position(off)
}

// position is the 1-based line and column of offset off.
func (s *source) position(off int) (int, int) {
	i := s.lineOf(off)
	if s.isJSON {
		return i + 1, off - s.lines[i] + 1
	}
	return i + 1, utf8.RuneCount(s.text[s.lines[i]:off]) + 1
}

type remover struct {
	src   *source
	keys  map[*yaml.Node]bool
	empty *Additions
	spans []edit
	err   *PosError
	// keepComments keeps the comments of what is removed (see
	// RemoveKeepingComments).
	keepComments bool
	comments     []Comment // what went with the members, when not kept
	// emptied are the keys of the block mappings whose every member goes,
	// which go with them, and emptiedValues those mappings (emptied.go).
	emptied, emptiedValues map[*yaml.Node]bool
}

// mergedSpans sorts spans and joins those that overlap: two members'
// cuts, whole lines each, both take the line break between them where the
// text's last line has none of its own to take.
func mergedSpans(spans []edit) []edit {
	slices.SortFunc(spans, func(x, y edit) int { return x.at - y.at })
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.at < out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (r *remover) walk(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		r.mapping(n)
		return
	}
	for _, c := range n.Content {
		r.walk(c)
	}
}

// mapping removes each run of consecutive removed members of m, and walks
// the members it keeps.
func (r *remover) mapping(m *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !r.keys[m.Content[i]] {
			if r.emptied[m.Content[i]] {
				r.emptiedKey(m.Content[i], m.Content[i+1])
			}
			r.walk(m.Content[i+1])
			continue
		}
		j := i
		for j+2 < len(m.Content) && r.keys[m.Content[j+2]] {
			j += 2
		}
		r.run(m, i, j)
		i = j
	}
}

// run removes the members of m from the one keyed at i to the one keyed
// at j.
func (r *remover) run(m *yaml.Node, i, j int) {
	s := r.src
	first, last := m.Content[i], m.Content[j+1]
	if !s.isJSON && m.Style&yaml.FlowStyle != 0 && s.text[s.valueOffset(m)] != '{' {
		// [a, k: v]: a pair of a flow sequence, a mapping without braces,
		// which would be left as no node at all
		r.fail(first, "errgen cannot remove %s, a pair of a flow sequence written without braces", first.Value)
		return
	}
	if !s.isJSON && m.Style&yaml.FlowStyle == 0 {
		r.runBlock(m, i, j)
		return
	}
	// The reverse of the editor's insertions: "X, " before a kept member
	// (in JSON "X," and the line break and indentation errgen writes),
	// else ", X" after the last one (in YAML just "X" after a comma ending
	// the mapping), so that what the author wrote after the member before
	// stays: a comment, a blank line, spacing unlike errgen's. What
	// RemoveKeepingComments takes out the editor did not write: a member
	// goes with the comma before it, and its comments stay (cutKeeping).
	switch yamlFlow := !s.isJSON && !r.keepComments; {
	case (yamlFlow || s.isJSON) && j+2 < len(m.Content): // up to the kept member after
		r.cutRun(m, m.Content[i:j+2], s.offset(first), s.offset(m.Content[j+2]))
	case yamlFlow && i > 0 && string(bytes.TrimLeft(s.text[r.valueEnd(m.Content[i-1]):s.offset(first)], " \t\r\n")) == ",":
		r.cutRun(m, m.Content[i:j+2], s.offset(first), r.trailingComma(r.valueEnd(last))) // the comma before is the author's, and one after goes
	case i > 0: // from the end of the kept member before
		end := r.valueEnd(last)
		if !s.isJSON && bytes.HasPrefix(s.text[end:], []byte(",#")) {
			end++ // the comma the editor wrote before a comment right after the members
		}
		r.cutRun(m, m.Content[i:j+2], r.afterValue(m.Content[i-1], end), end)
	case j+2 < len(m.Content): // up to the kept member after
		r.cutRun(m, m.Content[i:j+2], s.offset(first), s.offset(m.Content[j+2]))
	default: // every member: what the editor put inside the braces, which stay, and a comma ending them ({r: 1,})
		r.cutRun(m, m.Content[i:j+2], s.valueOffset(m)+1, r.trailingComma(r.insideEnd(m, last)))
	}
}

// runBlock is run for a block mapping m of a YAML text.
func (r *remover) runBlock(m *yaml.Node, i, j int) {
	s := r.src
	first, last := m.Content[i], m.Content[j+1]
	if len(s.indentOf(first.Line-1)) != first.Column-1 {
		r.fail(first, "errgen cannot remove %s, which does not start its line", first.Value)
		return
	}
	for p := i; p <= j; p += 2 {
		if k, v := m.Content[p], m.Content[p+1]; v.Kind == yaml.ScalarNode && v.Line > k.Line && v.Column <= k.Column {
			// yaml.v3 reads "r:" then "|" at r's indentation as r's
			// value; by the indentation, r's block ends before it
			r.fail(k, "errgen cannot remove %s, whose value on the next line is not indented more than it: indent the value", k.Value)
			return
		}
	}
	if r.keepComments {
		for p := i; p <= j; p += 2 {
			r.memberKeeping(m.Content[p], m.Content[p+1])
		}
		return
	}
	lastKey := m.Content[j]
	dash := last.Kind == yaml.SequenceNode && last.Style&yaml.FlowStyle == 0 && last.Column == lastKey.Column
	end := s.blockEnd(lastKey.Line-1, lastKey.Column-1, dash, r.empty.lastLeaf(last))
	at, end := s.removal(first.Line-1, end)
	if r.emptiedValues[m] {
		at, end = r.emptiedRun(first.Line-1, end)
	}
	r.cutRun(m, m.Content[i:j+2], at, end)
}

// afterValue is where the cut of the members after the value v of a
// member, the last one kept, starts when it ends at end: v's end, or for an
// empty value (k: ), which ends where the next token starts, one blank
// earlier when a blank or a line break follows end, so that no two blanks
// are left (the editor writes " , " after such a value: "k:," would make
// the colon part of a key) while the colon keeps a blank or a line break
// after it.
func (r *remover) afterValue(v *yaml.Node, end int) int {
	at := r.valueEnd(v)
	t := r.src.text
	if r.src.isJSON || v.Kind != yaml.ScalarNode || v.ShortTag() != "!!null" || v.Value != "" ||
		at == 0 || !isBlank(t[at-1]) || end >= len(t) || !isBlank(t[end]) && t[end] != '\n' && t[end] != '\r' {
		return at
	}
	return at - 1
}

// trailingComma is end, or after the comma that follows it past blanks
// and line breaks: a flow mapping's members may end with one ({r: 1,}),
// which must go with the last of them ({,} is no mapping).
func (r *remover) trailingComma(end int) int {
	t := r.src.text
	i := end
	for i < len(t) && (isBlank(t[i]) || t[i] == '\n' || t[i] == '\r') {
		i++
	}
	if !r.src.isJSON && i < len(t) && t[i] == ',' {
		return i + 1
	}
	return end
}

// insideEnd is where what the editor inserted into the empty flow mapping
// m ends, last being its last member's value: that value's end, and the
// line break and m's line's indentation after it, which pretty JSON and an
// empty mapping of block YAML (components: {}) close with; what the author
// had between the braces ({ }, or blank lines) is after it and stays.
func (r *remover) insideEnd(m, last *yaml.Node) int {
	s := r.src
	end := r.valueEnd(last)
	closing := s.indentOf(m.Line - 1)
	for _, nl := range []string{"\r\n", "\n", "\r"} {
		if bytes.HasPrefix(s.text[end:], []byte(nl+closing)) {
			return end + len(nl) + len(closing)
		}
	}
	return end
}

// cutRun cuts [at, end), the text of the run of members (keys and values)
// of m, and records the comments that go with it.
func (r *remover) cutRun(m *yaml.Node, members []*yaml.Node, at, end int) {
	r.recordComments(at, end, m, members)
	r.cut(at, end)
}

// valueEnd is the offset after a JSON value, or a YAML one of a flow
// collection (or a flow collection itself).
func (r *remover) valueEnd(v *yaml.Node) int {
	at := r.src.valueOffset(v)
	if r.src.isJSON {
		return jsonEnd(r.src.text, at)
	}
	return (&textEditor{src: r.src}).yamlInlineEnd(v, at, true)
}

func (r *remover) cut(at, end int) {
	if r.keepComments && !r.src.isJSON {
		r.cutKeeping(at, end)
		return
	}
	r.cutAll(at, end)
}

func (r *remover) cutAll(at, end int) {
	if end > at {
		r.spans = append(r.spans, edit{at: at, end: end})
	}
}

func (r *remover) fail(n *yaml.Node, format string, args ...any) {
	if r.err == nil {
		e := &textEditor{}
		e.fail(n, format, args...)
		r.err = e.err
	}
}

// aliasIntoRemoved is an alias of file, outside the members whose keys
// are in keys, that names a node of one of them (its key, its value or a
// node under it), and that member's key; nils when none does. The anchor
// would go with the member's text, and the alias then name nothing.
func aliasIntoRemoved(file *yaml.Node, keys map[*yaml.Node]bool) (alias, key *yaml.Node) {
	gone := map[*yaml.Node]*yaml.Node{} // a removed member's node: its key
	var aliases []*yaml.Node
	var visit func(n, removedBy *yaml.Node)
	visit = func(n, removedBy *yaml.Node) {
		if removedBy != nil {
			gone[n] = removedBy
		} else if n.Kind == yaml.AliasNode {
			aliases = append(aliases, n)
		}
		for i, c := range n.Content {
			by := removedBy
			if by == nil && n.Kind == yaml.MappingNode {
				if k := n.Content[i-i%2]; keys[k] {
					by = k
				}
			}
			visit(c, by)
		}
	}
	visit(file, nil)
	for _, a := range aliases {
		if k := gone[a.Alias]; k != nil {
			return a, k
		}
	}
	return nil, nil
}
