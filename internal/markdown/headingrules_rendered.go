package markdown

import (
	"bytes"
	"fmt"
	"io/fs"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// Templates overriding the bundled ones (docs.templates, --templates)
// decide the page's headings: they may add one, take one out or word one
// otherwise. So the heading rule judges what they render, each page as it
// is written: its ## headings, outside fenced code, two of which read the
// same. The load-time rule (headingRules), which knows the bundled
// templates' headings only, leaves a catalog with templates of its own to
// this one.

// renderedHeadingProblems is the problems of renderedHeadingRules as a
// *diag.List, nil when there are none or no template overrides the
// bundled ones (whose headings headingRules judged, with the catalog).
func renderedHeadingProblems(c *catalog.Catalog, lang string, page []byte, overrides fs.FS) error {
	if overrides == nil {
		return nil
	}
	var l diag.List
	for _, d := range renderedHeadingRules(c, lang, page[FrontMatterLen(page):], newTemplateFiles(overrides)) {
		l.Add(d)
	}
	return l.Err()
}

// renderedHeadingRules reports the ## headings of page, c's page in lang
// rendered with the templates of files, that repeat one before them: at
// the catalog's or translation's text when one gives the heading, else at
// the template that writes it.
func renderedHeadingRules(c *catalog.Catalog, lang string, page []byte, files templateFiles) []diag.Diagnostic {
	known := topHeadings(c, lang)
	pageName := "page"
	if len(c.Languages) > 0 {
		pageName = "page in " + lang
	}
	var probs []diag.Diagnostic
	seen := map[string]int{} // how often each heading was met
	_, heads := scanHeadings(page, 0)
	for _, h := range heads {
		line := string(page[h.at:h.end])
		if atxLevel(line) != 2 {
			continue
		}
		text := headingText(line)
		if seen[text]++; seen[text] != 2 {
			continue // the first, or a third that would repeat the second's problem
		}
		at, other := headingSources(known, text, files)
		if at.pos.File == "" {
			at.pos.File = c.File
		}
		probs = append(probs, diag.Diagnostic{
			Pos:  at.pos,
			Msg:  fmt.Sprintf("%s: the %s already has a heading %q (%s)", at.what, pageName, text, other.what),
			Hint: ": sibling headings that read the same fail markdownlint (MD024), and a link to the second lands on the first; " + at.fix,
		})
	}
	return probs
}

// headingSources are what gives two headings that read text, the one to
// change first: a text of the catalog or a translation (the later one of
// two), else a template of the overrides.
func headingSources(known []pageHeading, text string, files templateFiles) (at, other pageHeading) {
	var given []pageHeading // the headings of the catalog and the bundled words that read text
	for _, h := range known {
		if h.text == text {
			given = append(given, h)
		}
	}
	written := templateHeading(text, files)
	switch {
	case len(given) >= 2:
		at, other = given[len(given)-1], given[0]
		if at.pos.Line == 0 {
			at, other = other, at
		}
	case len(given) == 1 && given[0].pos.Line != 0:
		at, other = given[0], written
	case len(given) == 1:
		at, other = written, given[0]
	default:
		at, other = written, pageHeading{what: "another heading of the templates"}
	}
	return at, other
}

// templateHeading is the first override with a ## line that holds text,
// at that line, else the first whose text holds it anywhere (a heading
// the template writes with {{.Title}} and words of its own), else the
// overrides as a whole.
func templateHeading(text string, files templateFiles) pageHeading {
	h := pageHeading{what: "a heading of the templates", fix: "give one of the two headings another title"}
	for _, find := range []func(data []byte, text string) int{headingLineWith, textAt} {
		for _, name := range files.names {
			data, err := fs.ReadFile(files.overrides, name)
			if err != nil {
				continue
			}
			if i := find(data, text); i >= 0 {
				h.what = "template " + name
				h.pos = catalog.Pos{File: files.path(name), Line: 1 + bytes.Count(data[:i], []byte("\n")), Col: 1}
				return h
			}
		}
	}
	if len(files.names) > 0 {
		h.pos = catalog.Pos{File: files.path(files.names[0])}
	}
	return h
}

// headingLineWith is where the first line of data that is a ## heading
// holding text starts, or -1.
func headingLineWith(data []byte, text string) int {
	for at := 0; at < len(data); {
		line, _, _ := bytes.Cut(data[at:], []byte("\n"))
		if atxLevel(string(line)) == 2 && bytes.Contains(line, []byte(text)) {
			return at
		}
		at += len(line) + 1
	}
	return -1
}

// textAt is where text first occurs in data, or -1.
func textAt(data []byte, text string) int { return bytes.Index(data, []byte(text)) }
