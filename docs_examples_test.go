package errgen

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/examples/onestack/onestackerrors"
	"github.com/errgen/errgen/generated/apierrors"
)

// docsPackages are the generated packages the reference pages' Go names,
// by the name the pages use: the bundled catalog's and the example's.
var docsPackages = map[string]string{
	"apierrors":        "generated/apierrors/errors.go",
	"apierrorsgrpc":    "generated/apierrorsgrpc/grpc.go",
	"apierrorsconnect": "generated/apierrorsconnect/connect.go",
	"onestackerrors":   "examples/onestack/onestackerrors/errors.go",
}

// exported returns a generated file's exported top-level names, each with
// its parameter count for a function that is not variadic (-1 otherwise).
func exported(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]int{}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.IsExported() {
				names[d.Name.Name] = paramCount(d.Type)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					names[s.Name.Name] = -1
				case *ast.ValueSpec:
					for _, n := range s.Names {
						names[n.Name] = -1
					}
				}
			}
		}
	}
	return names
}

func paramCount(ft *ast.FuncType) int {
	n := 0
	for _, p := range ft.Params.List {
		if _, variadic := p.Type.(*ast.Ellipsis); variadic {
			return -1
		}
		n += max(len(p.Names), 1)
	}
	return n
}

// docCall finds pkg.Name in the pages' Go, and the arguments of a call
// that fits on its line without nested parentheses.
var docCall = regexp.MustCompile(`\b([a-z]+)\.([A-Z][A-Za-z0-9_]*)(\(([^()]*)\))?`)

// Every name the reference pages' Go takes from a generated package exists
// there, and a constructor is called with as many arguments as it takes:
// a reader pasting the example into a service of the bundled catalog gets
// code that compiles. (The README's quick start is compiled whole, by
// TestREADMEQuickStart, against its own catalog.)
func TestDocsNameGeneratedIdentifiers(t *testing.T) {
	pkgs := map[string]map[string]int{}
	for name, path := range docsPackages {
		pkgs[name] = exported(t, path)
	}
	pages, err := filepath.Glob("docs/*.md")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages (%v)", err)
	}
	for _, page := range pages {
		data, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range docCall.FindAllStringSubmatch(line, -1) {
				names, ok := pkgs[m[1]]
				if !ok {
					continue
				}
				params, ok := names[m[2]]
				switch {
				case !ok:
					t.Errorf("%s:%d: %s.%s is not in %s", page, i+1, m[1], m[2], docsPackages[m[1]])
				case m[3] != "" && params >= 0 && strings.HasPrefix(m[2], "New"):
					if args := argCount(m[4]); args != params {
						t.Errorf("%s:%d: %s.%s takes %d arguments, the page gives %d: %s", page, i+1, m[1], m[2], params, args, m[0])
					}
				}
			}
		}
	}
}

// argCount counts a call's arguments, commas inside quotes aside.
func argCount(args string) int {
	if strings.TrimSpace(args) == "" {
		return 0
	}
	n, quoted := 1, false
	for _, r := range args {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ',' && !quoted:
			n++
		}
	}
	return n
}

// docs/catalog.md opens with every part of a catalog in its place: its
// keys are all keys the loader reads, of the types it takes, and what it
// refuses is only what the page says it does (an error that is a 404, the
// fallback and retired at once; codes it names but does not declare).
func TestCatalogDocBlock(t *testing.T) {
	data, err := os.ReadFile("docs/catalog.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(data), "```yaml\n")
	block, after, _ := strings.Cut(rest, "```")
	files := catalog.MemFiles{"catalog.yaml": []byte(block), "errors/a.yaml": []byte("errors:\n  - {code: OTHER, status: 400}\n")}
	_, err = catalog.LoadFiles(files, "catalog.yaml", Check)
	if err == nil {
		if strings.Contains(after, "to be read, not run") {
			t.Error("the block validates: take out the page's note that it does not")
		}
		return
	}
	if !strings.Contains(after, "to be read, not run") {
		t.Errorf("the block does not validate, and the page does not say so:\n%v", err)
	}
	said := []string{"fallback", "retired", "unknown code", "no error has status", "has no translation file"}
	for _, problem := range strings.Split(err.Error(), "\n") {
		if !slices.ContainsFunc(said, func(s string) bool { return strings.Contains(problem, s) }) {
			t.Errorf("the block has a problem the page does not explain: %s", problem)
		}
	}
}

// docs/page.md says what Write does with a request id as Write does it:
// a request that carried no id is answered with one Write made (the old
// page said Write "does not make one up").
func TestPageDocRequestID(t *testing.T) {
	rec := httptest.NewRecorder()
	apierrors.Write(rec, httptest.NewRequest(http.MethodGet, "/", nil), apierrors.NewNotFound("ticket", "t1"))
	if rec.Header().Get("X-Request-Id") == "" {
		t.Fatal("Write sent no request id for a request without one")
	}
	page, err := os.ReadFile("docs/page.md")
	if err != nil {
		t.Fatal(err)
	}
	const said = "`Write` makes one when the request has none"
	if !strings.Contains(strings.Join(strings.Fields(string(page)), " "), said) {
		t.Errorf("docs/page.md does not say %s", said)
	}
}

// docs/examples.md's One Stack response is what its Go line makes the
// generated package write, headers and body, for a request carrying the
// id the block shows: the block once left out the X-Request-Id header the
// catalog's request_id has Write send with every error.
func TestExamplesDocResponse(t *testing.T) {
	const call = `onestackerrors.Write(w, r, onestackerrors.NewRateLimitExceeded(100, "1m", 23))`
	blocks := fencedBlocks(t, "docs/examples.md")
	if goBlocks := byLang(blocks, "go"); len(goBlocks) != 1 || strings.TrimSpace(goBlocks[0].text) != call {
		t.Fatalf("docs/examples.md's Go block is no longer %s: update the test", call)
	}
	httpBlocks := byLang(blocks, "http")
	if len(httpBlocks) != 1 {
		t.Fatalf("docs/examples.md has %d http blocks, want the one response", len(httpBlocks))
	}
	said := httpBlocks[0].text
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	if m := regexp.MustCompile(`(?m)^X-Request-Id: (\S+)$`).FindStringSubmatch(said); m != nil {
		r.Header.Set("X-Request-Id", m[1])
	}
	rec := httptest.NewRecorder()
	onestackerrors.Write(rec, r, onestackerrors.NewRateLimitExceeded(100, "1m", 23))
	res := rec.Result()
	var sent strings.Builder
	sent.WriteString("HTTP/1.1 " + res.Status + "\n")
	for _, name := range slices.Sorted(maps.Keys(res.Header)) {
		sent.WriteString(name + ": " + strings.Join(res.Header[name], ", ") + "\n")
	}
	sent.WriteString("\n" + rec.Body.String() + "\n")
	if said != sent.String() {
		t.Errorf("docs/examples.md shows\n%s\nWrite sends\n%s", said, sent.String())
	}
}

// docs/page.md quotes the note of an untranslated error as the German page
// of testdata/languages prints it: the quote once named two of the five
// parts the page lists.
func TestPageDocUntranslatedNote(t *testing.T) {
	page, err := os.ReadFile("docs/page.md")
	if err != nil {
		t.Fatal(err)
	}
	quote := regexp.MustCompile("`(\\*\\*Noch nicht übersetzt:\\*\\*[^`]*)`").FindSubmatch(page)
	if quote == nil {
		t.Fatal("docs/page.md no longer quotes a German untranslated note: update the test")
	}
	german, err := os.ReadFile("testdata/languages/errors.de.md")
	if err != nil {
		t.Fatal(err)
	}
	said, printed := strings.Join(strings.Fields(string(quote[1])), " "), strings.Join(strings.Fields(string(german)), " ")
	if !strings.Contains(printed, said) {
		t.Errorf("docs/page.md quotes %q, which testdata/languages/errors.de.md does not print", said)
	}
}
