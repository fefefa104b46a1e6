package openapi

import (
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/yamlnode"
)

// TestMarshalReadsBackLikeYAMLv3 checks errgen's fast YAML writer against
// yaml.v3's encoder on real components: for every shipped catalog and the
// edge one, both outputs decode to the same values.
func TestMarshalReadsBackLikeYAMLv3(t *testing.T) {
	var cats []*catalog.Catalog
	for _, tc := range catalogtest.All(t) {
		cats = append(cats, tc.C)
	}
	edge, err := catalog.Parse("edge.yaml", []byte(edgeCatalog))
	if err != nil {
		t.Fatal(err)
	}
	cats = append(cats, edge)
	for _, c := range cats {
		g, err := newGenerator(c, c.OpenAPI.Version)
		if err != nil {
			t.Fatal(err)
		}
		comps := yamlnode.Map()
		if err := g.components(tree{comps}); err != nil {
			t.Fatal(err)
		}
		ours, err := yamlnode.Marshal(comps)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := yamlnode.Encode(comps, 2)
		if err != nil {
			t.Fatal(err)
		}
		var a, b any
		if err := yaml.Unmarshal(ours, &a); err != nil {
			t.Fatalf("%s: our YAML does not parse: %v", c.File, err)
		}
		if err := yaml.Unmarshal(theirs, &b); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: our YAML reads back differently from yaml.v3's", c.File)
		}
	}
}
