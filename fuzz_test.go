package errgen

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"sync"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// stdlibImporter reads the standard library's export data (go list -export) once and
// keeps it for every fuzz input.
var stdlibImporter = sync.OnceValues(func() (types.Importer, *token.FileSet) {
	fset := token.NewFileSet()
	return importer.ForCompiler(fset, "gc", nil), fset
})

// typeCheckGo parses and type-checks a generated package.
func typeCheckGo(t testing.TB, src []byte) {
	t.Helper()
	imp, fset := stdlibImporter()
	file, err := parser.ParseFile(fset, "errors.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("generated Go does not parse: %v\n%s", err, src)
	}
	conf := types.Config{Importer: imp}
	if _, err := conf.Check(file.Name.Name, fset, []*ast.File{file}, nil); err != nil {
		t.Fatalf("generated Go does not type-check: %v", err)
	}
}

// FuzzGenerate feeds catalogs to the whole pipeline: any catalog that loads
// must generate Go that gofmt leaves as it is and that type-checks, OpenAPI that kin-openapi validates and
// Markdown whose tables keep their shape.
//
// Run it with -fuzzminimizetime 1s: an execution costs milliseconds, so
// minimising each new whole-catalog input for the default minute leaves the
// count of executions standing still.
func FuzzGenerate(f *testing.F) {
	// The small preset catalogs: mutations of big ones mostly cost time.
	for _, tc := range goldenCases {
		if data, err := os.ReadFile(tc.catalog); err == nil && len(data) < 16<<10 {
			f.Add(data)
		}
	}
	f.Add(catalogtest.Hostile())
	f.Add(catalogtest.Decls())
	// The importer's first use reads the export data of every package the
	// generated code imports, seconds under load: paid here, in each
	// worker's setup, it does not make the worker's first input look hung.
	c, err := catalog.Parse("decls.yaml", catalogtest.Decls(), Check)
	if err != nil {
		f.Fatal(err)
	}
	warm, err := Generate(c, Options{})
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range warm {
		if file.Output == OutputGo {
			typeCheckGo(f, file.Data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := catalog.Parse("fuzz.yaml", data, Check)
		if err != nil {
			return
		}
		files, err := Generate(c, Options{})
		if err != nil {
			t.Fatalf("a valid catalog failed to generate: %v", err)
		}
		for _, file := range files {
			switch file.Output {
			case OutputGo:
				checkGofmt(t, file.Data)
				typeCheckGo(t, file.Data)
			case OutputOpenAPI:
				loadValidOpenAPI(t, file.Data)
			case OutputMarkdown:
				markdowntest.CheckTables(t, markdowntest.Parse(t, file.Data))
			}
		}
	})
}
