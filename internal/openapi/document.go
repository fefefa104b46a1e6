package openapi

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// sizeHint is a little more than what each error adds to the document
// (2.0 to 2.3 KB in the synthetic and scale catalogs, more in the small
// shipped ones, whose head weighs more), to size Generate's buffer once: a
// buffer that outgrows its hint is copied and cleared again at twice the
// size, which cost the 10,000-error document a tenth of its time.
const sizeHint = 5 << 9

// Generate writes the OpenAPI components document of c, its first line the
// YAML comment "# " + header.
func Generate(c *catalog.Catalog, header string) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(sizeHint * len(c.Errors))
	if err := Write(&b, c, header); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write writes Generate's document to w as it goes, holding one schema or
// example at a time, never the document (members: the stream beside the
// tree): what w gets is incomplete when it fails.
func Write(w io.Writer, c *catalog.Catalog, header string) error {
	return write(w, c, header, true)
}

// write is Write, sharing nodes (nodes.go) or not: the benchmark's choice.
func write(w io.Writer, c *catalog.Catalog, header string, share bool) error {
	s := yamlnode.NewStream(w, "# "+header+"\n")
	if err := document(c, stream{s: s}, share); err != nil {
		return err
	}
	return s.Close()
}

// generateTree is Generate through a tree of the whole document, written
// at the end: the plain path beside Write.
func generateTree(c *catalog.Catalog, header string) ([]byte, error) {
	doc := yamlnode.Map()
	if err := document(c, tree{doc}, false); err != nil {
		return nil, err
	}
	return yamlnode.MarshalAfter("# "+header+"\n", doc, sizeHint*len(c.Errors))
}

// document adds the document's members to doc, sharing nodes (nodes.go)
// when doc is a stream's and share is set.
func document(c *catalog.Catalog, doc members, share bool) error {
	g, err := newGenerator(c, c.OpenAPI.Version)
	if err != nil {
		return err
	}
	if _, ok := doc.(stream); ok && share {
		g.share = true
		g.words = map[string]*yaml.Node{}
		g.unpinnedSchemas = map[unpinnedKey]*yaml.Node{}
		g.exampleValues = map[string]*yaml.Node{}
		g.statusPins = map[statusPinKey]*yaml.Node{}
		g.bodyReader = yamlnode.NewJSONReader(g.words)
	}
	info := yamlnode.Map()
	g.set(info, "title", yamlnode.Str(c.API+" errors"))
	if d := strings.TrimSpace(c.Description); d != "" {
		g.set(info, "description", yamlnode.Str(d))
	}
	g.set(info, "version", yamlnode.Str("1"))
	// "/" is what OpenAPI assumes without servers; spelling it out keeps
	// linters that require servers (Redocly's recommended rules) quiet.
	server := yamlnode.Map()
	g.set(server, "url", yamlnode.Str("/"))
	head := yamlnode.Map()
	g.set(head, "openapi", yamlnode.Str(c.OpenAPI.Version))
	g.set(head, "info", info)
	g.set(head, "servers", yamlnode.Seq(server))
	g.set(head, "paths", yamlnode.Map())
	for i := 0; i < len(head.Content); i += 2 {
		if err := doc.set(head.Content[i].Value, head.Content[i+1]); err != nil {
			return err
		}
	}
	comps, err := doc.open("components")
	if err != nil {
		return err
	}
	return g.components(comps)
}

// generator builds the components of one catalog for one OpenAPI version.
type generator struct {
	c        *catalog.Catalog
	v31      bool                                   // 3.1 dialect: type arrays for null, "examples" in schemas
	envNames map[*catalog.Envelope]string           // schema name of each envelope in use
	users    map[*catalog.Envelope][]*catalog.Error // errors written in each envelope, catalog order
	schemas  members                                // components.schemas
	named    map[string]bool                        // the names in schemas

	share           bool                        // share nodes (nodes.go)
	words           map[string]*yaml.Node       // the shared words
	unpinnedSchemas map[unpinnedKey]*yaml.Node  // the shared schemas of references no error pins
	trueNode        *yaml.Node                  // the shared true
	exampleValues   map[string]*yaml.Node       // the shared values of detail examples, by their JSON
	statusPins      map[statusPinKey]*yaml.Node // the shared status pins
	bodyReader      *yamlnode.JSONReader        // reads the example bodies, one at a time

	// codesSchema is the schema of every code (ErrorCode, prefixed) that
	// the code's description points readers to, "" where the document
	// holds none: an augmented spec keeps only what its operations refer
	// to, and nothing refers to it.
	codesSchema string
}

func newGenerator(c *catalog.Catalog, version string) (*generator, error) {
	g := &generator{c: c, envNames: map[*catalog.Envelope]string{}, users: map[*catalog.Envelope][]*catalog.Error{},
		codesSchema: c.OpenAPI.Prefix + names.ErrorCodeSchema}
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

// components adds the members of the components object to comps: schemas
// (the envelopes, ErrorCode, each error's body and details, then the bodies
// of the responses with several errors), responses, then headers (for a
// catalog with translations). The bodies' schemas are added before the
// first response, which a stream writes after every schema.
func (g *generator) components(comps members) error {
	schemas, err := comps.open("schemas")
	if err != nil {
		return err
	}
	if err := g.errorSchemas(schemas); err != nil {
		return err
	}
	statuses := g.statuses()
	refs := make([][]*yaml.Node, len(statuses))
	for i, status := range statuses {
		if refs[i], err = g.bodies(names.StatusResponse(status), status, g.statusErrors(status)); err != nil {
			return err
		}
	}
	var defaultRefs []*yaml.Node
	if g.c.OpenAPI.DefaultResponse {
		if defaultRefs, err = g.defaultBodies(); err != nil {
			return err
		}
	}
	if err := g.responses(comps, statuses, refs, defaultRefs); err != nil {
		return err
	}
	if h := g.headerComponents(); h != nil {
		return comps.set("headers", h)
	}
	return nil
}

// responses adds components.responses to comps: one response per status,
// whose bodies refs refers to, then the default response, whose bodies
// defaultRefs refers to, when the catalog asks for it.
func (g *generator) responses(comps members, statuses []int, refs [][]*yaml.Node, defaultRefs []*yaml.Node) error {
	if len(statuses) == 0 && !g.c.OpenAPI.DefaultResponse {
		return comps.set("responses", yamlnode.Map())
	}
	responses, err := comps.open("responses")
	if err != nil {
		return err
	}
	for i, status := range statuses {
		r, err := responses.open(g.c.OpenAPI.Prefix + names.StatusResponse(status))
		if err != nil {
			return err
		}
		if err := g.response(r, status, g.statusErrors(status), refs[i]); err != nil {
			return err
		}
	}
	if !g.c.OpenAPI.DefaultResponse {
		return nil
	}
	r, err := responses.open(g.c.OpenAPI.Prefix + names.DefaultResponse)
	if err != nil {
		return err
	}
	return g.defaultResponse(r, defaultRefs)
}

// errorSchemas starts components.schemas afresh in schemas with the
// envelopes, ErrorCode, and each error's body and details.
func (g *generator) errorSchemas(schemas members) error {
	g.schemas, g.named = schemas, map[string]bool{}
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
	return g.schemas.set(name, s)
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
	g.set(s, "type", g.word("string"))
	g.set(s, "description", yamlnode.Str(fmt.Sprintf("The error codes %s knows in this version, for reference. Codes are stable and never reused, "+
		"but new ones may be added at any status: the bodies' code member is an open string, and a client handles a code it does not know by its HTTP status.", g.c.API)))
	enum := yamlnode.Seq()
	for _, e := range g.c.Errors {
		enum.Content = append(enum.Content, yamlnode.Str(e.Code))
	}
	g.set(s, "enum", enum)
	return s
}

// refTo is a reference object: {$ref: ref}.
func refTo(ref string) *yaml.Node {
	m := yamlnode.Map()
	yamlnode.Set(m, "$ref", yamlnode.Str(ref))
	return m
}
