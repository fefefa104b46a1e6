package catalog

import "go.yaml.in/yaml/v3"

// MaxErrors is the most errors a catalog may hold, retired codes included,
// in its errors list and those of the files it includes together.
// Generating costs time and memory in proportion to the errors
// (docs/performance.md), and the generated Go package's build time too: far
// beyond the largest real catalogs, so many errors are a mistake or an
// attack, and a catalog past it is refused before its errors are decoded.
const MaxErrors = 50_000

// MaxIncludes is the most items a root catalog's include list may hold.
// Each is read, or globbed against its folder, on its own: a root of 16 MiB
// listing 600,000 patterns, each matching nothing, in a folder of 1,000
// files took minutes. Far beyond what a split catalog lists (a glob names
// a folder of files), a list past it is refused before any item is read.
const MaxIncludes = 1_000

// MaxFieldDepth is how deep the fields of an object detail may nest: a
// detail's fields are the first level, the fields of one of them the
// second. Each level's example is made of the levels below it and each
// level's Go type, schema and page table are named by its path, so the
// outputs grow with the square of the depth: 500 levels in one error, a
// 0.8 MB catalog, took a minute and wrote 250 MB. Real error details nest
// two or three levels.
const MaxFieldDepth = 10

// tooDeep reports the fields n of the detail named name when they would
// nest past MaxFieldDepth, and tells whether they would: the caller then
// reads none of them, so the levels below cost nothing.
func (cr *catalogReader) tooDeep(n *yaml.Node, name string) bool {
	if cr.fieldDepth < MaxFieldDepth {
		return false
	}
	cr.probs.add(posOf(n), "detail %q: fields nest more than %d levels deep, errgen's limit (catalog.MaxFieldDepth): "+
		"flatten the object, or leave the deepest object free-form (drop its fields)", name, MaxFieldDepth)
	return true
}

// tooManyIncludes reports an include list of more than MaxIncludes items,
// at the list, and tells whether it is one.
func (l *loader) tooManyIncludes(list *yaml.Node, items int) bool {
	if items <= MaxIncludes {
		return false
	}
	l.missing(posOf(list), "include: the list holds %d items, more than errgen's limit of %d (catalog.MaxIncludes): "+
		"name the files by a glob per folder (errors/*.yaml), or split the API's errors into several catalogs", items, MaxIncludes)
	return true
}

// tooManyErrors counts the items of the errors list of a file's top node
// top, and reports, at that list, the list that takes the catalog past
// MaxErrors; it tells whether the catalog is past it.
func (l *loader) tooManyErrors(top *yaml.Node) bool {
	list := errorsList(top)
	if list == nil {
		return l.errorCount > MaxErrors
	}
	before := l.errorCount
	l.errorCount += len(list.Content)
	switch {
	case l.errorCount <= MaxErrors:
		return false
	case before > MaxErrors: // reported at the list that crossed it
	case before == 0:
		l.probs.add(posOf(list), "errors: the list holds %d errors, more than errgen's limit of %d (catalog.MaxErrors): "+
			"split the API's errors into several catalogs, one per service or domain, each generating its own package",
			len(list.Content), MaxErrors)
	default:
		l.probs.add(posOf(list), "errors: with this list the catalog holds %d errors, more than errgen's limit of %d (catalog.MaxErrors): "+
			"split the API's errors into several catalogs, one per service or domain, each generating its own package",
			l.errorCount, MaxErrors)
	}
	return true
}

// errorsList is the sequence under the errors key of the mapping top, or nil.
func errorsList(top *yaml.Node) *yaml.Node {
	if top.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "errors" && top.Content[i+1].Kind == yaml.SequenceNode {
			return top.Content[i+1]
		}
	}
	return nil
}
