package fixed

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// maxJSONDepth is encoding/json's limit on nested objects and arrays.
const maxJSONDepth = 10000

// validJSON reports whether b is one JSON value, exactly as json.Valid does,
// in a third of its time: without its state machine's call per byte.
func validJSON(b []byte) bool {
	i, ok := validValue(b, skipSpace(b, 0), 0)
	return ok && skipSpace(b, i) == len(b)
}

// validValue returns the index just after the valid JSON value at b[i], nested
// in depth objects and arrays; ok is false when there is none.
func validValue(b []byte, i, depth int) (end int, ok bool) {
	if i >= len(b) {
		return i, false
	}
	switch c := b[i]; {
	case c == '{' || c == '[':
		return validNested(b, i, depth, nil)
	case c == '"':
		return validString(b, i)
	case c == 't':
		return i + 4, bytes.HasPrefix(b[i:], []byte("true"))
	case c == 'f':
		return i + 5, bytes.HasPrefix(b[i:], []byte("false"))
	case c == 'n':
		return i + 4, bytes.HasPrefix(b[i:], []byte("null"))
	}
	return validNumber(b, i)
}

// validNested is validValue for the object or array at b[i]; rec, when not
// nil, records the members of the object.
func validNested(b []byte, i, depth int, rec *objectMembers) (end int, ok bool) {
	c := b[i]
	if depth++; depth > maxJSONDepth {
		return i, false
	}
	closing := byte('}')
	if c == '[' {
		closing = ']'
	}
	start := i
	rec.open()
	if i = skipSpace(b, i+1); i < len(b) && b[i] == closing {
		rec.close(b[start : i+1])
		return i + 1, true
	}
	for {
		key, keyEnd := i, i
		if c == '{' {
			if i >= len(b) || b[i] != '"' {
				return i, false
			}
			if i, ok = validString(b, i); !ok {
				return i, false
			}
			keyEnd = i
			if i = skipSpace(b, i); i >= len(b) || b[i] != ':' {
				return i, false
			}
			i = skipSpace(b, i+1)
		}
		val := i
		if i, ok = validValue(b, i, depth); !ok {
			return i, false
		}
		rec.add(b[key:keyEnd], b[val:i])
		switch i = skipSpace(b, i); {
		case i < len(b) && b[i] == ',':
			i = skipSpace(b, i+1)
		case i < len(b) && b[i] == closing:
			rec.close(b[start : i+1])
			return i + 1, true
		default:
			return i, false
		}
	}
}

// objectMembers are the members of an object validTop recorded as it
// validated the object: decodeDetails reads the details' members from them
// where it walked the details object a second time. decodeObject is that
// walk, the plain path; FuzzValidTop holds the members to an objectIter's,
// and BenchmarkDetailMembers measures what this buys.
type objectMembers struct {
	obj      []byte // the object recorded; nil until it is valid, and when its members do not fit
	n        int    // how many members the object has
	key, val [8][]byte
}

// open starts recording an object.
func (m *objectMembers) open() {
	if m != nil {
		m.obj, m.n = nil, 0
	}
}

// add records a member.
func (m *objectMembers) add(key, val []byte) {
	if m != nil {
		if m.n < len(m.key) {
			m.key[m.n], m.val[m.n] = key, val
		}
		m.n++
	}
}

// close records the object, whole and valid, when its members fit.
func (m *objectMembers) close(obj []byte) {
	if m != nil && m.n <= len(m.key) {
		m.obj = obj
	}
}

// of reports whether m holds the members of obj, the same bytes.
func (m *objectMembers) of(obj []byte) bool {
	return m != nil && len(m.obj) > 0 && len(obj) == len(m.obj) && &obj[0] == &m.obj[0]
}

// validString returns the index just after the valid JSON string at b[i].
func validString(b []byte, i int) (end int, ok bool) {
	for i++; i < len(b); i++ {
		if i = stringStop(b, i); i == len(b) {
			break
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, true
		case c < ' ':
			return i, false
		case c == '\\':
			if i++; i >= len(b) {
				return i, false
			}
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for n := 0; n < 4; n++ {
					if i++; i >= len(b) || !isHex(b[i]) {
						return i, false
					}
				}
			default:
				return i, false
			}
		}
	}
	return i, false
}

// stringStop returns the index of the first quote, backslash or control
// character at or after b[i], or len(b).
func stringStop(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		if m := stopMask(binary.LittleEndian.Uint64(b[i:])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(b) && b[i] >= ' ' && b[i] != '"' && b[i] != '\\' {
		i++
	}
	return i
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// validNumber returns the index just after the valid JSON number at b[i].
func validNumber(b []byte, i int) (end int, ok bool) {
	digits := func(i int) (int, bool) {
		start := i
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i, i > start
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	default:
		if i, ok = digits(i); !ok {
			return i, false
		}
	}
	if i < len(b) && b[i] == '.' {
		if i, ok = digits(i + 1); !ok {
			return i, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		if i++; i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i, ok = digits(i); !ok {
			return i, false
		}
	}
	return i, true
}

// The scanners of JSON strings step over eight bytes at a time where none of
// them ends the string, an escape or the string's plain text, and go straight
// to the first byte that does: the strings of a body are most of its bytes,
// and a comparison a byte was most of the time Parse spent validating it.
// FuzzStringScans holds the scanners to their plain paths (stringscan_test.go),
// BenchmarkStringScans measures the gain.
//
// Each mask below has the high bit of a byte of x set where that byte is
// what the mask looks for, and maybe of a byte beyond one that is (a borrow
// carried up): the lowest bit set is always a byte looked for, and the mask
// is 0 when there is none.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// byteMask marks the bytes of x that are c.
func byteMask(x uint64, c byte) uint64 {
	x ^= ones * uint64(c)
	return (x - ones) &^ x & highs
}

// controlMask marks the bytes of x below ' '.
func controlMask(x uint64) uint64 {
	return (x - ones*' ') &^ x & highs
}

// stopMask marks the bytes of x at which validString must look: a quote, a
// backslash or a control character.
func stopMask(x uint64) uint64 {
	return byteMask(x, '"') | byteMask(x, '\\') | controlMask(x)
}

// notPlain reports whether one of the eight bytes of x is no plain text: what
// stopMask marks, or a byte beyond ASCII.
func notPlain(x uint64) bool {
	return x&highs|stopMask(x) != 0
}
