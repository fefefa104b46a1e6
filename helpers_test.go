package errgen

import (
	"bytes"
	"context"
	"go/format"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/catalog"
)

// loadValidOpenAPI loads a document with kin-openapi and validates it.
func loadValidOpenAPI(t *testing.T, data []byte) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatalf("kin-openapi cannot load the document: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("kin-openapi rejects the document: %v", err)
	}
	return doc
}

// generated returns the one output that Generate makes of c.
func generated(t *testing.T, c *catalog.Catalog, output Output) []byte {
	t.Helper()
	files, err := Generate(c, Options{})
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	for _, f := range files {
		if f.Output == output {
			return f.Data
		}
	}
	t.Fatalf("Generate made no %s output", output)
	return nil
}

// findError returns the catalog's error with the code, or nil.
func findError(c *catalog.Catalog, code string) *catalog.Error {
	for _, e := range c.Errors {
		if e.Code == code {
			return e
		}
	}
	return nil
}

func mustLoadCatalog(t *testing.T, path string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(path, Check)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkGofmt fails when gofmt would change src.
func checkGofmt(t *testing.T, src []byte) {
	t.Helper()
	formatted, err := format.Source(src)
	if err != nil {
		t.Fatalf("generated Go does not parse: %v", err)
	}
	if !bytes.Equal(formatted, src) {
		t.Fatalf("gofmt changes the generated Go:\n%s", udiff.Unified("generated", "gofmt", string(src), string(formatted)))
	}
}
