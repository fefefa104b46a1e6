package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"
)

// genericCalls are the generic functions and types of the standard library
// the fixed half does not instantiate with type arguments of its own: the
// compiler makes two functions of each instantiation (the generic's shape
// and the instance), sync.OnceValue a dozen with its closures, in every
// generated package (docs/performance.md). Within a generic function of
// the fixed half, such as NewWithDetails, the service's code instantiates them.
var genericCalls = map[string][]string{
	"slices":  nil, // every function of the package is generic
	"maps":    nil,
	"sync":    {"OnceValue", "OnceValues", "OnceFunc"},
	"reflect": {"TypeFor"},
	"atomic":  {"Pointer"}, // a generic type: its methods
}

// TestFixedHalfInstantiatesNoGeneric: no function of the fixed half, but a
// generic one, calls a generic function of the standard library.
func TestFixedHalfInstantiatesNoGeneric(t *testing.T) {
	for _, name := range fixedFiles {
		fset := token.NewFileSet()
		f := parseFixed(t, fset, name)
		ast.Inspect(f, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok && fn.Type.TypeParams != nil {
				return false // the service instantiates it
			}
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok {
				return true
			}
			if funcs, generic := genericCalls[pkg.Name]; generic && (funcs == nil || slices.Contains(funcs, sel.Sel.Name)) {
				t.Errorf("%s: %s.%s instantiates a generic in every generated package", fset.Position(sel.Pos()), pkg.Name, sel.Sel.Name)
			}
			return true
		})
	}
}

// TestResponseWriterMethodsExported: every method of responseWriter, which
// the compiler promotes to each of its three variants (a function it makes
// for each), is one the server's writer has; its own helpers are functions.
func TestResponseWriterMethodsExported(t *testing.T) {
	fset := token.NewFileSet()
	f := parseFixed(t, fset, "handler.go")
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || fn.Name.IsExported() {
			continue
		}
		if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok && star.X.(*ast.Ident).Name == "responseWriter" {
			t.Errorf("%s: (*responseWriter).%s is promoted to three variants", fset.Position(fn.Pos()), fn.Name.Name)
		}
	}
}

func parseFixed(t *testing.T, fset *token.FileSet, name string) *ast.File {
	t.Helper()
	src, err := fixedFS.ReadFile("fixed/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(fset, "fixed/"+name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
