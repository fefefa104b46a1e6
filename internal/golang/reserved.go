package golang

import (
	"go/ast"
	"sync"
)

// catalogLevelNames are the package-level names the emitter declares once
// per catalog beside the per-error ones (names.Declared): the Code type,
// the registry and its tables as data, the envelopes' tables, and for a
// catalog of several languages the init that sets its languages
// (languages.go). TestReservedNamesCoverPackage holds them, with the fixed
// half's, against the stand-in package.
var catalogLevelNames = []string{"Code", "definitions", "definitionsText", "sentinels", "zeroDetails", "fallback", "requestIDHeader", "rpcDomain", "envelopes", "init"}

// reservedNames is every package-level name of a generated package that no
// error may declare: the fixed half's, read from its own source (so a name
// added there is reserved without a list to keep), and catalogLevelNames.
// A catalog whose PARSE error has an enum detail "error" would otherwise
// declare the type ParseError, which the fixed half declares already, and
// the package would not build.
var reservedNames = sync.OnceValues(func() (map[string]bool, error) {
	reserved := map[string]bool{}
	for _, name := range catalogLevelNames {
		reserved[name] = true
	}
	for _, name := range fixedFiles {
		src, err := fixedFS.ReadFile("fixed/" + name)
		if err != nil {
			return nil, err
		}
		f, _, err := parseFixed(name, src)
		if err != nil {
			return nil, err
		}
		for _, id := range packageLevelNames(f) {
			reserved[id] = true
		}
	}
	return reserved, nil
})

// packageLevelNames lists the names a file declares at package level:
// types, functions (not methods), constants and variables.
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
