package markdown

import (
	"io/fs"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
)

// overridesOf is the templates overriding the bundled ones on c's pages:
// the caller's (errgen's --templates), else the catalog's docs.templates,
// read with it, else none.
func overridesOf(c *catalog.Catalog, templates fs.FS) fs.FS {
	if templates != nil || len(c.Docs.TemplateFiles) == 0 {
		return templates
	}
	t := catalogTemplates{files: fstest.MapFS{}, paths: map[string]string{}}
	for _, f := range c.Docs.TemplateFiles {
		t.files[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o444}
		t.paths[f.Name] = f.Path
	}
	return t
}

// catalogTemplates is docs.templates' files as a file system, its
// problems told at each file's path as the catalog's messages name it.
type catalogTemplates struct {
	files fstest.MapFS // a map of the files in memory, which fs.Glob and fs.ReadFile read
	paths map[string]string
}

func (t catalogTemplates) Open(name string) (fs.File, error) { return t.files.Open(name) }

// DisplayPath is the file as the catalog's messages name it.
func (t catalogTemplates) DisplayPath(name string) string {
	if p, ok := t.paths[name]; ok {
		return p
	}
	return name
}
