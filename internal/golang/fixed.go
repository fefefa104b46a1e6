package golang

import (
	"bytes"
	"embed"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/errgen/errgen/catalog"
)

// The fixed half of every generated package is ordinary Go in the fixed
// package beside this one, compiled and tested there against a stand-in for
// the per-catalog half (fixed/table.go, generated from testdata/standin.yaml).
// Its files are copied, after their import blocks, into each generated file,
// in this order; rpcFiles only for a catalog with a grpc: section, and of
// each of fixedFeatures, its files or those in their place.
//
//go:embed fixed/types.go fixed/definitions.go fixed/details.go fixed/fieldenums.go fixed/nofieldenums.go fixed/detailsjson.go fixed/template.go fixed/error.go fixed/copies.go
//go:embed fixed/parse.go fixed/parseerror.go fixed/decodedetails.go fixed/receivednested.go fixed/lookup.go fixed/json.go fixed/jsonvalid.go fixed/named.go fixed/rpc.go fixed/badrequest.go
//go:embed fixed/headers.go fixed/report.go fixed/log.go fixed/handler.go fixed/client.go fixed/localized.go fixed/language.go fixed/acceptlanguage.go
//go:embed fixed/languagecache.go fixed/onelanguage.go
var fixedFS embed.FS

// fixedFiles are the embedded files, in the order the generated file holds
// them. reservedNames reads them all, rpcFiles and each feature's files and
// those in their place too, so that a catalog that is valid stays valid
// when it adds a grpc: section, a language or an enum field.
var fixedFiles = []string{
	"types.go", "definitions.go", "details.go", "fieldenums.go", "nofieldenums.go", "detailsjson.go", "template.go", "error.go", "copies.go",
	"parse.go", "parseerror.go", "decodedetails.go", "receivednested.go", "lookup.go", "json.go", "jsonvalid.go", "named.go", "rpc.go", "badrequest.go", "headers.go", "report.go", "log.go", "handler.go", "client.go",
	"localized.go", "language.go", "acceptlanguage.go", "languagecache.go", "onelanguage.go",
}

// fixedSource is the fixed half as the emitter copies it.
type fixedSource struct {
	imports []string // the import paths the fixed half uses, sorted
	body    string   // the declarations, as the generated file holds them
}

// rpcFiles are the fixed files that only the gRPC and Connect packages
// call into (RPCStatusFor, RPCError): the emitter copies them only for a
// catalog with a grpc: section, which those packages need, so that a
// service without one does not compile them.
var rpcFiles = []string{"rpc.go", "badrequest.go"}

// A fixedFeature is code of the fixed half that only some catalogs' packages
// run: the emitter copies its files only for a catalog that has the
// feature, and for the others the files that do what they do without it,
// so that most services do not compile code that never runs there
// (docs/performance.md). The fixed package compiles the feature's files by
// default and the others under its build tag, each against a stand-in of
// its own (standin_test.go); TestBuildVariants there runs its tests so.
type fixedFeature struct {
	files   []string // with the feature
	without []string // in their place without it
	tag     string   // the build tag under which the fixed package compiles without
}

// fixedFeatures are the features of fixedVariant, in its order.
var fixedFeatures = []fixedFeature{
	// Negotiating a response's language among a catalog's, for a catalog
	// of several languages. With the next, 8% of what compiling the fixed
	// half of a catalog of one language without enum fields cost.
	{files: []string{"language.go", "acceptlanguage.go", "languagecache.go"}, without: []string{"onelanguage.go"}, tag: "errgen_one_language"},
	// Checking the enum fields of object details, for a catalog with some.
	{files: []string{"fieldenums.go"}, without: []string{"nofieldenums.go"}, tag: "errgen_no_field_enums"},
}

// hasRPC reports whether c's package holds rpcFiles: whether it has a grpc:
// section, which sets grpc.domain, as the gRPC and Connect outputs require.
func hasRPC(c *catalog.Catalog) bool { return c.GRPC.Domain != "" }

// hasFieldEnums reports whether an object detail of c has an enum field.
func hasFieldEnums(c *catalog.Catalog) bool {
	return slices.ContainsFunc(c.Errors, func(e *catalog.Error) bool {
		_, enums := fieldEnumsOf(e)
		return len(enums) > 0
	})
}

// A fixedVariant is what decides which files of the fixed half a
// catalog's package holds: rpcFiles, and each of fixedFeatures' files or
// those in their place.
type fixedVariant struct {
	rpc      bool    // the catalog has a grpc: section
	features [2]bool // whether it has each of fixedFeatures: several languages, enum fields
}

// variantOf is the fixed half c's package holds.
func variantOf(c *catalog.Catalog) fixedVariant {
	return fixedVariant{rpc: hasRPC(c), features: [2]bool{len(c.Languages) > 0, hasFieldEnums(c)}}
}

// holds reports whether the variant's package holds the fixed file name.
func (v fixedVariant) holds(name string) bool {
	if slices.Contains(rpcFiles, name) {
		return v.rpc
	}
	for i, f := range fixedFeatures {
		switch {
		case slices.Contains(f.files, name):
			return v.features[i]
		case slices.Contains(f.without, name):
			return !v.features[i]
		}
	}
	return true
}

// The fixed half is read once in each of its variants, on first use: it
// never changes while the program runs.
var (
	fixedMu       sync.Mutex
	fixedVariants = map[fixedVariant]func() (*fixedSource, error){}
)

// loadFixed is the fixed half of variant v.
func loadFixed(v fixedVariant) (*fixedSource, error) {
	fixedMu.Lock()
	load := fixedVariants[v]
	if load == nil {
		load = sync.OnceValues(func() (*fixedSource, error) { return readFixed(v) })
		fixedVariants[v] = load
	}
	fixedMu.Unlock()
	return load()
}

// readFixed reads the embedded fixed half of variant v.
func readFixed(v fixedVariant) (*fixedSource, error) {
	fx := &fixedSource{}
	var body strings.Builder
	for _, name := range fixedFiles {
		if !v.holds(name) {
			continue
		}
		src, err := fixedFS.ReadFile("fixed/" + name)
		if err != nil {
			return nil, err
		}
		imports, decls, err := splitImports(name, src)
		if err != nil {
			return nil, err
		}
		fx.imports = append(fx.imports, imports...)
		if body.Len() > 0 {
			body.WriteString("\n")
		}
		body.WriteString(decls)
	}
	slices.Sort(fx.imports)
	fx.imports = slices.Compact(fx.imports)
	fx.body = fixedHalfNote + body.String()
	return fx, nil
}

// fixedHalfNote opens the fixed half in a generated file: the fixed half's
// comments name the tests, fuzz targets and benchmarks that hold its
// shortcuts to their plain paths, which live in errgen's repository, not
// in the service that reads the generated file.
const fixedHalfNote = `// From here to the end of the file is errgen's fixed half, copied from
// errgen's repository (github.com/errgen/errgen/internal/golang/fixed),
// where it is ordinary Go, compiled and tested: the tests, fuzz targets,
// benchmarks and _test.go files its comments name are there.

`

// importsOf returns the import paths of a Go file and the offset at which
// its package clause and imports end.
func importsOf(f *ast.File, fset *token.FileSet) (imports []string, end int, err error) {
	end = fset.Position(f.Name.End()).Offset
	for _, decl := range f.Decls {
		if d, ok := decl.(*ast.GenDecl); ok && d.Tok == token.IMPORT {
			end = fset.Position(d.End()).Offset
		}
	}
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return nil, 0, err
		}
		imports = append(imports, path)
	}
	return imports, end, nil
}

// splitImports returns the import paths of a Go file and what follows its
// package clause and imports, from the first declaration on.
func splitImports(name string, src []byte) (imports []string, body string, err error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		return nil, "", err
	}
	imports, end, err := importsOf(f, fset)
	if err != nil {
		return nil, "", err
	}
	return imports, strings.TrimLeft(string(src[end:]), "\n"), nil
}

// size is how many bytes writeTo writes.
func (fx *fixedSource) size() int { return len(fx.body) }

// writeTo writes the fixed half.
func (fx *fixedSource) writeTo(b *bytes.Buffer) { b.WriteString(fx.body) }
