package openapi

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// shapeCatalogs are every test catalog and the edge one.
func shapeCatalogs(t *testing.T) []catalogtest.Catalog {
	t.Helper()
	edge, err := catalog.Parse("edge.yaml", []byte(edgeCatalog))
	if err != nil {
		t.Fatal(err)
	}
	edge.OpenAPI.DefaultResponse = true
	return append(catalogtest.All(t), catalogtest.Catalog{Name: "edge", C: edge})
}

// walkYAML calls fn with every mapping in n and its path.
func walkYAML(n *yaml.Node, path string, fn func(m *yaml.Node, path string)) {
	switch n.Kind {
	case yaml.DocumentNode:
		walkYAML(n.Content[0], path, fn)
	case yaml.MappingNode:
		fn(n, path)
		for i := 0; i+1 < len(n.Content); i += 2 {
			walkYAML(n.Content[i+1], path+"/"+n.Content[i].Value, fn)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkYAML(c, fmt.Sprintf("%s/%d", path, i), fn)
		}
	}
}

// The shapes are ones client generators (oapi-codegen, ogen) understand:
// no allOf; every response's body a $ref to a named schema; the member that
// holds the code typed string in every error's schema; no object schema
// that says nothing of its members; a discriminator on every oneOf of
// errors that write their code in the same top-level member, its mapping
// exactly the variants.
func TestOpenAPIGeneratorShapes(t *testing.T) {
	for _, tc := range shapeCatalogs(t) {
		for _, version := range []string{"3.0.3", "3.1.0"} {
			t.Run(tc.Name+"/"+version, func(t *testing.T) {
				data := emitOpenAPIVersion(t, tc.C, version)
				loadValidOpenAPI(t, data)
				var doc yaml.Node
				if err := yaml.Unmarshal(data, &doc); err != nil {
					t.Fatal(err)
				}
				walkYAML(&doc, "#", func(m *yaml.Node, path string) {
					checkShapeNode(t, m, path)
				})
				schemas := yamlPath(t, &doc, "components", "schemas")
				for _, e := range tc.C.Errors {
					s := yamlnode.Get(schemas, names.BodySchema(e))
					if s == nil {
						t.Errorf("%s: no schema %s", e.Code, names.BodySchema(e))
						continue
					}
					if key := codeMember([]*catalog.Error{e}); key != "" {
						p := yamlPath(t, s, "properties", key)
						if typ := yamlnode.Get(p, "type"); typ == nil || typ.Value != "string" {
							t.Errorf("%s: %s.%s is not type string", e.Code, names.BodySchema(e), key)
						}
					}
				}
				responses := yamlPath(t, &doc, "components", "responses")
				for i := 0; i < len(responses.Content); i += 2 {
					name := responses.Content[i].Value
					content := yamlPath(t, responses.Content[i+1], "content")
					for j := 0; j < len(content.Content); j += 2 {
						checkResponseBody(t, tc.C, schemas, yamlPath(t, content.Content[j+1], "schema"), name+" "+content.Content[j].Value)
					}
				}
			})
		}
	}
}

// checkShapeNode checks one mapping of the document.
func checkShapeNode(t *testing.T, m *yaml.Node, path string) {
	t.Helper()
	if yamlnode.Get(m, "allOf") != nil {
		t.Errorf("%s: allOf", path)
	}
	if strings.HasSuffix(path, "/properties") {
		if code := yamlnode.Get(m, "code"); code != nil {
			if typ := yamlnode.Get(code, "type"); typ == nil || typ.Value != "string" {
				t.Errorf("%s/code: no type string", path)
			}
		}
		return
	}
	typ := yamlnode.Get(m, "type")
	isObject := typ != nil && (typ.Value == "object" || typ.Kind == yaml.SequenceNode && slices.ContainsFunc(typ.Content, func(n *yaml.Node) bool { return n.Value == "object" }))
	if isObject && !strings.Contains(path, "/examples/") && !strings.HasSuffix(path, "/value") &&
		yamlnode.Get(m, "properties") == nil && yamlnode.Get(m, "additionalProperties") == nil {
		t.Errorf("%s: an object schema with neither properties nor additionalProperties", path)
	}
}

// checkResponseBody checks the schema of one response's media type: a
// reference to a named schema, which is an error's schema or a oneOf of
// them, discriminated when the errors share a top-level code member.
func checkResponseBody(t *testing.T, c *catalog.Catalog, schemas, ref *yaml.Node, where string) {
	t.Helper()
	const prefix = "#/components/schemas/"
	r := yamlnode.Get(ref, "$ref")
	if r == nil || len(ref.Content) != 2 || !strings.HasPrefix(r.Value, prefix) {
		t.Errorf("%s: body schema is not a $ref to components.schemas", where)
		return
	}
	s := yamlnode.Get(schemas, strings.TrimPrefix(r.Value, prefix))
	if s == nil {
		t.Errorf("%s: %s is not defined", where, r.Value)
		return
	}
	alts := yamlnode.Get(s, "oneOf")
	if alts == nil {
		return
	}
	var group []*catalog.Error
	var refs []string
	for _, alt := range alts.Content {
		name := strings.TrimPrefix(yamlnode.Get(alt, "$ref").Value, prefix)
		refs = append(refs, prefix+name)
		for _, e := range c.Errors {
			if names.BodySchema(e) == name {
				group = append(group, e)
			}
		}
	}
	d := yamlnode.Get(s, "discriminator")
	if strings.HasPrefix(where, names.DefaultResponse+" ") {
		if d != nil {
			t.Errorf("%s: a discriminator on a oneOf of envelopes", where)
		}
		return
	}
	if len(group) != len(alts.Content) {
		t.Errorf("%s: %d variants, %d of them errors' schemas", where, len(alts.Content), len(group))
		return
	}
	key := codeMember(group)
	if (d != nil) != (key != "") {
		t.Errorf("%s: discriminator %v, want one iff the errors share a top-level code member (%q)", where, d != nil, key)
	}
	if d == nil {
		return
	}
	if p := yamlnode.Get(d, "propertyName"); p == nil || p.Value != key {
		t.Errorf("%s: discriminator propertyName is not %q", where, key)
	}
	mapping := yamlnode.Get(d, "mapping")
	var gotCodes, gotRefs, wantCodes []string
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		gotCodes = append(gotCodes, mapping.Content[i].Value)
		gotRefs = append(gotRefs, mapping.Content[i+1].Value)
	}
	for _, e := range group {
		wantCodes = append(wantCodes, e.Code)
	}
	if !slices.Equal(gotCodes, wantCodes) || !slices.Equal(gotRefs, refs) {
		t.Errorf("%s: discriminator mapping %v → %v, want %v → %v", where, gotCodes, gotRefs, wantCodes, refs)
	}
}

// A oneOf of per-code schemas has a discriminator in the presets that write
// the code as a top-level member ("error" in oauth2), and none in those
// that nest it.
func TestOpenAPIDiscriminatorPresets(t *testing.T) {
	want := map[string]string{"flat": "code", "problem": "code", "oauth2": "error", "jsonapi": "", "nested": ""}
	for _, tc := range catalogtest.All(t) {
		key, ok := want[tc.Name]
		if !ok {
			continue
		}
		delete(want, tc.Name)
		t.Run(tc.Name, func(t *testing.T) {
			if got := codeMember(tc.C.Errors); got != key {
				t.Errorf("code member %q, want %q", got, key)
			}
		})
	}
	if len(want) > 0 {
		t.Errorf("no test catalog for %v", want)
	}
}
