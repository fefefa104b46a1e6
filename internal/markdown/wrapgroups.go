package markdown

import (
	"bytes"
	"regexp"
	"unicode/utf8"

	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// wrapInGroups is wrapWhole, parsing only the groups of lines that have a
// line longer than lineLimit, once for each text: refill touches only the
// paragraphs that have one, and its result is a function of the group. Most of a page (code blocks, short prose) has none, and
// parsing the page's blocks was most of the cost of wrapping (the 1,000-error
// page took 2.8 times as long after wrapping came in).
//
// A group starts at a line where no block is open in any parse of the page,
// so that its blocks are the same parsed alone as in the page: the line
// after a blank one, outside fenced code and the HTML blocks that a blank
// line does not end, that can continue no list or block quote (it is not
// indented and starts with no list marker or >). Where that cannot be told
// line by line (a fence or HTML in a list, a quote or indented, a carriage
// return), the whole page goes to wrapWhole. TestWrapInGroupsIsWhole and
// FuzzWrapProse hold the two to the same bytes; BenchmarkWrapInGroups shows
// what it buys.
func wrapInGroups(page []byte) []byte {
	changes, ok := groupChanges(page)
	if !ok {
		return wrapWhole(page)
	}
	if len(changes) == 0 {
		return page
	}
	grow := 0
	for _, c := range changes {
		grow += len(c.with) - (c.to - c.from)
	}
	out := make([]byte, 0, len(page)+max(grow, 0))
	last := 0
	for _, c := range changes {
		out = append(append(out, page[last:c.from]...), c.with...)
		last = c.to
	}
	return append(out, page[last:]...)
}

// wrapInPlace is wrapInGroups on a page the caller gives up, written over
// it: the page is the Markdown stage's largest buffer, and the copy
// wrapInGroups made of it was a seventh of what the stage allocated. A
// change that makes its group longer (a refilled list item gains an
// indent) needs room: the page is first moved up by the most that
// changes before any point add, within its capacity, so that no byte is
// written before it is read; without the room it is wrapInGroups.
// TestWrapInGroupsIsWhole holds both to wrapWhole.
func wrapInPlace(page []byte) []byte {
	changes, ok := groupChanges(page)
	if !ok {
		return wrapWhole(page)
	}
	grow, shift := 0, 0 // what the changes add, and the most they add up to before one ends
	for _, c := range changes {
		grow += len(c.with) - (c.to - c.from)
		shift = max(shift, grow)
	}
	if shift > cap(page)-len(page) {
		return wrapInGroups(page)
	}
	src := page[:len(page)+shift]
	if shift > 0 {
		copy(src[shift:], page) // what a change ends before moves up by at most shift
	}
	n, last := 0, shift // src[:n] is written, src[last:] still to read; n <= last
	for _, c := range changes {
		if n == last {
			n = c.from + shift // what lies between is in place
		} else {
			n += copy(src[n:], src[last:c.from+shift])
		}
		n += copy(src[n:], c.with) // c.with is no part of the page
		last = c.to + shift
	}
	if n == last {
		return src // the rest is in place
	}
	n += copy(src[n:], src[last:])
	return src[:n]
}

// groupChange is a group of the page, page[from:to], that wrapping changes
// to with.
type groupChange struct {
	from, to int
	with     []byte
}

// groupChanges returns the groups wrapping changes, in page order, and
// false when the page needs the parse of the whole. Each group is wrapped
// as soon as the next one starts, so the page's starts need no list (a
// tenth of the page's size).
func groupChanges(page []byte) ([]groupChange, bool) {
	var changes []groupChange
	// groups wrapped, by their text: templates repeat paragraphs. Each
	// maps to what wrapping makes of it, nil when that is the group itself,
	// so that no entry refers to the page's bytes.
	done := map[string][]byte{}
	from := 0 // where the group being read starts
	group := func(to int) {
		group := page[from:to]
		// done holds only groups with a long line: most groups are looked
		// for in it only when they have one, not hashed whole.
		if hasLongLine(group) {
			wrapped, ok := done[string(group)]
			if !ok && !isTable(group) {
				if wrapped = wrapWhole(group); bytes.Equal(wrapped, group) {
					wrapped = nil
				}
				done[string(group)] = wrapped
			}
			if wrapped != nil {
				changes = append(changes, groupChange{from, to, wrapped})
			}
		}
		from = to
	}
	if !groupStarts(page, group) {
		return nil, false
	}
	group(len(page))
	return changes, true
}

// hasLongLine reports whether a line of s has more than lineLimit
// characters.
func hasLongLine(s []byte) bool {
	for len(s) > 0 {
		line := s
		if i := bytes.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = nil
		}
		if len(line) > lineLimit && utf8.RuneCount(line) > lineLimit {
			return true
		}
	}
	return false
}

// isTable reports whether the group is one GFM table and nothing else, so
// that wrapping leaves it as it is: every line is a row (starts with |,
// which opens no other block, so they make one paragraph), and its first
// two make a table's header and delimiter row, which turns the whole
// paragraph into a table (goldmark's table transformer). The first two
// lines alone are parsed.
func isTable(group []byte) bool {
	lines := bytes.Split(bytes.TrimRight(group, " \t\n"), []byte("\n"))
	if len(lines) < 2 {
		return false
	}
	for _, l := range lines {
		if len(l) == 0 || l[0] != '|' {
			return false
		}
	}
	head := blocks.Parse(text.NewReader(bytes.Join(lines[:2], []byte("\n"))))
	first := head.FirstChild()
	return first != nil && first.Kind() == east.KindTable && first.NextSibling() == nil
}

// openBlock is what groupStarts knows to be open at the end of a line.
type openBlock struct {
	fence      []byte // the opening fence's run of ` or ~, while in fenced code
	htmlEnd    func(line []byte) bool
	maybeHTML  bool // a line began with < whose block, if any, ends at a blank line
	afterBlank bool // the line was blank
}

// groupStarts calls start with the offset of each line where a group
// starts but the first, at 0, in order, and returns false when the page
// needs the parse of the whole.
func groupStarts(page []byte, start func(off int)) bool {
	if bytes.IndexByte(page, '\r') >= 0 || bytes.IndexByte(page, 0) >= 0 {
		return false
	}
	st := openBlock{}
	for off := 0; off < len(page); {
		end := bytes.IndexByte(page[off:], '\n')
		next := len(page)
		if end >= 0 {
			end += off
			next = end + 1
		} else {
			end = len(page)
		}
		line := page[off:end]
		if off > 0 && st.afterBlank && st.fence == nil && st.htmlEnd == nil && startsFresh(line) {
			start(off)
		}
		if !st.next(line) {
			return false
		}
		off = next
	}
	return true
}

// startsFresh reports whether line, after a blank line, closes every block
// but fenced code and HTML blocks of types 1 to 5: it is not blank, not
// indented, and continues no block quote or list (a bullet list marker is
// -, + or * followed by white space or nothing; a line starting with a
// digit may be an ordered one).
func startsFresh(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	switch c := line[0]; {
	case c == ' ' || c == '\t' || c == '>':
		return false
	case c == '-' || c == '+' || c == '*':
		if len(line) == 1 || line[1] == ' ' || line[1] == '\t' {
			return false
		}
	case c >= '0' && c <= '9':
		return false
	}
	return !isBlank(line)
}

// next moves st past line; false when the page must be parsed whole.
func (st *openBlock) next(line []byte) bool {
	blank := isBlank(line)
	switch {
	case st.fence != nil:
		if endsFence(line, st.fence) {
			st.fence = nil
		}
	case st.htmlEnd != nil:
		if st.htmlEnd(line) {
			st.htmlEnd = nil
		}
	case blank:
		st.maybeHTML = false
	default:
		if !st.opens(line) {
			return false
		}
	}
	st.afterBlank = blank
	return true
}

// containerStart is a byte that may open or continue a container block,
// or indent: what next looks past for a fence or HTML.
var containerStart = func() (t [256]bool) {
	for _, c := range []byte(" \t>-+*0123456789.)") {
		t[c] = true
	}
	return t
}()

// opens moves st past line, which is not blank and outside fenced code and
// HTML; false when the page must be parsed whole.
func (st *openBlock) opens(line []byte) bool {
	rest := line // past what may open or continue a container
	for len(rest) > 0 && containerStart[rest[0]] {
		rest = rest[1:]
	}
	if len(rest) == 0 || rest[0] != '`' && rest[0] != '~' && rest[0] != '<' {
		return true // neither a fence nor HTML opens (opensFence, mayOpenHTML)
	}
	fence, html := opensFence(rest), mayOpenHTML(rest)
	switch {
	case !fence && !html:
		return true
	case len(rest) != len(line) || st.maybeHTML:
		return false // in a container, indented, or maybe inside HTML: not told line by line
	case fence:
		st.fence = fenceRun(line)
	default:
		st.htmlEnd = htmlBlockEnd(line)
		st.maybeHTML = st.htmlEnd == nil
	}
	return true
}

// mayOpenHTML reports whether s may start an HTML block: it starts with <
// and is no autolink, whose scheme ends with a colon where a tag's name
// could end only with white space, > or />.
func mayOpenHTML(s []byte) bool {
	if len(s) < 2 || s[0] != '<' {
		return false
	}
	name := s[1:]
	if name[0] == '/' {
		name = name[1:]
	}
	if len(name) == 0 || !isASCIILetter(name[0]) {
		return true // <!, <?, and what else no tag starts with: judged as HTML
	}
	n := 1
	for n < len(name) && (isASCIILetter(name[n]) || name[n] >= '0' && name[n] <= '9' || name[n] == '-' || name[n] == '+' || name[n] == '.') {
		n++
	}
	return n == len(name) || name[n] != ':'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// opensFence reports whether s starts as a fence opens: three or more ` or
// ~, and for `, no ` after them.
func opensFence(s []byte) bool {
	run := fenceRun(s)
	if run == nil {
		return false
	}
	return run[0] == '~' || bytes.IndexByte(s[len(run):], '`') < 0
}

// fenceRun is the run of ` or ~ s starts with, if three or more long.
func fenceRun(s []byte) []byte {
	if len(s) == 0 || (s[0] != '`' && s[0] != '~') {
		return nil
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 {
		return nil
	}
	return s[:n]
}

// endsFence reports whether line closes fenced code opened by open: up
// to three spaces, a run of the same character at least as long, then
// nothing but white space.
func endsFence(line, open []byte) bool {
	indent := 0
	for indent < len(line) && line[indent] == ' ' {
		indent++
	}
	if indent > 3 || (indent < len(line) && line[indent] == '\t') {
		return false
	}
	n := indent
	for n < len(line) && line[n] == open[0] {
		n++
	}
	return n-indent >= len(open) && isBlank(line[n:])
}

// The HTML blocks that a blank line does not end (CommonMark's types 1 to
// 5), as goldmark opens them at the start of a line.
var (
	htmlType1      = regexp.MustCompile(`(?i)^<(script|pre|style|textarea)(?:\s.*|>.*|/>.*|)$`)
	htmlType1Close = regexp.MustCompile(`(?i)</(?:script|pre|style|textarea)>`)
	htmlType4      = regexp.MustCompile(`^<![A-Z]+`)
)

// htmlBlockEnd returns, for a line that opens an HTML block of type 1 to 5,
// the test of the line that ends it; nil for any other line, and for one
// such block that ends on its own line.
func htmlBlockEnd(line []byte) func([]byte) bool {
	var end func([]byte) bool
	switch {
	case htmlType1.Match(line):
		end = htmlType1Close.Match
	case bytes.HasPrefix(line, []byte("<!--")):
		end = containing("-->")
	case bytes.HasPrefix(line, []byte("<?")):
		end = containing("?>")
	case bytes.HasPrefix(line, []byte("<![CDATA[")):
		end = containing("]]>")
	case htmlType4.Match(line):
		end = containing(">")
	}
	if end == nil || end(line) {
		return nil
	}
	return end
}

func containing(s string) func([]byte) bool {
	return func(line []byte) bool { return bytes.Contains(line, []byte(s)) }
}

// isBlank reports whether line is spaces and tabs, or empty.
func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
