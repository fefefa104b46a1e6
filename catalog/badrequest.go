package catalog

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// A validation error's list of field problems maps onto AIP-193's
// google.rpc.BadRequest: a detail marked grpc: bad_request is an object[]
// whose objects name a field and say what is wrong with it, and the gRPC
// and Connect packages send each as a BadRequest field violation (field,
// description), beside ErrorInfo, which carries the detail whole.

// GRPCBadRequest is the value of a detail's grpc key that sends its objects
// as BadRequest field violations.
const GRPCBadRequest = "bad_request"

// BadRequest returns the error's detail sent as BadRequest field
// violations (grpc: bad_request), or nil.
func (e *Error) BadRequest() *Detail {
	for _, d := range e.Details {
		if d.GRPC == GRPCBadRequest {
			return d
		}
	}
	return nil
}

// Violation returns the fields of a bad_request detail's objects that fill
// a field violation: its field (the field named field) and its description
// (the field named description, else the one named message); nil for one
// the detail lacks, or that is no string.
func (d *Detail) Violation() (field, description *Detail) {
	find := func(name string) *Detail {
		for _, f := range d.Fields {
			if f.Name == name && f.Type == TypeString {
				return f
			}
		}
		return nil
	}
	if description = find("description"); description == nil {
		description = find("message")
	}
	return find("field"), description
}

// detailGRPC reads a detail's grpc key: bad_request, its one value.
func (cr *catalogReader) detailGRPC(n *yaml.Node, d *Detail) {
	v := cr.str(n, "detail grpc")
	if v == "" {
		return
	}
	if v != GRPCBadRequest {
		cr.probs.add(posOf(n), "detail grpc %q is not %s, the one gRPC use of a detail: sending its objects as BadRequest field violations%s", v, GRPCBadRequest, cr.probs.suggest(v, []string{GRPCBadRequest}))
		return
	}
	d.GRPC = v
	cr.detailGRPCPos[d] = posOf(n)
}

// validateBadRequest checks an error's bad_request detail: one at most, an
// object[] whose objects have a required string field "field" and a string
// field "description" or "message", what a field violation holds.
func (cr *catalogReader) validateBadRequest(e *Error) {
	var first *Detail
	for _, d := range e.Details {
		pos, ok := cr.detailGRPCPos[d]
		if !ok {
			continue
		}
		if first != nil {
			cr.probs.add(pos, "error %q: details %q and %q are both grpc: %s, but a status carries one BadRequest: keep one", e.Code, first.Name, d.Name, GRPCBadRequest)
			continue
		}
		first = d
		if d.Type != TypeObjects || len(d.Fields) == 0 {
			cr.probs.add(pos, "error %q: detail %q is grpc: %s, so it must be an object[] with fields, one object per field violation, not %s", e.Code, d.Name, GRPCBadRequest, typeWithFields(d))
			continue
		}
		cr.validateViolationFields(e, d, pos)
	}
}

// validateViolationFields checks that a bad_request detail's objects fill a
// field violation. A field that has the name but not the type, or is
// optional, is told so at its own line: "add it" would send the author
// looking for a field that is there.
func (cr *catalogReader) validateViolationFields(e *Error, d *Detail, pos Pos) {
	field, desc := d.Violation()
	switch named := fieldNamed(d, "field"); {
	case field == nil && named != nil:
		cr.probs.add(named.Pos, "error %q: detail %q is grpc: %s, so its field \"field\", the path of the field at fault (FieldViolation.field), must be a string, not %s: make it type string", e.Code, d.Name, GRPCBadRequest, named.Type)
	case field == nil:
		cr.probs.add(pos, "error %q: detail %q is grpc: %s, so its objects need a required string field \"field\", the path of the field at fault (FieldViolation.field): add it", e.Code, d.Name, GRPCBadRequest)
	case !field.Required:
		cr.probs.add(field.Pos, "error %q: detail %q is grpc: %s, so its field \"field\", the path of the field at fault (FieldViolation.field), must be in every object: mark it required: true", e.Code, d.Name, GRPCBadRequest)
	}
	if desc != nil {
		return
	}
	for _, name := range []string{"description", "message"} {
		if named := fieldNamed(d, name); named != nil {
			cr.probs.add(named.Pos, "error %q: detail %q is grpc: %s, so its field %q, what is wrong with the field (FieldViolation.description), must be a string, not %s: make it type string", e.Code, d.Name, GRPCBadRequest, name, named.Type)
			return
		}
	}
	cr.probs.add(pos, "error %q: detail %q is grpc: %s, so its objects need a string field \"description\" or \"message\", what is wrong with the field (FieldViolation.description): add one", e.Code, d.Name, GRPCBadRequest)
}

// fieldNamed returns the field of d's objects with that name, whatever its
// type, or nil.
func fieldNamed(d *Detail, name string) *Detail {
	for _, f := range d.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// typeWithFields names a detail's type, and that it has no fields.
func typeWithFields(d *Detail) string {
	if d.Type == TypeObjects {
		return "an object[] without fields"
	}
	return fmt.Sprintf("type %s", d.Type)
}
