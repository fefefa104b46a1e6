package openapi

import (
	"regexp"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// namedSchema is how a description sends readers to a schema of the
// document ("one of ErrorCode."): a name that starts in upper case.
var namedSchema = regexp.MustCompile(`\bone of ([A-Z][A-Za-z0-9_]*)\.`)

// missingNamedSchemas are the schemas the descriptions under n name that
// schemas (components.schemas) lacks, each with where it is named.
func missingNamedSchemas(n, schemas *yaml.Node) []string {
	var missing []string
	walkYAML(n, "", func(m *yaml.Node, path string) {
		d := yamlnode.Get(m, "description")
		if d == nil || d.Kind != yaml.ScalarNode {
			return
		}
		for _, match := range namedSchema.FindAllStringSubmatch(d.Value, -1) {
			if schemas == nil || yamlnode.Get(schemas, match[1]) == nil {
				missing = append(missing, path+": "+match[1])
			}
		}
	})
	return missing
}

// A description names only a schema the document holds: the components
// document its prefixed ErrorCode, with or without openapi.prefix (it
// said ErrorCode where the schema was AcmeErrorCode), and the components
// an augmented spec gets, which never hold ErrorCode (nothing refers to
// it), none (their code's description said "one of ErrorCode").
func TestDescriptionsNameSchemasTheyHave(t *testing.T) {
	for _, tc := range shapeCatalogs(t) {
		for _, prefix := range []string{"", "Acme"} {
			c := *tc.C
			c.OpenAPI.Prefix = prefix
			var doc yaml.Node
			if err := yaml.Unmarshal(emitOpenAPIVersion(t, &c, c.OpenAPI.Version), &doc); err != nil {
				t.Fatal(err)
			}
			schemas := yamlPath(t, &doc, "components", "schemas")
			if missing := missingNamedSchemas(&doc, schemas); len(missing) > 0 {
				t.Errorf("%s, prefix %q: the components document names schemas it lacks: %v", tc.Name, prefix, missing)
			}
			if named := missingNamedSchemas(&doc, yamlnode.Map()); len(named) == 0 {
				t.Errorf("%s, prefix %q: no description names a schema: the check looks for nothing", tc.Name, prefix)
			}
			comps := usedComponents(t, &c)
			if missing := missingNamedSchemas(comps, yamlnode.Get(comps, "schemas")); len(missing) > 0 {
				t.Errorf("%s, prefix %q: an augmented spec's components name schemas they lack: %v", tc.Name, prefix, missing)
			}
		}
	}
}

// usedComponents are the components an augmented spec gets when its
// operations use every status's response of c and the default response.
func usedComponents(t *testing.T, c *catalog.Catalog) *yaml.Node {
	t.Helper()
	u, err := NewUsed(c, c.OpenAPI.Version)
	if err != nil {
		t.Fatal(err)
	}
	byStatus := map[int][]*catalog.Error{}
	var statuses []int
	for _, e := range c.Errors {
		if byStatus[e.Status] == nil {
			statuses = append(statuses, e.Status)
		}
		byStatus[e.Status] = append(byStatus[e.Status], e)
	}
	var used []Response
	for _, s := range statuses {
		used = append(used, Response{Name: names.Response(c, s), Status: s, Errs: byStatus[s]})
	}
	comps, err := u.Components(used, true)
	if err != nil {
		t.Fatal(err)
	}
	return comps
}
