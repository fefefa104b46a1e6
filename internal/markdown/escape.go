package markdown

import (
	"html"
	"regexp"
	"strings"
)

// breaks says what a line break in catalog text becomes: where it lands
// decides whether it is harmless, ends a list item or ends a table row.
type breaks int

const (
	keepBreaks  breaks = iota // a block of prose: the author's line structure
	spaceBreaks               // one line: a break could start a new block
	brBreaks                  // a table cell: a break would end the row
)

var (
	// orderedMarker is an ordered list marker: 1-9 digits, then . or ).
	orderedMarker = regexp.MustCompile(`^([0-9]{1,9})([.)])(?:[ \t]|$)`)
	// thematicBreak is a line of three or more -, * or _ and spaces.
	thematicBreak = regexp.MustCompile(`^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	// linkDefinition starts a link reference definition, which would vanish.
	linkDefinition = regexp.MustCompile(`^\[[^\]]*\]:`)
)

// escapeBlockStart backslash-escapes the start of a line that would open
// a heading, a list, a thematic break, a code fence or a link definition.
// (Block quotes and HTML cannot start: < and > are already entities.)
func escapeBlockStart(s string) string {
	if s == "" {
		return s
	}
	// Each expression is tried only on a line starting as its matches
	// must: running all three on every line was most of inline's cost.
	if c := s[0]; c >= '0' && c <= '9' {
		if m := orderedMarker.FindStringSubmatchIndex(s); m != nil {
			return s[:m[3]] + `\` + s[m[3]:]
		}
	}
	fence := openingFence(s) != ""
	bullet := strings.IndexByte("-+*", s[0]) >= 0 && (len(s) == 1 || s[1] == ' ' || s[1] == '\t')
	thematic := strings.IndexByte("-*_", s[0]) >= 0 && thematicBreak.MatchString(s)
	link := s[0] == '[' && linkDefinition.MatchString(s)
	if s[0] == '#' || bullet || fence || thematic || link {
		return `\` + s
	}
	return s
}

// escapeInline escapes catalog text for inline contexts. Outside code spans
// < and > become entities (so no text becomes an HTML tag or autolink, and a
// line never starts a block quote) and, in cells, | becomes \|. Code spans
// are found by CommonMark's rule, a backtick run closed by the next run of
// the same length, and are kept but for what would break the line or row.
// Since every < outside spans is escaped, no HTML tag can take precedence
// over a span, so this rule sees the spans the renderer sees.
// A bare http(s) URL or email address outside spans becomes an autolink
// (see bareURL).
func escapeInline(s string, br breaks) string {
	s = normalizeBreaks(s)
	plain := plainRun(s, 0)
	if plain == len(s) {
		return s // what the loop would copy byte by byte
	}
	var b strings.Builder // empty until a replacement: text whose special bytes change nothing (a code span in a cell) is not copied
	last := 0             // s[:last] is in b
	var links lazyLink
	replace := func(i, end int, with string) {
		if b.Cap() == 0 {
			b.Grow(len(s) + len(s)/8)
		}
		b.WriteString(s[last:i])
		b.WriteString(with)
		last = end
	}
	for i := plain; i < len(s); {
		if j := plainRun(s, i); j > i { // copied with the next replacement, or not at all
			i = j
			continue
		}
		c, next := s[i], i+1
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			next = i + 2
		case c == '\\' && br != keepBreaks && (i+1 == len(s) || s[i+1] == '\n'):
			// A lone backslash would escape the <br> or the cell's closing pipe.
			replace(i, next, `\\`)
		case c == '`':
			var span string
			if span, next = codeSpanAt(s, i, br); span != s[i:next] {
				replace(i, next, span)
			}
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			replace(i, next, `\!`) // an image would load whatever the author names
		case c == ']' && i+1 < len(s) && s[i+1] == '(' && unsafeDestination(s[i+2:]):
			next = i + 2
			replace(i, next, `]\(`) // not a link, text: see unsafeDestination
		case c == ':' || c == '@':
			if start, end, ok := bareLink(s, i, &links); ok && start >= last {
				next = end
				replace(start, end, "<"+s[start:end]+">")
			}
		default:
			if with, ok := escapedByte(c, br); ok {
				replace(i, next, with)
			}
		}
		i = next
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// bareLink is bareURL at a colon, bareEmail at an at sign.
func bareLink(s string, i int, links *lazyLink) (start, end int, ok bool) {
	if s[i] == ':' {
		return bareURL(s, i, links)
	}
	return bareEmail(s, i, links)
}

// escapedByte is what escapeInline writes for the byte c on its own:
// < and > as entities, and in a cell (br) a pipe escaped and a line break
// as <br>, or in a list item as a space; ok is false for any other.
func escapedByte(c byte, br breaks) (string, bool) {
	switch {
	case c == '<':
		return "&lt;", true
	case c == '>':
		return "&gt;", true
	case c == '|' && br == brBreaks:
		return `\|`, true
	case c == '\n' && br == spaceBreaks:
		return " ", true
	case c == '\n' && br == brBreaks:
		return "<br>", true
	}
	return "", false
}

// codeSpanAt is what escapeInline writes for the backtick run at s[i],
// and where the text after it starts: the code span it opens, or the run
// alone when no run closes it.
func codeSpanAt(s string, i int, br breaks) (string, int) {
	n := runLength(s[i:], '`')
	end := closingRun(s, i+n, n)
	if end < 0 {
		return s[i : i+n], i + n
	}
	// A span renders its line breaks as spaces, so it may as well
	// hold spaces: a break in it would let its next line start a
	// block (an HTML block, say) before spans are ever looked for.
	span := strings.ReplaceAll(s[i:end+n], "\n", " ")
	if br == brBreaks {
		// GFM splits rows on pipes before it finds code spans.
		span = strings.ReplaceAll(span, "|", `\|`)
	}
	return span, end + n
}

// inlineSpecial is a byte escapeInline's cases look at: any other is
// copied as it is.
var inlineSpecial = func() (t [256]bool) {
	for _, c := range []byte("\\`!]<>|\n:@") {
		t[c] = true
	}
	return t
}()

// plainRun is the end of the run of bytes from i that escapeInline copies
// as they are.
func plainRun(s string, i int) int {
	for i < len(s) && !inlineSpecial[s[i]] {
		i++
	}
	return i
}

// closingRun returns the index of the first run of exactly n backticks at or
// after from, or -1.
func closingRun(s string, from, n int) int {
	for i := from; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		m := runLength(s[i:], '`')
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

func runLength[T string | []byte](s T, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

func longestRun[T string | []byte](s T, c byte) int {
	longest := 0
	for i := 0; i < len(s); {
		if s[i] != c {
			i++
			continue
		}
		n := runLength(s[i:], c)
		longest = max(longest, n)
		i += n
	}
	return longest
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// normalizeBreaks turns CR LF and lone CR, which CommonMark also takes for
// line endings, into LF.
func normalizeBreaks(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// unsafeDestination reports whether the link destination at the start of s
// (the text after "](") has a scheme other than http, https and mailto, as
// a browser would read it: with backslash escapes and entities decoded, and
// the blanks it ignores dropped. Relative links have none and are safe.
func unsafeDestination(s string) bool {
	s = strings.TrimLeft(s, " \t\n")
	end, depth := 0, 0
	for end < len(s) {
		c := s[end]
		if c == '\\' && end+1 < len(s) {
			end += 2
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || (c == ')' && depth == 0) {
			break
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			depth--
		}
		end++
	}
	dest := html.UnescapeString(unescapePunct(s[:end]))
	dest = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, dest)
	scheme, ok := urlScheme(dest)
	if !ok {
		return false // no scheme: a relative link
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto":
		return false
	}
	return true
}

// urlScheme returns a URL's scheme as a browser reads it: a letter, then
// letters, digits, + - or ., up to a colon.
func urlScheme(u string) (string, bool) {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return u[:i], true
		default:
			return "", false
		}
	}
	return "", false
}

// unescapePunct drops the backslashes of CommonMark's escaped punctuation.
func unescapePunct(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// linkDefinitionAnywhere is a link reference definition's label and colon,
// which a line (in a list item too) could open.
var linkDefinitionAnywhere = regexp.MustCompile(`\[[^\]\n]*\]:`)

// escapeLinkDefinitions escapes the bracket of every "[label]:" in prose, so
// no line of it defines a link that a reference elsewhere on the page would
// follow.
func escapeLinkDefinitions(s string) string {
	if !strings.Contains(s, "]:") {
		return s // no match: what the expression would copy
	}
	return linkDefinitionAnywhere.ReplaceAllStringFunc(s, func(m string) string { return `\` + m })
}
