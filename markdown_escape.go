package errgen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"
	"text/template"
)

// mdFuncs are the functions the Markdown templates may call; the
// templates package documents them for template authors.
var mdFuncs = template.FuncMap{
	"cell":     mdCell,
	"inline":   mdInline,
	"text":     mdText,
	"markdown": mdVerbatim,
	"heading":  mdHeading,
	"code":     mdCode,
	"anchor":   mdAnchor,
	"json":     mdJSON,
	"fence":    mdFence,
	"url":      mdURL,
	// Bound per page to mdPart; this stand-in lets templates parse.
	"part": func(string, any) (string, error) { return "", errors.New("part is unbound") },
}

// mdBreaks says what a line break in catalog text becomes: where it lands
// decides whether it is harmless, ends a list item or ends a table row.
type mdBreaks int

const (
	mdKeepBreaks  mdBreaks = iota // a block of prose: the author's line structure
	mdSpaceBreaks                 // one line: a break could start a new block
	mdBRBreaks                    // a table cell: a break would end the row
)

// mdCell escapes catalog text for a GFM table cell.
func mdCell(s string) string { return mdEscapeInline(strings.TrimSpace(s), mdBRBreaks) }

// mdInline escapes catalog text that must stay on one line. The line may
// open a list item, so what would start a block there is escaped too.
func mdInline(s string) string {
	return mdEscapeBlockStart(mdEscapeInline(strings.TrimSpace(s), mdSpaceBreaks))
}

var (
	// mdOrderedMarker is an ordered list marker: 1-9 digits, then . or ).
	mdOrderedMarker = regexp.MustCompile(`^([0-9]{1,9})([.)])(?:[ \t]|$)`)
	// mdThematicBreak is a line of three or more -, * or _ and spaces.
	mdThematicBreak = regexp.MustCompile(`^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	// mdLinkDefinition starts a link reference definition, which would vanish.
	mdLinkDefinition = regexp.MustCompile(`^\[[^\]]*\]:`)
)

// mdEscapeBlockStart backslash-escapes the start of a line that would open
// a heading, a list, a thematic break, a code fence or a link definition.
// (Block quotes and HTML cannot start: < and > are already entities.)
func mdEscapeBlockStart(s string) string {
	if s == "" {
		return s
	}
	if m := mdOrderedMarker.FindStringSubmatchIndex(s); m != nil {
		return s[:m[3]] + `\` + s[m[3]:]
	}
	fence := mdOpeningFence(s) != ""
	bullet := strings.IndexByte("-+*", s[0]) >= 0 && (len(s) == 1 || s[1] == ' ' || s[1] == '\t')
	if s[0] == '#' || bullet || fence || mdThematicBreak.MatchString(s) || mdLinkDefinition.MatchString(s) {
		return `\` + s
	}
	return s
}

// mdText escapes a block of catalog prose, keeping its fenced code blocks.
func mdText(s string) string {
	var b strings.Builder
	var prose []string
	flush := func() {
		if len(prose) > 0 {
			b.WriteString(mdEscapeInline(strings.Join(prose, "\n"), mdKeepBreaks))
			b.WriteByte('\n')
			prose = prose[:0]
		}
	}
	mdWalkFences(strings.TrimSpace(mdNormalizeBreaks(s)), func(line string, code bool) {
		if code {
			flush()
			b.WriteString(line)
			b.WriteByte('\n')
			return
		}
		prose = append(prose, line)
	}, func(closer string) {
		flush()
		b.WriteString(closer)
		b.WriteByte('\n')
	})
	flush()
	return strings.TrimSuffix(b.String(), "\n")
}

// mdVerbatim passes docs-owned Markdown through. It only closes a fenced
// code block left open, which would otherwise swallow the rest of the page.
func mdVerbatim(s string) string {
	var b strings.Builder
	mdWalkFences(strings.Trim(mdNormalizeBreaks(s), "\n"), func(line string, _ bool) {
		b.WriteString(line)
		b.WriteByte('\n')
	}, func(closer string) {
		b.WriteString(closer)
		b.WriteByte('\n')
	})
	return strings.TrimRight(b.String(), " \t\n")
}

// mdHeadingEscapes are the characters that could start emphasis, code, links,
// HTML, a strikethrough, a table or a closing #-sequence in a heading.
const mdHeadingEscapes = "\\`*_[]<>#|~&!"

// mdHeading escapes text for an ATX heading.
func mdHeading(s string) string {
	s = strings.Join(strings.Fields(mdNormalizeBreaks(s)), " ")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(mdHeadingEscapes, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mdCode writes s as a code span. CommonMark ends a span at the first
// backtick run as long as its opener, and strips one space from each end
// when both are spaces: a longer fence and padding keep s intact.
func mdCode(s string) string {
	s = strings.ReplaceAll(mdNormalizeBreaks(s), "\n", " ")
	if s == "" {
		return ""
	}
	fence := strings.Repeat("`", mdLongestRun(s, '`')+1)
	pad := s[0] == '`' || s[len(s)-1] == '`' ||
		(s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "")
	if pad {
		s = " " + s + " "
	}
	return fence + s + fence
}

// mdAnchor is an empty element carrying id: the link target stays exactly
// the catalog's anchor whatever slugs a renderer derives from headings.
func mdAnchor(id string) string {
	return `<a id="` + html.EscapeString(id) + `"></a>`
}

// mdJSON indents compact JSON without decoding it, so member order and
// escapes stay exactly those of the bytes the service writes.
func mdJSON(b []byte) (string, error) {
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return "", err
	}
	return out.String(), nil
}

// mdFence writes s as a fenced code block; the fence is longer than any
// backtick run in s, so no line of s can close it.
func mdFence(lang, s string) string {
	s = strings.TrimSuffix(mdNormalizeBreaks(s), "\n")
	fence := strings.Repeat("`", max(3, mdLongestRun(s, '`')+1))
	if s == "" {
		return fence + lang + "\n" + fence
	}
	return fence + lang + "\n" + s + "\n" + fence
}

// mdURL percent-encodes what an autolink (<…>) cannot hold.
func mdURL(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == 0x7f || c == '<' || c == '>' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdEscapeInline escapes catalog text for inline contexts. Outside code spans
// < and > become entities (so no text becomes an HTML tag or autolink, and a
// line never starts a block quote) and, in cells, | becomes \|. Code spans
// are found by CommonMark's rule, a backtick run closed by the next run of
// the same length, and are kept but for what would break the line or row.
// Since every < outside spans is escaped, no HTML tag can take precedence
// over a span, so this rule sees the spans the renderer sees.
func mdEscapeInline(s string, br mdBreaks) string {
	s = mdNormalizeBreaks(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && mdIsASCIIPunct(s[i+1]):
			b.WriteString(s[i : i+2])
			i += 2
			continue
		case c == '\\' && br != mdKeepBreaks && (i+1 == len(s) || s[i+1] == '\n'):
			// A lone backslash would escape the <br> or the cell's closing pipe.
			b.WriteString(`\\`)
		case c == '`':
			n := mdRunLength(s[i:], '`')
			end := mdClosingRun(s, i+n, n)
			if end < 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			span := s[i : end+n]
			if br != mdKeepBreaks {
				span = strings.ReplaceAll(span, "\n", " ")
			}
			if br == mdBRBreaks {
				// GFM splits rows on pipes before it finds code spans.
				span = strings.ReplaceAll(span, "|", `\|`)
			}
			b.WriteString(span)
			i = end + n
			continue
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '|' && br == mdBRBreaks:
			b.WriteString(`\|`)
		case c == '\n' && br == mdSpaceBreaks:
			b.WriteByte(' ')
		case c == '\n' && br == mdBRBreaks:
			b.WriteString("<br>")
		default:
			b.WriteByte(c)
		}
		i++
	}
	return b.String()
}

// mdClosingRun returns the index of the first run of exactly n backticks at or
// after from, or -1.
func mdClosingRun(s string, from, n int) int {
	for i := from; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		m := mdRunLength(s[i:], '`')
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

func mdRunLength(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

func mdLongestRun(s string, c byte) int {
	longest := 0
	for i := 0; i < len(s); {
		if s[i] != c {
			i++
			continue
		}
		n := mdRunLength(s[i:], c)
		longest = max(longest, n)
		i += n
	}
	return longest
}

func mdIsASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// mdNormalizeBreaks turns CR LF and lone CR, which CommonMark also takes for
// line endings, into LF.
func mdNormalizeBreaks(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// mdWalkFences calls line for each line of s, telling whether it belongs to a
// fenced code block (fence lines included), and then close with the line
// that closes a fence s leaves open, if any.
func mdWalkFences(s string, line func(l string, code bool), close func(closer string)) {
	var open string // the opening fence's run, "" outside a block
	for _, l := range strings.Split(s, "\n") {
		if open == "" {
			if f := mdOpeningFence(l); f != "" {
				open = f
				line(l, true)
				continue
			}
			line(l, false)
			continue
		}
		line(l, true)
		if mdClosesFence(l, open) {
			open = ""
		}
	}
	if open != "" {
		close(open)
	}
}

// mdOpeningFence returns the fence run opening a fenced code block on l (up
// to three spaces, then three or more backticks or tildes), or "".
func mdOpeningFence(l string) string {
	rest, ok := mdStripIndent(l)
	if !ok || len(rest) < 3 || (rest[0] != '`' && rest[0] != '~') {
		return ""
	}
	n := mdRunLength(rest, rest[0])
	if n < 3 || (rest[0] == '`' && strings.IndexByte(rest[n:], '`') >= 0) {
		return ""
	}
	return rest[:n]
}

// mdClosesFence reports whether l closes a block opened by fence: the same
// character, at least as many, nothing but spaces after.
func mdClosesFence(l, fence string) bool {
	rest, ok := mdStripIndent(l)
	if !ok {
		return false
	}
	n := mdRunLength(rest, fence[0])
	return n >= len(fence) && strings.TrimRight(rest[n:], " \t") == ""
}

// mdStripIndent removes up to three leading spaces; more make an indented
// code block line, which opens or closes no fence.
func mdStripIndent(l string) (string, bool) {
	n := mdRunLength(l, ' ')
	if n > 3 {
		return "", false
	}
	return l[n:], true
}
