package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// testRef is how the fixed half's comments name what holds a shortcut to
// its plain path: a test, fuzz target or benchmark, or a _test.go file.
var testRef = regexp.MustCompile(`\b(?:Test|Fuzz|Benchmark)[A-Z][A-Za-z0-9_]*|\b[a-z_]+_test\.go\b`)

// TestFixedHalfNamesWhatExists: every test, fuzz target, benchmark and test
// file a comment of the copied fixed half names exists, in the fixed
// package (or, for the variants' builds, this one), which fixedHalfNote
// sends the generated file's reader to. A renamed test would otherwise
// leave every generated package pointing at nothing.
func TestFixedHalfNamesWhatExists(t *testing.T) {
	funcs := testFuncs(t, "fixed/*_test.go", "*_test.go")
	for _, name := range fixedFiles {
		src, err := fixedFS.ReadFile("fixed/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range testRef.FindAllString(string(src), -1) {
			if strings.HasSuffix(ref, "_test.go") {
				if _, err := os.Stat(filepath.Join("fixed", ref)); err != nil {
					t.Errorf("fixed/%s names %s, which the fixed package does not have", name, ref)
				}
				continue
			}
			if !funcs[ref] {
				t.Errorf("fixed/%s names %s, which neither the fixed package's tests nor this package's declare", name, ref)
			}
		}
	}
	if !strings.Contains(fixedHalfNote, "github.com/errgen/errgen/internal/golang/fixed") {
		t.Errorf("fixedHalfNote does not name the fixed package: %q", fixedHalfNote)
	}
}

// testFuncs are the functions the test files matching patterns declare.
func testFuncs(t *testing.T, patterns ...string) map[string]bool {
	t.Helper()
	funcs := map[string]bool{}
	fset := token.NewFileSet()
	for _, pattern := range patterns {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
					funcs[fd.Name.Name] = true
				}
			}
		}
	}
	return funcs
}
