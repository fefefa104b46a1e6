package diff

import (
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// compareFields compares the fields of an object or object[] detail (or
// nested object field), named path ("problems", "problems.location"),
// present in both catalogs with the same type; typ is its Go struct type in
// the new catalog. Fields match by JSON name; unlike details, a field
// renamed is reported as removed and added, as clients see it.
func (cs *changes) compareFields(code, path, typ string, of, nf []*catalog.Detail) {
	oldByName, newByName := fieldsByName(of), fieldsByName(nf)
	for _, o := range of {
		n := newByName[o.Name]
		if n == nil {
			cs.inOld(o.Pos).add(code, FieldRemoved, "detail %s: field %s removed", path, o.Name)
			continue
		}
		cs.compareField(code, path, typ, o, n)
	}
	for _, n := range nf {
		if oldByName[n.Name] != nil {
			continue
		}
		if n.Required {
			cs.inNew(n.Pos).add(code, FieldAddedRequired, "detail %s: required field %s added: Go code building %s must set %s", path, n.Name, typ, n.GoName)
		} else {
			cs.inNew(n.Pos).add(code, FieldAdded, "detail %s: optional field %s added", path, n.Name)
		}
	}
}

// compareField compares a field present in both catalogs.
func (cs *changes) compareField(code, parent, typ string, o, n *catalog.Detail) {
	path := parent + "." + n.Name
	cs = cs.inNew(n.Pos)
	if o.Type != n.Type {
		cs.add(code, FieldRetyped, "detail %s: field %s changed type from %s to %s", parent, n.Name, o.Type, n.Type)
	}
	switch {
	case !o.Required && n.Required:
		cs.add(code, FieldMadeRequired, "detail %s: field %s made required: Go code building %s must set %s", parent, n.Name, typ, n.GoName)
	case o.Required && !n.Required:
		cs.add(code, FieldMadeOptional, "detail %s: field %s made optional: clients may no longer get it", parent, n.Name)
	}
	if o.GoName != n.GoName {
		cs.add(code, GoNameChanged, "detail %s: Go field %s.%s renamed to %s", parent, typ, o.GoName, n.GoName)
	}
	cs.compareEnum(code, path, names.FieldEnum(typ, n), o, n)
	if o.Type == n.Type {
		cs.compareFields(code, path, names.Object(typ, n), o.Fields, n.Fields)
	}
}

// compareBadRequest compares whether a detail is sent over gRPC and Connect
// as google.rpc.BadRequest field violations.
func (cs *changes) compareBadRequest(code string, od, nd *catalog.Detail) {
	was, is := od.GRPC == catalog.GRPCBadRequest, nd.GRPC == catalog.GRPCBadRequest
	switch {
	case was && !is:
		cs.add(code, BadRequestRemoved, "detail %s is no longer sent as google.rpc.BadRequest", nd.Name)
	case !was && is:
		cs.add(code, BadRequestAdded, "detail %s is also sent as google.rpc.BadRequest", nd.Name)
	}
}

// fieldsByName maps fields by JSON name, the first of a name.
func fieldsByName(fields []*catalog.Detail) map[string]*catalog.Detail {
	m := make(map[string]*catalog.Detail, len(fields))
	for _, f := range fields {
		if m[f.Name] == nil {
			m[f.Name] = f
		}
	}
	return m
}
