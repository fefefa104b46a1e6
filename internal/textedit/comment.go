package textedit

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// LineComment records c as the comment ending the line of the scalar v of
// a YAML text, in place of the comment there, if any; "" takes it away.
// It is how a tool writes, and later takes back, a mark of its own beside
// a value (errgen translate's stale entries). v is a value of the text, or
// one the text's value is replaced with (Replace), its comment kept on its
// line.
func (a *Additions) LineComment(v *yaml.Node, c string) {
	a.lineEnd(v, func(string) string {
		if c == "" {
			return ""
		}
		return " # " + c
	})
}

// Mark puts the comment "# mark" at the end of the line of the scalar v
// when on, after the comment there, if any, which stays byte for byte
// (the line then reads "v   # the author's # mark"); when off, it takes a
// "# mark" ending the line back out, with the blanks before it, and
// leaves the rest. It is how a tool marks a value, and takes the mark
// back, without touching a comment of the text's author.
func (a *Additions) Mark(v *yaml.Node, mark string, on bool) {
	a.lineEnd(v, func(tail string) string {
		trimmed := strings.TrimRight(tail, " \t")
		rest, marked := strings.CutSuffix(trimmed, "# "+mark)
		switch {
		case marked == on:
			return tail
		case on && trimmed == "":
			return " # " + mark
		case on:
			return trimmed + " # " + mark
		}
		return strings.TrimRight(rest, " \t")
	})
}

func (a *Additions) lineEnd(v *yaml.Node, f func(tail string) string) {
	if a.lineEnds == nil {
		a.lineEnds = map[*yaml.Node]func(string) string{}
	}
	a.lineEnds[v] = f
}

// comment rewrites the end of the line of the text's scalar v: from the
// end of the value to the line break, the comment there or none, as f
// makes it from what is there. m is the mapping v is a value of, k its
// key. A scalar going on over lines (plain or quoted) is refused like a
// block scalar: a comment after its first line would end it there.
func (e *textEditor) comment(m, k, v *yaml.Node, f func(tail string) string, depth int) {
	if e.src.isJSON || m.Style&yaml.FlowStyle != 0 || v.Kind != yaml.ScalarNode || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		e.fail(v, "a comment goes only after a one-line scalar of a block mapping")
		return
	}
	if e.explicitKey(k) { // its value may be on the ? line, or the : line below, or nowhere
		return
	}
	start := e.src.valueOffset(v)
	line := e.src.lineOf(start)
	at, end := e.yamlInlineEnd(v, start, false), e.src.ends[line]
	if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
		first := *v // placed on the line its value starts
		first.Line = line + 1
		at = e.plainBlockEnd(k, &first, start)
	}
	if at > end {
		e.fail(v, "a comment goes only after a one-line scalar of a block mapping: this one goes on over lines")
		return
	}
	rest := bytes.TrimLeft(e.src.text[at:end], " \t")
	if len(rest) > 0 && rest[0] != '#' {
		e.fail(v, "cannot write a comment after %q: the line goes on after it", v.Value)
		return
	}
	if text := f(string(e.src.text[at:end])); string(e.src.text[at:end]) != text {
		e.add(at, end, depth, text)
	}
}

// ReplaceComment replaces the block of comment lines right above the line
// of n, a key or a list item of the text, that starts with the highest line
// of those right above n whose comment begins with first ("# en:"; there
// may be several, one per member of a list item), down to n's line, with
// comment (its lines each starting with "#"), at the indentation of n's
// line; comment "" takes the block's lines out, breaks and all. Comment
// lines above that block stay, and so do the author's within it (ownRuns),
// below the new comment; without such a block, nothing changes. It is how a tool
// keeps a comment of its own above a value current (errgen translate's
// source texts) without touching a comment of the text's author.
func (a *Additions) ReplaceComment(n *yaml.Node, first, comment string) {
	if a.comments == nil {
		a.comments = map[*yaml.Node]headComment{}
	}
	a.comments[n] = headComment{first, comment}
}

// headComment is a comment block ReplaceComment replaces.
type headComment struct{ first, comment string }

// ownRuns are the runs of the tool's lines among the comment lines from
// start to line (exclusive), as [from, to) line ranges: each opens with a
// line starting with first and goes on over the lines continuing it ("#"
// alone, or indented past first, as errgen translate lines up a text's
// further lines). A line continuing no line of the tool's is the author's,
// however it reads: an author's note under the source text, or between
// two of a row's source texts, keeps its paragraphs and its place.
func (e *textEditor) ownRuns(c headComment, start, line int) [][2]int {
	more := []byte("#" + strings.Repeat(" ", len(c.first)))
	var runs [][2]int
	for l := start; l < line; l++ {
		text := bytes.TrimLeft(e.src.lineText(l), " \t")
		switch {
		case bytes.HasPrefix(text, []byte(c.first)):
			runs = append(runs, [2]int{l, l + 1})
		case len(runs) > 0 && runs[len(runs)-1][1] == l && (string(text) == "#" || bytes.HasPrefix(text, more)):
			runs[len(runs)-1][1] = l + 1
		}
	}
	return runs
}

// headComment rewrites the comment block above n's line (ReplaceComment).
// prev is the node before n in its collection, whose scalars' text may
// hold lines that read like comments right above n (a block scalar's
// "# en: …" line): those are no comment lines. indent is the indentation
// of n's collection (its keys', its dashes').
func (e *textEditor) headComment(n, prev *yaml.Node, indent int, c headComment, depth int) {
	line := n.Line - 1
	if e.src.isJSON || line < 1 || line >= len(e.src.lines) {
		return
	}
	var sc scalarScan
	if prev != nil {
		e.src.scan(prev, &sc, indent)
	}
	texts := merged(sc.texts)
	start := -1 // the block's first line: the highest that starts with first
	for l := line; l > 0 && isCommentLine(e.src.lineText(l-1)) && !inSpans(texts, e.src.lines[l-1]+len(e.src.indentOf(l-1))); l-- {
		if bytes.HasPrefix(bytes.TrimLeft(e.src.lineText(l-1), " \t"), []byte(c.first)) {
			start = l - 1
		}
	}
	if start < 0 {
		return
	}
	// the tool's first run becomes comment; its others go, the author's
	// lines between and below them stay (below the new block)
	runs := e.ownRuns(c, start, line)
	for _, r := range runs[1:] {
		e.add(e.src.lines[r[0]], e.src.lines[r[1]], depth, "")
	}
	if c.comment == "" { // no blank line left where the block was
		e.add(e.src.lines[start], e.src.lines[runs[0][1]], depth, "")
		return
	}
	lineIndent := e.src.indentOf(line)
	text := lineIndent + strings.ReplaceAll(c.comment, "\n", e.st.nl+lineIndent)
	at, end := e.src.lines[start], e.src.ends[runs[0][1]-1]
	if string(e.src.text[at:end]) != text {
		e.add(at, end, depth, text)
	}
}

// isCommentLine reports whether a line holds a comment alone.
func isCommentLine(line []byte) bool {
	t := bytes.TrimLeft(line, " \t")
	return len(t) > 0 && t[0] == '#'
}
