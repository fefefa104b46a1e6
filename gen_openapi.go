package errgen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// The document is built as an ordered YAML node tree rather than with
// kin-openapi's types: kin-openapi keeps properties, examples and every other
// map in Go maps, so its output would list envelope members and details in
// alphabetical order and examples would no longer read as the bytes the Go
// code writes. Tests load and validate every document with kin-openapi.

// emitOpenAPI writes the OpenAPI components document.
func emitOpenAPI(c *catalog.Catalog, opts Options) ([]byte, error) {
	g, err := newOpenAPIGen(c, c.OpenAPI.Version)
	if err != nil {
		return nil, err
	}
	comps, err := g.components()
	if err != nil {
		return nil, err
	}
	info := oaMap()
	oaSet(info, "title", oaStr(c.API+" errors"))
	if d := strings.TrimSpace(c.Description); d != "" {
		oaSet(info, "description", oaStr(d))
	}
	oaSet(info, "version", oaStr("1"))
	doc := oaMap()
	oaSet(doc, "openapi", oaStr(c.OpenAPI.Version))
	oaSet(doc, "info", info)
	// "/" is what OpenAPI assumes without servers; spelling it out keeps
	// linters that require servers (Redocly's recommended rules) quiet.
	server := oaMap()
	oaSet(server, "url", oaStr("/"))
	oaSet(doc, "servers", oaSeq(server))
	oaSet(doc, "paths", oaMap())
	oaSet(doc, "components", comps)
	// about what each error adds to the document, to size its buffer once
	const sizeHint = 1 << 10
	return writeYAMLAfter("# "+Header+"\n", doc, sizeHint*len(c.Errors))
}

// defaultResponseName names the response attached as each operation's
// "default" when openapi.default_response is set. No status has this reason
// phrase, so it cannot clash with a per-status response.
const defaultResponseName = "Default"

// responseName names the response of a status by its reason phrase:
// 429 → TooManyRequests.
func responseName(status int) string {
	var b strings.Builder
	for _, r := range http.StatusText(status) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Status" + strconv.Itoa(status)
	}
	return b.String()
}

// detailsSchemaName names the schema of an error's details.
func detailsSchemaName(e *catalog.Error) string { return e.Name + "Details" }

// presetSchemaNames spell the presets' names as Go would (catalog.GoName
// knows no OAuth or JSON:API initialism).
var presetSchemaNames = map[string]string{
	"problem": "Problem", "flat": "Flat", "jsonapi": "JSONAPI", "nested": "Nested", "oauth2": "OAuth2",
}

// openAPIGen builds the components of one catalog for one OpenAPI version.
type openAPIGen struct {
	c        *catalog.Catalog
	v31      bool                                   // 3.1 dialect: type arrays for null, "examples" in schemas
	envNames map[*catalog.Envelope]string           // schema name of each envelope in use
	users    map[*catalog.Envelope][]*catalog.Error // errors written in each envelope, catalog order
}

func newOpenAPIGen(c *catalog.Catalog, version string) (*openAPIGen, error) {
	g := &openAPIGen{c: c, envNames: map[*catalog.Envelope]string{}, users: map[*catalog.Envelope][]*catalog.Error{}}
	switch {
	case strings.HasPrefix(version, "3.0"):
	case strings.HasPrefix(version, "3.1"):
		g.v31 = true
	default:
		return nil, fmt.Errorf("OpenAPI version %q is not supported; use 3.0.x or 3.1.x", version)
	}
	for i, env := range c.Envelopes {
		name := "Error"
		if i > 0 {
			prefix, ok := presetSchemaNames[env.Name]
			if !ok {
				prefix = catalog.GoName(env.Name)
			}
			name = prefix + "Error"
		}
		g.envNames[env] = c.OpenAPI.Prefix + name
	}
	for _, e := range c.Errors {
		g.users[e.Format] = append(g.users[e.Format], e)
	}
	return g, nil
}

// components returns the components object: schemas, then responses.
func (g *openAPIGen) components() (*yaml.Node, error) {
	schemas := oaMap()
	for _, env := range g.c.Envelopes {
		oaSet(schemas, g.envNames[env], g.envelopeSchema(env))
	}
	oaSet(schemas, g.c.OpenAPI.Prefix+"ErrorCode", g.codeSchema())
	for _, e := range g.c.Errors {
		if len(e.Details) == 0 {
			continue
		}
		s, err := g.detailsSchema(e)
		if err != nil {
			return nil, err
		}
		oaSet(schemas, g.c.OpenAPI.Prefix+detailsSchemaName(e), s)
	}
	responses := oaMap()
	for _, status := range g.statuses() {
		r, err := g.statusResponse(status)
		if err != nil {
			return nil, err
		}
		oaSet(responses, g.c.OpenAPI.Prefix+responseName(status), r)
	}
	if g.c.OpenAPI.DefaultResponse {
		r, err := g.defaultResponse()
		if err != nil {
			return nil, err
		}
		oaSet(responses, g.c.OpenAPI.Prefix+defaultResponseName, r)
	}
	comps := oaMap()
	oaSet(comps, "schemas", schemas)
	oaSet(comps, "responses", responses)
	return comps, nil
}

// statuses lists the statuses in use, ascending.
func (g *openAPIGen) statuses() []int {
	var list []int
	seen := map[int]bool{}
	for _, e := range g.c.Errors {
		if !seen[e.Status] {
			seen[e.Status] = true
			list = append(list, e.Status)
		}
	}
	slices.Sort(list)
	return list
}

func (g *openAPIGen) codeSchema() *yaml.Node {
	s := oaMap()
	oaSet(s, "type", oaStr("string"))
	oaSet(s, "description", oaStr(fmt.Sprintf("The error codes of %s. Codes are stable and never reused, "+
		"but new ones may be added: handle a code you do not know by its HTTP status.", g.c.API)))
	enum := oaSeq()
	for _, e := range g.c.Errors {
		enum.Content = append(enum.Content, oaStr(e.Code))
	}
	oaSet(s, "enum", enum)
	return s
}

// envelopeSchema describes every body the envelope can produce.
func (g *openAPIGen) envelopeSchema(env *catalog.Envelope) *yaml.Node {
	s := g.nodeSchema(env.Body, g.users[env])
	desc := fmt.Sprintf("The error envelope of %s (%s).", g.c.API, env.MediaType)
	if env != g.c.Format {
		codes := make([]string, len(g.users[env]))
		for i, e := range g.users[env] {
			codes[i] = "`" + e.Code + "`"
		}
		desc = fmt.Sprintf("The %s error envelope (%s), used by %s.", env.Name, env.MediaType, strings.Join(codes, ", "))
	}
	oaInsert(s, 1, "description", oaStr(desc))
	return s
}

// nodeSchema walks an envelope template. users are the errors written in it,
// which decide the types of $details.NAME members.
func (g *openAPIGen) nodeSchema(n *catalog.Node, users []*catalog.Error) *yaml.Node {
	switch n.Kind {
	case catalog.KindObject:
		s := oaMap()
		oaSet(s, "type", oaStr("object"))
		props := oaMap()
		required := oaSeq()
		spread := false
		for _, m := range n.Members {
			if m.Spread {
				spread = true
				continue
			}
			oaSet(props, m.Key, g.nodeSchema(m.Value, users))
			// a member is always written unless it is an optional reference
			if m.Value.Kind != catalog.KindRef || !m.Value.Ref.Optional {
				required.Content = append(required.Content, oaStr(m.Key))
			}
		}
		if len(required.Content) > 0 {
			oaSet(s, "required", required)
		}
		if len(props.Content) > 0 {
			oaSet(s, "properties", props)
		}
		if spread {
			// the details' members are written next to the envelope's own
			oaSet(s, "additionalProperties", oaBool(true))
		}
		return s
	case catalog.KindArray:
		s := oaMap()
		oaSet(s, "type", oaStr("array"))
		oaSet(s, "minItems", oaInt(1))
		oaSet(s, "maxItems", oaInt(1))
		oaSet(s, "items", g.nodeSchema(n.Elem, users))
		return s
	case catalog.KindLiteral:
		return g.literalSchema(n.Literal)
	}
	return g.refSchema(n.Ref, users)
}

// literalSchema pins a literal member (e.g. "ok": false) to its value.
func (g *openAPIGen) literalSchema(lit []byte) *yaml.Node {
	v, err := jsonToYAMLNode(lit)
	if err != nil || v.Kind != yaml.ScalarNode {
		return oaMap() // compileNode only makes scalar literals
	}
	s := oaMap()
	switch v.Tag {
	case "!!null":
		if g.v31 {
			oaSet(s, "type", oaStr("null"))
			return s
		}
		oaSet(s, "nullable", oaBool(true))
	case "!!str":
		oaSet(s, "type", oaStr("string"))
	case "!!int":
		oaSet(s, "type", oaStr("integer"))
	case "!!float":
		oaSet(s, "type", oaStr("number"))
	case "!!bool":
		oaSet(s, "type", oaStr("boolean"))
	}
	oaSet(s, "enum", oaSeq(v))
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

func (g *openAPIGen) refSchema(r catalog.Ref, users []*catalog.Error) *yaml.Node {
	switch r.Name {
	case catalog.RefCode:
		// Not a $ref to the ErrorCode enum: a client generated from a closed
		// enum would reject the codes added after it, and a 10,000-code enum
		// in every shape makes validating a response slow.
		s := oaMap()
		oaSet(s, "type", oaStr("string"))
		oaSet(s, "description", oaStr("A stable, machine-readable code: one of ErrorCode. New codes may be added."))
		return s
	case catalog.RefDetails:
		if r.Arg != "" {
			return g.detailMemberSchema(r, users)
		}
		s := oaMap()
		oaSet(s, "type", oaStr("object"))
		oaSet(s, "description", oaStr(refDescriptions[r.Name]))
		return s
	}
	s := oaMap()
	typ := "string"
	if r.Name == catalog.RefStatus {
		typ = "integer"
	}
	oaSet(s, "type", oaStr(typ))
	desc := refDescriptions[r.Name]
	if r.Name == catalog.RefMeta {
		desc = fmt.Sprintf("The error's %s.", r.Arg)
	}
	oaSet(s, "description", oaStr(desc))
	return s
}

// detailMemberSchema types a $details.NAME member from the errors that have
// the detail. It may be null when some error lacks the detail (or leaves an
// optional one empty) and the member is not optional, or when a required
// list, map or object detail is nil in Go.
func (g *openAPIGen) detailMemberSchema(r catalog.Ref, users []*catalog.Error) *yaml.Node {
	var typ catalog.DetailType
	mixed, nullable := false, false
	desc := ""
	for _, e := range users {
		d := e.Detail(r.Arg)
		if d == nil {
			nullable = nullable || !r.Optional
			continue
		}
		if typ == "" {
			typ, desc = d.Type, d.Description
		} else if typ != d.Type {
			mixed = true
		}
		nullable = nullable || detailNullable(d, r.Optional)
	}
	if desc == "" {
		desc = fmt.Sprintf("The %s detail of the error.", r.Arg)
	}
	if mixed || typ == "" {
		s := oaMap()
		oaSet(s, "description", oaStr(desc+" Its type depends on the error code."))
		return s
	}
	s := g.typeSchema(typ, nullable)
	oaInsert(s, 1, "description", oaStr(desc))
	return s
}

// detailNullable reports whether a $details.NAME member for d can be null:
// a required list, map or object is null when nil (it has no omitempty); an
// optional detail left empty is null unless the member is optional too.
func detailNullable(d *catalog.Detail, optionalMember bool) bool {
	if d.Required {
		return !d.Type.Scalar()
	}
	return !optionalMember
}

// typeSchema is the schema of a detail type.
func (g *openAPIGen) typeSchema(t catalog.DetailType, nullable bool) *yaml.Node {
	s := oaMap()
	base := "string"
	switch t {
	case catalog.TypeInteger:
		base = "integer"
	case catalog.TypeNumber:
		base = "number"
	case catalog.TypeBoolean:
		base = "boolean"
	case catalog.TypeStrings:
		base = "array"
	case catalog.TypeStringMap, catalog.TypeObject:
		base = "object"
	}
	switch {
	case nullable && g.v31:
		types := oaSeq(oaStr(base), oaStr("null"))
		types.Style = yaml.FlowStyle
		oaSet(s, "type", types)
	case nullable:
		oaSet(s, "type", oaStr(base))
		oaSet(s, "nullable", oaBool(true))
	default:
		oaSet(s, "type", oaStr(base))
	}
	switch t {
	case catalog.TypeStrings:
		items := oaMap()
		oaSet(items, "type", oaStr("string"))
		oaSet(s, "items", items)
	case catalog.TypeStringMap:
		values := oaMap()
		oaSet(values, "type", oaStr("string"))
		oaSet(s, "additionalProperties", values)
	}
	return s
}

// detailsSchema describes <Name>Details, the details object as the generated
// struct marshals it.
func (g *openAPIGen) detailsSchema(e *catalog.Error) (*yaml.Node, error) {
	s := oaMap()
	oaSet(s, "type", oaStr("object"))
	oaSet(s, "description", oaStr(fmt.Sprintf("Details of `%s` errors.", e.Code)))
	required := oaSeq()
	props := oaMap()
	for _, d := range e.Details {
		if d.Required {
			required.Content = append(required.Content, oaStr(d.Name))
		}
		p := g.typeSchema(d.Type, d.Required && !d.Type.Scalar())
		if d.Description != "" {
			oaInsert(p, 1, "description", oaStr(d.Description))
		}
		if d.Example != nil {
			ex, err := detailExampleNode(d)
			if err != nil {
				return nil, fmt.Errorf("error %s: detail %s: example: %w", e.Code, d.Name, err)
			}
			if g.v31 {
				oaSet(p, "examples", oaSeq(ex))
			} else {
				oaSet(p, "example", ex)
			}
		}
		oaSet(props, d.Name, p)
	}
	if len(required.Content) > 0 {
		oaSet(s, "required", required)
	}
	oaSet(s, "properties", props)
	return s, nil
}

// detailExampleNode converts a catalog example to YAML: an object keeps
// its members' order, a map is sorted as encoding/json writes it.
func detailExampleNode(d *catalog.Detail) (*yaml.Node, error) {
	if x, ok := d.Example.(catalog.ExampleJSON); ok {
		return jsonToYAMLNode(x)
	}
	raw, err := json.Marshal(d.Example)
	if err != nil {
		return nil, err
	}
	return jsonToYAMLNode(raw)
}

// statusResponse is the response of one status: one shape per code, pinned
// so that exactly one matches a body, and one example per code.
func (g *openAPIGen) statusResponse(status int) (*yaml.Node, error) {
	var errs []*catalog.Error
	for _, e := range g.c.Errors {
		if e.Status == status {
			errs = append(errs, e)
		}
	}
	r := oaMap()
	oaSet(r, "description", oaStr(responseDescription(status, errs)))
	if h := g.headers(errs); h != nil {
		oaSet(r, "headers", h)
	}
	titles := map[string]int{} // how many errors of the status have each title
	for _, e := range errs {
		titles[e.Title]++
	}
	content := oaMap()
	for _, mt := range mediaTypesOf(errs) {
		var group []*catalog.Error
		for _, e := range errs {
			if e.Format.MediaType == mt {
				group = append(group, e)
			}
		}
		var schema *yaml.Node
		if len(group) == 1 {
			schema = g.shape(group[0])
		} else {
			alts := oaSeq()
			for _, e := range group {
				alts.Content = append(alts.Content, g.shape(e))
			}
			schema = oaMap()
			oaSet(schema, "oneOf", alts)
		}
		examples := oaMap()
		for _, e := range group {
			ex, err := g.example(e, len(errs), titles)
			if err != nil {
				return nil, err
			}
			oaSet(examples, e.Code, ex)
		}
		media := oaMap()
		oaSet(media, "schema", schema)
		oaSet(media, "examples", examples)
		oaSet(content, mt, media)
	}
	oaSet(r, "content", content)
	return r, nil
}

// defaultResponse stands for any error an operation does not list: the
// envelope with any code, and the fallback error as its example.
func (g *openAPIGen) defaultResponse() (*yaml.Node, error) {
	fb := g.c.Fallback
	r := oaMap()
	oaSet(r, "description", oaStr(fmt.Sprintf("Any other error. An error the service does not know is answered as `%s` (%d %s).",
		fb.Code, fb.Status, http.StatusText(fb.Status))))
	content := oaMap()
	var mts []string
	for _, env := range g.c.Envelopes {
		if !slices.Contains(mts, env.MediaType) {
			mts = append(mts, env.MediaType)
		}
	}
	for _, mt := range mts {
		var refs []*yaml.Node
		for _, env := range g.c.Envelopes {
			if env.MediaType == mt {
				refs = append(refs, oaRef("#/components/schemas/"+g.envNames[env]))
			}
		}
		schema := refs[0]
		if len(refs) > 1 {
			schema = oaMap()
			oaSet(schema, "oneOf", oaSeq(refs...))
		}
		media := oaMap()
		oaSet(media, "schema", schema)
		if fb.Format.MediaType == mt {
			ex, err := g.example(fb, 1, map[string]int{fb.Title: 1})
			if err != nil {
				return nil, err
			}
			examples := oaMap()
			oaSet(examples, fb.Code, ex)
			oaSet(media, "examples", examples)
		}
		oaSet(content, mt, media)
	}
	oaSet(r, "content", content)
	return r, nil
}

func mediaTypesOf(errs []*catalog.Error) []string {
	var mts []string
	for _, e := range errs {
		if !slices.Contains(mts, e.Format.MediaType) {
			mts = append(mts, e.Format.MediaType)
		}
	}
	return mts
}

// responseDescription describes a lone error by its own description, and
// several by a list of codes, each linked to its docs.
func responseDescription(status int, errs []*catalog.Error) string {
	if len(errs) == 1 {
		return errorDescription(errs[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: one of these errors.\n", http.StatusText(status))
	for _, e := range errs {
		code := "`" + e.Code + "`"
		if e.DocsLink != "" {
			code = "[" + code + "](" + e.DocsLink + ")"
		}
		b.WriteString("\n- " + code)
		if e.Title != http.StatusText(status) {
			b.WriteString(": " + e.Title)
		}
	}
	return b.String()
}

// errorDescription is the error's description (or title) and its docs link.
func errorDescription(e *catalog.Error) string {
	d := strings.TrimSpace(e.Description)
	if d == "" {
		d = e.Title
	}
	if e.DocsLink != "" {
		d += "\n\nDocumentation: <" + e.DocsLink + ">"
	}
	return d
}

// example is the named example of one error: the exact body the generated
// Go code writes for it, with its members in the same order. peers is the
// number of errors of the same response, e's among them, and titles how many
// of them have each title: with several, each example says which error it
// is, by title unless titles repeat (most default to the reason phrase).
func (g *openAPIGen) example(e *catalog.Error, peers int, titles map[string]int) (*yaml.Node, error) {
	body, err := example.Body(e)
	if err != nil {
		return nil, fmt.Errorf("error %s: example: %w", e.Code, err)
	}
	value, err := jsonToYAMLNode(body)
	if err != nil {
		return nil, fmt.Errorf("error %s: example: %w", e.Code, err)
	}
	ex := oaMap()
	summary := e.Title
	if titles[e.Title] > 1 {
		summary = e.Code
	}
	oaSet(ex, "summary", oaStr(summary))
	if peers > 1 {
		oaSet(ex, "description", oaStr(errorDescription(e)))
	}
	oaSet(ex, "value", value)
	return ex, nil
}

// shape is the schema of one error's bodies: its envelope, with the members
// that tell errors apart pinned to this error's values and its details typed.
func (g *openAPIGen) shape(e *catalog.Error) *yaml.Node {
	env := oaRef("#/components/schemas/" + g.envNames[e.Format])
	pin := g.pin(e.Format.Body, e, e.Format.Has(catalog.RefCode), true)
	all := oaSeq(env)
	if pin != nil {
		// the details of a spread join the envelope's allOf rather than nest
		if inner := oaGet(pin, "allOf"); inner != nil {
			all.Content = append(all.Content, inner.Content...)
			pin.Content = pin.Content[2:] // allOf is always the pin's first member
		}
		if len(pin.Content) > 0 {
			all.Content = append(all.Content, pin)
		}
	}
	s := oaMap()
	oaSet(s, "title", oaStr(e.Code))
	oaSet(s, "allOf", all)
	return s
}

// pin returns the constraints one error adds to the envelope's schema at n,
// or nil when it adds none. top is true for the body itself.
func (g *openAPIGen) pin(n *catalog.Node, e *catalog.Error, hasCode, top bool) *yaml.Node {
	switch n.Kind {
	case catalog.KindObject:
		props := oaMap()
		required := oaSeq()
		var allOf *yaml.Node
		for _, m := range n.Members {
			if m.Spread {
				if len(e.Details) > 0 {
					allOf = oaSeq(oaRef("#/components/schemas/" + g.c.OpenAPI.Prefix + detailsSchemaName(e)))
				}
				continue
			}
			var p *yaml.Node
			if m.Value.Kind == catalog.KindRef {
				var req bool
				p, req = g.refPin(m.Value.Ref, e, hasCode)
				if req && m.Value.Ref.Optional {
					required.Content = append(required.Content, oaStr(m.Key))
				}
			} else {
				p = g.pin(m.Value, e, hasCode, false)
			}
			if p != nil {
				oaSet(props, m.Key, p)
			}
		}
		if allOf == nil && len(props.Content) == 0 && len(required.Content) == 0 {
			return nil
		}
		s := oaMap()
		if allOf != nil {
			oaSet(s, "allOf", allOf)
		}
		if len(required.Content) > 0 {
			oaSet(s, "required", required)
		}
		if len(props.Content) > 0 {
			oaSet(s, "properties", props)
		}
		if !top {
			// The default, spelled out: example linters such as Redocly's
			// take a nested object schema without it as closed, and this one
			// lists only the members it pins.
			oaSet(s, "additionalProperties", oaBool(true))
		}
		return s
	case catalog.KindArray:
		p := g.pin(n.Elem, e, hasCode, false)
		if p == nil {
			return nil
		}
		s := oaMap()
		oaSet(s, "items", p)
		return s
	case catalog.KindRef:
		p, _ := g.refPin(n.Ref, e, hasCode)
		return p
	}
	return nil
}

// refPin pins a reference for error e; required reports that e always
// writes the member even where the envelope marks it optional.
func (g *openAPIGen) refPin(r catalog.Ref, e *catalog.Error, hasCode bool) (s *yaml.Node, required bool) {
	enum := func(v *yaml.Node) *yaml.Node {
		s := oaMap()
		oaSet(s, "enum", oaSeq(v))
		return s
	}
	switch r.Name {
	case catalog.RefCode:
		return enum(oaStr(e.Code)), true
	case catalog.RefTitle:
		if !hasCode {
			// without a code, status and title tell errors apart
			return enum(oaStr(e.Title)), true
		}
	case catalog.RefStatus:
		return enum(oaInt(e.Status)), true
	case catalog.RefStatusText:
		return enum(oaStr(strconv.Itoa(e.Status))), true
	case catalog.RefType:
		if e.TypeURI != "" {
			return enum(oaStr(e.TypeURI)), true
		}
	case catalog.RefMeta:
		if v := e.MetaValue(r.Arg); v != "" {
			return enum(oaStr(v)), true
		}
	case catalog.RefDetails:
		if r.Arg == "" {
			if len(e.Details) == 0 {
				return nil, false
			}
			return oaRef("#/components/schemas/" + g.c.OpenAPI.Prefix + detailsSchemaName(e)), len(e.RequiredDetails()) > 0
		}
		if d := e.Detail(r.Arg); d != nil {
			return g.typeSchema(d.Type, detailNullable(d, r.Optional)), d.Required
		}
	}
	return nil, false
}

// headers describes the response headers of a status's errors: the
// catalog's headers and WWW-Authenticate for challenges, in order of first
// use. A header is required when every error of the status always sets it
// (the Go code skips a header whose value renders empty).
func (g *openAPIGen) headers(errs []*catalog.Error) *yaml.Node {
	type use struct {
		e *catalog.Error
		h *catalog.Header // nil for WWW-Authenticate
	}
	var names []string
	uses := map[string][]use{}
	for _, e := range errs {
		for _, h := range e.Headers {
			if uses[h.Name] == nil {
				names = append(names, h.Name)
			}
			uses[h.Name] = append(uses[h.Name], use{e, h})
		}
		if e.Challenge != "" {
			const name = "WWW-Authenticate"
			if uses[name] == nil {
				names = append(names, name)
			}
			uses[name] = append(uses[name], use{e, nil})
		}
	}
	if len(names) == 0 {
		return nil
	}
	out := oaMap()
	for _, name := range names {
		us := uses[name]
		integer, always := true, len(us) == len(errs)
		var values []string
		desc := ""
		for _, u := range us {
			var v string
			if u.h == nil {
				v = u.e.Challenge
				integer = false
				desc = "The authentication scheme the client must use (RFC 9110, section 11.6.1)."
			} else {
				d := singleDetail(u.e, u.h.Value)
				integer = integer && d != nil && d.Type == catalog.TypeInteger
				always = always && neverEmpty(u.e, u.h.Value)
				if desc == "" && d != nil {
					desc = d.Description
				}
				in, err := example.New(u.e)
				if err == nil {
					v, err = example.Fill(u.h.Value, in.Details)
				}
				if err != nil {
					v = ""
				}
			}
			if !slices.Contains(values, v) {
				values = append(values, v)
			}
		}
		codes := make([]string, len(us))
		for i, u := range us {
			codes[i] = "`" + u.e.Code + "`"
		}
		if desc == "" {
			desc = "Set by " + strings.Join(codes, ", ") + "."
		} else if len(us) < len(errs) {
			desc += " Set by " + strings.Join(codes, ", ") + "."
		}
		h := oaMap()
		oaSet(h, "description", oaStr(desc))
		if always {
			oaSet(h, "required", oaBool(true))
		}
		schema := oaMap()
		typ := "string"
		if integer {
			typ = "integer"
		}
		oaSet(schema, "type", oaStr(typ))
		oaSet(h, "schema", schema)
		if len(values) == 1 && values[0] != "" {
			ex := oaStr(values[0])
			if integer {
				if n, err := strconv.Atoi(values[0]); err == nil {
					ex = oaInt(n)
				}
			}
			oaSet(h, "example", ex)
		}
		oaSet(out, name, h)
	}
	return out
}

// neverEmpty reports whether a header template always renders to a
// non-empty value: it has literal text, or a placeholder of a type whose
// text is never empty (placeholders only name required details).
func neverEmpty(e *catalog.Error, t *catalog.Template) bool {
	for _, p := range t.Parts {
		if p.Detail == "" && p.Literal != "" {
			return true
		}
		if d := e.Detail(p.Detail); d != nil && d.Type != catalog.TypeString {
			return true
		}
	}
	return false
}

// singleDetail returns the detail a template consists of, as in
// "{retryAfter}", or nil when the template has anything else.
func singleDetail(e *catalog.Error, t *catalog.Template) *catalog.Detail {
	if len(t.Parts) != 1 || t.Parts[0].Detail == "" {
		return nil
	}
	return e.Detail(t.Parts[0].Detail)
}

// YAML node construction. Nodes are created with explicit tags, so that the
// encoder quotes strings that would otherwise read as numbers or booleans.

func oaMap() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

func oaSeq(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
}

func oaStr(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func oaInt(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

func oaBool(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func oaRef(ref string) *yaml.Node {
	m := oaMap()
	oaSet(m, "$ref", oaStr(ref))
	return m
}

// oaSet appends a member to a mapping; callers never set a key twice.
func oaSet(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, oaStr(key), v)
}

// oaInsert inserts a member as the i-th of a mapping.
func oaInsert(m *yaml.Node, i int, key string, v *yaml.Node) {
	i = min(2*i, len(m.Content))
	m.Content = append(m.Content[:i], append([]*yaml.Node{oaStr(key), v}, m.Content[i:]...)...)
}

// oaGet returns the value of a mapping's member, or nil.
func oaGet(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func encodeYAML(n *yaml.Node, indent int) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(indent)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// jsonToYAMLNode converts JSON to a YAML node, keeping member order and the
// exact text of numbers.
func jsonToYAMLNode(data []byte) (*yaml.Node, error) {
	if json.Valid(data) {
		// Every example goes through here: reading valid JSON directly
		// costs a fraction of json.Decoder's Token.
		r := jsonNodeReader{data: data}
		return r.value()
	}
	// Invalid JSON: the decoder says what is wrong with it.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readJSONNode(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return n, nil
}

func readJSONNode(dec *json.Decoder) (*yaml.Node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		var n *yaml.Node
		if t == '{' {
			n = oaMap()
		} else {
			n = oaSeq()
		}
		for dec.More() {
			if t == '{' {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, oaStr(k.(string)))
			}
			v, err := readJSONNode(dec)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
		return n, nil
	case string:
		return oaStr(t), nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(string(t), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: string(t)}, nil
	case bool:
		return oaBool(t), nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
}

// jsonNodeReader reads JSON that json.Valid accepted into the nodes that
// readJSONNode makes of it.
type jsonNodeReader struct {
	data []byte
	pos  int
}

func (r *jsonNodeReader) skipSpace() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// next skips blanks and returns the next byte, which it consumes.
func (r *jsonNodeReader) next() byte {
	r.skipSpace()
	c := r.data[r.pos]
	r.pos++
	return c
}

func (r *jsonNodeReader) value() (*yaml.Node, error) {
	r.skipSpace()
	switch c := r.data[r.pos]; c {
	case '{', '[':
		r.pos++
		var n *yaml.Node
		if c == '{' {
			n = oaMap()
		} else {
			n = oaSeq()
		}
		r.skipSpace()
		if r.data[r.pos] == '}' || r.data[r.pos] == ']' {
			r.pos++
			return n, nil
		}
		for {
			if c == '{' {
				r.skipSpace()
				k, err := r.string()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, oaStr(k))
				r.next() // ':'
			}
			v, err := r.value()
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
			if r.next() != ',' { // else '}' or ']'
				return n, nil
			}
		}
	case '"':
		s, err := r.string()
		if err != nil {
			return nil, err
		}
		return oaStr(s), nil
	case 't':
		r.pos += len("true")
		return oaBool(true), nil
	case 'f':
		r.pos += len("false")
		return oaBool(false), nil
	case 'n':
		r.pos += len("null")
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	start := r.pos
	for r.pos < len(r.data) && strings.IndexByte("+-0123456789.eE", r.data[r.pos]) >= 0 {
		r.pos++
	}
	num := string(r.data[start:r.pos])
	tag := "!!int"
	if strings.ContainsAny(num, ".eE") {
		tag = "!!float"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: num}, nil
}

// string reads a string: as it is when it has no escape and is valid UTF-8,
// else decoded by encoding/json.
func (r *jsonNodeReader) string() (string, error) {
	start := r.pos
	r.pos++ // '"'
	plain := true
	for {
		c := r.data[r.pos]
		if c == '"' {
			r.pos++
			break
		}
		if c == '\\' {
			plain = false
			r.pos++
		} else if c >= utf8.RuneSelf {
			plain = false
		}
		r.pos++
	}
	raw := r.data[start:r.pos]
	if plain {
		return string(raw[1 : len(raw)-1]), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

// writeJSONNode writes a YAML node as JSON: indented by indent per level
// ("" for compact), members in node order.
func writeJSONNode(b *bytes.Buffer, n *yaml.Node, indent string, level int, escapeHTML bool) error {
	newline := func(l int) {
		if indent != "" {
			b.WriteByte('\n')
			b.WriteString(strings.Repeat(indent, l))
		}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			b.WriteString("null")
			return nil
		}
		return writeJSONNode(b, n.Content[0], indent, level, escapeHTML)
	case yaml.AliasNode:
		return writeJSONNode(b, n.Alias, indent, level, escapeHTML)
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(level + 1)
			writeJSONString(b, n.Content[i].Value, escapeHTML)
			b.WriteByte(':')
			if indent != "" {
				b.WriteByte(' ')
			}
			if err := writeJSONNode(b, n.Content[i+1], indent, level+1, escapeHTML); err != nil {
				return err
			}
		}
		newline(level)
		b.WriteByte('}')
		return nil
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(level + 1)
			if err := writeJSONNode(b, item, indent, level+1, escapeHTML); err != nil {
				return err
			}
		}
		newline(level)
		b.WriteByte(']')
		return nil
	}
	switch n.ShortTag() {
	case "!!null":
		b.WriteString("null")
	case "!!bool", "!!int", "!!float":
		if json.Valid([]byte(n.Value)) {
			b.WriteString(n.Value)
			return nil
		}
		// YAML spellings JSON lacks (0x1F, .inf, yes): decode and re-encode
		var v any
		if err := n.Decode(&v); err != nil {
			return fmt.Errorf("line %d: %w", n.Line, err)
		}
		raw, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("line %d: %v has no JSON form", n.Line, n.Value)
		}
		b.Write(raw)
	default:
		writeJSONString(b, n.Value, escapeHTML)
	}
	return nil
}

func writeJSONString(b *bytes.Buffer, s string, escapeHTML bool) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	_ = enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}
