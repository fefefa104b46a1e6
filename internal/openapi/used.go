package openapi

import (
	"cmp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// Used builds the components of a catalog that an augmented spec's
// operations refer to, for one OpenAPI version.
type Used struct{ g *generator }

// NewUsed checks the version and names the catalog's envelopes.
func NewUsed(c *catalog.Catalog, version string) (*Used, error) {
	g, err := newGenerator(c, version)
	if err != nil {
		return nil, err
	}
	// ErrorCode is among the schemas Components builds but never among
	// those it keeps (no schema refers to it): a code's description must
	// not send readers to it
	g.codesSchema = ""
	return &Used{g}, nil
}

// Response is a response some operations refer to: the errors of one
// status they admit, named (prefixed) by names.Response.
type Response struct {
	Name   string
	Status int
	Errs   []*catalog.Error // catalog order
}

// Components builds the responses given (each once, by status then name),
// the default response when withDefault, then the schemas they refer to,
// directly or not, and the header components (Content-Language, for a
// catalog with translations).
func (u *Used) Components(used []Response, withDefault bool) (*yaml.Node, error) {
	g := u.g
	schemas := yamlnode.Map()
	if err := g.errorSchemas(tree{schemas}); err != nil {
		return nil, err
	}
	used = slices.Clone(used)
	slices.SortFunc(used, func(x, y Response) int {
		return cmp.Or(cmp.Compare(x.Status, y.Status), strings.Compare(x.Name, y.Name))
	})
	responses := yamlnode.Map()
	for _, r := range used {
		refs, err := g.bodies(strings.TrimPrefix(r.Name, g.c.OpenAPI.Prefix), r.Status, r.Errs)
		if err != nil {
			return nil, err
		}
		n := yamlnode.Map()
		if err := g.response(tree{n}, r.Status, r.Errs, refs); err != nil {
			return nil, err
		}
		yamlnode.Set(responses, r.Name, n)
	}
	if withDefault {
		refs, err := g.defaultBodies()
		if err != nil {
			return nil, err
		}
		n := yamlnode.Map()
		if err := g.defaultResponse(tree{n}, refs); err != nil {
			return nil, err
		}
		yamlnode.Set(responses, g.c.OpenAPI.Prefix+names.DefaultResponse, n)
	}
	comps := yamlnode.Map()
	if schemas := referencedSchemas(schemas, responses); len(schemas.Content) > 0 {
		yamlnode.Set(comps, "schemas", schemas)
	}
	if len(responses.Content) > 0 {
		yamlnode.Set(comps, "responses", responses)
		if h := g.headerComponents(); h != nil {
			yamlnode.Set(comps, "headers", h)
		}
	}
	return comps, nil
}

// ResponseRef is a reference to the response component name.
func ResponseRef(name string) *yaml.Node { return refTo("#/components/responses/" + name) }

// referencedSchemas are the schemas that from refers to, directly or
// through other schemas, in the order of schemas.
func referencedSchemas(schemas, from *yaml.Node) *yaml.Node {
	const prefix = "#/components/schemas/"
	seen := map[string]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if name, ok := strings.CutPrefix(v.Value, prefix); ok && k.Value == "$ref" && !seen[name] {
				seen[name] = true
				if s := yamlnode.Get(schemas, name); s != nil {
					walk(s)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(from)
	out := yamlnode.Map()
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		if seen[schemas.Content[i].Value] {
			out.Content = append(out.Content, schemas.Content[i], schemas.Content[i+1])
		}
	}
	return out
}
