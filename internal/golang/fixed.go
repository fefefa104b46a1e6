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
// in this order; rpcFiles only for a catalog with a grpc: section.
//
//go:embed fixed/types.go fixed/definitions.go fixed/details.go fixed/fieldenums.go fixed/detailsjson.go fixed/template.go fixed/error.go
//go:embed fixed/parse.go fixed/decodedetails.go fixed/lookup.go fixed/json.go fixed/jsonvalid.go fixed/named.go fixed/rpc.go fixed/badrequest.go
//go:embed fixed/headers.go fixed/report.go fixed/log.go fixed/handler.go fixed/client.go fixed/language.go fixed/acceptlanguage.go fixed/languagecache.go
var fixedFS embed.FS

// fixedFiles are the embedded files, in the order the generated file holds
// them. reservedNames reads them all, rpcFiles too, so that a catalog that
// is valid stays valid when it adds a grpc: section.
var fixedFiles = []string{
	"types.go", "definitions.go", "details.go", "fieldenums.go", "detailsjson.go", "template.go", "error.go",
	"parse.go", "decodedetails.go", "lookup.go", "json.go", "jsonvalid.go", "named.go", "rpc.go", "badrequest.go", "headers.go", "report.go", "log.go", "handler.go", "client.go",
	"language.go", "acceptlanguage.go", "languagecache.go",
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

// hasRPC reports whether c's package holds rpcFiles: whether it has a grpc:
// section, which sets grpc.domain, as the gRPC and Connect outputs require.
func hasRPC(c *catalog.Catalog) bool { return c.GRPC.Domain != "" }

// The fixed half is read once in each of its two forms, with and without
// rpcFiles: it never changes while the program runs.
var (
	fixedWithRPC    = sync.OnceValues(func() (*fixedSource, error) { return readFixed(true) })
	fixedWithoutRPC = sync.OnceValues(func() (*fixedSource, error) { return readFixed(false) })
)

// loadFixed is the fixed half, with rpcFiles or without.
func loadFixed(rpc bool) (*fixedSource, error) {
	if rpc {
		return fixedWithRPC()
	}
	return fixedWithoutRPC()
}

// readFixed reads the embedded fixed half, with rpcFiles or without.
func readFixed(rpc bool) (*fixedSource, error) {
	fx := &fixedSource{}
	var body strings.Builder
	for _, name := range fixedFiles {
		if !rpc && slices.Contains(rpcFiles, name) {
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
	fx.body = body.String()
	return fx, nil
}

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
