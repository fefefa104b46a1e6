package diff

import (
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// compareDetails matches details by JSON name. A detail removed and one
// added of the same type, under a similar name, is a rename when each is
// the other's only such match (renamed).
func (cs *changes) compareDetails(o, n *catalog.Error) {
	var removed, added []*catalog.Detail
	oldByName, newByName := detailsByName(o), detailsByName(n)
	for _, od := range o.Details {
		if nd := newByName[od.Name]; nd != nil {
			cs.compareDetail(o, n, od, nd)
		} else {
			removed = append(removed, od)
		}
	}
	for _, nd := range n.Details {
		if oldByName[nd.Name] == nil {
			added = append(added, nd)
		}
	}
	renames := renamed(removed, added)
	for _, od := range removed {
		nd := renames[od]
		if nd == nil {
			continue
		}
		at := cs.inNew(nd.Pos) // the Go name comes from the detail's name
		at.add(o.Code, DetailRenamed, "detail %s renamed to %s", od.Name, nd.Name)
		if od.GoName != nd.GoName {
			at.add(o.Code, GoNameChanged, "detail %s: Go field %s renamed to %s", nd.Name, od.GoName, nd.GoName)
		}
		cs.compareDetail(o, n, od, nd)
	}
	for _, od := range removed {
		if renames[od] == nil {
			cs.inOld(od.Pos).add(o.Code, DetailRemoved, "detail %s removed", od.Name)
		}
	}
	became := make(map[*catalog.Detail]bool, len(renames))
	for _, nd := range renames {
		became[nd] = true
	}
	for _, nd := range added {
		if became[nd] {
			continue
		}
		cs := cs.inNew(nd.Pos)
		if nd.Required {
			cs.add(o.Code, DetailAddedRequired, "required detail %s added: %s takes a new parameter", nd.Name, names.New(n))
		} else {
			cs.add(o.Code, DetailAdded, "optional detail %s added", nd.Name)
		}
	}
	if len(removed) == len(renames) && len(added) == len(renames) && signature(o) != signature(n) && sameRequired(o, n) {
		cs.add(o.Code, ConstructorChanged, "%s(%s) became %s(%s)", names.New(o), signature(o), names.New(n), signature(n))
	}
}

// maxRenamePairs bounds the pairs of removed and added details renamed
// compares: an error whose details were rewritten wholesale (a hostile
// catalog's 100,000 each way) is no set of renames, and comparing every
// pair would take hours.
const maxRenamePairs = 4096

// renamed maps each removed detail that was renamed to the added one it
// became: the only added detail of its type with a similar name, of which
// it is the only such removed one (sku to productSku beside restockDate
// added). A detail with two such matches (productSku and variantSku) is
// none's: errgen cannot tell which it became, and reports it removed.
func renamed(removed, added []*catalog.Detail) map[*catalog.Detail]*catalog.Detail {
	matches := func(d *catalog.Detail, others []*catalog.Detail) []*catalog.Detail {
		var out []*catalog.Detail
		for _, other := range others {
			if other.Type == d.Type && similar(d, other) {
				out = append(out, other)
			}
		}
		return out
	}
	renames := map[*catalog.Detail]*catalog.Detail{}
	if len(removed)*len(added) > maxRenamePairs {
		return renames
	}
	// How many removed details each added one matches, counted once per
	// added detail: with one added and 4,096 removed, counting again for
	// each removed one would compare 4,096² pairs.
	matchedBy := map[*catalog.Detail]int{}
	for _, od := range removed {
		to := matches(od, added)
		if len(to) != 1 {
			continue
		}
		n, ok := matchedBy[to[0]]
		if !ok {
			n = len(matches(to[0], removed))
			matchedBy[to[0]] = n
		}
		if n == 1 {
			renames[od] = to[0]
		}
	}
	return renames
}

// similar reports whether two detail names are close enough to be taken
// for a rename (resourceId and resource_id, id and identifier, sku and
// productSku), not a detail removed and an unrelated one added (column and
// offset): the same Go name, one a prefix or a suffix of the other (a name
// qualified, or its qualifier dropped), or a did-you-mean match.
func similar(a, b *catalog.Detail) bool {
	an, bn := strings.ToLower(a.GoName), strings.ToLower(b.GoName)
	return strings.HasPrefix(an, bn) || strings.HasPrefix(bn, an) ||
		strings.HasSuffix(an, bn) || strings.HasSuffix(bn, an) ||
		catalog.Suggest(a.Name, []string{b.Name}) != "" || catalog.Suggest(b.Name, []string{a.Name}) != ""
}

// compareDetail compares a detail present in both (or renamed).
func (cs *changes) compareDetail(o, n *catalog.Error, od, nd *catalog.Detail) {
	code, cs := o.Code, cs.inNew(nd.Pos)
	if od.Type != nd.Type {
		cs.add(code, DetailRetyped, "detail %s changed type from %s to %s", nd.Name, od.Type, nd.Type)
	}
	switch {
	case !od.Required && nd.Required:
		cs.add(code, DetailMadeRequired, "detail %s made required: %s takes a new parameter", nd.Name, names.New(n))
	case od.Required && !nd.Required:
		cs.add(code, DetailMadeOptional, "detail %s made optional: clients may no longer get it, and %s loses a parameter", nd.Name, names.New(n))
	}
	cs.compareEnum(code, nd.Name, names.Enum(n, nd), od, nd)
	cs.compareBadRequest(code, od, nd)
	if od.Type == nd.Type {
		typ := names.Object(n.Name, nd)
		cs.compareFields(code, nd.Name, typ, od.Fields, nd.Fields)
	}
}

// compareEnum compares the values of a detail or field, named path, present
// in both; typ is the Go type of its values in the new catalog.
func (cs *changes) compareEnum(code, path, typ string, od, nd *catalog.Detail) {
	switch {
	case od.Enum == nil && nd.Enum != nil:
		cs.add(code, EnumAdded, "detail %s became an enum: its Go type is now %s", path, typ)
		return
	case od.Enum != nil && nd.Enum == nil:
		cs.add(code, EnumRemoved, "detail %s is no longer an enum: any string may come", path)
		return
	case od.Enum == nil:
		return
	}
	oldValues, newValues := enumValues(od), enumValues(nd)
	for _, v := range od.Enum {
		if !newValues[v.Value] {
			cs.inOld(v.Pos).add(code, EnumValueRemoved, "detail %s: enum value %q removed", path, v.Value)
		}
	}
	for _, v := range nd.Enum {
		if !oldValues[v.Value] {
			cs.inNew(v.Pos).add(code, EnumValueAdded, "detail %s: enum value %q added", path, v.Value)
		}
	}
}

// detailsByName maps an error's details by JSON name, the first of a name.
func detailsByName(e *catalog.Error) map[string]*catalog.Detail {
	return fieldsByName(e.Details)
}

// enumValues is the set of an enum detail's values: scanning the other
// list for each value was quadratic (two 100,000-value enums, 119 s).
func enumValues(d *catalog.Detail) map[string]bool {
	m := make(map[string]bool, len(d.Enum))
	for _, v := range d.Enum {
		m[v.Value] = true
	}
	return m
}

// signature is the constructor's parameter names: the required details in
// catalog order. Types are left out: a new type is reported as such.
func signature(e *catalog.Error) string {
	req := e.RequiredDetails()
	parts := make([]string, len(req))
	for i, d := range req {
		parts[i] = names.Param(d.Name)
	}
	return strings.Join(parts, ", ")
}

// sameRequired reports whether the same details are required, whatever
// their order: then a different signature is a reordering, which no other
// change reports.
func sameRequired(o, n *catalog.Error) bool {
	names := func(e *catalog.Error) []string {
		var out []string
		for _, d := range e.RequiredDetails() {
			out = append(out, d.Name)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(names(o), names(n))
}
