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
// a letter or digit follows "//", and the text has no Markdown link, in
// whose text an autolink would end the link. The URL ends before a space
// or a byte escapeInline changes, and without the punctuation that ends
// a sentence or an unmatched ")".
func bareURL(s string, colon int) (start, end int, ok bool) {
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
	if strings.Contains(s, "](") {
		return 0, 0, false
	}
	end = colon + 3
	for end < len(s) && strings.IndexByte(" \t\n<>`|\\[]\"", s[end]) < 0 {
		end++
	}
	for end > colon+3 {
		c := s[end-1]
		unmatched := c == ')' && strings.Count(s[start:end], "(") < strings.Count(s[start:end], ")")
		if strings.IndexByte("?!.,:;*_~'", c) < 0 && !unmatched {
			break
		}
		end--
	}
	return start, end, true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}
