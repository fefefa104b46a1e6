package golang

import (
	"embed"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The fixed half of every generated package is ordinary Go in the fixed
// package beside this one, compiled and tested there against a hand-written
// table (fixed/table.go). Its files are copied, after their import blocks,
// into each generated file, in this order.
//
//go:embed fixed/types.go fixed/details.go fixed/error.go fixed/parse.go fixed/json.go fixed/named.go
var fixedFS embed.FS

// runtimeFiles are the embedded files, in the order the generated file
// holds them.
var runtimeFiles = []string{"types.go", "details.go", "error.go", "parse.go", "json.go", "named.go"}

// runtimeSource is the runtime as the emitter copies it.
type runtimeSource struct {
	imports []string // the import paths the runtime uses, sorted
	body    string   // the declarations, as the generated file holds them
}

// loadRuntime reads the embedded runtime once: it never changes while the
// program runs.
var loadRuntime = sync.OnceValues(func() (*runtimeSource, error) {
	rt := &runtimeSource{}
	var bodies []string
	for _, name := range runtimeFiles {
		src, err := fixedFS.ReadFile("fixed/" + name)
		if err != nil {
			return nil, err
		}
		imports, body, err := splitImports(name, src)
		if err != nil {
			return nil, err
		}
		rt.imports = append(rt.imports, imports...)
		bodies = append(bodies, body)
	}
	slices.Sort(rt.imports)
	rt.imports = slices.Compact(rt.imports)
	rt.body = strings.Join(bodies, "\n")
	return rt, nil
})

// splitImports returns the import paths of a Go file and what follows its
// package clause and imports, from the first declaration on.
func splitImports(name string, src []byte) (imports []string, body string, err error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		return nil, "", err
	}
	end := fset.Position(f.Name.End()).Offset
	for _, decl := range f.Decls {
		if d, ok := decl.(*ast.GenDecl); ok && d.Tok == token.IMPORT {
			end = fset.Position(d.End()).Offset
		}
	}
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return nil, "", err
		}
		imports = append(imports, path)
	}
	return imports, strings.TrimLeft(string(src[end:]), "\n"), nil
}

// withMeta adds to the runtime's definition struct the field that holds the
// meta values the catalog's envelopes reference, aligned as gofmt aligns it
// with the field before it (challenge).
func withMeta(body string, metaNames []string) string {
	if len(metaNames) == 0 {
		return body
	}
	const after = "\tchallenge "
	i := strings.Index(body, after)
	if i < 0 {
		panic("golang: the runtime's definition struct has no challenge field")
	}
	end := i + strings.IndexByte(body[i:], '\n') + 1
	line := body[i:end]
	typeCol := len(after) + len(line[len(after):]) - len(strings.TrimLeft(line[len(after):], " "))
	commentCol := strings.Index(line, "//")
	meta := "\tmeta" + strings.Repeat(" ", typeCol-len("\tmeta")) + "[]string"
	meta += strings.Repeat(" ", commentCol-len(meta)) + "// meta values referenced by envelopes: " + strings.Join(metaNames, ", ") + "\n"
	return body[:end] + meta + body[end:]
}
