package catalog

import "strings"

// The two header checks catalog needs, written against RFC 9110 so the
// module does not require golang.org/x/net (and its newer go line) for them.

// validHeaderName reports whether name is a field name: one or more tchar
// (RFC 9110 §5.1 and §5.6.2).
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isTchar(name[i]) {
			return false
		}
	}
	return true
}

// isTchar reports whether b is a token character:
// "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA.
func isTchar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	switch b {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

// validHeaderValue reports whether v may be sent as a field value: no
// control character other than horizontal tab (RFC 9110 §5.5). Bytes from
// 0x80 up (obs-text) are allowed, as net/http allows them.
func validHeaderValue(v string) bool {
	for i := 0; i < len(v); i++ {
		b := v[i]
		if (b < ' ' && b != '\t') || b == 0x7f {
			return false
		}
	}
	return true
}

// startsWithAuthScheme reports whether a challenge is one a client can
// read: an auth-scheme token, alone or followed by a space and its
// parameters (RFC 9110 §11.3), and never blank where a scheme must be.
func startsWithAuthScheme(challenge string) bool {
	// The scheme ends at a space (its parameters) or a comma (the next
	// challenge: "Basic, Bearer" is two, RFC 9110 §11.6.1).
	end := strings.IndexAny(challenge, " ,")
	if end < 0 {
		end = len(challenge)
	}
	return validHeaderName(challenge[:end])
}

// listProblem says what makes a header value, a comma-separated list
// (RFC 9110 §5.6.1), one a sender must not send, or "": an empty element
// outside quoted strings (before the first comma, between two, or after
// the last), which a strict client or proxy refuses, or a quoted string
// left open, which runs to the end of the value and so takes in every
// element after it. "" itself is no list: the error sends no challenge.
func listProblem(v string) string {
	if v == "" {
		return ""
	}
	// empty: the element being read has nothing but spaces so far; the
	// first is read from the start, so a leading comma or a blank value is
	// an empty element too, as the schema's pattern says.
	quoted, empty, first := false, true, true
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case quoted && c == '\\':
			i++ // a quoted-pair: the next byte is text
		case c == '"':
			quoted, empty = !quoted, false
		case quoted:
		case c == ',':
			if empty && first {
				return "an empty list element (a comma with nothing before it)"
			}
			if empty {
				return "an empty list element (a comma with nothing after it)"
			}
			empty, first = true, false
		case c != ' ' && c != '\t':
			empty = false
		}
	}
	switch {
	case quoted:
		return "a quoted string left open (no closing \")"
	case empty && first:
		return "no list element, only spaces"
	case empty:
		return "an empty list element (a comma with nothing after it)"
	}
	return ""
}
