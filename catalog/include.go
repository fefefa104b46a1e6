package catalog

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// Files is where a catalog is read from, with the files its include list
// names: the disk for Load, a git revision for errgen diff --base, memory
// for Parse. Names are slash-separated paths relative to the folder of the
// root catalog (its symbolic links resolved).
type Files interface {
	// Read returns the named file's bytes, at most limit+1 of them, and
	// its identity, the same for two names of one file (a symbolic link
	// and its target). A name that leads out of the root's folder tree, or
	// to anything but a regular file, is an error saying so.
	Read(name string, limit int64) (data []byte, id string, err error)
	// Glob returns the names of the files that match a path.Match
	// pattern, in any order.
	Glob(pattern string) ([]string, error)
	// Display is how messages name the file: its path as the user sees it.
	Display(name string) string
}

// includedKeys are the keys of an included file: its errors, and the
// category its errors have unless they say otherwise.
var includedKeys = []string{"category", "errors"}

// loader reads a root catalog and the files it includes through one
// budget of MaxSize bytes, so that the limits hold for the merged catalog.
type loader struct {
	files      Files
	probs      *problems
	left       int64                 // bytes the catalog may still read
	ids        map[string]includedAs // identity of each file read → the pattern and name that brought it in
	rootID     string
	broken     bool         // a file could not be read, or an include brought none: checks across files would mislead
	aliases    map[Pos]bool // where aliases were, whose nulls' problems are not worth reporting
	errorCount int          // the items of the errors lists read so far
	warnings   diag.List    // what is worth saying but no error: stale and untranslated texts
	nodes      *nodeSlabs   // the slabs of the trees read, for the next to reuse; nil: no reuse
	cache      includeCache // the names read and the patterns globbed, each once
}

// LoadFiles reads, normalizes and validates the catalog root of files with
// every file it includes, as one catalog, then runs the checks over it as
// Parse does. Every problem of every file is returned at once, as a
// *diag.List, each at its own file's line and column.
func LoadFiles(files Files, root string, checks ...Check) (*Catalog, error) {
	return loadFiles(files, root, &nodeSlabs{}, checks)
}

// loadFiles is LoadFiles, the trees of its translation files made in the
// node slabs of the trees read before when slabs is not nil.
func loadFiles(files Files, root string, slabs *nodeSlabs, checks []Check) (*Catalog, error) {
	data, id, err := files.Read(root, MaxSize)
	if err != nil {
		return nil, err
	}
	rootFile := files.Display(root)
	l := &loader{files: files, probs: &problems{file: rootFile}, left: MaxSize, ids: map[string]includedAs{id: {}}, rootID: id, aliases: map[Pos]bool{}, nodes: slabs,
		cache: includeCache{reads: map[string]cachedRead{root: {id: id}}}}
	top := l.parse(rootFile, data, "catalog")
	if top == nil {
		return nil, l.probs.err()
	}
	cr := (&nodeReader{probs: l.probs}).catalog(top)
	c := cr.c
	c.File = rootFile
	c.Files = []string{rootFile}
	if cr.includeNode != nil {
		l.include(cr)
		cr.includeNode = nil // its tree is released with the catalog's
	}
	cr.checkOutputs(path.Base(root))
	if !l.broken {
		normalize(c)
		cr.validate()
		l.warnUnclosed(c)
		l.translations(cr)
		l.templates(c)
		l.nodes = nil // no tree is made from here: the slabs are garbage, for the collector during the checks
		l.check(c, checks)
	}
	if len(l.aliases) > 0 {
		l.probs.list.Items = slices.DeleteFunc(l.probs.list.Items, func(d diag.Diagnostic) bool {
			return l.aliases[d.Pos] && !strings.HasPrefix(d.Msg, "YAML ")
		})
	}
	return l.result(c)
}

// check runs the outputs' checks over c; their problems go before the
// catalog's own at the same position (err's stable sort keeps them first),
// their warnings and notices with the catalog's warnings.
func (l *loader) check(c *Catalog, checks []Check) {
	var checked []diag.Diagnostic
	for _, check := range checks {
		if check != nil {
			for _, d := range check(c) {
				d.Pos = at(c.File, d.Pos)
				if d.Severity != diag.Error {
					l.warnings.Add(d)
					continue
				}
				checked = append(checked, d)
			}
		}
	}
	l.probs.list.Items = append(checked, l.probs.list.Items...)
}

// parse reads one file's YAML into its top node, stamped with the file's
// name, or reports why it cannot and returns nil. what names the file in
// messages: "catalog" or "included file".
func (l *loader) parse(file string, data []byte, what string) *yaml.Node {
	if int64(len(data)) > l.left {
		l.probs.add(Pos{File: file}, "catalog is larger than %d MiB (catalog.MaxSize): trim long texts, or split the API's errors into several catalogs, one per service or domain", MaxSize>>20)
		return l.fail()
	}
	top := l.decode(file, data, what)
	if top == nil {
		return nil
	}
	l.left -= int64(len(data))
	if l.tooManyErrors(top) {
		return l.fail()
	}
	return top
}

// decode reads one file's YAML into its top node, as parse does, within
// no budget.
func (l *loader) decode(file string, data []byte, what string) *yaml.Node {
	whole := Pos{File: file}
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		l.probs.add(whole, "%s is empty: %s", what, emptyHint(what))
		return l.fail()
	case !utf8.Valid(data):
		p := invalidUTF8Pos(data)
		p.File = file
		l.probs.add(p, "%s is not valid UTF-8: save it as UTF-8", what)
		return l.fail()
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	doc, err := parseYAML(data, l.nodes)
	if err != nil {
		p, msg := yamlError(err, data)
		p.File = file
		l.probs.add(p, "%s", msg)
		return l.fail()
	}
	if len(doc.Content) == 0 {
		l.probs.add(whole, "%s is empty: %s", what, emptyHint(what))
		return l.fail()
	}
	root := l.probs.file
	l.probs.file = file // where rejectAliases's problems are
	defer func() { l.probs.file = root }()
	for p := range (&nodeReader{probs: l.probs}).rejectAliases(doc) {
		p.File = file
		l.aliases[p] = true
	}
	stamp(doc, file)
	return doc.Content[0]
}

// emptyHint says what to do about an empty file.
func emptyHint(what string) diag.Naming {
	switch what {
	case "catalog":
		return diag.Naming{Format: "%s writes a starter catalog", Command: "init"}
	case "translation file":
		return diag.Naming{Format: "%s writes its entries, or remove the file", Command: "translate LANG"}
	}
	return diag.Naming{Format: "give it an errors: list, or stop including it"}
}

func (l *loader) fail() *yaml.Node {
	l.broken = true
	return nil
}

// stamp writes file into the Anchor of every node, where posOf finds it:
// so every position taken from a node, those the model keeps included,
// names its own file. Anchors are refused (rejectAliases reports them
// before stamp runs), so the field has no other use here.
func stamp(n *yaml.Node, file string) {
	n.Anchor = file
	for _, c := range n.Content {
		stamp(c, file)
	}
}

// include reads every file the root's include list names, in its order,
// into the catalog.
func (l *loader) include(cr *catalogReader) {
	items := cr.list(cr.includeNode, "include")
	if cr.includeNode.Kind == yaml.SequenceNode && len(items) == 0 {
		cr.probs.add(posOf(cr.includeNode), "include: the list is empty: name the files to include, or remove the key")
	}
	if l.tooManyIncludes(cr.includeNode, len(items)) {
		return
	}
	for _, item := range items {
		pattern := cr.str(item, "include item")
		if pattern == "" {
			if item.Kind == yaml.ScalarNode && item.ShortTag() == "!!str" {
				cr.probs.add(posOf(item), "include: an empty item names no file: write a path or glob such as errors/*.yaml, or remove the item")
			}
			continue
		}
		cr.includes = append(cr.includes, pathRef{what: "include", path: pattern, pos: posOf(item)})
		for _, name := range l.expand(pattern, posOf(item)) {
			if !l.includeFile(cr, name, pattern, posOf(item)) {
				return // the size limit is reached: reading on would only say so again
			}
		}
	}
}

// expand returns the files pattern names: itself, or a glob's matches in
// the order of their bytes. It reports a pattern that leads out of the
// root's folder, is no valid glob or matches nothing.
func (l *loader) expand(pattern string, pos Pos) []string {
	clean := path.Clean(pattern)
	switch {
	case strings.Contains(pattern, `\`):
		l.missing(pos, "include %q: write paths with /, relative to the root catalog's folder", pattern)
		return nil
	case path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../"):
		l.missing(pos, "include %q is outside the root catalog's folder: include only files in that folder or below it", pattern)
		return nil
	case !strings.ContainsAny(clean, "*?["):
		return []string{clean}
	case strings.Contains(clean, "**"):
		// path.Match reads ** as *: errors/**/*.yaml would match
		// errors/a/x.yaml and leave out errors/x.yaml without a word.
		l.missing(pos, "include %q: ** matches within one folder's name, as * does, not folders at any depth: write a pattern per level, such as %s", pattern, perLevel(clean))
		return nil
	}
	if _, err := path.Match(clean, ""); err != nil { // Files' Glob may word it otherwise, or not at all
		l.missing(pos, "include %q is no valid glob: a [ opens a set of characters, such as [a-z], which a ] closes: fix it, or write a [ of a file's name as [[]", pattern)
		return nil
	}
	names, err := l.glob(clean)
	switch {
	case err != nil:
		l.missing(pos, "include %q: %v", pattern, err)
	case len(names) == 0:
		l.missing(pos, "include %q matches no file: fix the pattern, or remove it", pattern)
	}
	slices.Sort(names)
	l.leftOut(clean, pattern, pos)
	return names
}

// leftOut warns of each file a glob of .yaml files leaves out that it
// would match with its name ending in .yml: a file of errors that was
// meant to be read, and is not, without a word.
func (l *loader) leftOut(clean, pattern string, pos Pos) {
	if !strings.HasSuffix(clean, ".yaml") {
		return
	}
	yml, err := l.glob(strings.TrimSuffix(clean, ".yaml") + ".yml")
	if err != nil {
		return
	}
	slices.Sort(yml)
	for _, name := range yml {
		l.warn(pos, "include %q leaves out %s, whose name ends in .yml: rename it %s, or include it as well", pattern, name, strings.TrimSuffix(path.Base(name), ".yml")+".yaml")
	}
}

// perLevel is what to write for a pattern with **: the pattern with each
// ** as * and with it and its folder taken out ("errors/*.yaml and
// errors/*/*.yaml" for errors/**/*.yaml).
func perLevel(clean string) string {
	deeper := strings.ReplaceAll(clean, "**", "*")
	shallower := path.Clean(strings.ReplaceAll(strings.ReplaceAll(clean, "/**/", "/"), "**/", ""))
	if shallower == deeper || strings.Contains(shallower, "**") {
		return deeper
	}
	return shallower + " and " + deeper
}

// missing reports an include that brings in no file: the errors meant to
// be there are missing, so the checks across the catalog would mislead
// (no fallback, unknown codes) and wait for the next run.
func (l *loader) missing(pos Pos, format string, args ...any) {
	l.probs.add(pos, format, args...)
	l.broken = true
}

// includedAs is how a file came into the catalog: the include pattern,
// and the name it matched.
type includedAs struct{ pattern, name string }

// includeFile reads the file name, which pattern brought in, into the
// catalog. It returns false when the catalog has grown past MaxSize.
func (l *loader) includeFile(cr *catalogReader, name, pattern string, pos Pos) bool {
	// A name read before comes without its bytes: it is in l.ids (or it
	// failed, or it took the catalog past its size and ended the list), so
	// it is a repetition, reported below before the bytes are looked at.
	data, id, err := l.read(name)
	if err != nil {
		hint := "" // for a file named as it is, not a glob's
		if errors.Is(err, fs.ErrNotExist) && pattern == name && !errors.As(err, new(cannotInclude)) {
			hint = l.nearFile(name) + ": paths are relative to the catalog's folder; correct it, or create the file"
		}
		l.missing(pos, "include %q: %v%s", pattern, err, hint)
		return true
	}
	if first, ok := l.ids[id]; ok {
		switch {
		case id == l.rootID:
			l.probs.add(pos, "include %q names the root catalog itself: include only files of errors", pattern)
		case first.pattern == pattern && first.name == name:
			l.probs.add(pos, "include %q is listed twice: list each file once", pattern)
		case first.pattern == pattern:
			// one glob matching a symbolic link and the file it ends at
			l.probs.add(pos, "include %q names %s and %s, one file (a symbolic link and its target): include each file once", pattern, first.name, name)
		default:
			l.probs.add(pos, "include %q names %s, which include %q names too: include each file once", pattern, name, first.pattern)
		}
		return true
	}
	l.ids[id] = includedAs{pattern, name}
	if int64(len(data)) > l.left {
		l.probs.add(pos, "include %q: the catalog is larger than %d MiB with the files it includes (catalog.MaxSize): trim long texts, or split the API's errors into several catalogs, one per service or domain", pattern, MaxSize>>20)
		l.broken = true
		return false
	}
	file := l.files.Display(name)
	cr.c.Files = append(cr.c.Files, file)
	if top := l.parse(file, data, "included file"); top != nil {
		cr.includedFile(top)
	}
	return true
}

// includedFile reads an included file's errors into the catalog: its
// category, if any, is the category of its errors that have none. A
// top-level setting there is an error naming it.
func (cr *catalogReader) includedFile(n *yaml.Node) {
	var category string
	var errorsNode *yaml.Node
	mk := meantKeys{m: n}
	for _, f := range cr.fields(n, "included file", nil, nil) {
		key := f.key
		if !contains(includedKeys, key) && key != "include" && !contains(topKeys, key) {
			key = cr.unknownKey(f.keyN, "included file", includedKeys, &mk)
		}
		switch {
		case key == "category":
			category = cr.str(f.value, "category")
		case key == "errors":
			errorsNode = f.value
		case key == "include":
			cr.probs.add(posOf(f.keyN), "included file: only the root catalog includes files: move these to the root catalog's include list")
		case contains(topKeys, key):
			cr.probs.add(posOf(f.keyN), "included file: %q is a top-level setting, which only the root catalog holds: move it to the root catalog, or delete it where the root sets it already", key)
		}
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	if errorsNode == nil {
		cr.probs.hint(posOf(n), ": an included file holds errors: the list of its errors, and nothing else", "included file: missing required key \"errors\"")
		return
	}
	items := cr.list(errorsNode, "errors")
	if errorsNode.Kind == yaml.SequenceNode && len(items) == 0 {
		cr.probs.add(posOf(errorsNode), "errors: the list is empty: declare the file's errors, or stop including it")
	}
	for _, item := range items {
		e := cr.error(item)
		if e == nil {
			continue
		}
		if e.Category == "" {
			e.Category = category
		}
		cr.addError(e)
	}
}
