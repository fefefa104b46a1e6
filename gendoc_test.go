package errgen

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"testing"
)

// detailsName is a details type's name as a comment writes it; testName a
// test of the fixed half's, which its comments name as the plain path's
// keeper.
var (
	detailsName = regexp.MustCompile(`\b[A-Z][A-Za-z0-9]*Details\b`)
	testName    = regexp.MustCompile(`^(Test|Benchmark|Fuzz)`)
)

// The generated packages' comments name only their own details types: the
// fixed half is written for a stand-in catalog, and a doc example of its
// (NewWithDetails(InvalidInputDetails{…})) named a type that a service's
// package does not have, which go doc and gopls showed.
func TestGeneratedDocsNameOwnTypes(t *testing.T) {
	for _, tc := range goldenCases {
		files, _ := filepath.Glob(filepath.Join(tc.dir, "*", "errors.go"))
		for _, path := range files {
			file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			declared := map[string]bool{}
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.TypeSpec:
					declared[n.Name.Name] = true
				case *ast.FuncDecl:
					declared[n.Name.Name] = true
				}
				return true
			})
			if len(declared) == 0 {
				t.Fatalf("%s declares no type", path)
			}
			for _, group := range file.Comments {
				for _, name := range detailsName.FindAllString(group.Text(), -1) {
					if !declared[name] && !testName.MatchString(name) {
						t.Errorf("%s: a comment names %s, which the package does not declare:\n%s", path, name, group.Text())
					}
				}
			}
		}
	}
}
