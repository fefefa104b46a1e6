package golang

import (
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// deprecated writes, after a doc comment, the "Deprecated: " paragraph that
// go/doc, gopls and staticcheck recognise, so every use of a deprecated code's
// identifier named by name (names.Code, names.Sentinel, names.New) is
// flagged; the replacement is a doc link to its identifier of the same kind.
// indent is "\t" inside a block.
func (w declWriter) deprecated(indent string, e *catalog.Error, name func(*catalog.Error) string) {
	link := ""
	if r := e.Replacement; r != nil {
		link = name(r)
	}
	w.deprecatedLink(indent, e, link)
}

// deprecatedLink is deprecated for the identifiers only a deprecated code
// has (its details struct and enums), whose replacement's
// counterpart may not exist: link names the identifier to use instead, ""
// for none.
func (w declWriter) deprecatedLink(indent string, e *catalog.Error, link string) {
	if e.Deprecated == "" {
		return
	}
	text := "Deprecated: " + e.Deprecated
	if link != "" {
		text += " Replaced by [" + link + "]."
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

// replacementNew is the replacement's constructor, "" for none: what
// replaces a deprecated code's enum types and values.
func replacementNew(e *catalog.Error) string {
	if e.Replacement == nil {
		return ""
	}
	return names.New(e.Replacement)
}

// replacementDetails is what replaces XDetails: the replacement's YDetails,
// or NewY when it has no details.
func replacementDetails(e *catalog.Error) string {
	if r := e.Replacement; r != nil && len(r.Details) > 0 {
		return names.Details(r)
	}
	return replacementNew(e)
}
