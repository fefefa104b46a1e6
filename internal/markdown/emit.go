// Package markdown writes the Markdown error-reference page of a catalog,
// one per language it speaks (languages.go), in that language's words
// (words.go).
//
// The page is rendered from the text/template files of package templates,
// which documents the data and functions they receive; overrides replace
// them file by file. The catalog text the page shows goes through escaping
// functions (escape.go, funcs.go) so that no catalog can break the page's
// structure.
package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"text/template"

	"github.com/errgen/errgen/catalog"
)

// Generate renders c's reference page in the language c reads in (its
// default language, unless c is what catalog.Catalog.In returned), the
// default language's page named DefaultName. header is the generated-file
// marker, written as an HTML comment on the page's first line; templates
// holds *.tmpl files replacing the bundled ones of the same names, or is
// nil: the catalog's docs.templates, when it has one, then gives them.
func Generate(c *catalog.Catalog, header string, templates fs.FS) ([]byte, error) {
	templates = overridesOf(c, templates)
	set, err := templateSet(templates)
	if err != nil {
		return nil, err
	}
	p, err := newPage(c, DefaultName)
	if err != nil {
		return nil, err
	}
	page, err := emit(set, p, p, header)
	if err != nil {
		return nil, newTemplateFiles(templates).problems(err)
	}
	lang := c.Reading
	if lang == "" {
		lang = c.Language
	}
	if err := renderedHeadingProblems(c, lang, page, templates); err != nil {
		return nil, err
	}
	return page, nil
}

// Page is one language's page.
type Page struct {
	Language string // the language's tag; "" for the default language's page
	Name     string // the file name: the name Pages was given, or PagePath of it in Language
	Data     []byte
}

// Pages renders c's page in each language it speaks: the default
// language's, named name (DefaultName when ""), then one per language of
// c.Languages, in that order, named by PagePath. Each is the page of
// c.In(lang), its own words in lang; the languages line links them by
// their names.
func Pages(c *catalog.Catalog, header string, templates fs.FS, name string) ([]Page, error) {
	if name == "" {
		name = DefaultName
	}
	templates = overridesOf(c, templates)
	set, err := templateSet(templates)
	if err != nil {
		return nil, err
	}
	pages := make([]Page, 0, 1+len(c.Languages))
	for _, lang := range append([]string{""}, c.Languages...) {
		pg, err := languagePage(set, templates, c, header, name, lang)
		if err != nil {
			return nil, err
		}
		pages = append(pages, pg)
	}
	return pages, nil
}

// PageIn renders the page of Pages in lang ("" for the default language's)
// alone, so that a caller writing them out one at a time holds one page.
func PageIn(c *catalog.Catalog, header string, templates fs.FS, name, lang string) (Page, error) {
	if name == "" {
		name = DefaultName
	}
	templates = overridesOf(c, templates)
	set, err := templateSet(templates)
	if err != nil {
		return Page{}, err
	}
	return languagePage(set, templates, c, header, name, lang)
}

// languagePage renders c's page in lang with the templates of set, those
// of overrides in place of the bundled ones of their names, the default
// language's page named name.
func languagePage(set *template.Template, overrides fs.FS, c *catalog.Catalog, header, name, lang string) (Page, error) {
	lc, file := c, name
	if lang != "" {
		lc, file = inLanguage(c, lang), catalog.PagePath(name, lang)
	}
	p, err := newPage(lc, name)
	if err != nil {
		return Page{}, err
	}
	data, err := emit(set, p, p, header)
	if err != nil {
		return Page{}, fmt.Errorf("%s: %w", file, newTemplateFiles(overrides).problems(err))
	}
	tag := lang
	if tag == "" {
		tag = c.Language
	}
	if err := renderedHeadingProblems(c, tag, data, overrides); err != nil {
		return Page{}, fmt.Errorf("%s: %w", file, err)
	}
	return Page{Language: lang, Name: file, Data: data}, nil
}

// inLanguage is c.In(lang), and for a language without a translation
// file, the catalog as In reads it with an empty one: every text left in
// the default language, and marked.
func inLanguage(c *catalog.Catalog, lang string) *catalog.Catalog {
	if c.Translations[lang] != nil {
		return c.In(lang)
	}
	cp := *c
	cp.Translations = maps.Clone(c.Translations)
	if cp.Translations == nil {
		cp.Translations = map[string]*catalog.Translation{}
	}
	cp.Translations[lang] = &catalog.Translation{Language: lang}
	return cp.In(lang)
}

// emit renders the page p with data standing for it in the templates (p
// itself, or in tests the same page without mirror.go's copies), then gives
// each heading an id of its own. The errors' parts are written by
// errorPart where it stands for error.tmpl, and the page by pagePart where
// it stands for page.tmpl.
func emit(set *template.Template, p *page, data any, header string) ([]byte, error) {
	return emitParts(set, p, data, header, goErrorParts|goPage)
}

// shortcuts are the templates emitParts may write in Go where they are the
// bundled ones; the tests and benchmarks hold each to its template.
type shortcuts uint8

const (
	goErrorParts shortcuts = 1 << iota // errorPart and referencePart
	goPage                             // pagePart
)

// emitParts is emit, with the shortcuts of fast, and the templates always
// (the plain path) when it has none.
func emitParts(set *template.Template, p *page, data any, header string, fast shortcuts) ([]byte, error) {
	var part *errorPart
	if fast&goErrorParts != 0 && bundledErrorPart(set) {
		part = &errorPart{compact: p.Layout == catalog.LayoutCompact, w: p.Words}
	}
	var ref *page // the page whose quick reference referencePart writes
	if fast&goErrorParts != 0 && bundledPart(set, referenceTemplate) {
		ref = p
	}
	var whole *pagePart
	if front, ok := bundledPage(set); fast&goPage != 0 && ok && data == any(p) {
		whole = &pagePart{p: p, front: front, error: part, ref: ref != nil}
	}
	// set is this call's own copy (templateSet): binding is safe.
	set = set.Funcs(template.FuncMap{"layout": func() string { return p.Layout },
		"sentence": p.Words.sentence, "label": p.Words.label})
	// taken first, so that the page's data can go once rendered, before
	// the passes over its text
	statusOf := make(map[string]int, len(p.Errors))
	for _, e := range p.Errors {
		statusOf[e.Anchor] = e.Status
	}
	section := p.Words["section"]
	page, err := render(set, data, len(p.Errors), header, goParts{part, ref, whole})
	if err != nil {
		return nil, err
	}
	return besideFrontMatter(page, func(page []byte) []byte {
		return uniqueHeadingIDs(page, statusOf, section)
	}), nil
}

// goParts are the parts written in Go in place of their bundled templates:
// error is nil, ref nil, or page nil, where the template runs.
type goParts struct {
	error *errorPart
	ref   *page
	page  *pagePart // page.tmpl's
}

// render executes the page template of set on data, a page of n errors,
// and wraps its prose.
func render(set *template.Template, data any, n int, header string, part goParts) ([]byte, error) {
	page, err := renderUnwrapped(set, data, n, header, part)
	if err != nil {
		return nil, err
	}
	return besideFrontMatter(page, wrapProse), nil
}

// renderUnwrapped is render before its prose is wrapped.
func renderUnwrapped(set *template.Template, data any, n int, header string, part goParts) ([]byte, error) {
	pf := partFunc(set, part)
	set = set.Funcs(template.FuncMap{"part": pf})
	hint := sizeHint * n
	switch {
	case part.page != nil && part.page.error != nil:
		hint = 4 << 10 // the page's start: pagePart sizes the rest (presize)
	case part.page != nil:
		// pagePart sizes the buffer for the errors once it has seen some:
		// until then they must fit too, or the buffer grows twice
		hint = pageHint*n + min(n, probe)*probePartHint
	}
	buf := make(pageBuffer, 0, hint)
	// The marker is written here, not by page.tmpl, so that no override can
	// drop it; below the front matter an override opens the page with
	// (markerBelowFrontMatter), which must be the file's first line.
	marker := "<!-- " + header + " -->\n\n"
	buf = append(buf, marker...)
	var written bool
	if part.page != nil {
		pp := *part.page
		pp.part = pf
		if out, err := pp.write(buf); err == nil {
			buf, written = out, true
		}
	}
	if !written {
		if err := set.ExecuteTemplate(&buf, rootTemplate, data); err != nil {
			return nil, err
		}
	}
	// Template files end with a newline of their own; the page ends with one.
	// Invisible characters go first, so that wrapping measures what shows.
	page := replaceInvisible(append(bytes.TrimRight(buf, "\n"), '\n'))
	return markerBelowFrontMatter(page, marker), nil
}

// sizeHint is what the bundled templates write for the smallest error (a
// code and a status), to size the page's buffer once for such a catalog.
// A page of richer errors outgrows it a quarter at a time (pageBuffer).
const sizeHint = 384

// pageHint is what the bundled templates write for an error before the
// errors' own parts: its row of the quick reference, and a little more.
const pageHint = 128

// pageBuffer is the page as it is rendered. It grows as append grows a
// large slice, by about a quarter, where a bytes.Buffer doubles: a page of
// tens of megabytes needs less than one and a half times its size, never
// three.
type pageBuffer []byte

func (b *pageBuffer) Write(p []byte) (int, error) {
	if len(*b)+len(p) > maxPage {
		return 0, errPageTooLarge()
	}
	*b = append(*b, p...)
	return len(p), nil
}

// maxPage bounds the bytes of a page a template renders, and of each part
// as it renders: a template may loop ({{range 100000000}}) where the
// catalog bounds what the bundled ones write (a page is some 3 times its
// catalog). One error's part of 10 bytes a hundred million times was a
// gigabyte a page, for each of the catalog's errors. A var for the tests.
var maxPage = 256 << 20

func errPageTooLarge() error {
	return fmt.Errorf("the page grows past %d MiB, errgen's limit: does a template loop ({{range 100000000}}) or repeat a part?", maxPage>>20)
}

// partBuilder is a part as it renders, within maxPage. Its builder is a
// field, not embedded: the Builder's WriteString, promoted, would be what
// io.WriteString calls, past the bound.
type partBuilder struct{ b strings.Builder }

func (b *partBuilder) Write(p []byte) (int, error) {
	if b.b.Len()+len(p) > maxPage {
		return 0, errPageTooLarge()
	}
	return b.b.Write(p)
}

func (b *partBuilder) String() string { return b.b.String() }

// maxDepth bounds how deep part calls nest: a template that renders itself
// through part would otherwise recurse until the stack overflows.
const maxDepth = 32

// partFunc is the part function of set: it renders a template of set and
// trims the blank lines around its output, so that page.tmpl alone decides
// how parts are separated, and an empty part leaves no gap. An error's
// part is written by parts.error, when not nil, in place of error.tmpl,
// and the quick reference of parts.ref by referencePart.
func partFunc(set *template.Template, parts goParts) func(name string, data any) (string, error) {
	depth := 0
	return func(name string, data any) (string, error) {
		if e, ok := data.(*errorData); ok && parts.error != nil && name == errorTemplate {
			s, err := parts.error.render(e)
			return trimBlankLines(s), err
		}
		if p, ok := data.(*page); ok && p == parts.ref && p != nil && name == referenceTemplate {
			return trimBlankLines(referencePart(p)), nil
		}
		if depth >= maxDepth {
			return "", fmt.Errorf("parts nest deeper than %d: does %s render itself?", maxDepth, name)
		}
		depth++
		defer func() { depth-- }()
		var b partBuilder
		if err := set.ExecuteTemplate(&b, name, data); err != nil {
			if set.Lookup(name) == nil { // text/template's error names the set, errgen
				return "", fmt.Errorf("there is no template %s%s", name, catalog.Suggest(name, templateNames(set)))
			}
			return "", err
		}
		return trimBlankLines(b.String()), nil
	}
}

// trimBlankLines removes the blank lines before and after s's text and
// its final newline.
func trimBlankLines(s string) string {
	s = strings.TrimRight(s, " \t\n")
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		if strings.TrimSpace(line) != "" {
			break
		}
		s = rest
	}
	return s
}

// templateNames are the names of set's templates, for a hint.
func templateNames(set *template.Template) []string {
	var names []string
	for _, t := range set.Templates() {
		names = append(names, t.Name())
	}
	slices.Sort(names)
	return names
}
