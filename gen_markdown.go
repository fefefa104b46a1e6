package errgen

import (
	"bytes"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/templates"
)

// mdRoot is the template that renders the whole page.
const mdRoot = "page.tmpl"

// emitMarkdown writes the Markdown reference page.
func emitMarkdown(c *catalog.Catalog, opts Options) ([]byte, error) {
	set, err := mdTemplates(opts.Templates)
	if err != nil {
		return nil, err
	}
	page, err := newMDPage(c)
	if err != nil {
		return nil, err
	}
	set = set.Funcs(template.FuncMap{"part": mdPart(set, mdPrerender(set, page.Errors))})
	var buf bytes.Buffer
	buf.Grow(mdSizeHint * len(c.Errors))
	// The marker is written here, not by page.tmpl, so that no override can
	// drop it.
	buf.WriteString("<!-- " + Header + " -->\n\n")
	if err := set.ExecuteTemplate(&buf, mdRoot, page); err != nil {
		return nil, err
	}
	// Template files end with a newline of their own; the page ends with one.
	return append(bytes.TrimRight(buf.Bytes(), "\n"), '\n'), nil
}

// mdSizeHint is about what the bundled templates write per error, to size
// the page's buffer once rather than double it a dozen times.
const mdSizeHint = 1 << 10

// mdBundled is the bundled template set, parsed on first use and only read
// afterwards, so concurrent Generate calls share it.
var mdBundled = sync.OnceValues(func() (*mdSet, error) {
	return parseMDTemplates(templates.FS)
})

// mdSet is a parsed set of page templates and the names of its files.
type mdSet struct {
	tmpl  *template.Template
	files []string // sorted
}

func parseMDTemplates(fsys fs.FS) (*mdSet, error) {
	files, err := fs.Glob(fsys, "*.tmpl")
	if err != nil {
		return nil, err
	}
	set := newMDTemplate()
	for _, name := range files {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if _, err := set.New(name).Parse(string(src)); err != nil {
			return nil, err
		}
	}
	if set.Lookup(mdRoot) == nil {
		return nil, fmt.Errorf("templates: no %s", mdRoot)
	}
	return &mdSet{tmpl: set, files: files}, nil
}

// newMDTemplate starts an empty set. Its own name is none of the files':
// Clone would otherwise give the clone the set's own, empty, template under
// that file's name.
func newMDTemplate() *template.Template {
	return template.New("errgen").Funcs(mdFuncs).Option("missingkey=error")
}

// mdTemplates returns the bundled set with the files of overrides in place
// of the bundled files of the same names.
func mdTemplates(overrides fs.FS) (*template.Template, error) {
	bundled, err := mdBundled()
	if err != nil {
		return nil, fmt.Errorf("bundled templates: %w", err)
	}
	var names []string
	if overrides != nil {
		if names, err = fs.Glob(overrides, "*.tmpl"); err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
	}
	if len(names) == 0 {
		// A copy, since part is bound to the set it renders from.
		return bundled.tmpl.Clone()
	}
	for _, name := range names {
		if !slices.Contains(bundled.files, name) {
			return nil, fmt.Errorf("templates: %s is not one of the page's templates (%s)", name, strings.Join(bundled.files, ", "))
		}
	}
	// A fresh set, not a Clone of the bundled one: text/template never lets
	// an empty definition replace a template, and an empty override file
	// must remove its part. The bundled parse trees are shared, not parsed
	// again; they are never modified.
	set := newMDTemplate()
	for _, name := range bundled.files {
		if slices.Contains(names, name) {
			continue
		}
		if _, err := set.AddParseTree(name, bundled.tmpl.Lookup(name).Tree); err != nil {
			return nil, err
		}
	}
	for _, name := range names {
		src, err := fs.ReadFile(overrides, name)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		parsed, err := newMDTemplate().New(name).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		// The file's own template and any it defines, in name order.
		defined := parsed.Templates()
		slices.SortFunc(defined, func(a, b *template.Template) int { return strings.Compare(a.Name(), b.Name()) })
		for _, t := range defined {
			if t.Tree == nil {
				continue
			}
			if _, err := set.AddParseTree(t.Name(), t.Tree); err != nil {
				return nil, err
			}
		}
	}
	return set, nil
}

// mdErrorPart is the template the page renders once per error: most of the
// page, and the same function of each error whatever page.tmpl does.
const mdErrorPart = "error.tmpl"

// mdPrerender renders mdErrorPart for every error when the page is the
// bundled one, the errors shared out among the cores, each worker on a copy of set bound to a part of its own.
// The page then takes these from the cache instead of rendering them in
// turn; an error that fails here is rendered again, in turn, so that the
// page reports the failure the sequential run meets first.
func mdPrerender(set *template.Template, errs []*mdError) map[*mdError]string {
	if set.Lookup(mdErrorPart) == nil || len(errs) < 2 || !mdBundledPage(set) {
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), len(errs))
	rendered := make([]string, len(errs))
	ok := make([]bool, len(errs))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			clone, err := set.Clone()
			if err != nil {
				return
			}
			part := mdPart(clone, nil)
			clone.Funcs(template.FuncMap{"part": part})
			for i := w; i < len(errs); i += workers {
				if s, err := part(mdErrorPart, errs[i]); err == nil {
					rendered[i], ok[i] = s, true
				}
			}
		})
	}
	wg.Wait()
	cache := make(map[*mdError]string, len(errs))
	for i, e := range errs {
		if ok[i] {
			cache[e] = rendered[i]
		}
	}
	return cache
}

// mdBundledPage reports whether set renders the page with the bundled
// page.tmpl, which renders error.tmpl once for every error: an override may
// not, and then rendering them all up front could be wasted.
func mdBundledPage(set *template.Template) bool {
	bundled, err := mdBundled()
	page := set.Lookup(mdRoot)
	return err == nil && page != nil && page.Tree == bundled.tmpl.Lookup(mdRoot).Tree
}

// mdMaxParts bounds how deep part calls nest: a template that renders itself
// through part would otherwise recurse until the stack overflows.
const mdMaxParts = 32

// mdPart is the part function of set: it renders a template of set and
// trims the blank lines around its output, so that page.tmpl alone decides
// how parts are separated, and an empty part leaves no gap. The error parts
// found in rendered are not rendered again.
func mdPart(set *template.Template, rendered map[*mdError]string) func(name string, data any) (string, error) {
	depth := 0
	return func(name string, data any) (string, error) {
		if e, ok := data.(*mdError); ok && name == mdErrorPart && depth == 0 {
			if s, ok := rendered[e]; ok {
				return s, nil
			}
		}
		if depth >= mdMaxParts {
			return "", fmt.Errorf("parts nest deeper than %d: does %s render itself?", mdMaxParts, name)
		}
		depth++
		defer func() { depth-- }()
		var b strings.Builder
		if err := set.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		return mdTrimBlankLines(b.String()), nil
	}
}

// mdTrimBlankLines removes the blank lines before and after s's text and
// its final newline.
func mdTrimBlankLines(s string) string {
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
