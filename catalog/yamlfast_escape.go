package catalog

import "unicode/utf8"

// escapes are the one-character escapes of a double-quoted scalar, as
// yaml.v3 reads them (scannerc.go, yaml_parser_scan_flow_scalar).
var escapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", 'n': "\n", 'v': "\v", 'f': "\f", 'r': "\r",
	'e': "\x1b", ' ': " ", '"': "\"", '\'': "'", '\\': "\\",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// escape appends to b the character of the escape at pos and moves past
// it. An escaped line break, a tab after the backslash and what yaml.v3
// refuses are left to yaml.v3.
func (p *fastParser) escape(b []byte) []byte {
	c := p.peekAt(1)
	if e, ok := escapes[c]; ok {
		p.pos += 2
		return append(b, e...)
	}
	size := 0
	switch c {
	case 'x':
		size = 2
	case 'u':
		size = 4
	case 'U':
		size = 8
	}
	if size == 0 || p.pos+2+size > len(p.data) {
		p.fail()
	}
	value := 0
	for _, h := range p.data[p.pos+2 : p.pos+2+size] {
		d, ok := hexDigit(h)
		if !ok {
			p.fail()
		}
		value = value<<4 + d
	}
	if value >= 0xd800 && value <= 0xdfff || value > 0x10ffff {
		p.fail()
	}
	p.pos += 2 + size
	if value <= 0x7f {
		return append(b, byte(value))
	}
	return utf8.AppendRune(b, rune(value))
}

func hexDigit(c byte) (int, bool) {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0'), true
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10, true
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10, true
	}
	return 0, false
}
