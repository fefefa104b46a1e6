package errgen

import (
	"github.com/errgen/errgen/internal/names"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// TestHostileText generates from hostileCatalog, without a grpc: section
// and with one, and checks that no text escaped its context: the Go package
// compiles, vets and declares exactly the expected identifiers (the RPC
// ones only with grpc:), with no raw control character in any comment; the
// OpenAPI document validates; the Markdown tables keep their shape.
func TestHostileText(t *testing.T) {
	withGRPC := strings.Replace(string(catalogtest.Hostile()), "\nerrors:\n", "\ngrpc: {domain: hostile.example}\nerrors:\n", 1)
	for _, tt := range []struct {
		name    string
		data    []byte
		runtime []string // the fixed half's exported identifiers the package holds
	}{
		{"no grpc", catalogtest.Hostile(), slices.DeleteFunc(slices.Clone(names.Runtime), func(id string) bool {
			return slices.Contains(names.RPCRuntime, id)
		})},
		{"grpc", []byte(withGRPC), names.Runtime},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := catalog.Parse("hostile.yaml", tt.data, Check)
			if err != nil {
				t.Fatal(err)
			}
			files, err := Generate(c, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				switch f.Output {
				case OutputGo:
					checkHostileGo(t, f.Data, tt.runtime)
					vetGo(t, c.Go.Package, f.Data)
				case OutputOpenAPI:
					loadValidOpenAPI(t, f.Data)
				case OutputMarkdown:
					markdowntest.CheckTables(t, markdowntest.Parse(t, f.Data))
				}
			}
		})
	}
}

func checkHostileGo(t *testing.T, src []byte, runtime []string) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "errors.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("generated Go does not parse: %v", err)
	}
	var exported []string
	for _, decl := range file.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.IsExported() {
				exported = append(exported, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if s.Name.IsExported() {
						exported = append(exported, s.Name.Name)
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() {
							exported = append(exported, n.Name)
						}
					}
				}
			}
		}
	}
	sort.Strings(exported)
	want := append([]string{"Code", "CodeHostile", "CodeNoAuth", "CodeSecretFail", "ErrHostile",
		"ErrNoAuth", "ErrSecretFail", "HostileDetails", "NewHostile",
		"NewNoAuth", "NewSecretFail"}, runtime...)
	sort.Strings(want)
	if strings.Join(exported, " ") != strings.Join(want, " ") {
		t.Errorf("exported identifiers\n got %v\nwant %v", exported, want)
	}
	for _, cg := range file.Comments {
		for _, r := range cg.Text() {
			if r == '\u202e' || r == '\u202c' || r == '\u2028' || r == '\u2029' || r == '\u200b' {
				t.Errorf("comment holds the raw control character %U: %q", r, cg.Text())
			}
		}
	}
}

// vetGo compiles and vets a generated package on its own, in a module of
// its own: it must need nothing but the standard library.
func vetGo(t *testing.T, pkg string, src []byte) {
	t.Helper()
	if testing.Short() {
		t.Skip("go vet of generated code skipped in -short mode")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/"+pkg+"\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "errors.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet of the generated package: %v\n%s", err, out)
	}
}
