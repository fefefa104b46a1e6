package golang

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// TestReservedNamesCoverPackage reads every package-level name of the
// fixed half's own source, stand-in table included, from disk: each is
// reserved, or is declared for one of the stand-in's errors (what
// names.Declared says), or is an unexported envelope writer (appendXBody,
// one per envelope, which no exported error identifier can meet). A name
// added to the fixed half later is covered without a list to keep.
func TestReservedNamesCoverPackage(t *testing.T) {
	reserved, err := reservedNames()
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load("testdata/standin.yaml", Rules)
	if err != nil {
		t.Fatal(err)
	}
	perError := map[string]bool{}
	for _, e := range c.Errors {
		for _, id := range names.Declared(e) {
			perError[id.Name] = true
		}
	}
	files, err := filepath.Glob("fixed/*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range packageLevelNames(f) {
			checked++
			envelopeWriter := strings.HasPrefix(id, "append") && strings.HasSuffix(id, "Body")
			if !reserved[id] && !perError[id] && !envelopeWriter {
				t.Errorf("%s declares %s, which is not reserved: an error could declare it too", path, id)
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d package-level names in fixed/: is the folder read?", checked)
	}
}

// Catalogs whose generated names meet the fixed half's are refused with a
// position and the name, instead of giving a package that does not build.
func TestReservedNamesRefused(t *testing.T) {
	tests := []struct {
		name, errors, want string
	}{
		{"enum type meets ParseErrorKind",
			"  - code: PARSE_ERROR\n    status: 400\n    details: [{name: kind, type: string, enum: [a, b]}]\n",
			`catalog.yaml:8:22: detail "kind" of code "PARSE_ERROR" would declare the Go identifier ParseErrorKind, which errgen keeps for the generated package's own code: rename it`},
		{"enum type meets ParseError",
			"  - code: PARSE\n    status: 400\n    details: [{name: error, type: string, enum: [a, b]}]\n",
			`catalog.yaml:8:22: detail "error" of code "PARSE" would declare the Go identifier ParseError, which errgen keeps for the generated package's own code: rename it`},
		{"enum value meets ParseNotJSON",
			"  - code: PARSE\n    status: 400\n    details: [{name: not, type: string, enum: [json, other]}]\n",
			`would declare the Go identifier ParseNotJSON, which errgen keeps for the generated package's own code: rename it`},
		// Only a package with a grpc: section holds RPCStatus; reserving it
		// anyway keeps a catalog valid when it adds one.
		{"enum type meets RPCStatus without grpc",
			"  - code: RPC\n    status: 400\n    details: [{name: status, type: string, enum: [a, b]}]\n",
			`would declare the Go identifier RPCStatus, which errgen keeps for the generated package's own code: rename it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "version: 1\napi: A\nformat: flat\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n" + tt.errors
			_, err := catalog.Parse("catalog.yaml", []byte(src), Rules)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}

// Every exported reserved name is one a Go identifier can be: the list is
// read from real declarations, not typed by hand.
func TestReservedNamesAreIdentifiers(t *testing.T) {
	reserved, err := reservedNames()
	if err != nil {
		t.Fatal(err)
	}
	for id := range reserved {
		if !token.IsIdentifier(id) {
			t.Errorf("%q is no identifier", id)
		}
	}
	for _, want := range []string{"Error", "Parse", "ParseError", "ParseErrorKind", "Lookup", "Definition", "Write", "Code", "definitions"} {
		if !reserved[want] {
			t.Errorf("%s is not reserved", want)
		}
	}
}
