package errgen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/types"
	"strings"
	"testing"
)

// generatedImporter resolves the bundled catalog's generated package from
// its committed source, and every other import from the standard library.
type generatedImporter struct {
	std types.Importer
	pkg *types.Package
}

func (g generatedImporter) Import(path string) (*types.Package, error) {
	if path == g.pkg.Path() {
		return g.pkg, nil
	}
	return g.std.Import(path)
}

// The opening block of docs/go.md, and its ReverseProxy block, compile as
// a function's body against the bundled catalog's package: the opening
// block once assigned ParseResponse's error to the *Error err above it
// (and, err reassigned to an INVALID_JSON error, said of it errors.Is
// ErrNotFound "true" and Write "404"). Unused variables aside: each line
// shows one thing.
func TestGoDocSnippetsCompile(t *testing.T) {
	const importPath = "github.com/errgen/errgen/generated/apierrors"
	std, fset := stdlibImporter()
	file, err := parser.ParseFile(fset, "generated/apierrors/errors.go", readFile(t, "generated/apierrors/errors.go"), 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: std}).Check(importPath, fset, []*ast.File{file}, nil)
	if err != nil {
		t.Fatal(err)
	}
	blocks := byLang(fencedBlocks(t, "docs/go.md"), "go")
	if len(blocks) < 2 {
		t.Fatalf("docs/go.md has %d Go blocks, want the opening one and the ReverseProxy one", len(blocks))
	}
	body := strings.ReplaceAll(blocks[0].text, "{ … }", "{ return nil }")
	src := fmt.Sprintf(`package svc

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httputil"

	%q
)

func opening(w http.ResponseWriter, r *http.Request, mux *http.ServeMux, resp *http.Response, sqlErr, dbErr error) {
%s}

func proxy(proxy *httputil.ReverseProxy) {
%s}
`, importPath, body, blocks[1].text)
	snippet, err := parser.ParseFile(fset, "docs/go.md", src, 0)
	if err != nil {
		t.Fatalf("docs/go.md's Go does not parse: %v\n%s", err, src)
	}
	var problems []string
	conf := types.Config{
		Importer: generatedImporter{std: std, pkg: pkg},
		Error: func(err error) {
			if !strings.Contains(err.Error(), "declared and not used") {
				problems = append(problems, err.Error())
			}
		},
	}
	_, _ = conf.Check("svc", fset, []*ast.File{snippet}, nil) // its errors went to Error
	for _, p := range problems {
		t.Errorf("docs/go.md's Go does not compile: %s", p)
	}
}
