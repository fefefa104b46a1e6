package markdown

import (
	"bytes"
	"encoding/json"
	"strings"
)

// The example blocks of errorPart, appended to its buffer: an indented
// body made a bytes.Buffer, its string, the escaped string and the fenced
// block's string before it reached the page, a fifth of an error's part.
// TestErrorPartIsTemplate holds them to the json and fence functions
// error.tmpl calls.

// indentJSON is the indentJSON function on b, in w's scratch buffer, which
// the result is valid until the next call. A body errgen wrote itself is
// compact JSON, which appendIndented indents as json.Indent does without
// its scanner's work on every byte (most of indenting's cost); any other
// goes through json.Indent.
func (w *errorPart) indentJSON(b []byte) ([]byte, error) {
	out, ok := appendIndented(w.scratch[:0], b)
	if !ok {
		buf := bytes.NewBuffer(w.scratch[:0])
		if err := json.Indent(buf, b, "", "  "); err != nil {
			return nil, err
		}
		out = buf.Bytes()
	}
	w.scratch = out
	if hasInvisible(out) {
		return []byte(escapeInvisibleJSON(string(out))), nil
	}
	return out, nil
}

// appendIndented appends b, compact JSON, as json.Indent(dst, b, "", "  ")
// writes it, and reports false, with dst unchanged, where b has what the
// compact JSON of a body has not: white space outside strings, a control
// character inside one, brackets that do not pair up, an unended string,
// a value other than an object or array, or text after it. It does not
// check literals and numbers, nor that members alternate with colons and
// commas: it is used on the bodies errgen writes (example.Body), which
// encoding/json's rules make. TestIndentedIsIndent holds it to json.Indent
// on every error body of every shortcut test catalog and on random values;
// BenchmarkIndented shows what it buys.
func appendIndented(dst, b []byte) ([]byte, bool) {
	start := len(dst)
	if len(b) == 0 || b[0] != '{' && b[0] != '[' {
		return dst, false // a body is an object (or an array)
	}
	var open []byte // the brackets open
	for i := 0; i < len(b); i++ {
		if len(open) == 0 && i > 0 {
			return dst[:start], false // text after the value
		}
		switch c := b[i]; c {
		case '"':
			j := stringEnd(b, i)
			if j < 0 {
				return dst[:start], false
			}
			dst = append(dst, b[i:j]...)
			i = j - 1
		case '{', '[':
			if i+1 < len(b) && b[i+1] == c+2 { // {} and [], as json.Indent writes them
				dst = append(dst, c, c+2)
				i++
				continue
			}
			open = append(open, c)
			dst = indentLine(append(dst, c), len(open))
		case '}', ']':
			if len(open) == 0 || open[len(open)-1]+2 != c {
				return dst[:start], false
			}
			open = open[:len(open)-1]
			dst = append(indentLine(dst, len(open)), c)
		case ',':
			dst = indentLine(append(dst, ','), len(open))
		case ':':
			dst = append(dst, ':', ' ')
		case ' ', '\t', '\n', '\r':
			return dst[:start], false
		default:
			dst = append(dst, c)
		}
	}
	return dst, len(open) == 0
}

// stringEnd is the index after the JSON string that starts at b[i], or -1
// when it does not end or holds a control character.
func stringEnd(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '\\':
			j++
		case c == '"':
			return j + 1
		case c < ' ':
			return -1
		}
	}
	return -1
}

// indentLine starts a new line indented depth levels.
func indentLine(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, "  "...)
	}
	return dst
}

// appendFence appends fencedBlock(lang, s) to dst.
func appendFence[T string | []byte](dst []byte, lang string, s T) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' {
			return append(dst, fencedBlock(lang, string(s))...)
		}
	}
	if len(s) > 0 && s[len(s)-1] == '\n' {
		s = s[:len(s)-1]
	}
	fence := fenceOf(max(3, longestRun(s, '`')+1))
	dst = append(append(append(dst, fence...), lang...), '\n')
	if len(s) > 0 {
		dst = append(append(dst, s...), '\n')
	}
	return append(dst, fence...)
}

// fenceOf is a run of n backticks.
func fenceOf(n int) string {
	if n <= len(backtickRuns) {
		return backtickRuns[:n]
	}
	return strings.Repeat("`", n)
}
