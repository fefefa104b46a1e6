package catalog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// allKeys unions the key lists by hand: a list added to the decoders and
// not to it would make a line holding one of its keys read as text in a
// continuation (looksLikeKey). Every package-level []string named *Keys in
// the catalog package's sources is checked to be in it, key by key.
func TestAllKeysHasEveryKeyList(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	lists := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.VAR {
				continue
			}
			for _, spec := range gen.Specs {
				lists += checkKeyList(t, fset, spec.(*ast.ValueSpec))
			}
		}
	}
	if lists < 20 {
		t.Fatalf("found %d key lists; the test no longer sees the decoders' lists", lists)
	}
}

// checkKeyList checks the keys of each *Keys []string literal of spec
// against allKeys and returns how many lists it checked.
func checkKeyList(t *testing.T, fset *token.FileSet, spec *ast.ValueSpec) (lists int) {
	for i, name := range spec.Names {
		if !strings.HasSuffix(name.Name, "Keys") || name.Name == "allKeys" || i >= len(spec.Values) {
			continue
		}
		lit, ok := spec.Values[i].(*ast.CompositeLit)
		if !ok {
			continue
		}
		if arr, ok := lit.Type.(*ast.ArrayType); !ok || arr.Len != nil || !isIdent(arr.Elt, "string") {
			continue
		}
		lists++
		for _, elt := range lit.Elts {
			key, err := strconv.Unquote(elt.(*ast.BasicLit).Value)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(allKeys(), key) {
				t.Errorf("%s: key %q of %s is not in allKeys: add %s to its lists", fset.Position(elt.Pos()), key, name.Name, name.Name)
			}
		}
	}
	return lists
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
