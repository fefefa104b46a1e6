package markdown

import (
	"bytes"
	"errors"
	"text/template"
	"text/template/parse"
)

// pagePart is the bundled page.tmpl written in Go. The template ranges over
// every error and calls part for each through reflection, which also hands
// back each error's part as a string the page then copies: at 1,000 and
// 10,000 errors that was a sixth to a fifth of the Markdown stage's time,
// and much of its garbage. pagePart calls errorPart to append each part to
// the page's own buffer instead, and the other parts through part as the
// template does, so an override of any part but page.tmpl still runs.
//
// renderUnwrapped uses it when page.tmpl is the bundled one and the page is
// its data, and runs the template otherwise, the plain path; it also runs
// the template when pagePart fails, so that an error reads as the
// template's. TestErrorPartIsTemplate holds the two to the same bytes and
// BenchmarkPagePart shows what it buys.
type pagePart struct {
	p     *page
	front string                            // page.tmpl's text before the title's: the linter's configuration, then "# "
	error *errorPart                        // nil when error.tmpl is not the bundled one
	ref   bool                              // reference.tmpl is the bundled one, which appendReference writes
	part  func(string, any) (string, error) // page.tmpl's part function
}

// bundledPage returns the text page.tmpl starts with, when set renders
// page.tmpl with the bundled template's parse tree, which pagePart stands
// for.
func bundledPage(set *template.Template) (front string, ok bool) {
	if !bundledPart(set, rootTemplate) {
		return "", false
	}
	nodes := set.Lookup(rootTemplate).Tree.Root.Nodes
	if len(nodes) == 0 {
		return "", false
	}
	t, ok := nodes[0].(*parse.TextNode)
	if !ok || !bytes.HasSuffix(t.Text, []byte("\n# ")) {
		return "", false
	}
	return string(t.Text), true
}

// errNoWord is pagePart's failure where the template's word lookup fails;
// the template then runs to say so.
var errNoWord = errors.New("page.tmpl: a word is missing")

// write appends the page to buf, as page.tmpl writes it.
func (pp *pagePart) write(buf []byte) ([]byte, error) {
	p := pp.p
	buf = append(buf, pp.front...)
	buf = append(buf, heading(p.Title)...)
	if len(p.Languages) > 0 {
		label, ok := p.Words["languages"]
		if !ok {
			return buf, errNoWord
		}
		buf = append(append(append(buf, "\n\n"...), p.Words.labelled(label)...), ' ')
		for i, l := range p.Languages {
			if i > 0 {
				buf = append(buf, " · "...)
			}
			if l.Current {
				buf = append(buf, l.Name...)
			} else {
				buf = append(append(append(append(append(buf, '['), l.Name...), "]("...), l.File...), ')')
			}
		}
	}
	if p.Intro != "" {
		buf = append(append(buf, "\n\n"...), verbatim(p.Intro)...)
	}
	buf = pp.presize(buf)
	buf, err := pp.parts(buf, p, "envelope.tmpl", "handling.tmpl", referenceTemplate)
	if err != nil {
		return buf, err
	}
	from, i := len(buf), 0 // where the errors start, and how many are written
	for _, g := range p.Groups {
		buf = append(append(buf, "\n\n## "...), heading(g.Title)...)
		if g.Description != "" {
			buf = append(append(buf, "\n\n"...), prose(g.Description)...)
		}
		for _, e := range g.Errors {
			buf = growFor(buf, from, i, len(p.Errors))
			i++
			if pp.error != nil {
				buf, err = pp.error.appendPart(buf, e)
			} else {
				buf, err = pp.parts(buf, e, errorTemplate)
			}
			if err != nil {
				return buf, err
			}
		}
	}
	if buf, err = pp.parts(buf, p, "retired.tmpl", "providers.tmpl", "sections.tmpl"); err != nil {
		return buf, err
	}
	return append(buf, '\n'), nil
}

// growFor grows buf, which holds written of n errors' parts from from on,
// to hold the rest at the same size each and an eighth more, once the
// first few show their size, unless it has room for them (presize), or
// when it runs short. Left to append, the page buffer grew a quarter at a
// time from renderUnwrapped's guess, which allocated three times the page
// at 10,000 errors.
func growFor(buf []byte, from, written, n int) []byte {
	if written == 0 || written < probe && written < n {
		return buf
	}
	each := (len(buf) - from) / written
	rest := each * (n - written)
	if room := cap(buf) - len(buf); written == probe && room >= rest || written != probe && room >= 2*each {
		return buf
	}
	return grow(buf, rest+rest/8+4096) // and the parts after the errors
}

// grow returns buf with room for n bytes more, in a new buffer when it has
// not: made, not grown by slices.Grow, which clears the room it adds (a
// page's worth, faulted in) where make leaves fresh memory as the system
// gave it, zero.
func grow(buf []byte, n int) []byte {
	if cap(buf)-len(buf) >= n {
		return buf
	}
	out := make([]byte, len(buf), len(buf)+n)
	copy(out, buf)
	return out
}

// presize grows buf once to hold the rest of the page, which its first
// errors' parts, rendered here to be measured and dropped, tell the size
// of: the page's first buffer, sized before any part was seen, was an
// eighth of the page, garbage once the page grew. Only errorPart's parts
// are measured; a page without it keeps renderUnwrapped's guess, and
// growFor grows it.
func (pp *pagePart) presize(buf []byte) []byte {
	p := pp.p
	if pp.error == nil || len(p.Errors) == 0 {
		return buf
	}
	sample := make([]byte, 0, probe*probePartHint)
	seen := 0
	for _, g := range p.Groups {
		for _, e := range g.Errors[:min(len(g.Errors), probe-seen)] {
			var err error
			if sample, err = pp.error.appendPart(sample, e); err != nil {
				return buf // the page fails, or its template says why
			}
			seen++
		}
	}
	errs := len(sample) / seen * len(p.Errors)
	// the quick reference, the groups' headings and the parts around the
	// errors, then an eighth more of the errors, as growFor leaves
	return grow(buf, referenceSize(p)+32*len(p.Groups)+errs+errs/8+16<<10)
}

// probe is how many errors' parts growFor sees written before it takes
// their size as typical.
const probe = 32

// probePartHint is about what the bundled error.tmpl writes for an error
// with a detail or two, in the full layout: room for the parts growFor
// sees first.
const probePartHint = 1024

// parts appends the parts names of data, each as page.tmpl's
// {{with part NAME .}} does: after a blank line, and not at all when empty.
func (pp *pagePart) parts(buf []byte, data any, names ...string) ([]byte, error) {
	for _, name := range names {
		if p, ok := data.(*page); ok && p == pp.p && pp.ref && name == referenceTemplate {
			buf = appendTrimmed(buf, func(b []byte) []byte { return appendReference(b, p) })
			continue
		}
		s, err := pp.part(name, data)
		if err != nil {
			return buf, err
		}
		if s != "" {
			buf = append(append(buf, "\n\n"...), s...)
		}
	}
	return buf, nil
}

// appendPart appends e's part to buf after a blank line, trimmed as
// partFunc trims a part, and nothing when it is empty: what page.tmpl's
// {{with part "error.tmpl" .}} writes, without the part's string.
func (w *errorPart) appendPart(buf []byte, e *errorData) ([]byte, error) {
	start := len(buf)
	w.b = append(buf, "\n\n"...)
	err := w.write(e)
	buf, w.b = w.b, nil
	if err != nil {
		return buf[:start], err
	}
	part := trimBlankLinesBytes(buf[start+2:])
	if len(part) == 0 {
		return buf[:start], nil
	}
	n := copy(buf[start+2:], part)
	return buf[:start+2+n], nil
}

// appendTrimmed appends to buf what write appends after a blank line,
// trimmed as partFunc trims a part, and nothing when that is empty: what
// page.tmpl's {{with part NAME .}} writes, without the part's string.
func appendTrimmed(buf []byte, write func([]byte) []byte) []byte {
	start := len(buf)
	buf = write(append(buf, "\n\n"...))
	part := trimBlankLinesBytes(buf[start+2:])
	if len(part) == 0 {
		return buf[:start]
	}
	n := copy(buf[start+2:], part)
	return buf[:start+2+n]
}

// trimBlankLinesBytes is trimBlankLines on bytes, in place.
func trimBlankLinesBytes(s []byte) []byte {
	s = bytes.TrimRight(s, " \t\n")
	for len(s) > 0 {
		line, rest, _ := bytes.Cut(s, []byte("\n"))
		if len(bytes.TrimSpace(line)) != 0 {
			break
		}
		s = rest
	}
	return s
}
