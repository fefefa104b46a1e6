package rpctest

import (
	"bytes"
	"flag"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
)

var update = flag.Bool("update", false, "rewrite the gRPC and Connect packages of the example catalogs under examples/")

// exampleCatalogs are the example catalogs whose gRPC and Connect packages
// live here, under examples/NAME/: their Go packages are errgen's, at
// examples/NAME/PACKAGE in errgen's module.
var exampleCatalogs = []string{"generic", "onestack", "scopestack", "stackone"}

// rootDir is errgen's module.
const rootDir = "../../.."

// TestGenerated holds the gRPC and Connect packages of every example
// catalog to what errgen generates for it; -update rewrites them. (The
// bundled catalog's are errgen's own goldens, under generated/.)
func TestGenerated(t *testing.T) {
	for _, name := range exampleCatalogs {
		c, err := catalog.Load(filepath.Join(rootDir, "examples", name, "catalog.yaml"), errgen.Check)
		if err != nil {
			t.Fatal(err)
		}
		files, err := errgen.Generate(c, errgen.Options{GRPC: true, Connect: true,
			GoImport: path.Join("github.com/errgen/errgen/examples", name, c.Go.Package)})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f.Output != errgen.OutputGRPC && f.Output != errgen.OutputConnect {
				continue
			}
			file := filepath.Join("examples", name, filepath.FromSlash(f.Path))
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if got, err := os.ReadFile(file); err != nil || !bytes.Equal(got, f.Data) {
				t.Errorf("%s is stale or missing (%v): go test -run TestGenerated -update", file, err)
			}
		}
	}
}
