package catalog

import (
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// Obsolete is an entry of a translation file for something the catalog no
// longer has: a code, a detail (or field) of an error, an enum value, a
// category, a group. It is what a catalog change leaves behind in a file
// errgen translate wrote, so it is a warning, not an error: generation,
// errgen diff and errgen translate (which removes it) run past it, and the
// outputs ignore it. A key near a name the catalog has, whose entry holds
// a translated text, is taken for a misspelling (or a rename) instead, and
// is an error: the text would be lost.
type Obsolete struct {
	Path []string // the keys leading to the entry from the file's top: errors, CODE[, details, NAME[, enum, VALUE]]
	Pos  Pos      // where its key is in the file
}

// unclaimed decides about the keys of one translation mapping that name
// nothing the catalog has there: obsolete, or misspelt.
type unclaimed struct {
	tr    *translationReader
	m     *yaml.Node // the mapping of the file
	names []string   // what the catalog has there, in its order
	free  []string   // names m has no key for, made when first needed
	made  bool
}

// near returns a " (did you mean X?)" hint when the key k, with value v,
// reads as a misspelling of a name the mapping has no key for: its entry
// holds a translated text, which an obsolete entry's removal would lose.
// An entry of empty texts (errgen translate's skeleton) is obsolete
// whatever its name, and so is one whose near name has an entry of its
// own. The hint is the next problem's, as problems.suggest gives it.
func (u *unclaimed) near(k string, v *yaml.Node) string {
	if !holdsText(v) {
		return ""
	}
	if !u.made {
		u.made = true
		have := make(map[string]bool, len(u.m.Content)/2)
		for i := 0; i+1 < len(u.m.Content); i += 2 {
			have[u.m.Content[i].Value] = true
		}
		for _, n := range u.names {
			if !have[n] {
				u.free = append(u.free, n)
			}
		}
	}
	return u.tr.probs.suggest(k, u.free)
}

// obsolete warns of an obsolete entry, whose key is f.keyN under path,
// and records it for errgen translate to remove: what says where it is
// and what the catalog lacks ("errors: the catalog has no code "X"").
func (tr *translationReader) obsolete(f field, path []string, what string) {
	tr.t.Obsolete = append(tr.t.Obsolete, Obsolete{Path: append(path[:len(path):len(path)], f.key), Pos: at(tr.t.File, posOf(f.keyN))})
	tr.warn(posOf(f.keyN), "%s: obsolete, ignored: %s removes it", what, diag.Command("translate "+tr.t.Language))
}

// holdsText reports whether a translation entry (or a text) holds a
// translated text: a scalar neither empty nor null, but an entry's source
// hash and reviewed mark, which errgen translate writes or a translator
// adds without translating. An alias counts as a text: what it stands for
// is not looked into.
func holdsText(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return anyText(n)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; (k == "source" || k == "reviewed") && n.Content[i+1].Kind == yaml.ScalarNode {
			continue
		}
		if anyText(n.Content[i+1]) {
			return true
		}
	}
	return false
}

// anyText reports whether n holds a scalar neither empty nor null, its
// keys aside.
func anyText(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value != "" && n.ShortTag() != "!!null"
	case yaml.AliasNode:
		return true
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			if anyText(n.Content[i]) {
				return true
			}
		}
	default:
		for _, c := range n.Content {
			if anyText(c) {
				return true
			}
		}
	}
	return false
}

// KeptFor is et as the loader keeps an entry of e: without the texts it
// translates that e has none of (noSource's, and a detail, field or enum
// value gone, or its description), which are obsolete, ignored. errgen
// diff compares an old entry, kept for the new catalog, with the new one.
func (et *ErrorTranslation) KeptFor(e *Error) *ErrorTranslation {
	if et == nil || e == nil {
		return et
	}
	kept := *et
	if noSource(e, "description") {
		kept.Description = ""
	}
	if noSource(e, "message") {
		kept.Message = nil
	}
	if noSource(e, "causes") {
		kept.Causes = nil
	}
	if noSource(e, "remediation") {
		kept.Remediation = nil
	}
	if noSource(e, "deprecated") {
		kept.Deprecated = ""
	}
	if len(et.Details) > 0 {
		kept.Details = keptDetails(et.Details, e)
	}
	return &kept
}

// keptDetails is ds, the translations of e's details by path ("detail",
// "detail.field"), without what e's details do not have.
func keptDetails(ds map[string]*DetailTranslation, e *Error) map[string]*DetailTranslation {
	_, byPath := e.DetailPaths()
	out := map[string]*DetailTranslation{}
	for path, dt := range ds {
		d := byPath[path]
		if d == nil || dt == nil {
			continue
		}
		k := &DetailTranslation{}
		if d.Description != "" {
			k.Description = dt.Description
		}
		for _, v := range d.Enum {
			if text := dt.Enum[v.Value]; text != "" && v.Description != "" {
				if k.Enum == nil {
					k.Enum = map[string]string{}
				}
				k.Enum[v.Value] = text
			}
		}
		out[path] = k
	}
	return out
}
