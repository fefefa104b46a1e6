package markdown

import (
	"strconv"
	"strings"
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
	var b strings.Builder
	w := p.Words
	b.Grow(64 + 96*len(p.Errors))
	b.WriteString("## " + w["reference_heading"] + "\n\n")
	b.WriteString("| " + w["code"] + " | " + w["status"] + " | " + w["description"] + " |\n| --- | --- | --- |\n")
	for _, s := range p.Statuses {
		for _, e := range s.Errors {
			b.WriteString("| [")
			b.WriteString(codeSpan(e.Code))
			b.WriteString("](#")
			b.WriteString(e.Anchor)
			b.WriteString(") | ")
			b.WriteString(strconv.Itoa(e.Status))
			b.WriteString(" | ")
			if e.Deprecated != "" {
				b.WriteString("**" + w["deprecated"] + ".** ")
			}
			b.WriteString(cell(e.Summary()))
			b.WriteString(" |\n")
		}
	}
	return b.String()
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
