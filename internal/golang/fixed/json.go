package fixed

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonSafe marks, by ASCII byte, what a JSON string holds as it is: encoding/json
// escapes control characters, quote and backslash, and <, > and & (HTML-safe).
const jsonSafe = "00000000000000000000000000000000110111011111111111111111111101011111111111111111111111111111011111111111111111111111111111111111"

// appendString appends s as a JSON string exactly as encoding/json writes it
// (HTML-safe, U+2028 and U+2029 escaped, invalid UTF-8 replaced), without its cost.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && jsonSafe[s[i]] == '1' {
		i++
	}
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] == '1' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, "\\ufffd"...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&15])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// skipSpace returns the index of the first non-space byte at or after i.
// Most bytes it is called on are not space, and most of those are above it:
// one compare tells them, where four did (skipSpacePlain, stringscan_test.go;
// FuzzStringScans, BenchmarkSkipSpace). Inlined, about 30 times, it is
// that compare: the loop over spaces, which bodies as services write them
// rarely hold, is a call, where it was compiled into each caller.
func skipSpace(b []byte, i int) int {
	if i < len(b) && b[i] > ' ' {
		return i
	}
	return skipSpaces(b, i)
}

// skipSpaces is skipSpace past its first compare.
//
//go:noinline
func skipSpaces(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the index just after the JSON value starting at i.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		// Find the closing quote, skipping escaped characters.
		for i++; i < len(b); i++ {
			if i = quoteOrEscape(b, i); i == len(b) {
				break
			}
			if b[i] == '"' {
				return i + 1
			}
			if b[i] == '\\' {
				i++ // the escaped character
			}
		}
		return len(b)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipValue(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return i
	}
	for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r' {
		i++
	}
	return i
}

// quoteOrEscape returns the index of the first quote or backslash at or
// after b[i], or len(b); see stopMask.
func quoteOrEscape(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if m := byteMask(x, '"') | byteMask(x, '\\'); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(b) && b[i] != '"' && b[i] != '\\' {
		i++
	}
	return i
}

// member returns the value of the named member of a JSON object, the last one
// when it repeats (as encoding/json decides), or nil.
func member(b []byte, name string) []byte {
	var found []byte
	it, _ := newObjectIter(b)
	for key, val, ok := it.next(); ok; key, val, ok = it.next() {
		if keyIs(key, name) {
			found = val
		}
	}
	return found
}

// objectIter walks the members of a JSON object.
type objectIter struct {
	b []byte
	i int // where the next member starts
}

// newObjectIter returns an iterator over the members of the object b holds;
// ok is false when b is not an object.
func newObjectIter(b []byte) (it objectIter, ok bool) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return objectIter{}, false
	}
	return objectIter{b: b, i: skipSpace(b, i+1)}, true
}

// next returns the next member: its key, as a JSON string, and its value.
func (it *objectIter) next() (key, val []byte, ok bool) {
	b, i := it.b, it.i
	if i >= len(b) || b[i] != '"' {
		return nil, nil, false
	}
	end := skipValue(b, i)
	key = b[i:end]
	i = skipSpace(b, end)
	if i >= len(b) || b[i] != ':' {
		return nil, nil, false
	}
	i = skipSpace(b, i+1)
	end = skipValue(b, i)
	val = b[i:end]
	i = skipSpace(b, end)
	if i < len(b) && b[i] == ',' {
		i = skipSpace(b, i+1)
	}
	it.i = i
	return key, val, true
}

// keyIs reports whether a JSON string is name; plain keys are compared in place.
func keyIs(key []byte, name string) bool {
	if len(key) <= len(name)+2 {
		// An escape spells a byte in two text bytes at least: a key no
		// longer than name's quoted text is name only as it is.
		return len(key) == len(name)+2 && string(key[1:len(key)-1]) == name
	}
	if key[0] != '"' || 6*len(name)+2 < len(key) || bytes.IndexByte(key, '\\') < 0 {
		return false // an escape spells one byte in six at most
	}
	return unescapedIs(key[1:len(key)-1], name)
}

// unescapedIs reports whether the escaped text of a JSON string decodes to
// name, decoding as it compares: a body of a million escaped keys costs no
// allocation. Text that does not decode is no name.
func unescapedIs(text []byte, name string) bool {
	var buf [utf8.UTFMax]byte
	for len(text) > 0 {
		c := text[0]
		if c != '\\' {
			if len(name) == 0 || name[0] != c {
				return false
			}
			text, name = text[1:], name[1:]
			continue
		}
		if len(text) < 2 {
			return false
		}
		var r rune
		switch text[1] {
		case '"', '\\', '/':
			r, text = rune(text[1]), text[2:]
		case 'b':
			r, text = '\b', text[2:]
		case 'f':
			r, text = '\f', text[2:]
		case 'n':
			r, text = '\n', text[2:]
		case 'r':
			r, text = '\r', text[2:]
		case 't':
			r, text = '\t', text[2:]
		case 'u':
			var ok bool
			if r, ok = hex4(text[2:]); !ok {
				return false
			}
			text = text[6:]
			if utf16.IsSurrogate(r) {
				r2, ok := rune(-1), len(text) >= 6 && text[0] == '\\' && text[1] == 'u'
				if ok {
					r2, ok = hex4(text[2:])
				}
				if d := utf16.DecodeRune(r, r2); ok && d != utf8.RuneError {
					r, text = d, text[6:]
				} else {
					r = utf8.RuneError
				}
			}
		default:
			return false
		}
		n := utf8.EncodeRune(buf[:], r)
		if len(name) < n || name[:n] != string(buf[:n]) {
			return false
		}
		name = name[n:]
	}
	return len(name) == 0
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// firstElement returns the first element of a JSON array, or nil.
func firstElement(b []byte) []byte {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil
	}
	i = skipSpace(b, i+1)
	if i >= len(b) || b[i] == ']' {
		return nil
	}
	return b[i:skipValue(b, i)]
}

// stringValue decodes a JSON string; plain ones are sliced, not decoded.
func stringValue(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	if plainString(raw) {
		return string(raw[1 : len(raw)-1]), true
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err == nil
}

// plainString reports whether a JSON string holds its text as it is: ASCII
// without escapes, so that its text is the bytes between its quotes.
func plainString(raw []byte) bool {
	if len(raw) < 2 || raw[0] != '"' {
		return false
	}
	text := raw[1 : len(raw)-1]
	// The last word overlaps the one before it, and a text of four to
	// seven bytes is read as two overlapping halves, rather than a byte at
	// a time.
	switch n := len(text); {
	case n >= 8:
		for ; len(text) > 8; text = text[8:] {
			if notPlain(binary.LittleEndian.Uint64(text)) {
				return false
			}
		}
		return !notPlain(binary.LittleEndian.Uint64(raw[n-7:]))
	case n >= 4:
		le := binary.LittleEndian
		return !notPlain(uint64(le.Uint32(text)) | uint64(le.Uint32(text[n-4:]))<<32)
	}
	for _, c := range text {
		if c == '\\' || c == '"' || c < ' ' || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stringIs reports whether a JSON string's text is s.
func stringIs(raw []byte, s string) bool {
	if plainString(raw) {
		return string(raw[1:len(raw)-1]) == s
	}
	v, ok := stringValue(raw)
	return ok && v == s
}
