package openapi

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// detailMemberSchema types a $details.NAME member from the errors that have
// the detail. It may be null when some error lacks the detail (or leaves an
// optional one empty) and the member is not optional, or when a required
// list or map detail is nil in Go. An error's own schema lists the enum
// values of its detail; a shared one (the envelope's, a status's open
// body) names the values known in its description instead, as the code
// member names no enum of codes: a code added later may carry the detail
// with values of its own, which a client generated from an enum would
// reject.
func (g *generator) detailMemberSchema(r catalog.Ref, users []*catalog.Error, shared bool) *yaml.Node {
	var first *catalog.Detail
	var known []string // the enum values of every error's detail, in order
	mixed, nullable := false, false
	for _, e := range users {
		d := e.Detail(r.Arg)
		if d == nil {
			nullable = nullable || !r.Optional
			continue
		}
		if first == nil {
			first = d
		} else if first.Type != d.Type {
			mixed = true
		}
		for _, v := range d.Enum {
			if !slices.Contains(known, v.Value) {
				known = append(known, v.Value)
			}
		}
		nullable = nullable || detailNullable(d, r.Optional)
	}
	desc := fmt.Sprintf("The %s detail of the error.", r.Arg)
	if first != nil && first.Description != "" {
		desc = first.Description
	}
	if mixed || first == nil {
		s := yamlnode.Map()
		g.set(s, "description", yamlnode.Str(desc+" Its type depends on the error code."))
		return s
	}
	s := g.typeSchema(first.Type, nullable)
	if shared && len(known) > 0 {
		desc += " Known values: `" + strings.Join(known, "`, `") + "`; a later version may send others."
	}
	g.describe(s, desc)
	if !shared {
		g.enumSchema(s, first.Enum, nullable)
	}
	return s
}

// detailNullable reports whether a $details.NAME member for d can be null:
// a required list or map is null when nil (it has no omitempty), and so is
// a required any detail, whose value may be null; an optional detail left
// empty is null unless the member is optional too.
func detailNullable(d *catalog.Detail, optionalMember bool) bool {
	if d.Required {
		return nilIsNull(d.Type)
	}
	return !optionalMember
}

// nilIsNull reports whether a required detail of the type is written as
// null when its Go value is nil. An object detail is not: the generated
// constructor refuses anything but a JSON object.
func nilIsNull(t catalog.DetailType) bool {
	switch t {
	case catalog.TypeStrings, catalog.TypeStringMap, catalog.TypeObjects, catalog.TypeAny:
		return true
	}
	return false
}
