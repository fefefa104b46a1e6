package catalog

import "unicode/utf8"

// readableText reports whether fastYAML may read data's characters as
// yaml.v3 does, and whether they are all ASCII. yaml.v3 refuses control
// characters and reads NEL, LS, PS and CR as line breaks, tabs as
// separators wherever it is not in a scalar, and a BOM as a marker: each
// is left to yaml.v3.
func readableText(data []byte) (ascii, ok bool) {
	ascii = true
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return false, false
			}
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || !readableRune(r) {
			return false, false
		}
		i += size
	}
	return ascii, true
}

// readableRune is yaml.v3's reader's test of a character outside ASCII,
// without those it reads as a break or a BOM.
func readableRune(r rune) bool {
	switch {
	case r == 0x2028 || r == 0x2029 || r == 0xfeff:
		return false
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// column is pos's column in bytes, from 0: indentation is spaces, so
// this is the column yaml.v3 compares indentations by.
func (p *fastParser) column() int { return p.pos - p.lineStart }

// markColumn is pos's column as yaml.v3 marks it: in characters, from 0.
func (p *fastParser) markColumn() int {
	if p.ascii {
		return p.pos - p.lineStart
	}
	// Counted on from the last mark of the line, so a long line of many
	// nodes is counted once.
	if p.counted.lineStart != p.lineStart || p.counted.pos > p.pos {
		p.counted.lineStart, p.counted.pos, p.counted.runes = p.lineStart, p.lineStart, 0
	}
	p.counted.runes += utf8.RuneCount(p.data[p.counted.pos:p.pos])
	p.counted.pos = p.pos
	return p.counted.runes
}
