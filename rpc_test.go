package errgen

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// The gRPC and Connect outputs are off by default, on with the catalog's
// out keys or the options, and need grpc.domain, a package name of their
// own and the Go package's import path.
func TestRPCOutputs(t *testing.T) {
	load := func(extra string) *catalog.Catalog {
		t.Helper()
		c, err := catalog.Parse("c.yaml", []byte("version: 1\napi: Shop\n"+extra+"errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"), Check)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	outputs := func(files []File) (got []Output) {
		for _, f := range files {
			got = append(got, f.Output)
		}
		return got
	}
	files, err := Generate(load(""), Options{})
	if err != nil || len(files) != 3 {
		t.Errorf("default: %v %v", outputs(files), err)
	}
	c := load("go: {import: example.com/shop/apierrors}\ngrpc: {domain: shop.example.com, connect_out: gen/c.go}\n")
	files, err = Generate(c, Options{GRPC: true})
	if err != nil || len(files) != 5 || files[3].Path != "apierrorsgrpc/grpc.go" || files[4].Path != "apierrorsconnect/connect.go" {
		t.Errorf("on: %v %v", outputs(files), err)
	}
	for extra, want := range map[string]string{
		"": "grpc.domain",
		"grpc: {domain: a.example, package: shopgrpc}\n": "would be the Go package's name too",
		"grpc: {domain: a.example}\n":                    "set go.import",
	} {
		opts := Options{GRPC: true, GoImport: "example.com/shop/apierrors"}
		if strings.Contains(extra, "shopgrpc") {
			opts.GoPackage = "shopgrpc" // --go-package, past the catalog's own check
		}
		if want == "set go.import" {
			opts.GoImport = ""
		}
		if _, err := Generate(load(extra), opts); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", extra, err, want)
		}
	}
}
