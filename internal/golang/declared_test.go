package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// packageLevelNames is declaredNames' plain path: the names a parsed file
// declares at package level: types, functions (not methods), constants and
// variables.
func packageLevelNames(f *ast.File) []string {
	var ids []string
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				ids = append(ids, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					ids = append(ids, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						ids = append(ids, n.Name)
					}
				}
			}
		}
	}
	return ids
}

// parsedNames is packageLevelNames of src, parsed.
func parsedNames(tb testing.TB, name string, src []byte) []string {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
	if err != nil {
		tb.Fatal(err)
	}
	return packageLevelNames(f)
}

// TestDeclaredNamesParsed: reading lines finds the names parsing finds, in
// the same order, in every file of the fixed half (the only sources
// declaredNames reads), and in gofmt-formatted shapes they do not hold yet.
func TestDeclaredNamesParsed(t *testing.T) {
	sources := map[string][]byte{
		"shapes.go": []byte("package p\n\nimport \"fmt\"\n\n" +
			"// A comment.\nfunc F[T any](t T) {}\n\nfunc (r R) Method() {}\n\n" +
			"type (\n\tA int\n\tB[T any] struct {\n\t\tx T\n\t}\n)\n\n" +
			"const (\n\tc0 = iota\n\tc1\n\t_\n)\n\nvar a, b = 1, 2\n\n" +
			"var (\n\t// doc\n\tx, y int\n\tm = map[string]int{\n\t\t\"k\": 1,\n\t}\n\tfn = func() {\n\t\tfmt.Println()\n\t}\n)\n\n" +
			"var s = func() (a [2]string) {\n\treturn a\n}()\n\ntype R struct{}\n"),
	}
	for _, name := range fixedFiles {
		src, err := fixedFS.ReadFile("fixed/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sources[name] = src
	}
	for name, src := range sources {
		got, want := declaredNames(src), parsedNames(t, name, src)
		if !slices.Equal(got, want) {
			t.Errorf("%s: declaredNames\n%q\nparsed\n%q", name, got, want)
		}
		if len(want) == 0 {
			t.Errorf("%s declares nothing: is it read?", name)
		}
	}
}

// BenchmarkDeclaredNames reads the fixed half's names from its lines (the
// shortcut) and by parsing it (the plain path): once per run of errgen.
func BenchmarkDeclaredNames(b *testing.B) {
	var sources [][]byte
	for _, name := range fixedFiles {
		src, err := fixedFS.ReadFile("fixed/" + name)
		if err != nil {
			b.Fatal(err)
		}
		sources = append(sources, src)
	}
	benchpair.Run(b, func() {
		for _, src := range sources {
			declaredNames(src)
		}
	}, func() {
		for _, src := range sources {
			parsedNames(b, "fixed.go", src)
		}
	}, nil)
}
