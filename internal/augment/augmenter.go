package augment

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/textedit"
)

// augmenter holds one Augment call: its choices, the spec's style, what
// errgen added to the tree, and the problems and notices to report.
type augmenter struct {
	c             *catalog.Catalog
	specName      string
	force         bool
	allowInvalid  bool                // augment a spec that is not valid as it is
	refStyle      yaml.Style          // quoting of the spec's own $ref values, reused for ours
	quoteStyle    yaml.Style          // quoting of the spec's first quoted scalar, for status keys
	statusKey     *yaml.Node          // the spec's first status key, quoted like errgen's
	adds          *textedit.Additions // every node errgen added to the tree
	omit          omitFunc            // what of adds the validated text leaves out
	problems      diag.List           // errors, all reported at once
	notices       []diag.Diagnostic   // what the spec already defines, left alone
	kept          []keptNotice        // the operations' own responses left alone, told by foldKept
	owned         ownership           // what errgen writes, for its markers
	remap         *textedit.Removed   // the spec errgen's earlier additions were taken from, if any
	replaceable   map[string]bool     // what errgen wrote in place of the author's: rewritten without force
	replace       map[string]bool     // the author's components to replace (Options.Replace), true once replaced
	replacedRefs  map[string][]string // a component of the spec's → the author's replaced components that referred to it
	specResponses *yaml.Node          // the spec's components.responses, as the author wrote it
	codeHints     int                 // unknown x-errors codes a near miss was looked for, up to maxCodeHints
}

func newAugmenter(c *catalog.Catalog, specName string, opts Options) *augmenter {
	a := &augmenter{c: c, specName: specName, force: opts.Force, allowInvalid: opts.AllowInvalidSpec,
		adds: textedit.NewAdditions(), omit: (*augmenter).variantOmits}
	for _, name := range opts.Replace {
		if a.replace == nil {
			a.replace = map[string]bool{}
		}
		a.replace[name] = false
	}
	return a
}

// pos is the place of n in the spec, or the spec as a whole for nil.
func (a *augmenter) pos(n *yaml.Node) diag.Pos {
	p := diag.Pos{File: a.specName}
	if n != nil {
		p.Line, p.Col = n.Line, n.Column
		if a.remap != nil && n.Line > 0 {
			p.Line, p.Col = a.remap.Pos(n.Line, n.Column)
		}
	}
	return p
}

// addf adds a problem at n.
func (a *augmenter) addf(n *yaml.Node, format string, args ...any) {
	a.problems.Errorf(a.pos(n), format, args...)
}

// addRemedied adds a problem at n that the flag remedy names would get
// past.
func (a *augmenter) addRemedied(n *yaml.Node, remedy diag.Remedy, format string, args ...any) {
	a.problems.Add(diag.Diagnostic{Pos: a.pos(n), Msg: fmt.Sprintf(format, args...), Remedy: remedy})
}

// notef adds a notice at n.
func (a *augmenter) notef(n *yaml.Node, format string, args ...any) {
	a.notices = append(a.notices, diag.Diagnostic{Pos: a.pos(n), Severity: diag.Notice, Msg: fmt.Sprintf(format, args...)})
}

// fail is a problem at n that ends the call at once.
func (a *augmenter) fail(n *yaml.Node, format string, args ...any) error {
	var l diag.List
	l.Errorf(a.pos(n), format, args...)
	return &l
}

// sortedNotices are the notices in file order, the kept responses folded.
func (a *augmenter) sortedNotices() []diag.Diagnostic {
	notices := append(a.notices, foldKept(a.kept)...)
	slices.SortStableFunc(notices, func(x, y diag.Diagnostic) int { return x.Pos.Compare(y.Pos) })
	return notices
}

func (a *augmenter) catalogName() string {
	if a.c.File == "" {
		return "the catalog"
	}
	return a.c.File
}
