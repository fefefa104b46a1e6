package openapi

import (
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// shape is the schema of one error's bodies: its envelope, with the members
// that tell errors apart pinned to this error's values and its details typed.
func (g *generator) shape(e *catalog.Error) *yaml.Node {
	env := refTo("#/components/schemas/" + g.envNames[e.Format])
	pin := g.pin(e.Format.Body, e, e.Format.Has(catalog.RefCode), true)
	all := yamlnode.Seq(env)
	if pin != nil {
		// the details of a spread join the envelope's allOf rather than nest
		if inner := yamlnode.Get(pin, "allOf"); inner != nil {
			all.Content = append(all.Content, inner.Content...)
			pin.Content = pin.Content[2:] // allOf is always the pin's first member
		}
		if len(pin.Content) > 0 {
			all.Content = append(all.Content, pin)
		}
	}
	s := yamlnode.Map()
	yamlnode.Set(s, "title", yamlnode.Str(e.Code))
	yamlnode.Set(s, "allOf", all)
	return s
}

// pin returns the constraints one error adds to the envelope's schema at n,
// or nil when it adds none. top is true for the body itself.
func (g *generator) pin(n *catalog.Node, e *catalog.Error, hasCode, top bool) *yaml.Node {
	switch n.Kind {
	case catalog.KindObject:
		props := yamlnode.Map()
		required := yamlnode.Seq()
		var allOf *yaml.Node
		for _, m := range n.Members {
			if m.Spread {
				if d, _ := g.wholeDetails(e); d != nil {
					allOf = yamlnode.Seq(d)
				}
				continue
			}
			var p *yaml.Node
			if m.Value.Kind == catalog.KindRef {
				var req bool
				p, req = g.refPin(m.Value.Ref, e, hasCode)
				if req && m.Value.Ref.Optional {
					required.Content = append(required.Content, yamlnode.Str(m.Key))
				}
			} else {
				p = g.pin(m.Value, e, hasCode, false)
			}
			if p != nil {
				yamlnode.Set(props, m.Key, p)
			}
		}
		if allOf == nil && len(props.Content) == 0 && len(required.Content) == 0 {
			return nil
		}
		s := yamlnode.Map()
		if allOf != nil {
			yamlnode.Set(s, "allOf", allOf)
		}
		if len(required.Content) > 0 {
			yamlnode.Set(s, "required", required)
		}
		if len(props.Content) > 0 {
			yamlnode.Set(s, "properties", props)
		}
		if !top {
			// The default, spelled out: example linters such as Redocly's
			// take a nested object schema without it as closed, and this one
			// lists only the members it pins.
			yamlnode.Set(s, "additionalProperties", yamlnode.Bool(true))
		}
		return s
	case catalog.KindArray:
		p := g.pin(n.Elem, e, hasCode, false)
		if p == nil {
			return nil
		}
		s := yamlnode.Map()
		yamlnode.Set(s, "items", p)
		return s
	case catalog.KindRef:
		p, _ := g.refPin(n.Ref, e, hasCode)
		return p
	}
	return nil
}

// refPin pins a reference for error e; required reports that e always
// writes the member even where the envelope marks it optional.
func (g *generator) refPin(r catalog.Ref, e *catalog.Error, hasCode bool) (s *yaml.Node, required bool) {
	enum := func(v *yaml.Node) *yaml.Node {
		s := yamlnode.Map()
		yamlnode.Set(s, "enum", yamlnode.Seq(v))
		return s
	}
	switch r.Name {
	case catalog.RefCode:
		return enum(yamlnode.Str(e.Code)), true
	case catalog.RefTitle:
		if !hasCode {
			// without a code, status and title tell errors apart
			return enum(yamlnode.Str(e.Title)), true
		}
	case catalog.RefStatus:
		return enum(yamlnode.Int(e.Status)), true
	case catalog.RefStatusText:
		return enum(yamlnode.Str(strconv.Itoa(e.Status))), true
	case catalog.RefType:
		if e.TypeURI != "" {
			return enum(yamlnode.Str(e.TypeURI)), true
		}
	case catalog.RefMeta:
		if v := e.MetaValue(r.Arg); v != "" {
			return enum(yamlnode.Str(v)), true
		}
	case catalog.RefDetails:
		if r.Arg == "" {
			return g.wholeDetails(e)
		}
		if d := e.Detail(r.Arg); d != nil {
			return g.typeSchema(d.Type, detailNullable(d, r.Optional)), d.Required
		}
	}
	return nil, false
}

// wholeDetails is the schema of what a whole $details or a spread holds for
// e, and whether it always has members: the <Name>Details schema, or, when
// the envelope places some details by name, the others, inline; nil when
// nothing is left.
func (g *generator) wholeDetails(e *catalog.Error) (*yaml.Node, bool) {
	named := e.Format.NamedDetails()
	var rest []*catalog.Detail
	required := yamlnode.Seq()
	for _, d := range e.Details {
		if !slices.Contains(named, d.Name) {
			rest = append(rest, d)
			if d.Required {
				required.Content = append(required.Content, yamlnode.Str(d.Name))
			}
		}
	}
	switch {
	case len(rest) == 0:
		return nil, false
	case len(rest) == len(e.Details):
		return refTo("#/components/schemas/" + g.c.OpenAPI.Prefix + detailsSchemaName(e)), len(required.Content) > 0
	}
	s := yamlnode.Map()
	yamlnode.Set(s, "type", yamlnode.Str("object"))
	if len(required.Content) > 0 {
		yamlnode.Set(s, "required", required)
	}
	props := yamlnode.Map()
	for _, d := range rest {
		yamlnode.Set(props, d.Name, g.typeSchema(d.Type, d.Required && !d.Type.Scalar()))
	}
	yamlnode.Set(s, "properties", props)
	return s, len(required.Content) > 0
}
