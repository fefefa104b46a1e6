package markdown

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"strings"
	"text/template"
	"unicode/utf16"
	"unicode/utf8"
)

// funcs are the functions the Markdown templates may call; the
// templates package documents them for template authors.
var funcs = template.FuncMap{
	"cell":     cell,
	"inline":   inline,
	"text":     prose,
	"markdown": verbatim,
	"heading":  heading,
	"code":     codeSpan,
	"anchor":   anchor,
	"json":     indentJSON,
	"json1":    compactJSON,
	"sentence": sentence,
	"label":    label,
	"fence":    fencedBlock,
	"url":      autolinkURL,
	"fill":     fill,
	// Bound per page to partFunc; this stand-in lets templates parse.
	"part": func(string, any) (string, error) { return "", errors.New("part is unbound") },
	// Bound per page to the page's layout, so error.tmpl, which receives
	// one error, can tell; the stand-in is the default layout.
	"layout": func() string { return "full" },
}

// cell escapes catalog text for a GFM table cell.
func cell(s string) string { return escapeInline(strings.TrimSpace(s), brBreaks) }

// inline escapes catalog text that must stay on one line. The line may
// open a list item, so what would start a block there is escaped too.
func inline(s string) string {
	return escapeBlockStart(escapeInline(strings.TrimSpace(s), spaceBreaks))
}

// prose escapes a block of catalog prose, keeping its fenced code blocks:
// those that open at the left margin. A fence indented even one space may
// sit in a list item, which CommonMark closes at the next line that is not
// indented as far, with the code block in it; the lines after it would then
// be read as prose, unescaped. So such a fence is escaped and its lines are
// prose like the rest. Link definitions are escaped everywhere.
func prose(s string) string {
	s = strings.TrimSpace(normalizeBreaks(s))
	if strings.IndexByte(s, '\n') < 0 && openingFence(s) == "" {
		// One line of prose, as most descriptions are: what proseLines
		// makes of it, without its lines, its builder and their copies.
		return escapeLinkDefinitions(escapeInline(s, keepBreaks))
	}
	return proseLines(s)
}

// proseLines is prose on s, trimmed and its breaks normalized, line by
// line.
func proseLines(s string) string {
	var b strings.Builder
	var prose []string
	flush := func() {
		if len(prose) > 0 {
			b.WriteString(escapeLinkDefinitions(escapeInline(strings.Join(prose, "\n"), keepBreaks)))
			b.WriteByte('\n')
			prose = prose[:0]
		}
	}
	var open string // the fence of the block being copied, "" outside one
	for _, line := range strings.Split(s, "\n") {
		switch {
		case open != "":
			b.WriteString(line)
			b.WriteByte('\n')
			if closesFence(line, open) {
				open = ""
			}
		case openingFence(line) != "" && line[0] != ' ':
			flush()
			open = openingFence(line)
			b.WriteString(line)
			b.WriteByte('\n')
		case openingFence(line) != "":
			n := runLength(line, ' ')
			prose = append(prose, line[:n]+`\`+line[n:])
		default:
			prose = append(prose, line)
		}
	}
	flush()
	if open != "" {
		b.WriteString(open)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// verbatim passes docs-owned Markdown through. It only closes a fenced
// code block left open, which would otherwise swallow the rest of the page.
func verbatim(s string) string {
	var b strings.Builder
	walkFences(strings.Trim(normalizeBreaks(s), "\n"), func(line string, _ bool) {
		b.WriteString(line)
		b.WriteByte('\n')
	}, func(closer string) {
		b.WriteString(closer)
		b.WriteByte('\n')
	})
	return strings.TrimRight(b.String(), " \t\n")
}

// headingEscapes are the characters that could start emphasis, code, links,
// HTML, a strikethrough, a table or a closing #-sequence in a heading.
const headingEscapes = "\\`*_[]<>#|~&!"

// heading escapes text for an ATX heading.
func heading(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(normalizeBreaks(s)), " ")
	}
	n := 0 // the escapes s needs
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(headingEscapes, s[i]) >= 0 {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + n)
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(headingEscapes, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// appendHeading appends heading(s) to dst: an error's code, escaped for
// its heading (E00042\_FAILED), was a string an error.
func appendHeading(dst []byte, s string) []byte {
	if !singleSpaced(s) {
		return append(dst, heading(s)...)
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(headingEscapes, s[i]) >= 0 {
			dst = append(dst, '\\')
		}
		dst = append(dst, s[i])
	}
	return dst
}

// singleSpaced reports whether s is ASCII words joined by single spaces,
// which joining its fields would leave as it is: a heading, an error's
// code above all, is almost always so, and splitting it took three
// allocations a heading.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf || c < ' ':
			return false // maybe a space past ASCII, or a tab, newline, CR, VT or FF
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// codeSpan writes s as a code span. CommonMark ends a span at the first
// backtick run as long as its opener, and strips one space from each end
// when both are spaces: a longer fence and padding keep s intact.
func codeSpan(s string) string {
	s = strings.ReplaceAll(normalizeBreaks(s), "\n", " ")
	if s == "" {
		return ""
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	pad := s[0] == '`' || s[len(s)-1] == '`' ||
		(s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "")
	if pad {
		s = " " + s + " "
	}
	return fence + s + fence
}

// appendCodeSpan appends codeSpan(s) to dst: errorPart writes each code
// span of an error's part, half a dozen, straight into the page, where
// their strings were a fiftieth of what the Markdown stage allocated.
func appendCodeSpan(dst []byte, s string) []byte {
	s = strings.ReplaceAll(normalizeBreaks(s), "\n", " ")
	if s == "" {
		return dst
	}
	fence := fenceOf(longestRun(s, '`') + 1)
	pad := s[0] == '`' || s[len(s)-1] == '`' ||
		(s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "")
	dst = append(dst, fence...)
	if pad {
		dst = append(append(append(dst, ' '), s...), ' ')
	} else {
		dst = append(dst, s...)
	}
	return append(dst, fence...)
}

// appendCellCode appends cell(codeSpan(s)) to dst: the span as it is,
// unless it holds a pipe, which the cell escapes.
func appendCellCode(dst []byte, s string) []byte {
	if strings.IndexByte(s, '|') >= 0 {
		return append(dst, cell(codeSpan(s))...)
	}
	return appendCodeSpan(dst, s)
}

// anchor is an empty element carrying id: the link target stays exactly
// the catalog's anchor whatever slugs a renderer derives from headings.
func anchor(id string) string {
	return `<a id="` + html.EscapeString(id) + `"></a>`
}

// appendAnchor appends anchor(id) to dst, without its string.
func appendAnchor(dst []byte, id string) []byte {
	return append(append(append(dst, `<a id="`...), html.EscapeString(id)...), `"></a>`...)
}

// indentJSON indents compact JSON without decoding it, so member order and
// escapes stay exactly those of the bytes the service writes.
func indentJSON(b []byte) (string, error) {
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return "", err
	}
	return escapeInvisibleJSON(out.String()), nil
}

// compactJSON is compact JSON as one line, as the service writes it, with
// the invisible characters escaped as in indentJSON.
func compactJSON(b []byte) (string, error) {
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		return "", err
	}
	return escapeInvisibleJSON(out.String()), nil
}

// sentence is inline ending with a full stop (or the ? or ! it has), for
// list items run together into one paragraph: the English one, where a
// page binds its own words' (words.sentence, in emitParts).
func sentence(s string) string { return englishPunctuation.sentence(s) }

// label is catalog text set before what it introduces (a troubleshooting
// check before its solution): inline s and a colon, unless s ends with
// punctuation of its own, as a check asked as a question does, which a
// colon after would double ("Did it change?:"). The English colon, where a
// page binds its own words' (words.label).
func label(s string) string { return englishPunctuation.label(s) }

// englishPunctuation is the page's words in English, as wordTable has
// them, for the punctuation words sentence and label use.
var englishPunctuation = func() words {
	w := make(words, len(wordTable))
	for _, row := range wordTable {
		w[row.key] = row.en
	}
	return w
}()

// escapeInvisibleJSON writes the invisible and bidi control characters of
// JSON text as \u escapes: the same JSON value as the bytes sent, which a
// reader sees as they are. JSON text holds such characters only inside
// strings, where an escape means the character itself.
func escapeInvisibleJSON(s string) string {
	if !hasInvisible(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if invisible(r) {
			if r > 0xFFFF {
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
				continue
			}
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fencedBlock writes s as a fenced code block; the fence is longer than any
// backtick run in s, so no line of s can close it.
func fencedBlock(lang, s string) string {
	s = strings.TrimSuffix(normalizeBreaks(s), "\n")
	fence := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	if s == "" {
		return fence + lang + "\n" + fence
	}
	return fence + lang + "\n" + s + "\n" + fence
}

// autolinkURL percent-encodes what an autolink (<…>) cannot hold.
func autolinkURL(s string) string {
	i := 0
	for i < len(s) && s[i] > ' ' && s[i] != 0x7f && s[i] != '<' && s[i] != '>' {
		i++
	}
	if i == len(s) {
		return s // what the loop below would copy byte by byte
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == 0x7f || c == '<' || c == '>' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
