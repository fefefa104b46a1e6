package catalog

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// yamlSlip finds two common slips that yaml.v3 reports by a symptom whose
// hint would mislead, and says what they are instead, where they are: a
// key indented more than the key above it, which yaml.v3 reads as more of
// that key's plain value, and then as a value holding ": "; and a [ or {
// never closed, after which the next line that cannot be an item of the
// collection (a | block) is a character that "cannot start any token",
// and a block list's "- " item a node "not found".
func yamlSlip(err error, data []byte) (Pos, string, bool) {
	msg := err.Error()
	// the editor's lines, which yamlErrorLine counts: a carriage return
	// alone ends one too, where splitting at line feeds read the line
	// after it ("0\r0: 0\n 0000:" got a slip at 2:6, past line 2's end)
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
	line := yamlErrorLine(msg, data)
	if line < 1 || line > len(lines) {
		return Pos{}, "", false
	}
	switch {
	case strings.Contains(msg, "mapping values are not allowed in this context"):
		return keyIndentedTooFar(lines, line)
	case strings.Contains(msg, "found character that cannot start any token"):
		return flowNotClosed(lines, line)
	case strings.Contains(msg, "did not find expected key"):
		return keyAfterValue(lines, yamlErrorPos(err, data))
	case strings.Contains(msg, "did not find expected node content"):
		return flowNotClosedBeforeItem(lines, line)
	}
	return Pos{}, "", false
}

// keyIndentedTooFar finds the slip on line: a line whose one ": " ends a
// key (a name without blanks that starts with no capital letter, not
// "Note: …", which is text, and that is a key of errgen's files, not
// "because: the key expired.", which is text too), under a key whose value is plain text on its
// line, indented more than that key. A value's next line holding ": "
// after text is no key: it keeps the hint to quote the value, at that
// colon.
func keyIndentedTooFar(lines []string, line int) (Pos, string, bool) {
	l, ok := parseYAMLLine(lines[line-1])
	if !ok || l.dash || !l.key {
		return Pos{}, "", false
	}
	owner, at, ok := plainValueAbove(lines, line, l.indent)
	if !ok {
		return Pos{}, "", false
	}
	raw := strings.TrimRight(lines[line-1], "\r")
	key := keyOn(raw, l.at)
	if key == "" {
		return Pos{}, "", false
	}
	if strings.ContainsAny(key, " \t") || unicode.IsUpper([]rune(key)[0]) || !looksLikeKey(key) {
		colon := l.at + len(key)
		return Pos{Line: line, Col: utf8.RuneCountInString(raw[:colon]) + 1}, `invalid YAML: mapping values are not allowed in this context: a value holding ": " needs quotes: write it as "…"`, true
	}
	return Pos{Line: line, Col: l.indent + 1}, fmt.Sprintf("invalid YAML: mapping values are not allowed in this context: %s is indented more than %s above it, which makes it part of %s's value: align it with %s (column %d)", key, owner, owner, owner, at+1), true
}

// keyAfterValue finds the slip at p, the line yaml.v3 found no key on: a
// key indented more than the key above it, whose value ended on its own
// line (a comment ended it, or it was quoted, a flow collection or a block
// scalar), so that yaml.v3 wants a key of that key's mapping. Comment
// lines and the value's own lines in between say nothing of it. A line
// above that opens a block (a parent key, a bare -) leaves it unknown which
// line is wrong: the generic hint stays.
func keyAfterValue(lines []string, p Pos) (Pos, string, bool) {
	if p.Line < 1 || p.Line > len(lines) {
		return Pos{}, "", false
	}
	l, ok := parseYAMLLine(lines[p.Line-1])
	if !ok || l.dash || !l.key || p.Col != l.indent+1 {
		return Pos{}, "", false
	}
	raw := strings.TrimRight(lines[p.Line-1], "\r")
	key := keyOn(raw, l.at)
	if key == "" || strings.ContainsAny(key, " \t") {
		return Pos{}, "", false
	}
	first := true // no line of content between the key and the line above it
	for n := p.Line - 1; n >= 1; n-- {
		above, ok := parseYAMLLine(lines[n-1])
		if !ok || above.indent >= l.indent {
			first = first && !ok
			continue
		}
		switch {
		case above.opens && first:
			return firstKeyIndentedTooFar(lines, p, key, above)
		case !above.key || above.opens || above.at >= l.indent:
			return Pos{}, "", false
		}
		owner := keyOn(strings.TrimRight(lines[n-1], "\r"), above.at)
		return p, fmt.Sprintf("invalid YAML: did not find expected key: %s is indented more than %s above it, whose value has ended: align it with %s (column %d)", key, owner, owner, above.at+1), true
	}
	return Pos{}, "", false
}

// firstKeyIndentedTooFar finds the slip at p, key, the first key of the
// block that opener (a key or an item without a value) opens, which
// misindented blamed because the lines after it agree with each other: so
// the key after its own lines, which the block's parent holds, is the one
// to align it with.
func firstKeyIndentedTooFar(lines []string, p Pos, key string, opener yamlLine) (Pos, string, bool) {
	parentAt := opener.at
	if opener.dash && !opener.key {
		parentAt = opener.indent
	}
	for n := p.Line + 1; n <= len(lines); n++ {
		next, ok := parseYAMLLine(lines[n-1])
		if !ok || next.indent >= p.Col-1 {
			continue
		}
		if !next.key || next.dash || next.indent <= parentAt {
			return Pos{}, "", false
		}
		sibling := keyOn(strings.TrimRight(lines[n-1], "\r"), next.at)
		return p, fmt.Sprintf("invalid YAML: did not find expected key: %s is indented more than %s below it: align it with %s (column %d)", key, sibling, sibling, next.at+1), true
	}
	return Pos{}, "", false
}

// plainValueAbove finds the key whose value the line before line goes on:
// the nearest line above indented less than indent, when it holds a key
// and a plain value (not quoted, no [ or {, no | or >). It returns the
// key and the column it starts at, from 0.
func plainValueAbove(lines []string, line, indent int) (string, int, bool) {
	for n := line - 1; n >= 1; n-- {
		l, ok := parseYAMLLine(lines[n-1])
		if !ok || l.indent >= indent {
			continue
		}
		raw := strings.TrimRight(lines[n-1], "\r")
		if !l.key || !l.scalar || l.block || l.value >= len(raw) || strings.ContainsRune(`"'[{`, rune(raw[l.value])) {
			return "", 0, false
		}
		return keyOn(raw, l.at), l.at, l.at < indent
	}
	return "", 0, false
}

// keyOn is the key that starts at at on raw, a line parseYAMLLine reads
// as holding one: up to its ": ", or the ":" that ends the line.
func keyOn(raw string, at int) string {
	if i := strings.Index(raw[at:], ": "); i >= 0 {
		return raw[at : at+i]
	}
	return strings.TrimSuffix(strings.TrimRight(raw[at:], " "), ":")
}

// flowNotClosed finds the [ or { that opens a flow collection on a line
// before line and that no ] or } closes to the end of the file. A tab in
// the indentation of line or the next, which yaml.v3 reports so too, is
// none of this.
func flowNotClosed(lines []string, line int) (Pos, string, bool) {
	for n := line; n <= len(lines) && n <= line+1; n++ {
		if i := strings.IndexByte(lines[n-1], '\t'); i >= 0 && strings.TrimLeft(lines[n-1][:i], " ") == "" {
			return Pos{}, "", false
		}
	}
	at, bracket := unclosedFlow(lines)
	if bracket == 0 || at.Line >= line {
		return Pos{}, "", false
	}
	what, items, closer := flowWords(bracket)
	return at, fmt.Sprintf("invalid YAML: this %c is not closed, so the lines after it are read as its %s's %s, and line %d cannot be one: end the %s with %s, or quote a value that starts with %c", bracket, what, items, line, what, closer, bracket), true
}

// flowNotClosedBeforeItem finds the slip yaml.v3 reports as a missing node
// at line, the line before a "- " item that is the first content after a
// [ or { no ] or } closes to the end of the file: a block list's item,
// which a flow collection cannot hold (details: [ above - {name: …}).
// yaml.v3 names neither the bracket nor the item.
func flowNotClosedBeforeItem(lines []string, line int) (Pos, string, bool) {
	at, bracket := unclosedFlow(lines)
	if bracket == 0 || at.Line > line {
		return Pos{}, "", false
	}
	for n := at.Line + 1; n <= len(lines); n++ {
		l, ok := parseYAMLLine(lines[n-1])
		if !ok {
			continue
		}
		if !l.dash || n <= line {
			return Pos{}, "", false
		}
		what, items, closer := flowWords(bracket)
		return at, fmt.Sprintf("invalid YAML: did not find expected node content: this %c is not closed, so the lines after it are read as its %s's %s, and line %d, a - item of a block list, cannot be one: end the %s with %s on its line, or take the %c out to write the items as - lines", bracket, what, items, n, what, closer, bracket), true
	}
	return Pos{}, "", false
}

// unclosedFlow is the outermost [ or { of lines that no ] or } closes to
// the end of the file, and where it is; bracket is 0 when there is none.
// Lines indented under a | or > key are its text, and hold none.
func unclosedFlow(lines []string) (at Pos, bracket byte) {
	var open []Pos // the collections open, the outermost first
	var brackets []byte
	text := -1 // lines indented more than this are a block scalar's text
	for n := 1; n <= len(lines); n++ {
		raw := strings.TrimRight(lines[n-1], "\r")
		if len(open) == 0 {
			l, ok := parseYAMLLine(raw)
			if text >= 0 && (!ok && !l.comment || l.indent > text) {
				continue
			}
			text = -1
			if ok && l.block {
				text = l.indent
			}
		}
		open, brackets = flowBrackets(raw, n, open, brackets)
	}
	if len(open) == 0 {
		return Pos{}, 0
	}
	return open[0], brackets[0]
}

// flowWords names a flow collection by its opening bracket: what it is,
// what it holds, and its closing bracket.
func flowWords(bracket byte) (what, items, closer string) {
	if bracket == '{' {
		return "mapping", "members", "}"
	}
	return "list", "items", "]"
}

// flowBrackets follows the flow collections that open and close on line
// n, l: a [ or { opens one where a value starts (at the line's start,
// after "- " or a key's ": ") or inside another; quoted text and comments
// count for nothing.
func flowBrackets(l string, n int, open []Pos, brackets []byte) ([]Pos, []byte) {
	tokenStart := true
	for i := 0; i < len(l); i++ {
		c := l[i]
		starts := tokenStart
		tokenStart = strings.IndexByte(" \t[]{},", c) >= 0
		switch {
		case starts && c == '#':
			return open, brackets
		case (starts || i > 0 && l[i-1] == ':') && (c == '"' || c == '\''):
			i = closingQuote(l, i)
			tokenStart = true
		case (c == '[' || c == '{') && (len(open) > 0 || valueStarts(l[:i])):
			open = append(open, Pos{Line: n, Col: utf8.RuneCountInString(l[:i]) + 1})
			brackets = append(brackets, c)
		case (c == ']' || c == '}') && len(open) > 0:
			open, brackets = open[:len(open)-1], brackets[:len(brackets)-1]
		}
	}
	return open, brackets
}

// valueStarts says whether a value starts after before, the text of a
// line outside any flow collection: at the line's start, or after "- " or
// a key's ": ".
func valueStarts(before string) bool {
	trimmed := strings.TrimRight(before, " ")
	blanks := len(trimmed) < len(before)
	switch content := strings.TrimLeft(trimmed, " "); {
	case content == "":
		return true
	case strings.Trim(content, "- ") == "": // dashes: items
		return blanks
	}
	return strings.HasSuffix(trimmed, ":") && blanks
}

// looksLikeKey reports whether word is a key errgen's files have (a
// catalog's, an included file's, a translation file's): what a line of a
// text's continuation that holds ": " is not. Exactly, not a near miss:
// "because" is two edits from "cause".
func looksLikeKey(word string) bool {
	return slices.Contains(allKeys(), word)
}

// allKeys is every key errgen's files have, once.
var allKeys = sync.OnceValue(func() []string {
	var keys []string
	for _, list := range [][]string{topKeys, requestIDKeys, goKeys, grpcKeys, helpKeys, openAPIKeys, augmentKeys,
		docsKeys, groupTextKeys, sectionKeys, providerKeys, issueKeys, formatKeys, errorKeys, detailKeys, enumKeys,
		translationKeys, translationDocsKeys, providerTransKeys, issueTransKeys, entryKeys, detailTransKeys, includedKeys} {
		for _, k := range list {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
})
