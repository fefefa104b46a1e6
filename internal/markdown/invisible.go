package markdown

import (
	"unicode"
	"unicode/utf8"
)

// invisible reports a character that must not reach the page as it is: a
// bidi control (U+202A–U+202E, U+2066–U+2069), a zero-width one (U+200B
// and the other format characters, Cf), the BOM, NUL and the other control
// characters (Cc) but tab and newline. Rendered, they make text read
// otherwise than its bytes (CVE-2021-42574); the Go output replaces them
// too. Line and paragraph separators (U+2028, U+2029) show as breaks and
// are kept.
func invisible(r rune) bool {
	switch {
	case r < 0x80:
		return r < ' ' && r != '\n' && r != '\t' || r == 0x7f
	case r < 0xA0:
		return true // C1 controls
	case r < 0x600 && r != 0xAD, 0x2070 <= r && r < 0xFEFF:
		// Latin to Armenian, and CJK and the rest of the BMP up to the BOM:
		// no Cc or Cf there (TestInvisibleFastPath).
		return false
	}
	return r == utf8.RuneError || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r)
}

// hasInvisible reports whether s has a character invisible reports, or
// bytes that are not UTF-8. It reads a page's bytes as they are: string(page)
// would copy the whole page. It decodes only the bytes past ASCII: a page
// has a non-ASCII character near its top (the · of a status line), and
// decoding every rune after it, as strings.IndexFunc does, was a tenth of
// the Markdown stage. TestHasInvisible holds it to IndexFunc.
func hasInvisible[T string | []byte](s T) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plainASCII8(load8(s, i)) {
			i += 8
			continue
		}
		c := s[i]
		if !unsafeByte[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return true
		}
		// a rune's bytes at most: a copy of them, if any, stays on the stack
		r, n := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if invisible(r) {
			return true
		}
		i += n
	}
	return false
}

// plainASCII8 reports whether the 8 bytes of w are ASCII and none is a
// control character or DEL: most of a page, taken a word at a time. Each
// test finds whether some byte is at or past 0x80, below 0x20, or 0x7f,
// exactly: a borrow across bytes follows only a byte that was found.
func plainASCII8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	if w&highs != 0 || (w-0x20*ones)&^w&highs != 0 {
		return false
	}
	del := w ^ 0x7f*ones // a zero byte where w has DEL
	return (del-ones)&^del&highs == 0
}

// load8 is s[i:i+8] as a little-endian word.
func load8[T string | []byte](s T, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// unsafeByte is a byte that is an invisible ASCII character, or starts or
// continues a character past ASCII, which must be decoded.
var unsafeByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= utf8.RuneSelf || invisible(rune(c))
	}
	return t
}()

// replaceInvisible replaces every character invisible reports with U+FFFD,
// as the Go output's comments do. JSON examples have them escaped already
// (escapeInvisibleJSON), so they keep their meaning.
func replaceInvisible(page []byte) []byte {
	if !hasInvisible(page) {
		return page
	}
	out := make([]byte, 0, len(page)+16)
	for len(page) > 0 {
		r, n := utf8.DecodeRune(page)
		if invisible(r) && !(r == utf8.RuneError && n > 1) {
			out = utf8.AppendRune(out, unicode.ReplacementChar)
		} else {
			out = append(out, page[:n]...)
		}
		page = page[n:]
	}
	return out
}
