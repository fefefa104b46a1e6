package golang

import (
	"bytes"
	"embed"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The fixed half of every generated package is ordinary Go in the fixed
// package beside this one, compiled and tested there against a stand-in for
// the per-catalog half (fixed/table.go, generated from testdata/standin.yaml).
// Its files are copied, after their import blocks, into each generated file,
// in this order.
//
//go:embed fixed/types.go fixed/details.go fixed/fieldenums.go fixed/detailsjson.go fixed/template.go fixed/error.go
//go:embed fixed/parse.go fixed/decodedetails.go fixed/lookup.go fixed/json.go fixed/named.go fixed/rpc.go fixed/badrequest.go
//go:embed fixed/report.go fixed/log.go fixed/handler.go fixed/client.go fixed/language.go fixed/acceptlanguage.go fixed/languagecache.go
var fixedFS embed.FS

// fixedFiles are the embedded files, in the order the generated file holds
// them.
var fixedFiles = []string{
	"types.go", "details.go", "fieldenums.go", "detailsjson.go", "template.go", "error.go",
	"parse.go", "decodedetails.go", "lookup.go", "json.go", "named.go", "rpc.go", "badrequest.go", "report.go", "log.go", "handler.go", "client.go",
	"language.go", "acceptlanguage.go", "languagecache.go",
}

// The one thing that varies in the fixed half: a catalog whose envelopes
// reference $meta gets a meta field in the definition struct, after the
// field metaAfter, where the envelope writers find the values.
const (
	metaStruct = "definition"
	metaAfter  = "challenge"
)

// fixedSource is the fixed half as the emitter copies it.
type fixedSource struct {
	imports []string // the import paths the fixed half uses, sorted
	// The declarations, as the generated file holds them, cut after the
	// metaAfter field's line.
	head, tail string
	// The byte columns of the metaAfter field's type and comment, at
	// which gofmt aligns a field added below it.
	typeCol, commentCol int
}

// loadFixed reads the embedded fixed half once: it never changes while the
// program runs. It finds where the meta field goes in the parsed source, so
// a fixed half without a definition struct or its metaAfter field fails
// every Generate and every test.
var loadFixed = sync.OnceValues(func() (*fixedSource, error) {
	fx := &fixedSource{}
	var body strings.Builder
	cut := -1
	for i, name := range fixedFiles {
		src, err := fixedFS.ReadFile("fixed/" + name)
		if err != nil {
			return nil, err
		}
		f, fset, err := parseFixed(name, src)
		if err != nil {
			return nil, err
		}
		imports, start, err := importsOf(f, fset)
		if err != nil {
			return nil, err
		}
		fx.imports = append(fx.imports, imports...)
		if i > 0 {
			body.WriteString("\n")
		}
		// The declarations start at the first non-blank line after the imports.
		start += len(src[start:]) - len(bytes.TrimLeft(src[start:], "\n"))
		if field := structField(f, metaStruct, metaAfter); field != nil {
			end := fset.Position(field.End()).Offset
			end += bytes.IndexByte(src[end:], '\n') + 1
			cut = body.Len() + end - start
			lineStart := bytes.LastIndexByte(src[:end-1], '\n') + 1
			fx.typeCol = fset.Position(field.Type.Pos()).Offset - lineStart
			fx.commentCol = fset.Position(field.Comment.Pos()).Offset - lineStart
		}
		body.Write(src[start:])
	}
	if cut < 0 {
		return nil, errors.New("golang: the fixed half's " + metaStruct + " struct has no " + metaAfter + " field to add meta after")
	}
	slices.Sort(fx.imports)
	fx.imports = slices.Compact(fx.imports)
	fx.head, fx.tail = body.String()[:cut], body.String()[cut:]
	return fx, nil
})

// parseFixed parses one file of the fixed half.
func parseFixed(name string, src []byte) (*ast.File, *token.FileSet, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	return f, fset, err
}

// structField is the named field of a top-level struct type with a line
// comment, or nil.
func structField(f *ast.File, typ, field string) *ast.Field {
	for _, decl := range f.Decls {
		d, ok := decl.(*ast.GenDecl)
		if !ok || d.Tok != token.TYPE {
			continue
		}
		for _, spec := range d.Specs {
			ts := spec.(*ast.TypeSpec)
			st, ok := ts.Type.(*ast.StructType)
			if !ok || ts.Name.Name != typ {
				continue
			}
			for _, fd := range st.Fields.List {
				if len(fd.Names) == 1 && fd.Names[0].Name == field && fd.Comment != nil {
					return fd
				}
			}
		}
	}
	return nil
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
func (fx *fixedSource) size(metaNames []string) int {
	return len(fx.head) + len(fx.metaField(metaNames)) + len(fx.tail)
}

// writeTo writes the fixed half, with the meta field when envelopes
// reference meta names.
func (fx *fixedSource) writeTo(b *bytes.Buffer, metaNames []string) {
	b.WriteString(fx.head)
	b.WriteString(fx.metaField(metaNames))
	b.WriteString(fx.tail)
}

// metaField is the line of the definition struct that holds the meta
// values the catalog's envelopes reference, aligned as gofmt aligns it with
// the field above it; "" without meta names.
func (fx *fixedSource) metaField(metaNames []string) string {
	if len(metaNames) == 0 {
		return ""
	}
	line := "\tmeta"
	line += strings.Repeat(" ", fx.typeCol-len(line)) + "[]string"
	line += strings.Repeat(" ", fx.commentCol-len(line))
	return line + "// meta values referenced by envelopes: " + strings.Join(metaNames, ", ") + "\n"
}
