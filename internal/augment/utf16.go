package augment

import (
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Order is the byte order a UTF-16 byte order mark at the start of
// spec names, or nil when there is none. YAML 1.2 and JSON allow UTF-16;
// errgen reads such a spec as UTF-8 and writes its output back in the
// input's encoding, mark included.
func utf16Order(spec []byte) binary.ByteOrder {
	switch {
	case len(spec) >= 2 && spec[0] == 0xFE && spec[1] == 0xFF:
		return binary.BigEndian
	case len(spec) >= 2 && spec[0] == 0xFF && spec[1] == 0xFE:
		return binary.LittleEndian
	}
	return nil
}

// fromUTF16 decodes a UTF-16 text after its mark to UTF-8; ok is false for
// an odd length or an unpaired surrogate, which no parser would read.
func fromUTF16(spec []byte, order binary.ByteOrder) (out []byte, ok bool) {
	body := spec[2:]
	if len(body)%2 != 0 {
		return nil, false
	}
	units := make([]uint16, len(body)/2)
	for i := range units {
		units[i] = order.Uint16(body[2*i:])
	}
	out = make([]byte, 0, len(units))
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		if utf16.IsSurrogate(r) {
			if i+1 >= len(units) {
				return nil, false
			}
			if r = utf16.DecodeRune(r, rune(units[i+1])); r == utf8.RuneError {
				return nil, false
			}
			i++
		}
		out = utf8.AppendRune(out, r)
	}
	return out, true
}

// toUTF16 encodes UTF-8 text as UTF-16 in order, with the mark.
func toUTF16(text []byte, order binary.ByteOrder) []byte {
	appendOrder := order.(binary.AppendByteOrder)
	out := make([]byte, 2, 2+2*len(text))
	order.PutUint16(out, 0xFEFF)
	for _, u := range utf16.Encode([]rune(string(text))) {
		out = appendOrder.AppendUint16(out, u)
	}
	return out
}
