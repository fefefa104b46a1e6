package markdown

import (
	"encoding/json"
	"strings"
)

// The example blocks of errorPart, appended to its buffer: an indented
// body made a bytes.Buffer, its string, the escaped string and the fenced
// block's string before it reached the page, a fifth of an error's part.
// TestErrorPartIsTemplate holds them to the json and fence functions
// error.tmpl calls.

// indentJSON is the indentJSON function on b, in w's scratch buffer, which
// the result is valid until the next call.
func (w *errorPart) indentJSON(b []byte) ([]byte, error) {
	w.scratch.Reset()
	if err := json.Indent(&w.scratch, b, "", "  "); err != nil {
		return nil, err
	}
	out := w.scratch.Bytes()
	if hasInvisible(out) {
		return []byte(escapeInvisibleJSON(string(out))), nil
	}
	return out, nil
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
