package catalog

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// codePattern is what a code may be made of: letters, digits, _ - .
	codePattern = identPattern{extra: ".-"}
	// namePattern is what detail and meta names may be made of.
	namePattern = identPattern{}
	// componentPattern is what an OpenAPI component name prefix may be.
	componentPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	// packagePattern is a Go package name errgen accepts.
	packagePattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// identPattern matches what ^[A-Za-z][A-Za-z0-9_]*$ matches, extra's bytes
// allowed after the first too. It reads bytes where the regexp package ran
// its machine: normalizing and validating match every code and detail name
// (TestIdentPatterns holds it to the regexps).
type identPattern struct{ extra string }

// MatchString reports whether s is a letter followed by letters, digits, _
// and p's extra bytes.
func (p identPattern) MatchString(s string) bool {
	if s == "" || !asciiLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !asciiLetter(c) && (c < '0' || c > '9') && c != '_' && strings.IndexByte(p.extra, c) < 0 {
			return false
		}
	}
	return true
}

func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

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
	return appendWords(nil, s)
}

// appendWords appends s's words to out: GoName and Kebab pass an array on
// their stack, which holds the words of most codes and names, where words
// would allocate a slice per name.
func appendWords(out []string, s string) []string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(out, wordsPlain(s)...)
		}
	}
	return appendWordsASCII(out, s)
}

// wordsOnStack is how many words the arrays passed to appendWords hold.
const wordsOnStack = 8

// appendWordsASCII is appendWords for ASCII s, read byte by byte, where
// wordsPlain makes s runes and asks unicode of each (FuzzWords holds them
// together): normalizing names every code and detail several times.
func appendWordsASCII(out []string, s string) []string {
	start := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !asciiLetter(c) && (c < '0' || c > '9') {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := s[i-1]
		upper := 'A' <= c && c <= 'Z'
		lowerToUpper := upper && ('a' <= prev && prev <= 'z' || '0' <= prev && prev <= '9')
		acronymEnd := upper && 'A' <= prev && prev <= 'Z' && i+1 < len(s) && 'a' <= s[i+1] && s[i+1] <= 'z'
		if lowerToUpper || acronymEnd {
			out = append(out, s[start:i])
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
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
// It writes each word into one builder rather than upper- and lower-casing
// copies of it: normalizing names every code, detail and enum value
// (TestNamesArePlain holds it to goNamePlain, the former spelling).
func GoName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var buf [wordsOnStack]string
	for _, w := range appendWords(buf[:0], s) {
		if !isASCII(w) { // "ıd" upper-cases to ID: only unicode knows
			goWordPlain(&b, w)
			continue
		}
		if initialism(w) {
			for i := 0; i < len(w); i++ {
				b.WriteByte(upperASCII(w[i]))
			}
			continue
		}
		b.WriteByte(upperASCII(w[0]))
		for i := 1; i < len(w); i++ {
			b.WriteByte(lowerASCII(w[i]))
		}
	}
	return b.String()
}

// goWordPlain writes a word of any script as GoName spells it: upper case
// when it is an initialism, else its first letter upper, the rest lower.
func goWordPlain(b *strings.Builder, w string) {
	up := strings.ToUpper(w)
	if initialisms[up] {
		b.WriteString(up)
		return
	}
	rs := []rune(strings.ToLower(w))
	rs[0] = unicode.ToUpper(rs[0])
	b.WriteString(string(rs))
}

// initialism reports whether the ASCII word w, upper-cased, is one of
// initialisms: the longest is five letters, so the rest are upper-cased on
// the stack.
func initialism(w string) bool {
	var up [5]byte
	if len(w) > len(up) {
		return false
	}
	for i := 0; i < len(w); i++ {
		up[i] = upperASCII(w[i])
	}
	return initialisms[string(up[:len(w)])]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c - 'A' + 'a'
	}
	return c
}

// Kebab converts a code to the lower-case, dash-separated form used in
// anchors and type URIs: RATE_LIMIT_EXCEEDED → rate-limit-exceeded.
func Kebab(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var buf [wordsOnStack]string
	for i, w := range appendWords(buf[:0], s) {
		if i > 0 {
			b.WriteByte('-')
		}
		if !isASCII(w) {
			b.WriteString(strings.ToLower(w))
			continue
		}
		for j := 0; j < len(w); j++ {
			b.WriteByte(lowerASCII(w[j]))
		}
	}
	return b.String()
}
