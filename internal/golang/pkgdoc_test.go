package golang

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestPackageDocMapExample: the package doc's Config.Map maps
// context.DeadlineExceeded to the catalog's 504 or 503 error, and in a
// catalog with neither shows no mapping. Before, it mapped it to the
// fallback: a service copying the example sent the same 500, but Map's
// errors are not reported, so every deadline's 500 left the logs.
func TestPackageDocMapExample(t *testing.T) {
	const head = "version: 1\napi: Shop\nformat: flat\nerrors:\n" +
		"  - {code: INTERNAL, status: 500, message: Something went wrong., fallback: true}\n" +
		"  - {code: NOT_FOUND, status: 404, message: Not found.}\n"
	for _, tc := range []struct {
		name, errors, want string
	}{
		{"504", "  - {code: UPSTREAM_TIMEOUT, status: 504, message: Too slow.}\n  - {code: UNAVAILABLE, status: 503, message: Down.}\n",
			"if errors.Is(err, context.DeadlineExceeded) {\n\t\t\treturn shop.ErrUpstreamTimeout.WithCause(err)\n\t\t}"},
		{"503", "  - {code: UNAVAILABLE, status: 503, message: Down.}\n",
			"if errors.Is(err, context.DeadlineExceeded) {\n\t\t\treturn shop.ErrUnavailable.WithCause(err)\n\t\t}"},
		{"neither", "", "// return the catalog error an error of your own stands for"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(head + tc.errors)}, "catalog.yaml", Rules)
			if err != nil {
				t.Fatal(err)
			}
			doc := strings.Join(packageDoc(c, "shop"), "\n")
			if !strings.Contains(doc, tc.want) {
				t.Errorf("the package doc lacks\n%s\nin\n%s", tc.want, doc)
			}
			if strings.Contains(doc, "return shop.ErrInternal") {
				t.Errorf("the package doc's Map returns the fallback, which goes unreported:\n%s", doc)
			}
		})
	}
}

// TestPackageDocClientExample: the package doc's client reads the
// *ParseError ParseResponse returns for a body not in the API's envelope
// (a proxy's 502 or 503 page), whose RetryAfter is the wait the response
// asked for. Before, the example ignored err and asked e, nil then, for
// the wait: a client copying it retried a proxy's 503 at once.
func TestPackageDocClientExample(t *testing.T) {
	c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte("version: 1\napi: Shop\nformat: flat\nerrors:\n" +
		"  - {code: INTERNAL, status: 500, message: Something went wrong., fallback: true}\n")}, "catalog.yaml", Rules)
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(packageDoc(c, "shop"), "\n")
	for _, want := range []string{
		"e, err := shop.ParseResponse(resp)",
		"var pe *shop.ParseError",
		"if errors.As(err, &pe) {",
		"pe.RetryAfter()",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the package doc lacks %q in\n%s", want, doc)
		}
	}
}
