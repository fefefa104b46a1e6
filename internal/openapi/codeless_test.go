package openapi

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
)

// descriptions lists every description in a document, with its path.
func descriptions(n *yaml.Node, path string, found map[string]string) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			descriptions(c, path, found)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i].Value, n.Content[i+1]
			if key == "description" && value.Kind == yaml.ScalarNode {
				found[path] = value.Value
				continue
			}
			descriptions(value, path+"."+key, found)
		}
	}
}

// A body without a code must not tell its clients to branch on one: the
// OpenAPI output of ScopeStack's JSON:API envelope told them to "branch on
// the code instead" and listed "Known codes" its bodies never carry, where
// its docs page and Parse tell errors apart by status and title.
func TestCodelessEnvelopeDescriptions(t *testing.T) {
	const errors = "errors:\n" +
		"  - {code: BAD_FILTER, status: 400, title: Bad Filter, message: Filter not allowed}\n" +
		"  - {code: INTERNAL, status: 500, fallback: true}\n"
	cases := []struct {
		name, format  string
		said, notSaid []string
	}{
		{"with $code", "flat",
			[]string{"branch on the code instead", "Known codes: `BAD_FILTER`"},
			[]string{"carries no code", "status and the title instead"}},
		{"without $code", "{media_type: application/json, body: {errors: [{status: \"$status_text\", title: \"$title\", detail: \"$message?\"}]}}",
			[]string{"branch on the status and the title instead", "which carries no code: tell its errors apart by the status and the title. Known errors, as the docs name them: `BAD_FILTER`"},
			[]string{"branch on the code", "Known codes"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "version: 1\napi: Filters\nformat: " + tc.format + "\ngo: {package: filtererrors}\n" + errors
			c, err := catalog.Parse("catalog.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(emitOpenAPIVersion(t, c, "3.1.0"), &doc); err != nil {
				t.Fatal(err)
			}
			found := map[string]string{}
			descriptions(yamlPath(t, &doc, "components", "schemas"), "schemas", found)
			all := ""
			for path, d := range found {
				all += path + ": " + d + "\n"
				for _, s := range tc.notSaid {
					if strings.Contains(d, s) {
						t.Errorf("%s says %q: %s", path, s, d)
					}
				}
			}
			for _, s := range tc.said {
				if !strings.Contains(all, s) {
					t.Errorf("no description says %q:\n%s", s, all)
				}
			}
		})
	}
}
