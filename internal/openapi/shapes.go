package openapi

import (
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// errorSchemaName names the schema of one error's bodies: RATE_LIMIT_EXCEEDED
// → RateLimitExceededError, and VALIDATION_ERROR → ValidationError.
func (g *generator) errorSchemaName(e *catalog.Error) string {
	return g.c.OpenAPI.Prefix + names.BodySchema(e)
}

// shape is the schema of one error's bodies: its envelope, self-contained
// (no allOf, which client generators flatten badly), with the members that
// tell errors apart pinned to this error's values and its details typed.
func (g *generator) shape(e *catalog.Error) *yaml.Node {
	// the body's own mapping, never shared: it may be changed
	s := g.shapeNode(e.Envelope.Body, e, e.Envelope.Has(catalog.RefCode))
	g.insert(s, 0, "title", yamlnode.Str(e.Code))
	if e.Deprecated != "" {
		// after title and type, where readers and linters look
		g.insert(s, 2, "deprecated", g.truth())
	}
	return s
}

// shapeNode is the schema of the envelope's node n in e's bodies.
func (g *generator) shapeNode(n *catalog.Node, e *catalog.Error, hasCode bool) *yaml.Node {
	switch n.Kind {
	case catalog.KindObject:
		// room for the envelope's members and a spread's details
		props := sizedMap(len(n.Members) + len(e.Details))
		required := yamlnode.Seq(make([]*yaml.Node, 0, len(n.Members)+len(e.Details))...)
		for _, m := range n.Members {
			if m.Spread {
				// the details' members are written next to the envelope's own
				g.spreadDetails(e, props, required)
				continue
			}
			p, always := g.shapeMember(m.Value, e, hasCode)
			g.set(props, m.Key, p)
			if always {
				required.Content = append(required.Content, g.word(m.Key))
			}
		}
		s := sizedMap(5) // title, type, deprecated, required, properties
		g.set(s, "type", g.word("object"))
		if len(required.Content) > 0 {
			g.set(s, "required", required)
		}
		if len(props.Content) > 0 {
			g.set(s, "properties", props)
		}
		return s
	case catalog.KindArray:
		s := yamlnode.Map()
		g.set(s, "type", g.word("array"))
		g.set(s, "minItems", yamlnode.Int(1))
		g.set(s, "maxItems", yamlnode.Int(1))
		g.set(s, "items", g.shapeNode(n.Elem, e, hasCode))
		return s
	case catalog.KindLiteral:
		return g.literalSchema(n.Literal)
	}
	// an array's items, since a body is a mapping (the catalog requires
	// it): placed, never changed, so it may be a shared schema (nodes.go)
	s, _ := g.shapeMember(n, e, hasCode)
	return s
}

// shapeMember is the schema of a member's value in e's bodies, and whether
// e always writes the member.
func (g *generator) shapeMember(v *catalog.Node, e *catalog.Error, hasCode bool) (*yaml.Node, bool) {
	if v.Kind != catalog.KindRef {
		return g.shapeNode(v, e, hasCode), true
	}
	p, always := g.refPin(v.Ref, e, hasCode)
	if p == nil {
		p = g.unpinned(v, e.Envelope)
	}
	return p, always || !v.Ref.Optional
}

// refPin is the schema of a reference in e's bodies when e pins or types it,
// or nil; always reports that e writes the member even where the envelope
// marks it optional.
func (g *generator) refPin(r catalog.Ref, e *catalog.Error, hasCode bool) (s *yaml.Node, always bool) {
	enum := func(v *yaml.Node) *yaml.Node {
		s := g.refSchema(r, nil)
		g.set(s, "enum", yamlnode.Seq(v))
		return s
	}
	switch r.Name {
	case catalog.RefCode:
		// type string, which generators need to type the member, and the
		// code; the envelope's description (codeDescription) does not
		// apply to one error
		s := sizedMap(2)
		g.set(s, "type", g.word("string"))
		g.set(s, "enum", yamlnode.Seq(yamlnode.Str(e.Code)))
		return s, true
	case catalog.RefTitle:
		if !hasCode {
			// without a code, status and title tell errors apart
			return enum(yamlnode.Str(e.Title)), true
		}
	case catalog.RefStatus, catalog.RefStatusText:
		return g.statusPin(r, e.Status), true
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
			return g.detailMemberSchema(r, []*catalog.Error{e}, false), d.Required
		}
	}
	return nil, false
}

// restDetails are e's details that the envelope does not place by name.
func restDetails(e *catalog.Error) []*catalog.Detail {
	named := e.Envelope.NamedDetails()
	var rest []*catalog.Detail
	for _, d := range e.Details {
		if !slices.Contains(named, d.Name) {
			rest = append(rest, d)
		}
	}
	return rest
}

// spreadDetails adds the members a spread writes for e to an object schema's
// properties and required list.
func (g *generator) spreadDetails(e *catalog.Error, props, required *yaml.Node) {
	for _, d := range restDetails(e) {
		g.set(props, d.Name, g.detailProperty(d))
		if d.Required {
			required.Content = append(required.Content, g.word(d.Name))
		}
	}
}

// wholeDetails is the schema of what a whole $details holds for e, and
// whether it always has members: the <Name>Details schema, or, when the
// envelope places some details by name, the others, inline; nil when
// nothing is left.
func (g *generator) wholeDetails(e *catalog.Error) (*yaml.Node, bool) {
	rest := restDetails(e)
	required := yamlnode.Seq()
	for _, d := range rest {
		if d.Required {
			required.Content = append(required.Content, g.word(d.Name))
		}
	}
	switch {
	case len(rest) == 0:
		return nil, false
	case len(rest) == len(e.Details):
		return refTo("#/components/schemas/" + g.c.OpenAPI.Prefix + names.DetailsSchema(e)), len(required.Content) > 0
	}
	s := yamlnode.Map()
	g.set(s, "type", g.word("object"))
	if len(required.Content) > 0 {
		g.set(s, "required", required)
	}
	props := yamlnode.Map()
	for _, d := range rest {
		g.set(props, d.Name, g.detailProperty(d))
	}
	g.set(s, "properties", props)
	return s, len(required.Content) > 0
}
