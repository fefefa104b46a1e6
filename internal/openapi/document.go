package openapi

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// Generate writes the OpenAPI components document of c, its first line the
// YAML comment "# " + header.
func Generate(c *catalog.Catalog, header string) ([]byte, error) {
	g, err := newGenerator(c, c.OpenAPI.Version)
	if err != nil {
		return nil, err
	}
	comps, err := g.components()
	if err != nil {
		return nil, err
	}
	info := yamlnode.Map()
	yamlnode.Set(info, "title", yamlnode.Str(c.API+" errors"))
	if d := strings.TrimSpace(c.Description); d != "" {
		yamlnode.Set(info, "description", yamlnode.Str(d))
	}
	yamlnode.Set(info, "version", yamlnode.Str("1"))
	doc := yamlnode.Map()
	yamlnode.Set(doc, "openapi", yamlnode.Str(c.OpenAPI.Version))
	yamlnode.Set(doc, "info", info)
	// "/" is what OpenAPI assumes without servers; spelling it out keeps
	// linters that require servers (Redocly's recommended rules) quiet.
	server := yamlnode.Map()
	yamlnode.Set(server, "url", yamlnode.Str("/"))
	yamlnode.Set(doc, "servers", yamlnode.Seq(server))
	yamlnode.Set(doc, "paths", yamlnode.Map())
	yamlnode.Set(doc, "components", comps)
	// about what each error adds to the document, to size its buffer once
	const sizeHint = 1 << 10
	return yamlnode.MarshalAfter("# "+header+"\n", doc, sizeHint*len(c.Errors))
}

// generator builds the components of one catalog for one OpenAPI version.
type generator struct {
	c        *catalog.Catalog
	v31      bool                                   // 3.1 dialect: type arrays for null, "examples" in schemas
	envNames map[*catalog.Envelope]string           // schema name of each envelope in use
	users    map[*catalog.Envelope][]*catalog.Error // errors written in each envelope, catalog order
	schemas  *yaml.Node                             // components.schemas, as built so far
	named    map[string]bool                        // the names in schemas
}

func newGenerator(c *catalog.Catalog, version string) (*generator, error) {
	g := &generator{c: c, envNames: map[*catalog.Envelope]string{}, users: map[*catalog.Envelope][]*catalog.Error{}}
	switch {
	case strings.HasPrefix(version, "3.0"):
	case strings.HasPrefix(version, "3.1"):
		g.v31 = true
	default:
		return nil, fmt.Errorf("OpenAPI version %q is not supported; use 3.0.x or 3.1.x", version)
	}
	for i, env := range c.Envelopes {
		g.envNames[env] = names.EnvelopeSchema(c, i)
	}
	for _, e := range c.Errors {
		g.users[e.Envelope] = append(g.users[e.Envelope], e)
	}
	return g, nil
}

// components returns the components object: schemas (the envelopes,
// ErrorCode, each error's body and details, then the bodies of the responses
// with several errors), then responses.
func (g *generator) components() (*yaml.Node, error) {
	if err := g.errorSchemas(); err != nil {
		return nil, err
	}
	responses := yamlnode.Map()
	for _, status := range g.statuses() {
		name := names.StatusResponse(status)
		r, err := g.response(name, status, g.statusErrors(status))
		if err != nil {
			return nil, err
		}
		yamlnode.Set(responses, g.c.OpenAPI.Prefix+name, r)
	}
	if g.c.OpenAPI.DefaultResponse {
		r, err := g.defaultResponse()
		if err != nil {
			return nil, err
		}
		yamlnode.Set(responses, g.c.OpenAPI.Prefix+names.DefaultResponse, r)
	}
	comps := yamlnode.Map()
	yamlnode.Set(comps, "schemas", g.schemas)
	yamlnode.Set(comps, "responses", responses)
	if h := g.headerComponents(); h != nil {
		yamlnode.Set(comps, "headers", h)
	}
	return comps, nil
}

// errorSchemas starts components.schemas afresh with the envelopes,
// ErrorCode, and each error's body and details.
func (g *generator) errorSchemas() error {
	g.schemas, g.named = yamlnode.Map(), map[string]bool{}
	for _, env := range g.c.Envelopes {
		if err := g.addSchema(g.envNames[env], g.envelopeSchema(env)); err != nil {
			return err
		}
	}
	if err := g.addSchema(g.c.OpenAPI.Prefix+names.ErrorCodeSchema, g.codeSchema()); err != nil {
		return err
	}
	for _, e := range g.c.Errors {
		if err := g.addSchema(g.errorSchemaName(e), g.shape(e)); err != nil {
			return err
		}
		if len(e.Details) == 0 {
			continue
		}
		s, err := g.detailsSchema(e)
		if err != nil {
			return err
		}
		if err := g.addSchema(g.c.OpenAPI.Prefix+names.DetailsSchema(e), s); err != nil {
			return err
		}
	}
	return nil
}

// addSchema adds a schema to components.schemas; a name can be used once.
func (g *generator) addSchema(name string, s *yaml.Node) error {
	if g.named[name] {
		return fmt.Errorf("OpenAPI: two schemas would be named %s; rename an error, or an envelope", name)
	}
	g.named[name] = true
	yamlnode.Set(g.schemas, name, s)
	return nil
}

// schemaRef is a reference to the schema of that name.
func schemaRef(name string) *yaml.Node { return refTo("#/components/schemas/" + name) }

// statuses lists the statuses in use, ascending.
func (g *generator) statuses() []int {
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

func (g *generator) codeSchema() *yaml.Node {
	s := yamlnode.Map()
	yamlnode.Set(s, "type", yamlnode.Str("string"))
	yamlnode.Set(s, "description", yamlnode.Str(fmt.Sprintf("The error codes %s knows in this version, for reference. Codes are stable and never reused, "+
		"but new ones may be added at any status: the bodies' code member is an open string, and a client handles a code it does not know by its HTTP status.", g.c.API)))
	enum := yamlnode.Seq()
	for _, e := range g.c.Errors {
		enum.Content = append(enum.Content, yamlnode.Str(e.Code))
	}
	yamlnode.Set(s, "enum", enum)
	return s
}

// refTo is a reference object: {$ref: ref}.
func refTo(ref string) *yaml.Node {
	m := yamlnode.Map()
	yamlnode.Set(m, "$ref", yamlnode.Str(ref))
	return m
}
