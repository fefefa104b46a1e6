package catalog

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// A code's lifecycle: added (since), deprecated (still generated, flagged in
// Go, OpenAPI and the docs, perhaps with a replacement), then retired
// (reserved forever, nothing generated). A code is never deleted: a client
// that still meets a retired code must not meet it with a new meaning.

// lifecycleField reads deprecated, replaced_by, since and retired.
func (cr *catalogReader) lifecycleField(e *Error, f field) {
	switch f.key {
	case "deprecated":
		if f.value.Kind == yaml.ScalarNode && f.value.ShortTag() == "!!bool" {
			cr.probs.add(posOf(f.value), "deprecated must be the reason, not a boolean: e.g. deprecated: Use NEW_CODE instead.")
			return
		}
		e.Deprecated = cr.str(f.value, "deprecated")
		if strings.TrimSpace(e.Deprecated) == "" && f.value.ShortTag() == "!!str" {
			cr.probs.add(posOf(f.value), "deprecated must not be empty: say why, and what to use instead")
		}
	case "replaced_by":
		if cr.replacedByPos == nil {
			cr.replacedByPos = map[*Error]Pos{}
		}
		cr.replacedByPos[e] = posOf(f.value)
		e.ReplacedBy = cr.str(f.value, "replaced_by")
		if e.ReplacedBy == "" && f.value.ShortTag() == "!!str" {
			cr.probs.add(posOf(f.value), "replaced_by must not be empty: name the code to use instead, or remove the key")
		}
	case "since":
		e.Since = cr.str(f.value, "since")
		if strings.TrimSpace(e.Since) == "" && f.value.ShortTag() == "!!str" {
			cr.probs.add(posOf(f.value), "since must not be empty: give the version that introduced the code, such as v1.4, or remove the key")
		}
	case "retired":
		e.Retired = cr.boolean(f.value, "retired")
	}
}

// resolveReplacements points each error with a replacement at it: the
// first error in use of that code. A replacement that is unknown, retired
// or itself stays nil; validateLifecycle reports it.
func resolveReplacements(c *Catalog) {
	live := make(map[string]*Error, len(c.Errors))
	for _, e := range c.Errors {
		if live[e.Code] == nil {
			live[e.Code] = e
		}
	}
	for _, e := range c.Errors {
		if r := live[e.ReplacedBy]; r != nil && r != e {
			e.Replacement = r
		}
	}
	for _, e := range c.Retired {
		e.Replacement = live[e.ReplacedBy]
	}
}

// moveFallback is the hint of a retired fallback when no error in use is
// the fallback: without it, the catalog has none.
func moveFallback(live []*Error) string {
	for _, e := range live {
		if e.Fallback {
			return ""
		}
	}
	return "; mark an error in use, of a 5xx status, fallback: true instead"
}

// validateLifecycle checks the retired codes and every replaced_by; live
// maps each code in use to its error. It returns the retired codes by code.
func (cr *catalogReader) validateLifecycle(live map[string]*Error) map[string]*Error {
	retired := make(map[string]*Error, len(cr.c.Retired))
	for _, e := range cr.c.Retired {
		switch {
		case e.Code == "":
		case !codePattern.MatchString(e.Code):
			cr.probs.add(e.Pos, "code %q must start with an ASCII letter and hold only ASCII letters, digits, _ - and .", e.Code)
		case retired[e.Code] != nil:
			cr.duplicateCode(e, retired[e.Code])
		default:
			retired[e.Code] = e
		}
		if e.Fallback {
			cr.probs.add(e.Pos, "error %q is retired and cannot be the fallback: Write sends the fallback for every non-catalog error%s", e.Code, moveFallback(cr.c.Errors))
		}
	}
	for _, e := range cr.c.Errors {
		if r := retired[e.Code]; r != nil {
			cr.probs.add(e.Pos, "code %q is retired (%s) and cannot be reused: clients may still read it with its old meaning", e.Code, diag.LineRef(e.Pos, r.Pos))
		}
	}
	all := append(append([]*Error(nil), cr.c.Errors...), cr.c.Retired...)
	for _, e := range all {
		if e.ReplacedBy != "" {
			cr.checkReplacement(e, live, retired)
		}
	}
	cr.checkReplacementCycles(live)
	return retired
}

// checkReplacement checks that e's replacement is a code in use, other than e.
func (cr *catalogReader) checkReplacement(e *Error, live, retired map[string]*Error) {
	pos := cr.replacedByAt(e)
	switch r := live[e.ReplacedBy]; {
	case e.Deprecated == "" && !e.Retired:
		cr.probs.add(pos, "error %q: replaced_by needs deprecated (the reason) or retired: true; a code in full use has no replacement", e.Code)
	case e.ReplacedBy == e.Code:
		cr.probs.add(pos, "error %q is replaced by itself: name the code to use instead", e.Code)
	case retired[e.ReplacedBy] != nil:
		cr.probs.add(pos, "error %q: replaced_by names %q, which is retired; name a code in use", e.Code, e.ReplacedBy)
	case r == nil:
		cr.probs.add(pos, "error %q: replaced_by names unknown code %q%s: name a code the catalog declares", e.Code, e.ReplacedBy, cr.probs.suggest(e.ReplacedBy, codes(cr.c.Errors)))
	}
}

// checkReplacementCycles reports each cycle of deprecated codes replacing
// one another once, at its first code in catalog order: following the
// replacements must end at a code to use.
//
// Each error has at most one replacement, so the replacements form paths
// that end or loop. Every error is walked once: a walk stops at an error
// an earlier walk finished, and finds a cycle only when it meets an error
// of its own walk. Linear in the number of errors (a chain walked from
// each of its links was quadratic: 20,000 links took 73 s).
func (cr *catalogReader) checkReplacementCycles(live map[string]*Error) {
	index := make(map[*Error]int, len(cr.c.Errors))
	for i, e := range cr.c.Errors {
		index[e] = i
	}
	next := func(e *Error) *Error {
		if e.ReplacedBy == "" || e.ReplacedBy == e.Code {
			return nil
		}
		return live[e.ReplacedBy]
	}
	walkOf := make(map[*Error]int, len(cr.c.Errors)) // 1 + the index of the walk that reached it
	for w, start := range cr.c.Errors {
		e := start
		for e != nil && walkOf[e] == 0 {
			walkOf[e] = w + 1
			e = next(e)
		}
		if e == nil || walkOf[e] != w+1 {
			continue // the path ended, or joined one walked before
		}
		cr.reportCycle(e, next, index)
	}
}

// reportCycle reports the cycle through e at its first code in catalog
// order, naming its codes in replacement order from there.
func (cr *catalogReader) reportCycle(e *Error, next func(*Error) *Error, index map[*Error]int) {
	first := e
	for c := next(e); c != e; c = next(c) {
		if index[c] < index[first] {
			first = c
		}
	}
	names := []string{first.Code}
	for c := next(first); c != first; c = next(c) {
		names = append(names, c.Code)
	}
	cr.probs.add(cr.replacedByAt(first), "error %q: replaced_by goes round in a circle (%s → %s): one of them must be the code to use", first.Code, strings.Join(names, " → "), first.Code)
}

// replacedByAt is the position of e's replaced_by value, or e's. Only
// these positions are kept, not each error's node: the catalog's tree is
// garbage once read, before the translations' are made.
func (cr *catalogReader) replacedByAt(e *Error) Pos {
	if pos, ok := cr.replacedByPos[e]; ok {
		return pos
	}
	return e.Pos
}
