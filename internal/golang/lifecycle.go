package golang

import (
	"strings"

	"github.com/errgen/errgen/catalog"
)

// deprecated writes, after a doc comment, the "Deprecated: " paragraph that
// go/doc, gopls and staticcheck recognise, so every use of a deprecated code's
// prefix+Name identifier (CodeX, ErrX, NewX) is flagged; the replacement is a
// doc link to the same kind of identifier. indent is "\t" inside a block.
func (w declWriter) deprecated(indent string, e *catalog.Error, prefix string) {
	if e.Deprecated == "" {
		return
	}
	text := "Deprecated: " + e.Deprecated
	if r := e.Replacement; r != nil {
		text += " Replaced by [" + prefix + r.Name + "]."
	}
	w.str(indent, "//\n")
	lines := wrap(text)
	if indent != "" {
		for _, line := range lines {
			w.lineComment(indent, line)
		}
		return
	}
	w.docLines(lines)
}

// sinceSentence is " Since v1.4." for a code that says when it came, or "".
func sinceSentence(e *catalog.Error) string {
	if e.Since == "" {
		return ""
	}
	return " Since " + strings.TrimSuffix(oneLine(e.Since), ".") + "."
}
