package markdown

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/templates"
)

// rootTemplate is the template that renders the whole page.
const rootTemplate = "page.tmpl"

// errorTemplate is the template the page renders once per error: most of
// the page, and the same function of each error whatever page.tmpl does.
const errorTemplate = "error.tmpl"

// bundled is the bundled template set, parsed on first use and only read
// afterwards, so concurrent Generate calls share it.
var bundled = sync.OnceValues(func() (*parsedSet, error) {
	return parseSet(templates.FS)
})

// parsedSet is a parsed set of page templates and the names of its files.
type parsedSet struct {
	tmpl  *template.Template
	files []string // sorted
}

func parseSet(fsys fs.FS) (*parsedSet, error) {
	files, err := fs.Glob(fsys, "*.tmpl")
	if err != nil {
		return nil, err
	}
	set := emptySet()
	for _, name := range files {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if _, err := set.New(name).Parse(string(src)); err != nil {
			return nil, err
		}
	}
	if set.Lookup(rootTemplate) == nil {
		return nil, fmt.Errorf("templates: no %s", rootTemplate)
	}
	return &parsedSet{tmpl: set, files: files}, nil
}

// emptySet starts an empty set. Its own name is none of the files': Clone
// would otherwise give the clone the set's own, empty, template under that
// file's name.
func emptySet() *template.Template {
	return template.New("errgen").Funcs(funcs).Option("missingkey=error")
}

// templateSet returns the bundled set with the files of overrides in place
// of the bundled files of the same names.
func templateSet(overrides fs.FS) (*template.Template, error) {
	base, err := bundled()
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
		return base.tmpl.Clone()
	}
	for _, name := range names {
		if !slices.Contains(base.files, name) {
			return nil, fmt.Errorf("templates: %s is not one of the page's templates%s; they are %s", name, catalog.Suggest(name, base.files), strings.Join(base.files, ", "))
		}
	}
	// A fresh set, not a Clone of the bundled one: text/template never lets
	// an empty definition replace a template, and an empty override file
	// must remove its part. The bundled parse trees are shared, not parsed
	// again; they are never modified.
	set := emptySet()
	for _, name := range base.files {
		if slices.Contains(names, name) {
			continue
		}
		if _, err := set.AddParseTree(name, base.tmpl.Lookup(name).Tree); err != nil {
			return nil, err
		}
	}
	// Every file is parsed, so that one run reports each broken file.
	files := templateFiles{overrides: overrides, names: names}
	var problems diag.List
	for _, name := range names {
		if err := addOverride(set, files, name, &problems); err != nil {
			return nil, err
		}
	}
	if err := problems.Err(); err != nil {
		return nil, err
	}
	return set, nil
}

// addOverride parses the override file name and adds its own template and
// any it defines to set, in name order; a file that does not parse is
// added to problems instead.
func addOverride(set *template.Template, files templateFiles, name string, problems *diag.List) error {
	src, err := fs.ReadFile(files.overrides, name)
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	parsed, err := emptySet().New(name).Parse(string(src))
	if err != nil {
		problems.Add(files.parseProblem(err, name, string(src)))
		return nil
	}
	defined := parsed.Templates()
	slices.SortFunc(defined, func(a, b *template.Template) int { return strings.Compare(a.Name(), b.Name()) })
	for _, t := range defined {
		if t.Tree == nil {
			continue
		}
		if _, err := set.AddParseTree(t.Name(), t.Tree); err != nil {
			return err
		}
	}
	return nil
}
