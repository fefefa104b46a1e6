package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// TestRulesOnlyWhenAsked: the Go output's rules are not the catalog's own.
func TestRulesOnlyWhenAsked(t *testing.T) {
	data := []byte(`version: 1
api: Shop API
format: flat
errors:
  - code: BAD
    status: 400
    details:
      - {name: len, type: integer, required: true}
  - {code: INTERNAL, status: 500, fallback: true}
`)
	if _, err := catalog.Parse("catalog.yaml", data); err != nil {
		t.Fatalf("without Rules: %v", err)
	}
	_, err := catalog.Parse("catalog.yaml", data, Rules)
	want := `catalog.yaml:8:16: required detail "len" is NewBad's parameter named len, which would shadow Go's predeclared len: rename the detail, or make it optional (optional details are not parameters)`
	if err == nil || err.Error() != want {
		t.Errorf("with Rules: %v, want %s", err, want)
	}
}

// TestRulesToleratesProblems runs Rules over catalogs a Check may see:
// errors without names, details without types.
func TestRulesToleratesProblems(t *testing.T) {
	c := &catalog.Catalog{Errors: []*catalog.Error{
		{},
		{Code: "X", Details: []*catalog.Detail{{Required: true}, {Name: "type", Required: true}, {Name: "func"}}},
		{Code: "Y", Name: "Y", Details: []*catalog.Detail{{Name: "a", Required: true}, {Name: "b"}}},
	}}
	probs := Rules(c)
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, `required detail "type" is the constructor's parameter named type, and type is a Go keyword`) {
		t.Errorf("Rules = %v", probs)
	}
}

// TestRuntimeNamesCannotCollide: the runtime's exported identifiers (Parse,
// ParseError, …) can never be one a catalog error declares (Code<Name>,
// Err<Name>, New<Name>, <Name>Details, where <Name> starts with an
// upper-case letter or a digit), so goIdentifierProblems need not know them;
// but for NewWithDetails, the constructor of a code WITH_DETAILS, which it
// refuses as it refuses every name the fixed half declares. names.Runtime
// lists them all, names.RPCRuntime those of rpcFiles.
func TestRuntimeNamesCannotCollide(t *testing.T) {
	var exported, rpc []string
	defer func() {
		slices.Sort(exported)
		if !slices.Equal(exported, names.Runtime) {
			t.Errorf("the fixed half exports\n%q\nnames.Runtime lists\n%q", exported, names.Runtime)
		}
		slices.Sort(rpc)
		if !slices.Equal(rpc, names.RPCRuntime) {
			t.Errorf("%v export\n%q\nnames.RPCRuntime lists\n%q", rpcFiles, rpc, names.RPCRuntime)
		}
	}()
	for _, name := range fixedFiles {
		src, err := fixedFS.ReadFile("fixed/" + name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for id, obj := range f.Scope.Objects {
			if !ast.IsExported(id) {
				continue
			}
			exported = append(exported, id)
			if slices.Contains(rpcFiles, name) {
				rpc = append(rpc, id)
			}
			if id == "NewWithDetails" {
				continue
			}
			for _, prefix := range []string{"Code", "Err", "New"} {
				if rest, ok := strings.CutPrefix(id, prefix); ok && rest != "" && !unicode.IsLower(rune(rest[0])) {
					t.Errorf("%s: %s %s could be the %s… of a catalog error", name, obj.Kind, id, prefix)
				}
			}
			if strings.HasSuffix(id, "Details") {
				t.Errorf("%s: %s %s could be the details type of a catalog error", name, obj.Kind, id)
			}
		}
	}
}
