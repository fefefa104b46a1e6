package catalog

import "strings"

// warnUnclosed warns of a placeholder never closed in a message or a
// header value ("{id was not found."): the template reads a { that opens
// no placeholder as text, so a forgotten } would send "{id" to every
// client. Only a { followed by a name and no } at all after it is
// warned of: braces around anything but a name ({"a": 1}) are text on
// purpose.
func (l *loader) warnUnclosed(c *Catalog) {
	for _, e := range c.Errors {
		if e.Message != nil {
			if name := unclosedPlaceholder(e.Message.Source); name != "" {
				l.warn(e.Message.Pos, "error %q: message: %s", e.Code, unclosed(name))
			}
		}
		for _, h := range e.Headers {
			if h.Value == nil {
				continue
			}
			if name := unclosedPlaceholder(h.Value.Source); name != "" {
				l.warn(h.Value.Pos, "error %q: header %s: %s", e.Code, h.Key, unclosed(name))
			}
		}
	}
}

// unclosed says what a placeholder of name never closed is.
func unclosed(name string) string {
	return "{" + name + " is not closed, so it is sent as text: write {" + name + "} for the detail"
}

// unclosedPlaceholder is the name after the last { of s when no } follows
// it and a name starts right after it, or "".
func unclosedPlaceholder(s string) string {
	i := strings.LastIndexByte(s, '{')
	if i < 0 || strings.IndexByte(s[i:], '}') >= 0 {
		return ""
	}
	rest := s[i+1:]
	end := strings.IndexFunc(rest, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	if end < 0 {
		end = len(rest)
	}
	if name := rest[:end]; namePattern.MatchString(name) {
		return name
	}
	return ""
}
