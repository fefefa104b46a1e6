package augment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// operationsSpec is a JSON spec of n operations, each with a response and
// a schema of its own: what errgen openapi attaches the catalog's
// openapi.attach responses to, n times.
func operationsSpec(n int) []byte {
	var paths, schemas []string
	for i := range n {
		paths = append(paths, fmt.Sprintf(`"/things%d/{id}":{"get":{"operationId":"getThing%d","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],`+
			`"responses":{"200":{"description":"The thing","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing%d"}}}}}}}`, i, i, i))
		schemas = append(schemas, fmt.Sprintf(`"Thing%d":{"type":"object","properties":{"id":{"type":"string"},"size":{"type":"integer"}}}`, i))
	}
	return []byte(`{"openapi":"3.0.3","info":{"title":"Things","version":"1"},"paths":{` + strings.Join(paths, ",") +
		`},"components":{"schemas":{` + strings.Join(schemas, ",") + `}}}`)
}

// BenchmarkAugmentOperations augments a spec of 1,000 operations (0.37 MB)
// with the bundled catalog, which attaches three responses to each: the
// allocations per operation, where Stripe's spec (BenchmarkAugmentStripe)
// is mostly schemas.
func BenchmarkAugmentOperations(b *testing.B) {
	spec := operationsSpec(1000)
	c, err := catalog.Load(catalogtest.Path("catalog.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Augment(c, spec, "spec.json", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
