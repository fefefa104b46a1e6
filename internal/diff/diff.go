// Package diff compares two versions of an error catalog and classifies every
// change by whom it breaks: API clients (the wire) or services compiling the
// generated Go package. `errgen diff` prints its result.
package diff

import (
	"fmt"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// Change is one difference between two catalogs.
type Change struct {
	Code     string     `json:"code"`     // the error code; empty for a catalog-wide change
	Kind     Kind       `json:"kind"`     // the rule that classifies it
	Breaking bool       `json:"breaking"` // whether it breaks someone, allowed or not
	Breaks   []Audience `json:"breaks"`   // who it breaks: wire, go; empty when compatible
	Allowed  bool       `json:"allowed"`  // a breaking change accepted with --allow
	Message  string     `json:"message"`  // what changed, in words
}

// Compare lists every change from before to after: catalog-wide changes
// first, then per code, codes in before's order (in use, then retired), then
// the codes only after has, in its order.
func Compare(before, after *catalog.Catalog) []Change {
	var cs changes
	cs.catalogWide(before, after)
	oldCodes, newCodes := index(before), index(after)
	for _, o := range entries(before) {
		n := newCodes[o.Code]
		switch {
		case n == nil && o.Retired:
			cs.add(o.Code, RetiredCodeDropped, "retired code removed from the catalog: keep it, retired, so it is never reused")
		case n == nil:
			cs.add(o.Code, CodeRemoved, "code removed: set retired: true instead, which keeps it reserved")
		case o.Retired && !n.Retired:
			cs.add(o.Code, RetiredCodeReused, "retired code is in use again")
		case o.Retired:
		case n.Retired && o.Deprecated == "":
			cs.add(o.Code, CodeRetiredUndeprecated, "code retired without being deprecated first")
		case n.Retired:
			cs.add(o.Code, CodeRetired, "code retired")
		default:
			cs.compareError(before, after, o, n)
		}
	}
	for _, n := range entries(after) {
		if oldCodes[n.Code] != nil {
			continue
		}
		if n.Retired {
			cs.add(n.Code, CodeReserved, "code added as retired (reserved)")
		} else {
			cs.add(n.Code, CodeAdded, "code added (%d %s)", n.Status, n.Title)
		}
	}
	return cs.list
}

// Allow marks the breaking changes that allow accepts: entries CODE:KIND,
// CODE being * for any code. It returns the entries that matched nothing,
// which are most likely typos.
func Allow(list []Change, allow []string) (unused []string) {
	for _, a := range allow {
		code, kind, _ := strings.Cut(a, ":")
		used := false
		for i := range list {
			c := &list[i]
			if c.Breaking && (code == "*" || code == c.Code) && kind == string(c.Kind) {
				c.Allowed, used = true, true
			}
		}
		if !used {
			unused = append(unused, a)
		}
	}
	return unused
}

// Breaking counts the breaking changes that are not allowed.
func Breaking(list []Change) int {
	n := 0
	for _, c := range list {
		if c.Breaking && !c.Allowed {
			n++
		}
	}
	return n
}

// changes accumulates changes in order.
type changes struct {
	list []Change
}

func (cs *changes) add(code string, k Kind, format string, args ...any) {
	r := rule(k)
	msg := fmt.Sprintf(format, args...)
	cs.list = append(cs.list, Change{Code: code, Kind: k, Breaking: r.Breaking(), Breaks: breaksOf(r), Message: msg})
}

// breaksOf is the rule's audiences, never nil, so JSON says [] not null.
func breaksOf(r Rule) []Audience {
	return append([]Audience{}, r.Breaks...)
}

// entries is every error of a catalog, in use then retired.
func entries(c *catalog.Catalog) []*catalog.Error {
	return append(append([]*catalog.Error(nil), c.Errors...), c.Retired...)
}

func index(c *catalog.Catalog) map[string]*catalog.Error {
	m := map[string]*catalog.Error{}
	for _, e := range entries(c) {
		m[e.Code] = e
	}
	return m
}

// catalogWide compares what applies to every error.
func (cs *changes) catalogWide(before, after *catalog.Catalog) {
	if before.Go.Package != after.Go.Package {
		cs.add("", GoPackageChanged, "go.package changed from %s to %s", before.Go.Package, after.Go.Package)
	}
	if before.RequestID.Header != after.RequestID.Header {
		cs.add("", RequestIDHeaderChanged, "request_id.header changed from %s to %s", orNone(before.RequestID.Header), orNone(after.RequestID.Header))
	}
	if before.Fallback != nil && after.Fallback != nil && before.Fallback.Code != after.Fallback.Code {
		cs.add("", FallbackChanged, "the fallback for non-catalog errors changed from %s to %s", before.Fallback.Code, after.Fallback.Code)
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
