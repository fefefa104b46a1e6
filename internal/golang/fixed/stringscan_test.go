package fixed

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/benchpair"
)

// The plain paths of the scanners of JSON strings: a byte at a time, as they
// were before they stepped over eight (stopMask).

func validStringPlain(b []byte, i int) (end int, ok bool) {
	for i++; i < len(b); i++ {
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

// skipStringPlain is skipValue's step over a string.
func skipStringPlain(b []byte, i int) int {
	for i++; i < len(b); {
		j := bytes.IndexByte(b[i:], '"')
		if j < 0 {
			return len(b)
		}
		k := bytes.IndexByte(b[i:i+j], '\\')
		if k < 0 {
			return i + j + 1
		}
		i += k + 2
	}
	return len(b)
}

func plainStringPlain(raw []byte) bool {
	if len(raw) < 2 || raw[0] != '"' {
		return false
	}
	for _, c := range raw[1 : len(raw)-1] {
		if c == '\\' || c == '"' || c < ' ' || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// skipSpacePlain is skipSpace without its first compare.
func skipSpacePlain(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// FuzzStringScans holds the scanners, and skipSpace, to their plain paths on
// any bytes.
func FuzzStringScans(f *testing.F) {
	for _, s := range []string{`"abc"`, `"a\"b"`, `"\\"`, `"\`, `"a\u00e9"`, `"\u12"`, "\"a\x01\"", "\"\xff\xfe\"", `"x\q"`, `"`, `""`, `"abc`,
		`"Rate limit of 100 requests per 1m exceeded"`, "\"0123456\x1f89abcdef\"", "\"01234567\x7f\x80bcdef\"", `"01234567\"abcdef"`, `"0123456789abcde\\"`,
		" \t\r\n \x00\x1f!\"", "\x0b\x0c \"",
		`"abcd"`, "\"ab\x01d\"", "\"abcdef\xc3\xa9\"", `"abcdefgh"`, "\"abcdefg\x80\"", "\"\x00\"\"", "\"\x1f\x5c\"\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := 0; i < len(b) && i < 9; i++ {
			end, ok := validString(b, i)
			wantEnd, wantOK := validStringPlain(b, i)
			if end != wantEnd || ok != wantOK {
				t.Fatalf("validString(%q, %d) = %d, %v; plain %d, %v", b, i, end, ok, wantEnd, wantOK)
			}
			if b[i] == '"' {
				if got, want := skipValue(b, i), skipStringPlain(b, i); got != want {
					t.Fatalf("skipValue(%q, %d) = %d; plain %d", b, i, got, want)
				}
			}
			if got, want := plainString(b[i:]), plainStringPlain(b[i:]); got != want {
				t.Fatalf("plainString(%q) = %v; plain %v", b[i:], got, want)
			}
			if got, want := skipSpace(b, i), skipSpacePlain(b, i); got != want {
				t.Fatalf("skipSpace(%q, %d) = %d; plain %d", b, i, got, want)
			}
		}
	})
}

// BenchmarkStringScans measures what stepping over eight bytes buys on the
// strings of a body, scanned where they are, as Parse scans them. See
// benchpair.Run for the figures it reports.
func BenchmarkStringScans(b *testing.B) {
	var starts []int
	it, _ := newObjectIter(rateLimitedBody)
	for key, val, ok := it.next(); ok; key, val, ok = it.next() {
		starts = append(starts, len(rateLimitedBody)-cap(key))
		if val[0] == '"' {
			starts = append(starts, len(rateLimitedBody)-cap(val))
		}
	}
	body := rateLimitedBody
	scan := func(valid func([]byte, int) (int, bool), skip func([]byte, int) int, plain func([]byte) bool) func() {
		return func() {
			for range 100 {
				for _, i := range starts {
					end, _ := valid(body, i)
					skip(body, i)
					plain(body[i:end])
				}
			}
		}
	}
	benchpair.Run(b, scan(validString, skipValue, plainString), scan(validStringPlain, skipStringPlain, plainStringPlain), nil)
}

// BenchmarkSkipSpace measures what skipSpace's first compare buys where Parse
// calls it: after each token of a body. See benchpair.Run for the figures it
// reports.
func BenchmarkSkipSpace(b *testing.B) {
	body := rateLimitedBody
	var at []int
	for i, c := range body {
		if strings.IndexByte(`{}[]:,"`, c) >= 0 {
			at = append(at, i+1)
		}
	}
	n := 0
	benchpair.Run(b, func() {
		for range 100 {
			for _, i := range at {
				n += skipSpace(body, i)
			}
		}
	}, func() {
		for range 100 {
			for _, i := range at {
				n += skipSpacePlain(body, i)
			}
		}
	}, nil)
}
