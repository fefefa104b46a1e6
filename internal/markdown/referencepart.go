package markdown

import (
	"slices"
	"strconv"
	"text/template"
)

// referenceTemplate is the part that holds the quick reference table.
const referenceTemplate = "reference.tmpl"

// referencePart is the bundled reference.tmpl written in Go: the quick
// reference, a row per error, which text/template ran at the cost of a
// reflective call or two for every field of every row (a tenth of the
// Markdown stage at 10,000 errors). partFunc uses it, as it uses errorPart,
// when the part is the bundled template and the page is its data, and runs
// the template otherwise, the plain path. TestErrorPartIsTemplate holds
// both to the templates' bytes, and BenchmarkErrorPart shows what the two
// buy together.
func referencePart(p *page) string {
	return string(appendReference(make([]byte, 0, referenceSize(p)), p))
}

// referenceSize is about what the quick reference of p takes.
func referenceSize(p *page) int { return 64 + 96*len(p.Errors) }

// appendReference appends referencePart(p) to buf: pagePart writes it
// straight into the page, where the part's string, grown as it was
// written, was a twentieth of what the Markdown stage allocated.
func appendReference(buf []byte, p *page) []byte {
	w := p.Words
	buf = slices.Grow(buf, referenceSize(p))
	buf = appendStrings(buf, "## ", w["reference_heading"], "\n\n")
	buf = appendStrings(buf, "| ", w["code"], " | ", w["status"], " | ", w["description"], " |\n| --- | --- | --- |\n")
	for _, s := range p.Statuses {
		for _, e := range s.Errors {
			buf = appendStrings(appendCodeSpan(append(buf, "| ["...), e.Code), "](#", e.Anchor, ") | ")
			buf = append(strconv.AppendInt(buf, int64(e.Status), 10), " | "...)
			if e.Deprecated != "" {
				buf = appendStrings(buf, "**", w.ended(w["deprecated"]), "** ")
			}
			buf = appendStrings(buf, cell(e.Summary()), " |\n")
		}
	}
	return buf
}

// appendStrings appends each of parts to buf.
func appendStrings(buf []byte, parts ...string) []byte {
	for _, s := range parts {
		buf = append(buf, s...)
	}
	return buf
}

// bundledPart reports whether set renders the part name with the bundled
// template's parse tree, which errorPart or referencePart stands for.
func bundledPart(set *template.Template, name string) bool {
	base, err := bundled()
	if err != nil {
		return false
	}
	t, want := set.Lookup(name), base.tmpl.Lookup(name)
	return t != nil && want != nil && t.Tree == want.Tree
}
