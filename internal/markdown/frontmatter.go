package markdown

import (
	"bytes"
	"slices"
)

// A page.tmpl of one's own may open the page with front matter, the
// metadata block of static site generators (Hugo, Jekyll, Docusaurus …),
// which they read only on the file's first line. So errgen's marker goes
// below it, not above, and the passes over the Markdown (wrapping, heading
// ids) leave it as written: it is YAML or TOML, and a refilled line would
// change what it says.

// frontMatterFences open and close front matter: YAML's and TOML's.
var frontMatterFences = []string{"---", "+++"}

// FrontMatterLen is the length of the front matter page opens with, up to
// and including the line break of the line that closes it: a first line
// "---" (YAML) or "+++" (TOML), and the next line that repeats it. It is 0
// when page opens with none, or one never closed.
func FrontMatterLen(page []byte) int {
	first, rest, ok := cutLine(page)
	if !ok {
		return 0
	}
	for _, fence := range frontMatterFences {
		if string(first) != fence {
			continue
		}
		for len(rest) > 0 {
			var line []byte
			line, rest, _ = cutLine(rest)
			if string(line) == fence {
				return len(page) - len(rest)
			}
		}
	}
	return 0
}

// OpensFrontMatter reports whether page's first line opens front matter,
// closed or not: past a file's start, what follows it may be far.
func OpensFrontMatter(page []byte) bool {
	first, _, ok := cutLine(page)
	return ok && slices.Contains(frontMatterFences, string(first))
}

// cutLine splits page's first line, without its line break, from the
// rest; ok is false when the line has no break. A page errgen writes has
// no "\r" (it replaces every control character with U+FFFD), but one
// checked out with CRLF line endings (git's core.autocrlf) has, and is
// errgen's all the same.
func cutLine(page []byte) (line, rest []byte, ok bool) {
	line, rest, ok = bytes.Cut(page, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r")), rest, ok
}

// markerBelowFrontMatter is page, which starts with marker, errgen's
// marker, with the marker moved below the front matter that follows it, if
// any (then followed by one blank line, as at the page's top).
func markerBelowFrontMatter(page []byte, marker string) []byte {
	body := page[len(marker):]
	n := FrontMatterLen(body)
	if n == 0 {
		return page
	}
	out := make([]byte, 0, len(page))
	out = append(out, body[:n]...)
	out = append(out, marker...)
	return append(out, bytes.TrimLeft(body[n:], "\n")...)
}

// besideFrontMatter is f applied to page past its front matter, which it
// keeps as it is.
func besideFrontMatter(page []byte, f func([]byte) []byte) []byte {
	n := FrontMatterLen(page)
	if n == 0 {
		return f(page)
	}
	return append(page[:n:n], f(page[n:])...)
}
