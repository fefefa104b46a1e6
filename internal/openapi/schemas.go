package openapi

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/internal/yamlnode"
)

// envelopeSchema describes every body the envelope can produce.
func (g *generator) envelopeSchema(env *catalog.Envelope) *yaml.Node {
	s := g.nodeSchema(env.Body, g.users[env])
	desc := fmt.Sprintf("The error envelope of %s (%s).", g.c.API, env.MediaType)
	if env != g.c.DefaultEnvelope {
		desc = fmt.Sprintf("The %s error envelope (%s), used by %s.", env.Name, env.MediaType, codeList(g.users[env]))
	}
	g.insert(s, 1, "description", yamlnode.Str(desc))
	return s
}

// nodeSchema walks an envelope template. users are the errors written in it,
// which decide the types of $details.NAME members.
func (g *generator) nodeSchema(n *catalog.Node, users []*catalog.Error) *yaml.Node {
	switch n.Kind {
	case catalog.KindObject:
		s := yamlnode.Map()
		g.set(s, "type", g.word("object"))
		props := yamlnode.Map()
		required := yamlnode.Seq()
		spread := false
		for _, m := range n.Members {
			if m.Spread {
				spread = true
				continue
			}
			g.set(props, m.Key, g.nodeSchema(m.Value, users))
			// a member is always written unless it is an optional reference
			if m.Value.Kind != catalog.KindRef || !m.Value.Ref.Optional {
				required.Content = append(required.Content, g.word(m.Key))
			}
		}
		if len(required.Content) > 0 {
			g.set(s, "required", required)
		}
		if len(props.Content) > 0 {
			g.set(s, "properties", props)
		}
		if spread {
			// the details' members are written next to the envelope's own
			g.set(s, "additionalProperties", g.truth())
		}
		return s
	case catalog.KindArray:
		s := yamlnode.Map()
		g.set(s, "type", g.word("array"))
		g.set(s, "minItems", yamlnode.Int(1))
		g.set(s, "maxItems", yamlnode.Int(1))
		g.set(s, "items", g.nodeSchema(n.Elem, users))
		return s
	case catalog.KindLiteral:
		return g.literalSchema(n.Literal)
	}
	return g.refSchema(n.Ref, users)
}

// literalSchema pins a literal member (e.g. "ok": false) to its value.
func (g *generator) literalSchema(lit []byte) *yaml.Node {
	v, err := yamlnode.FromJSON(lit)
	if err != nil || v.Kind != yaml.ScalarNode {
		return yamlnode.Map() // compileNode only makes scalar literals
	}
	s := sizedMap(3)
	switch v.Tag {
	case "!!null":
		if g.v31 {
			g.set(s, "type", g.word("null"))
			return s
		}
		// 3.0 has no null type, and nullable means nothing without a
		// type (Redocly's nullable-type-sibling, ajv): null, as a string
		// that may be null and is only null
		g.set(s, "type", g.word("string"))
		g.set(s, "nullable", g.truth())
	case "!!str":
		g.set(s, "type", g.word("string"))
	case "!!int":
		g.set(s, "type", g.word("integer"))
	case "!!float":
		g.set(s, "type", g.word("number"))
	case "!!bool":
		g.set(s, "type", g.word("boolean"))
	}
	g.set(s, "enum", yamlnode.Seq(v))
	return s
}

// refDescriptions say what each reference holds on the wire.
var refDescriptions = map[catalog.RefName]string{
	catalog.RefMessage:    "A human-readable message for developers. Its wording may change: branch on the code instead.",
	catalog.RefTitle:      "A short, human-readable summary of the error.",
	catalog.RefStatus:     "The HTTP status code of the response.",
	catalog.RefStatusText: "The HTTP status code of the response, as a string.",
	catalog.RefType:       "A URI reference that identifies the problem type.",
	catalog.RefDetails:    "Additional context; its members depend on the error code.",
	catalog.RefRequestID:  "The ID of the request; quote it when contacting support.",
	catalog.RefInstance:   "A URI reference that identifies this occurrence of the problem.",
	catalog.RefDocsURL:    "A link to the error's documentation.",
	catalog.RefCategory:   "The category of the error.",
}

// codelessMessageDescription replaces the message's description in an
// envelope without $code: its clients have no code to branch on, and tell
// errors apart by status and title, as Parse and the docs page do.
const codelessMessageDescription = "A human-readable message for developers. Its wording may change: branch on the status and the title instead."

// codeDescription describes the code member of an envelope or a status's
// body: it names the schema listing every code where the document has it.
func (g *generator) codeDescription() string {
	if g.codesSchema == "" {
		return "A stable, machine-readable code. New codes may be added."
	}
	return "A stable, machine-readable code: one of " + g.codesSchema + ". New codes may be added."
}

func (g *generator) refSchema(r catalog.Ref, users []*catalog.Error) *yaml.Node {
	switch r.Name {
	case catalog.RefCode:
		// Not a $ref to the ErrorCode enum: a client generated from a closed
		// enum would reject the codes added after it, and a 10,000-code enum
		// in every shape makes validating a response slow.
		s := sizedMap(3)
		g.set(s, "type", g.word("string"))
		g.set(s, "description", g.word(g.codeDescription()))
		return s
	case catalog.RefDetails:
		if r.Arg != "" {
			return g.detailMemberSchema(r, users, true)
		}
		s := sizedMap(3)
		g.set(s, "type", g.word("object"))
		g.set(s, "description", g.word(refDescriptions[r.Name]))
		g.set(s, "additionalProperties", g.truth())
		return s
	}
	s := sizedMap(3)
	typ := "string"
	if r.Name == catalog.RefStatus {
		typ = "integer"
	}
	g.set(s, "type", g.word(typ))
	desc := refDescriptions[r.Name]
	switch {
	case r.Name == catalog.RefMeta:
		desc = fmt.Sprintf("The error's %s.", r.Arg)
	case r.Name == catalog.RefMessage && len(users) > 0 && !users[0].Envelope.Has(catalog.RefCode):
		desc = codelessMessageDescription
	}
	g.set(s, "description", g.word(desc))
	return s
}

// typeSchema is the schema of a detail type. An any detail is any JSON
// value, null included: a schema without a type (nullable in 3.0).
func (g *generator) typeSchema(t catalog.DetailType, nullable bool) *yaml.Node {
	s := sizedMap(5)
	base := "string"
	switch t {
	case catalog.TypeInteger:
		base = "integer"
	case catalog.TypeNumber:
		base = "number"
	case catalog.TypeBoolean:
		base = "boolean"
	case catalog.TypeStrings, catalog.TypeObjects:
		base = "array"
	case catalog.TypeStringMap, catalog.TypeObject:
		base = "object"
	case catalog.TypeAny:
		// Any JSON value: no type at all in 3.1. A list of every type says
		// the same, but neither oapi-codegen nor ogen can read one. 3.0
		// needs null allowed somewhere, and nullable beside a type (see
		// anyValue30).
		if !g.v31 {
			return g.anyValue30(1)
		}
		return s
	}
	switch {
	case nullable && g.v31:
		types := yamlnode.Seq(g.word(base), g.word("null"))
		types.Style = yaml.FlowStyle
		g.set(s, "type", types)
	case nullable:
		g.set(s, "type", g.word(base))
		g.set(s, "nullable", g.truth())
	default:
		g.set(s, "type", g.word(base))
	}
	switch t {
	case catalog.TypeStrings, catalog.TypeObjects:
		items := sizedMap(3)
		g.set(items, "type", g.word(jsonItemType(t)))
		if t == catalog.TypeObjects {
			g.freeForm(items)
		}
		g.set(s, "items", items)
	case catalog.TypeStringMap:
		values := sizedMap(1)
		g.set(values, "type", g.word("string"))
		g.set(s, "additionalProperties", values)
	case catalog.TypeObject:
		g.freeForm(s)
	}
	return s
}

// freeForm says that an object schema takes any members: the default,
// spelt out, since generators such as ogen read an object schema without
// properties or additionalProperties as an empty struct.
func (g *generator) freeForm(s *yaml.Node) {
	g.set(s, "additionalProperties", g.truth())
}

// describe adds a description to a detail's schema, after its type.
func (g *generator) describe(s *yaml.Node, desc string) {
	i := 0
	if yamlnode.Get(s, "type") != nil {
		i = 1
	}
	g.insert(s, i, "description", g.word(desc))
}

// jsonItemType is the JSON type of an array detail's items.
func jsonItemType(t catalog.DetailType) string {
	if t == catalog.TypeObjects {
		return "object"
	}
	return "string"
}

// enumSchema adds an enum detail's values to its schema s (null among them
// when s is nullable, which JSON Schema's enum would otherwise refuse), and
// their descriptions as x-enumDescriptions, value to description, when one
// has a description.
func (g *generator) enumSchema(s *yaml.Node, values []catalog.EnumValue, nullable bool) {
	if len(values) == 0 {
		return
	}
	enum := yamlnode.Seq(make([]*yaml.Node, 0, len(values)+1)...)
	descs := yamlnode.Map()
	for _, v := range values {
		enum.Content = append(enum.Content, g.word(v.Value))
		if v.Description != "" {
			g.set(descs, v.Value, yamlnode.Str(v.Description))
		}
	}
	if nullable {
		enum.Content = append(enum.Content, yamlnode.Null())
	}
	g.set(s, "enum", enum)
	if len(descs.Content) > 0 {
		g.set(s, "x-enumDescriptions", descs)
	}
}

// detailsSchema describes <Name>Details, the details object as the generated
// struct marshals it.
func (g *generator) detailsSchema(e *catalog.Error) (*yaml.Node, error) {
	s := sizedMap(5)
	g.set(s, "type", g.word("object"))
	g.set(s, "description", yamlnode.Str(fmt.Sprintf("Details of `%s` errors.", e.Code)))
	if e.Deprecated != "" {
		g.set(s, "deprecated", g.truth())
	}
	required := yamlnode.Seq(make([]*yaml.Node, 0, len(e.Details))...)
	props := sizedMap(len(e.Details))
	for _, d := range e.Details {
		if d.Required {
			required.Content = append(required.Content, g.word(d.Name))
		}
		p := g.detailProperty(d)
		if err := g.setExample(p, d); err != nil {
			return nil, fmt.Errorf("error %s: detail %s: example: %w", e.Code, d.Name, err)
		}
		g.set(props, d.Name, p)
	}
	if len(required.Content) > 0 {
		g.set(s, "required", required)
	}
	g.set(s, "properties", props)
	return s, nil
}

// detailProperty is the schema of a detail as a member of its details
// object, without its example.
func (g *generator) detailProperty(d *catalog.Detail) *yaml.Node {
	p := g.typeSchema(d.Type, d.Required && nilIsNull(d.Type))
	if len(d.Fields) > 0 {
		obj := p
		if d.Type == catalog.TypeObjects {
			obj = yamlnode.Get(p, "items")
		}
		g.objectFields(obj, d.Fields)
	}
	if d.Description != "" {
		g.describe(p, d.Description)
	}
	g.enumSchema(p, d.Enum, false)
	return p
}

// objectFields gives the schema of an object with fields its properties
// and required members, nested objects alike. It stays open
// (additionalProperties: true): a field added later breaks no client.
func (g *generator) objectFields(obj *yaml.Node, fields []*catalog.Detail) {
	props, required := sizedMap(len(fields)), yamlnode.Seq(make([]*yaml.Node, 0, len(fields))...)
	for _, f := range fields {
		if f.Required {
			required.Content = append(required.Content, g.word(f.Name))
		}
		p := g.detailProperty(f)
		// It fails only on an example Load refuses (not JSON of its
		// type); detailsSchema reports such a failure for a detail.
		_ = g.setExample(p, f)
		g.set(props, f.Name, p)
	}
	if len(required.Content) > 0 {
		g.set(obj, "required", required)
	}
	g.set(obj, "properties", props)
}

// setExample gives the schema p of a detail or field its example, as the
// example bodies carry it (example.DetailJSON: its own, or one made of its
// fields' examples), when it has one: an object keeps its members' order, a
// map is sorted as encoding/json writes it.
func (g *generator) setExample(p *yaml.Node, d *catalog.Detail) error {
	raw, err := example.DetailJSON(d)
	if err != nil || raw == nil {
		return err
	}
	v, err := g.exampleValue(raw)
	if err != nil {
		return err
	}
	if g.v31 {
		g.set(p, "examples", v)
	} else {
		g.set(p, "example", v)
	}
	return nil
}

// anyValue30 is any JSON value in OpenAPI 3.0, null included: one branch
// per type, the object's nullable, since nullable without a type is
// meaningless in 3.0.3 (and Redocly and ajv-based tools refuse it). An
// array's items are any value too, nulls included, to depth arrays deep.
func (g *generator) anyValue30(depth int) *yaml.Node {
	branches := yamlnode.Seq()
	for _, t := range []string{"string", "number", "boolean", "array", "object"} {
		b := yamlnode.Map()
		g.set(b, "type", g.word(t))
		switch t {
		case "array":
			items := yamlnode.Map()
			if depth > 0 {
				items = g.anyValue30(depth - 1)
			}
			g.set(b, "items", items)
		case "object":
			g.freeForm(b)
			g.set(b, "nullable", g.truth())
		}
		branches.Content = append(branches.Content, b)
	}
	s := yamlnode.Map()
	g.set(s, "anyOf", branches)
	return s
}
