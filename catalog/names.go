package catalog

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// codePattern is what a code may be made of: letters, digits, _ - .
	codePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.\-]*$`)
	// namePattern is what detail and meta names may be made of.
	namePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	// componentPattern is what an OpenAPI component name prefix may be.
	componentPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	// packagePattern is a Go package name errgen accepts.
	packagePattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// initialisms are written in upper case in Go names, as golint taught.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true, "EOF": true,
	"GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "JSON": true,
	"JWT": true, "LHS": true, "OTP": true, "PSA": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true, "TLS": true,
	"TTL": true, "UDP": true, "UI": true, "UID": true, "URI": true, "URL": true, "UTF8": true,
	"UUID": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// words splits a code or detail name on _ - . and case changes:
// "INVALID_JSON" → [INVALID JSON], "resourceId" → [resource Id],
// "HTTPStatus" → [HTTP Status].
func words(s string) []string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return wordsPlain(s)
		}
	}
	return wordsASCII(s)
}

// wordsASCII is words for ASCII s, read byte by byte, where wordsPlain
// makes s runes and asks unicode of each (FuzzWords holds them together):
// normalizing names every code and detail several times.
func wordsASCII(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, s[start:end])
		}
		start = -1
	}
	upper := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	lower := func(c byte) bool { return 'a' <= c && c <= 'z' }
	digit := func(c byte) bool { return '0' <= c && c <= '9' }
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !upper(c) && !lower(c) && !digit(c) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := s[i-1]
		lowerToUpper := upper(c) && (lower(prev) || digit(prev))
		acronymEnd := upper(c) && upper(prev) && i+1 < len(s) && lower(s[i+1])
		if lowerToUpper || acronymEnd {
			flush(i)
			start = i
		}
	}
	flush(len(s))
	return out
}

// wordsPlain is words for any s.
func wordsPlain(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		lowerToUpper := unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev))
		acronymEnd := unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
		if lowerToUpper || acronymEnd {
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

// GoName converts a code or detail name to an exported Go identifier with
// Go initialisms: INVALID_JSON → InvalidJSON, resourceId → ResourceID.
func GoName(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		up := strings.ToUpper(w)
		if initialisms[up] {
			b.WriteString(up)
			continue
		}
		rs := []rune(strings.ToLower(w))
		rs[0] = unicode.ToUpper(rs[0])
		b.WriteString(string(rs))
	}
	return b.String()
}

// Kebab converts a code to the lower-case, dash-separated form used in
// anchors and type URIs: RATE_LIMIT_EXCEEDED → rate-limit-exceeded.
func Kebab(s string) string {
	ws := words(s)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return strings.Join(ws, "-")
}
