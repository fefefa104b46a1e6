package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Renderers that give headings ids (GitHub, markdown-it-anchor with
// github-slugger, most static-site generators) derive them from the
// heading's text: "### CONFLICT" gets the id conflict, which the <a
// id="conflict"> just above it already is. Two elements with one id: a
// link lands on the first, and the HTML is invalid. So after rendering,
// every heading whose slug would be one of the page's anchors (before it,
// or inside it as the compact layout puts them) gets words
// that give it another slug (the anchors stay: every link published keeps
// landing where it did).

// anchorIDs matches the anchors the anchor function writes; lines without
// anchorOpen are not searched. The page's passes find them with
// nextAnchor, which TestNextAnchor holds to it.
var anchorIDs = regexp.MustCompile(`<a id="([^"]*)"></a>`)

const anchorOpen = `<a id="`

// anchorClose is what ends an anchor after its id.
const anchorClose = `"></a>`

// nextAnchor finds, at or after from, the leftmost match of anchorIDs in s:
// s[start:end], its id s[id:idEnd]; start is -1 when there is none. Every
// line of the page with an anchor went through the regular expression
// twice, which cost as much as the rest of uniqueHeadingIDs.
func nextAnchor[T string | []byte](s T, from int) (start, end, id, idEnd int) {
	for i := from; i+len(anchorOpen)+len(anchorClose) <= len(s); i++ {
		if s[i] != '<' || string(s[i:i+len(anchorOpen)]) != anchorOpen {
			continue
		}
		j := i + len(anchorOpen)
		for j < len(s) && s[j] != '"' {
			j++
		}
		if j+len(anchorClose) <= len(s) && string(s[j:j+len(anchorClose)]) == anchorClose {
			return i, j + len(anchorClose), i + len(anchorOpen), j
		}
	}
	return -1, -1, -1, -1
}

// githubSlug is github-slugger's slug of a heading's text: lower case,
// every character but letters, marks, digits, '-', '_' and ' ' dropped,
// spaces made '-'.
func githubSlug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// slugger numbers repeated slugs as github-slugger does: foo, foo-1, foo-2.
type slugger map[string]int

// next is the id the next heading with slug gets, without taking it.
func (s slugger) next(slug string) string {
	id, n := slug, s[slug]
	for {
		if _, taken := s[id]; !taken {
			return id
		}
		n++
		id = slug + "-" + strconv.Itoa(n)
	}
}

// take records the id of a heading with slug.
func (s slugger) take(slug string) string {
	id := slug
	for {
		if _, taken := s[id]; !taken {
			break
		}
		s[slug]++
		id = slug + "-" + strconv.Itoa(s[slug])
	}
	s[id] = 0
	return id
}

// headingText is an ATX heading line's text as a renderer sees it:
// without the #s, anchors, backslash escapes and code span backticks.
func headingText(line string) string {
	t := strings.TrimSpace(removeAnchors(strings.TrimLeft(line, "#")))
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '\\' && i+1 < len(t):
			i++
			b.WriteByte(t[i])
		case t[i] == '`':
		default:
			b.WriteByte(t[i])
		}
	}
	return html.UnescapeString(b.String())
}

// removeAnchors is s without its anchors.
func removeAnchors(s string) string {
	start, end, _, _ := nextAnchor(s, 0)
	if start < 0 {
		return s
	}
	var b strings.Builder
	for start >= 0 {
		b.WriteString(s[:start])
		s = s[end:]
		start, end, _, _ = nextAnchor(s, 0)
	}
	b.WriteString(s)
	return b.String()
}

// atxLevel is the level of an ATX heading line, 0 for another line.
func atxLevel(line string) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(line) && line[n] != ' ' {
		return 0
	}
	return n
}

// uniqueHeadingIDs gives a distinct slug to every heading whose id would
// be one of the page's anchors. An error's heading follows its anchor: it
// gains its status ("CONFLICT (409)"), another heading the page's word for
// a section (" (section)"); a number follows if that is taken too. It reads
// the page's lines in place, once (scanHeadings), and makes a string only
// of the headings' lines: a page of 50,000 errors is tens of megabytes,
// which a copy, its split lines and their join would each take again. The
// page is copied, between the headings that change, only when one does.
// TestUniqueHeadingIDsIsPlain holds it to the two passes line by line it
// was (uniqueHeadingIDsPlain).
func uniqueHeadingIDs(page []byte, statusOf map[string]int, section string) []byte {
	return uniqueHeadingIDsSlugs(page, statusOf, section, true)
}

// uniqueHeadingIDsSlugs is uniqueHeadingIDs, making the slugs of plain
// headings with plainHeadingSlug when plainSlugs is true, and all with
// headingText and githubSlug, the plain path, when false.
func uniqueHeadingIDsSlugs(page []byte, statusOf map[string]int, section string, plainSlugs bool) []byte {
	anchors, heads := scanHeadings(page, len(statusOf))
	if len(anchors) == 0 {
		return page
	}
	ids := make(slugger, len(heads))
	var out []byte  // nil until a heading changes
	last := 0       // the end of what out holds of the page
	var slug []byte // a plain heading's slug (plainHeadingSlug)
	for _, hd := range heads {
		line := page[hd.at:hd.end]
		var plain bool
		if slug, plain = plainHeadingSlug(slug[:0], line); plain && plainSlugs {
			if s := string(slug); !anchors[ids.next(s)] {
				ids.take(s)
				continue
			}
		}
		suffix := headingSuffix(ids, anchors, headingText(string(line)), statusOf, hd.lastAnchor, section)
		if suffix == "" {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(page)+len(page)/64)
		}
		out = append(append(append(out, page[last:hd.at]...), bytes.TrimRight(line, " ")...), suffix...)
		last = hd.end
	}
	if out == nil {
		return page
	}
	return append(out, page[last:]...)
}

// plainHeadingSlug appends githubSlug(headingText(line)) to dst for a
// heading line of ASCII without entities or anchors (no & or <), as an
// error's heading is (### E00042\_FAILED), and reports false for any
// other, which headingText must read: those two made four strings a
// heading, where the slug is made here in one buffer. TestPlainHeadingSlug
// holds it to them.
func plainHeadingSlug(dst, line []byte) ([]byte, bool) {
	for _, c := range line {
		if c >= utf8.RuneSelf || c == '&' || c == '<' {
			return dst, false
		}
	}
	t := bytes.TrimSpace(bytes.TrimLeft(line, "#"))
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '\\' && i+1 < len(t):
			i++
			c = t[i] // the character escaped, kept as headingText keeps it
		case c == '`':
			continue
		}
		switch {
		case c == ' ':
			dst = append(dst, '-')
		case 'A' <= c && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_':
			dst = append(dst, c)
		}
	}
	return dst, true
}

// headingLine is a heading of the page outside fenced code.
type headingLine struct {
	at, end    int    // where its line starts and ends, before its newline
	lastAnchor string // the anchor it follows, or holds; "" for none
}

// scanHeadings returns the ids of the page's anchors outside fenced code,
// and its headings there, in order, each with the anchor it follows: the
// one standing alone on the lines before it, with none but blank lines
// between, or its own. errors is how many errors the page has, each with
// an anchor and a heading: the map and list are made that size at once,
// not grown to it.
func scanHeadings(page []byte, errors int) (map[string]bool, []headingLine) {
	anchors := make(map[string]bool, errors)
	heads := make([]headingLine, 0, errors+errors/8+16) // and the sections' and groups'

	var fences fenceState
	lastAnchor := ""
	for at, next := 0, 0; at < len(page); at = next {
		var line []byte
		line, next = lineAt(page, at)
		if fences.code(line) {
			continue
		}
		start, end, id, idEnd := -1, -1, -1, -1
		if bytes.Contains(line, []byte(anchorOpen)) {
			start, end, id, idEnd = nextAnchor(line, 0)
			for s, e, i, ie := start, end, id, idEnd; s >= 0; s, e, i, ie = nextAnchor(line, e) {
				anchors[html.UnescapeString(string(line[i:ie]))] = true
			}
		}
		switch {
		case start >= 0 && bytes.Equal(bytes.TrimSpace(line), line[start:end]):
			lastAnchor = html.UnescapeString(string(line[id:idEnd]))
		case len(line) == 0 || line[0] != '#' || atxLevel(string(line)) == 0:
			if len(bytes.TrimSpace(line)) > 0 {
				lastAnchor = ""
			}
		default:
			if start >= 0 { // ### <a id="x"></a>X
				lastAnchor = html.UnescapeString(string(line[id:idEnd]))
			}
			heads = append(heads, headingLine{at: at, end: at + len(line), lastAnchor: lastAnchor})
			lastAnchor = ""
		}
	}
	return anchors, heads
}

// lineAt is the line of page that starts at at, without its newline, and
// where the next one starts.
func lineAt(page []byte, at int) (line []byte, next int) {
	if i := bytes.IndexByte(page[at:], '\n'); i >= 0 {
		return page[at : at+i], at + i + 1
	}
	return page[at:], len(page)
}

// fenceState follows a page's fenced code blocks line by line.
type fenceState struct{ open string } // the opening fence's run, "" outside a block

// code reports whether line, the page's next, is in a fenced code block,
// fence lines included.
func (f *fenceState) code(line []byte) bool {
	if f.open != "" {
		if startsAfterIndent(line, f.open[0]) && closesFence(string(line), f.open) {
			f.open = ""
		}
		return true
	}
	if startsAfterIndent(line, '`') || startsAfterIndent(line, '~') {
		f.open = runOf(openingFence(string(line)))
	}
	return f.open != ""
}

// fenceRuns hold the fence runs runOf returns.
const (
	backtickRuns = "````````````````````````````````"
	tildeRuns    = "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
)

// runOf is run, a run of one character, as a string that does not hold on
// to the line it was found in: keeping that line (a copy of the page's
// bytes) took an allocation for every fence of the page.
func runOf(run string) string {
	switch {
	case run == "" || len(run) > len(backtickRuns):
		return strings.Clone(run)
	case run[0] == '`':
		return backtickRuns[:len(run)]
	}
	return tildeRuns[:len(run)]
}

// startsAfterIndent reports whether line has c after at most three spaces:
// what a line must have to open or close a fence of c.
func startsAfterIndent(line []byte, c byte) bool {
	n := 0
	for n < len(line) && n < 4 && line[n] == ' ' {
		n++
	}
	return n < 4 && n < len(line) && line[n] == c
}

// headingSuffix takes the id of the heading text, and returns "" when its
// slug is no anchor, else the suffix that makes it none: the status of the
// error whose anchor lastAnchor is, or section, then a number if need be.
func headingSuffix(ids slugger, anchors map[string]bool, text string, statusOf map[string]int, lastAnchor, section string) string {
	slug := githubSlug(text)
	if !anchors[ids.next(slug)] {
		ids.take(slug)
		return ""
	}
	word := section
	if status, ok := statusOf[lastAnchor]; ok {
		word = strconv.Itoa(status)
	}
	suffix := " (" + word + ")"
	for n := 2; ; n++ {
		slug = githubSlug(text + suffix)
		if !anchors[ids.next(slug)] {
			break
		}
		suffix = " (" + word + " " + strconv.Itoa(n) + ")"
	}
	ids.take(slug)
	return suffix
}
