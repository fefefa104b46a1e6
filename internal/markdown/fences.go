package markdown

import "strings"

// walkFences calls line for each line of s, telling whether it belongs to a
// fenced code block (fence lines included), and then close with the line
// that closes a fence s leaves open, if any.
func walkFences(s string, line func(l string, code bool), close func(closer string)) {
	var open string // the opening fence's run, "" outside a block
	for _, l := range strings.Split(s, "\n") {
		if open == "" {
			if f := openingFence(l); f != "" {
				open = f
				line(l, true)
				continue
			}
			line(l, false)
			continue
		}
		line(l, true)
		if closesFence(l, open) {
			open = ""
		}
	}
	if open != "" {
		close(open)
	}
}

// openingFence returns the fence run opening a fenced code block on l (up
// to three spaces, then three or more backticks or tildes), or "".
func openingFence(l string) string {
	rest, ok := stripIndent(l)
	if !ok || len(rest) < 3 || (rest[0] != '`' && rest[0] != '~') {
		return ""
	}
	n := runLength(rest, rest[0])
	if n < 3 || (rest[0] == '`' && strings.IndexByte(rest[n:], '`') >= 0) {
		return ""
	}
	return rest[:n]
}

// closesFence reports whether l closes a block opened by fence: the same
// character, at least as many, nothing but spaces after.
func closesFence(l, fence string) bool {
	rest, ok := stripIndent(l)
	if !ok {
		return false
	}
	n := runLength(rest, fence[0])
	return n >= len(fence) && strings.TrimRight(rest[n:], " \t") == ""
}

// stripIndent removes up to three leading spaces; more make an indented
// code block line, which opens or closes no fence.
func stripIndent(l string) (string, bool) {
	n := runLength(l, ' ')
	if n > 3 {
		return "", false
	}
	return l[n:], true
}
