package catalog

import (
	"strings"
	"unicode/utf8"
)

// yamlHints say what to do about yaml.v3's commonest syntax errors, by
// the start of its message.
var yamlHints = []struct{ msg, hint string }{
	{"control characters are not allowed", "remove it, or write it as an escape (\\u0001) in a double-quoted string"},
	{"mapping values are not allowed in this context", `a value holding ": " needs quotes: write it as "…"`},
	{"found character that cannot start any token", "indent with spaces, not tabs, and quote a value that starts with @ or a backquote"},
	{"found a tab character that violates indentation", "indent with spaces, not tabs"},
	{"found incompatible YAML document", "errgen reads YAML 1.1, as yaml.v3 does: remove the %YAML directive"},
	{"did not find expected node content", "a value is missing: close each [ and { with its ] or }, and give each - and key: a value"},
	{"did not find expected ',' or '}'", `a { is not closed, or a value in it holds ": ", a bracket or ends in ?: end the mapping with }, and quote such a value`},
	{"did not find expected ',' or ']'", `a [ is not closed, or an item in it holds ": ", a bracket or ends in ?: end the list with ], and quote such an item`},
	{"found unexpected end of stream", "a quoted value is not closed: end it with the quote that starts it"},
	{"found unknown escape character", `in a double-quoted value \ starts an escape: write \\ for a backslash, or quote the value with ' instead`},
	{"did not find expected key", "a line is indented unlike those beside it, or text follows a closing ], } or quote"},
	{"block sequence entries are not allowed in this context", `a value that starts with "- " needs quotes: write it as "- …", or put the list's items on the lines below its key`},
	{"did not find expected '-' indicator", "a line is indented unlike the lines beside it, an item of a list lacks its -, or text follows a closing ], } or quote"},
	{"could not find expected ':'", "a key lacks its ':', or a line of a | or > text is indented less than its first line"},
	{"mapping keys are not allowed in this context", `a value that starts with "? " needs quotes: write it as "? …"`},
	{"did not find expected hexdecimal number", `in a double-quoted value \x, \u and \U start a character's hex code: write \\ for a backslash, or quote the value with ' instead`},
	{"did not find expected alphabetic or numeric character", `a value that starts with * or & needs quotes: write it as "*…"`},
	{"unknown anchor", `a value that starts with * needs quotes: write it as "*…"`},
	{"did not find expected <document start>", "the file's top-level mapping ended before this line, which is indented less than the file's first key (or follows a top-level { }, [ ] or quoted value, or a ... line): start every top-level key at column 1"},
}

// afterDocument is where the text after a document that has ended starts
// (a line indented less than the document's first, which yaml.v3 reads as
// no part of it), from the line after line on: yaml.v3 counts this
// error's line from 0, so it names the line before.
func afterDocument(lines []string, line int) (Pos, bool) {
	for n := line + 1; n <= len(lines); n++ {
		if l, ok := parseYAMLLine(lines[n-1]); ok {
			return Pos{Line: n, Col: l.indent + 1}, true
		}
	}
	return Pos{}, false
}

// yamlHint says what to do about the syntax error msg (without its
// "yaml: line N:" prefix), or "".
func yamlHint(msg string) string {
	for _, h := range yamlHints {
		if strings.HasPrefix(msg, h.msg) {
			return h.hint
		}
	}
	return ""
}

// yamlCulprit finds what yaml.v3's error message msg is about where the
// message names no place, or only a line: an unknown anchor, named
// without a line (the first *name not inside quotes), a quoted value not
// closed (the first quote on line, the error's) and an unknown escape (the
// first backslash on line that starts none).
func yamlCulprit(msg string, lines []string, line int) (Pos, bool) {
	switch {
	case strings.Contains(msg, "unknown anchor '"):
		_, name, _ := strings.Cut(msg, "unknown anchor '")
		name, _, _ = strings.Cut(name, "' referenced")
		for n, l := range lines {
			if i := strings.Index(l, "*"+name); i >= 0 && strings.Count(l[:i], `"`)%2 == 0 && strings.Count(l[:i], "'")%2 == 0 {
				return Pos{Line: n + 1, Col: utf8.RuneCountInString(l[:i]) + 1}, true
			}
		}
	case line < 1 || line > len(lines):
	case strings.Contains(msg, "did not find expected ',' or"):
		return flowCulprit(lines, line)
	case strings.Contains(msg, "did not find expected hexdecimal number"):
		return firstIndex(lines, line, `\x`, `\u`, `\U`)
	case strings.Contains(msg, "did not find expected alphabetic or numeric character"):
		return firstIndex(lines, line, " *", " &", "- *", "- &")
	case strings.Contains(msg, "found unexpected end of stream"):
		// the line of the quoted value not closed: its opening quote
		if i := strings.IndexAny(lines[line-1], `"'`); i >= 0 {
			return Pos{Line: line, Col: utf8.RuneCountInString(lines[line-1][:i]) + 1}, true
		}
	case strings.Contains(msg, "found unknown escape character"):
		l := lines[line-1]
		for i := 0; i+1 < len(l); i++ {
			if l[i] != '\\' {
				continue
			}
			if !strings.ContainsRune("0abt\tnvfre \"/\\N_LPxuU", rune(l[i+1])) {
				return Pos{Line: line, Col: utf8.RuneCountInString(l[:i]) + 1}, true
			}
			i++ // the escaped character
		}
	}
	return Pos{}, false
}

// flowCulprit is, from line on (yaml.v3 names the line before), the [ or
// { of a flow collection not closed on its line, else in one closed there
// a plain value that ends in ?, holds a second ": " before its comma, or
// holds a [ or { (type: string[]), all of which yaml.v3 does not read as
// part of a value in a flow collection.
func flowCulprit(lines []string, line int) (Pos, bool) {
	for n := line; n <= len(lines) && n <= line+1; n++ {
		l := lines[n-1]
		if i := flowBad(l); i >= 0 {
			return Pos{Line: n, Col: utf8.RuneCountInString(l[:i]) + 1}, true
		}
	}
	return Pos{}, false
}

// flowBad is the offset of what flowCulprit looks for on one line, or -1.
func flowBad(l string) int {
	depth, open, colons := 0, -1, 0
	// after a blank, a flow indicator or a quoted value a token starts: a
	// quote there (or after a colon: {"a":"}"}) opens a value whose brackets
	// count for nothing, and a # a comment whose brackets count for nothing
	// either ({a: "}", b # })
	tokenStart := true
	for i := 0; i < len(l); i++ {
		c := l[i]
		starts := tokenStart
		tokenStart = strings.IndexByte(" \t[]{},", c) >= 0
		switch {
		case starts && c == '#':
			i = len(l)
		case (starts || i > 0 && l[i-1] == ':') && (c == '"' || c == '\''):
			i = closingQuote(l, i)
			tokenStart = true
		case depth > 0 && !starts && l[i-1] != ':' && (c == '[' || c == '{'):
			// a flow indicator ends the plain value before it and opens a
			// collection where a comma or the closing bracket must be
			return i
		case c == '[' || c == '{':
			if depth == 0 {
				open = i
			}
			depth, colons = depth+1, 0
		case c == ']' || c == '}' || c == ',':
			if c != ',' {
				depth = max(depth-1, 0)
			}
			colons = 0
		case depth > 0 && c == '?' && i+1 < len(l) && strings.IndexByte(",]}", l[i+1]) >= 0:
			return i
		case depth > 0 && c == ':' && i+1 < len(l) && l[i+1] == ' ':
			if colons++; colons == 2 {
				return i
			}
		}
	}
	if depth > 0 {
		return open
	}
	return -1
}

// closingQuote is the offset of the quote that closes the value quoted at
// open on line l (len(l) when the value goes on to the next line): a \
// escapes a character between double quotes, ” is a quote between single
// ones.
func closingQuote(l string, open int) int {
	q := l[open]
	for i := open + 1; i < len(l); i++ {
		switch {
		case q == '"' && l[i] == '\\':
			i++
		case l[i] == q && q == '\'' && i+1 < len(l) && l[i+1] == '\'':
			i++
		case l[i] == q:
			return i
		}
	}
	return len(l)
}

// firstIndex is where one of subs first is on line, the one named by a
// syntax error; a sub starting with a space or "- " is found after them.
func firstIndex(lines []string, line int, subs ...string) (Pos, bool) {
	l, at := lines[line-1], -1
	for _, sub := range subs {
		if i := strings.Index(l, sub); i >= 0 {
			if i += len(sub) - len(strings.TrimLeft(sub, " -")); at < 0 || i < at {
				at = i
			}
		}
	}
	if at < 0 {
		return Pos{}, false
	}
	return Pos{Line: line, Col: utf8.RuneCountInString(l[:at]) + 1}, true
}
