package catalog

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// MaxTemplateSize bounds each file of docs.templates, as errgen's
// --templates bounds its own.
const MaxTemplateSize = 1 << 20

// MaxTemplatesSize bounds the files of docs.templates together: the page's
// eight templates at MaxTemplateSize each. The folder's *.tmpl files are
// all read before the page's own names are checked (the Markdown output
// knows them, the loader does not), and a folder of a thousand files of
// 1 MiB each was read whole, and held.
const MaxTemplatesSize = 8 * MaxTemplateSize

// templatesPath reads docs.templates: a folder inside the catalog's,
// written with /, which errgen reads as it reads included files.
func (cr *catalogReader) templatesPath(n *yaml.Node) string {
	p := cr.str(n, "docs.templates")
	clean := path.Clean(p)
	var problem diag.Naming
	switch {
	case p == "":
		problem.Format = "must be a folder relative to the catalog's folder"
	case strings.ContainsRune(p, 0) || strings.ContainsAny(p, "\r\n"):
		problem.Format = "must be one line of text"
	case strings.Contains(p, `\`):
		problem.Format = "uses \\: write paths with / (they work on every system)"
	case path.IsAbs(p) || len(p) > 1 && p[1] == ':':
		problem.Format = "must be relative to the catalog's folder, not absolute"
	case clean == ".." || strings.HasPrefix(clean, "../"):
		problem = diag.Naming{Format: "must be inside the catalog's folder, which errgen reads as it reads included files: move the templates into it, or give %s", Command: "--templates DIR"}
	case strings.ContainsAny(p, "*?["):
		problem.Format = "names a folder, not a pattern: it must not hold * ? or ["
	}
	if problem.Format != "" {
		cr.probs.add(posOf(n), "docs.templates %q %s", p, problem)
		return ""
	}
	return clean
}

// templates reads the *.tmpl files of docs.templates, in name order. A
// folder with none (or none there) is a problem: the templates it was to
// override would be the bundled ones without a word.
func (l *loader) templates(c *Catalog) {
	d := &c.Docs
	if d.Templates == "" {
		return
	}
	names, err := l.files.Glob(path.Join(d.Templates, "*.tmpl"))
	if err != nil {
		l.probs.add(d.TemplatesPos, "docs.templates %q: %v", d.Templates, err)
		return
	}
	if len(names) == 0 {
		l.probs.hint(d.TemplatesPos, ": name the folder, relative to the catalog's, that holds your templates (error.tmpl …, copied from errgen's templates/ and changed)",
			"docs.templates %q: no folder %s, or no template (*.tmpl) in it", d.Templates, l.files.Display(d.Templates))
		return
	}
	slices.Sort(names)
	left := int64(MaxTemplatesSize)
	for _, name := range names {
		data, _, err := l.files.Read(name, min(MaxTemplateSize, left))
		shown := l.files.Display(name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // a folder named x.tmpl, or a file gone since
		case err != nil:
			l.probs.add(d.TemplatesPos, "docs.templates %q: %s: %v", d.Templates, shown, err)
			continue
		case int64(len(data)) > MaxTemplateSize:
			l.probs.add(d.TemplatesPos, "docs.templates %q: %s is larger than %d MiB", d.Templates, shown, MaxTemplateSize>>20)
			continue
		case int64(len(data)) > left:
			l.probs.hint(d.TemplatesPos, ": keep only the page's templates there (error.tmpl …), each changed from errgen's templates/",
				"docs.templates %q: the templates are larger than %d MiB together, with %s", d.Templates, MaxTemplatesSize>>20, shown)
			return
		}
		left -= int64(len(data))
		d.TemplateFiles = append(d.TemplateFiles, TemplateFile{Name: path.Base(name), Path: shown, Data: data})
	}
}
