package golang

import (
	"go/doc/comment"
	"strings"
	"unicode"
)

// Catalog text becomes Go comments: one line, safe characters, wrapped at
// about 90 columns, and doc comments in the layout gofmt gives them.

// lineComment writes s as one // comment line at the given indentation.
func (w declWriter) lineComment(indent, s string) {
	w.str(indent, "// ", s, "\n")
}

// wrap splits catalog text into comment lines of about 90 columns.
func wrap(s string) []string { return appendWrap(nil, s) }

// appendWrap appends wrap's lines to lines: the comments of every error
// wrap into one slice, kept with the writer's columns.
func appendWrap(lines []string, s string) []string {
	s = oneLine(s) // words separated by single spaces
	for len(s) > 90 {
		// Break at the last space that keeps the line within 90 columns, or
		// after a longer first word.
		i := strings.LastIndexByte(s[:91], ' ')
		if i < 0 {
			if i = strings.IndexByte(s, ' '); i < 0 {
				break
			}
		}
		lines = append(lines, s[:i])
		s = s[i+1:]
	}
	if s != "" {
		lines = append(lines, s)
	}
	return lines
}

// specComment writes catalog text as the comment of a spec in a block,
// which gofmt leaves as it is.
func (w declWriter) specComment(s string) {
	for _, line := range w.wrap(s) {
		w.lineComment("\t", line)
	}
}

// wrap is wrap, into the slice the writer keeps when it keeps one: the
// lines are written before the next comment is wrapped.
func (w declWriter) wrap(s string) []string {
	if w.cols == nil {
		return wrap(s)
	}
	w.cols.lines = appendWrap(w.cols.lines[:0], s)
	return w.cols.lines
}

// docComment writes catalog text as the doc comment of a top-level
// declaration, formatted as gofmt formats doc comments: text that reads as
// a list, a code block or a link definition is laid out as such.
func (w declWriter) docComment(s string) {
	w.docLines(w.wrap(s))
}

// docLines writes lines as a top-level doc comment, formatted as gofmt
// formats doc comments. Most catalog text is one plain paragraph, which
// go/doc/comment would print back unchanged: skipping it for those saves
// 18% of the Go stage at 1,000 and 10,000 errors (BenchmarkPlainDoc).
func (w declWriter) docLines(lines []string) {
	if !w.formatEvery && plainDoc(lines) {
		for _, line := range lines {
			w.lineComment("", line)
		}
		return
	}
	var text strings.Builder
	for _, line := range lines {
		text.WriteString(line)
		text.WriteByte('\n')
	}
	var p comment.Parser
	var pr comment.Printer
	out := string(pr.Comment(p.Parse(text.String())))
	for out != "" {
		var line string
		line, out, _ = strings.Cut(out, "\n")
		switch {
		case line == "":
			w.str("//\n")
		case strings.HasPrefix(line, "\t"):
			w.str("//", line, "\n")
		default:
			w.str("// ", line, "\n")
		}
	}
}

// plainDoc reports whether go/doc/comment reads the lines as one plain
// paragraph and prints them back unchanged, as it does most catalog text:
// the lines are unindented, so none starts a code block or a list, and no
// heading stands between blank lines; what is left is the doubled
// backquotes and single quotes it turns into curly quotes, and link
// definitions, lines starting with '['.
func plainDoc(lines []string) bool {
	for _, line := range lines {
		if strings.HasPrefix(line, "[") || strings.Contains(line, "``") || strings.Contains(line, "''") {
			return false
		}
	}
	return true
}

// oneLine makes catalog text safe for a // comment line: one line, and no
// invisible or bidi control character that could make the source read
// differently from what it compiles to (CVE-2021-42574).
func oneLine(s string) string {
	if plainLine(s) {
		return s
	}
	return oneLinePlain(s)
}

// plainLine reports whether oneLine leaves s as it is: printable ASCII
// words between single spaces. Most descriptions are; oneLinePlain, the
// plain path, splits and maps every one (FuzzOneLine holds them together).
func plainLine(s string) bool {
	if s != "" && (s[0] == ' ' || s[len(s)-1] == ' ') {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if s[i-1] == ' ' {
				return false
			}
		case c < ' ' || c >= 0x7f:
			return false
		}
	}
	return true
}

// oneLinePlain is oneLine for any text.
func oneLinePlain(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.Map(func(r rune) rune {
		if unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r) {
			return r
		}
		return unicode.ReplacementChar
	}, s)
}
