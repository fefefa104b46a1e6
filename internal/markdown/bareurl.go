package markdown

import "strings"

// A URL written bare in catalog text ("see https://status.example.com")
// is a link on GitHub, whose GFM links such literals, but markdownlint's
// default configuration rejects it (MD034) and CommonMark renderers leave
// it text. escapeInline writes it as an autolink, <https://…>, a link in
// every renderer; the bytes between the brackets are the author's.

// bareURL reports the bare http(s) URL whose "://" is at s[colon:], as
// s[start:end], when GFM would link it: the scheme starts the text or
// follows a space or one of ( * _ ~ (but not "](", a link's destination),
// and a letter or digit follows "//" (a text with a Markdown link is left
// alone: see lazyLink). The URL ends before a space
// or a byte escapeInline changes, and without the punctuation that ends
// a sentence or an unmatched ")".
func bareURL(s string, colon int, links *lazyLink) (start, end int, ok bool) {
	if !strings.HasPrefix(s[colon:], "://") || colon+3 >= len(s) || !isAlnum(s[colon+3]) {
		return 0, 0, false
	}
	switch {
	case colon >= 5 && strings.EqualFold(s[colon-5:colon], "https"):
		start = colon - 5
	case colon >= 4 && strings.EqualFold(s[colon-4:colon], "http"):
		start = colon - 4
	default:
		return 0, 0, false
	}
	if start > 0 && (strings.IndexByte(" \t\n*_~(", s[start-1]) < 0 ||
		s[start-1] == '(' && start > 1 && s[start-2] == ']') {
		return 0, 0, false
	}
	if links.in(s) { // before the scan: each URL is scanned once
		return 0, 0, false
	}
	end = colon + 3
	open := 0 // unmatched "(" minus unmatched ")" of s[start:end], once the loop ends
	for end < len(s) && strings.IndexByte(" \t\n<>`|\\[]\"", s[end]) < 0 {
		switch s[end] {
		case '(':
			open++
		case ')':
			open--
		}
		end++
	}
	for end > colon+3 {
		c := s[end-1]
		if c == ')' && open < 0 {
			open++
		} else if strings.IndexByte("?!.,:;*_~'", c) < 0 {
			break
		}
		end--
	}
	return start, end, true
}

// lazyLink says whether a text has a Markdown link ("]("), in whose text
// an autolink would end the link: then its bare URLs stay as they are.
// It looks once per text, at its first bare URL, however many it holds.
type lazyLink struct{ known, has bool }

func (l *lazyLink) in(s string) bool {
	if !l.known {
		l.known, l.has = true, strings.Contains(s, "](")
	}
	return l.has
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// bareEmail reports the bare email address whose "@" is at s[at], as
// s[start:end], when GFM would link it (markdownlint's MD034 rejects it
// too): a local part of letters, digits and . + - _, not after a "/",
// then a domain of letters, digits and . - _ with a ".", ending with a
// letter or digit once a final "." is left out. links is as for bareURL.
func bareEmail(s string, at int, links *lazyLink) (start, end int, ok bool) {
	start = at
	for start > 0 && isEmailLocal(s[start-1]) {
		start--
	}
	if start == at || start > 0 && s[start-1] == '/' {
		return 0, 0, false
	}
	end, dot := at+1, false
	for end < len(s) && (isAlnum(s[end]) && s[end] < 0x80 || strings.IndexByte(".-_", s[end]) >= 0) {
		dot = dot || s[end] == '.' && end+1 < len(s) && isAlnum(s[end+1])
		end++
	}
	if end > at+1 && s[end-1] == '.' {
		end--
	}
	if !dot || end == at+1 || !isAlnum(s[at+1]) || !isAlnum(s[end-1]) || links.in(s) {
		return 0, 0, false
	}
	return start, end, true
}

// isEmailLocal is a byte of an email address's local part, as GFM has it.
func isEmailLocal(c byte) bool {
	return isAlnum(c) && c < 0x80 || strings.IndexByte(".+-_", c) >= 0
}
