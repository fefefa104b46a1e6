package errgen

import (
	"bytes"
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/internal/names"
)

// deprecationNotice returns the text of a doc comment's deprecation notice,
// found as go/doc and staticcheck find it: a paragraph of the parsed doc
// comment that starts with "Deprecated: ".
// syms are the package's top-level names, which go/doc links [Name] to.
func deprecationNotice(doc *ast.CommentGroup, syms map[string]bool) string {
	if doc == nil {
		return ""
	}
	p := comment.Parser{LookupSym: func(recv, name string) bool { return recv == "" && syms[name] }}
	for _, block := range p.Parse(doc.Text()).Content {
		para, ok := block.(*comment.Paragraph)
		if !ok || len(para.Text) == 0 {
			continue
		}
		if plain, ok := para.Text[0].(comment.Plain); ok && strings.HasPrefix(string(plain), "Deprecated: ") {
			var b strings.Builder
			for _, t := range para.Text {
				switch t := t.(type) {
				case comment.Plain:
					b.WriteString(string(t))
				case *comment.DocLink: // written <Name>, to tell it from plain brackets
					b.WriteString("<" + t.Name + ">")
				}
			}
			return strings.ReplaceAll(b.String(), "\n", " ")
		}
	}
	return ""
}

// goDeprecations maps each identifier of the generated Go to its
// deprecation notice, "" when it has none.
func goDeprecations(t *testing.T, src []byte) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "errors.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*ast.CommentGroup{}
	syms := map[string]bool{}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				docs[d.Name.Name] = d.Doc
			} else if id, ok := d.Recv.List[0].Type.(*ast.Ident); ok {
				docs[id.Name+"."+d.Name.Name] = d.Doc
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.ValueSpec:
					for _, n := range s.Names {
						docs[n.Name] = s.Doc
					}
				case *ast.TypeSpec:
					syms[s.Name.Name] = true
					if doc := s.Doc; doc != nil || !d.Lparen.IsValid() {
						if doc == nil {
							doc = d.Doc // type X …, its doc on the declaration
						}
						docs[s.Name.Name] = doc
					}
				}
			}
		}
	}
	for name := range docs {
		syms[name] = true
	}
	notes := map[string]string{}
	for name, doc := range docs {
		notes[name] = deprecationNotice(doc, syms)
	}
	return notes
}

// deprecatedCatalog has a deprecated code with enum and optional details,
// replaced by one with optional details, and one replaced by a code
// without details: every identifier of a deprecated code links somewhere.
const deprecatedCatalog = `version: 1
api: Shop API
errors:
  - code: OUT_OF_STOCK
    status: 409
    deprecated: Use CONFLICT.
    replaced_by: CONFLICT
    details:
      - {name: reason, type: string, required: true, enum: [sold_out, discontinued]}
      - {name: sku, type: string}
  - code: GONE
    status: 410
    deprecated: Use NOT_FOUND.
    replaced_by: NOT_FOUND
    details:
      - {name: kind, type: string, enum: [order, cart]}
  - {code: CONFLICT, status: 409, details: [{name: resource, type: string}]}
  - {code: NOT_FOUND, status: 404}
  - {code: INTERNAL, status: 500, fallback: true}
`

// TestDeprecatedGoIsRecognised checks that every identifier generated for
// exactly the deprecated codes (code constant, sentinel, constructors,
// details struct, enum types, values and Valid) carries a deprecation notice
// that go/doc/comment reads as one, with the reason and a doc link (shown
// <Name>) to the replacement's counterpart, and that retired codes have no
// identifier at all.
func TestDeprecatedGoIsRecognised(t *testing.T) {
	small, err := catalog.Parse("deprecated.yaml", []byte(deprecatedCatalog), Check)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*catalog.Catalog{mustLoadCatalog(t, "catalog.yaml"), small} {
		t.Run(c.File, func(t *testing.T) {
			notes := goDeprecations(t, generated(t, c, OutputGo))
			deprecated := 0
			for _, e := range c.Errors {
				idents := goIdents(e)
				for _, id := range slices.Sorted(maps.Keys(idents)) {
					note, ok := notes[id]
					if !ok {
						t.Fatalf("no %s in the generated Go", id)
					}
					want := ""
					if e.Deprecated != "" {
						want = "Deprecated: " + e.Deprecated
						if link := idents[id]; link != "" {
							want += " Replaced by <" + link + ">."
						}
					}
					if note != want {
						t.Errorf("%s: deprecation notice %q, want %q", id, note, want)
					}
				}
				if e.Deprecated != "" {
					deprecated++
				}
			}
			if deprecated == 0 {
				t.Fatal("the catalog should show a deprecated code")
			}
			for _, e := range c.Retired {
				for _, id := range []string{"Code", "Err", "New"} {
					if _, ok := notes[id+catalog.GoName(e.Code)]; ok {
						t.Errorf("retired %s has a Go identifier %s", e.Code, id+catalog.GoName(e.Code))
					}
				}
			}
		})
	}
}

// goIdents maps every identifier generated for an error (methods as
// Type.Method) to the identifier its replacement's notice links to: the
// replacement's counterpart, or its constructor where it has none.
func goIdents(e *catalog.Error) map[string]string {
	r, rName := e.Replacement, ""
	if r != nil {
		rName = r.Name
	}
	link := func(id string, has bool) string {
		switch {
		case r == nil:
			return ""
		case has:
			return id
		}
		return "New" + r.Name
	}
	m := map[string]string{}
	if r != nil {
		m["Code"+e.Name], m["Err"+e.Name], m["New"+e.Name] = "Code"+r.Name, "Err"+r.Name, "New"+r.Name
	} else {
		m["Code"+e.Name], m["Err"+e.Name], m["New"+e.Name] = "", "", ""
	}
	if len(e.Details) > 0 {
		m[e.Name+"Details"] = link(rName+"Details", r != nil && len(r.Details) > 0)
	}
	for _, d := range e.Details {
		if len(d.Enum) == 0 {
			continue
		}
		typ := names.Enum(e, d)
		m[typ], m[typ+".Valid"] = link("", false), link("", false)
		for _, v := range d.Enum {
			m[typ+v.GoName] = link("", false)
		}
	}
	return m
}

// TestLifecycleOutputsAgree checks that the registry, the OpenAPI document
// and the generated package's Parse agree with the catalog on which codes
// are deprecated and which are retired.
func TestLifecycleOutputsAgree(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	want := map[string]bool{} // deprecated codes
	for _, e := range c.Errors {
		want[e.Code] = e.Deprecated != ""
	}

	registry := map[string]bool{}
	for _, d := range apierrors.Definitions() {
		registry[string(d.Code)] = d.Deprecated != ""
		if e := findError(c, string(d.Code)); e != nil && (d.Deprecated != e.Deprecated || string(d.ReplacedBy) != e.ReplacedBy || d.Since != e.Since) {
			t.Errorf("registry %s: Deprecated %q, ReplacedBy %q, Since %q; catalog says %q, %q, %q", d.Code, d.Deprecated, d.ReplacedBy, d.Since, e.Deprecated, e.ReplacedBy, e.Since)
		}
	}
	if !maps.Equal(registry, want) {
		t.Errorf("registry deprecated codes %v, catalog %v", registry, want)
	}

	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Title      string   `yaml:"title"`
				Deprecated bool     `yaml:"deprecated"`
				Enum       []string `yaml:"enum"`
			} `yaml:"schemas"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(generated(t, c, OutputOpenAPI), &doc); err != nil {
		t.Fatal(err)
	}
	openapi := map[string]bool{}
	for _, s := range doc.Components.Schemas {
		if s.Title != "" {
			openapi[s.Title] = s.Deprecated
		}
	}
	if !maps.Equal(openapi, want) {
		t.Errorf("OpenAPI deprecated codes %v, catalog %v", openapi, want)
	}
	docsDeprecated, docsRetired := docsLifecycle(t, generated(t, c, OutputMarkdown))
	if !maps.Equal(docsDeprecated, want) {
		t.Errorf("docs deprecated codes %v, catalog %v", docsDeprecated, want)
	}
	var retired []string
	for _, e := range c.Retired {
		retired = append(retired, e.Code)
	}
	if !slices.Equal(docsRetired, retired) {
		t.Errorf("docs Retired codes table lists %q, catalog retires %q", docsRetired, retired)
	}

	enum := doc.Components.Schemas["ErrorCode"].Enum
	for _, e := range c.Retired {
		if slices.Contains(enum, e.Code) {
			t.Errorf("retired %s is in the OpenAPI ErrorCode enum", e.Code)
		}
		if _, ok := apierrors.Lookup(apierrors.Code(e.Code)); ok {
			t.Errorf("retired %s is in the registry", e.Code)
		}
		// Parse treats it as any code this package does not know.
		got, err := apierrors.Parse(400, []byte(`{"error":"old","code":"`+e.Code+`"}`))
		if err != nil || got.Code() != apierrors.Code(e.Code) || got.Status() != 400 {
			t.Errorf("Parse of retired %s: %v, %v", e.Code, got, err)
		}
		if _, known := apierrors.Lookup(got.Code()); known {
			t.Errorf("Parse of retired %s gave a known code", e.Code)
		}
	}
}

// docsLifecycle reads the docs page as GitHub shows it (rendered by
// goldmark): which error sections open with a deprecation notice linking
// the replacement's section, and the codes in the Retired codes table.
func docsLifecycle(t *testing.T, page []byte) (deprecated map[string]bool, retired []string) {
	t.Helper()
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(page, &html); err != nil {
		t.Fatal(err)
	}
	deprecated = map[string]bool{}
	sections := strings.Split(html.String(), "<h3")
	for _, sec := range sections[1:] {
		_, rest, _ := strings.Cut(sec, ">")
		code, body, _ := strings.Cut(rest, "</h3>")
		// A heading whose slug would be an anchor carries its status: CONFLICT (409).
		if i := strings.LastIndex(code, " ("); i > 0 && strings.HasSuffix(code, ")") {
			code = code[:i]
		}
		head, _, isError := strings.Cut(strings.TrimSpace(body), "<p><strong>Status:</strong>")
		if !isError {
			continue // not an error's section (a provider's)
		}
		deprecated[code] = strings.HasPrefix(head, "<blockquote>\n<p><strong>Deprecated:</strong>")
	}
	_, table, ok := strings.Cut(html.String(), "<h2>Retired codes</h2>")
	if !ok {
		return deprecated, nil
	}
	table, _, _ = strings.Cut(table, "</table>")
	for _, row := range strings.Split(table, "<tr>")[2:] { // after the header row
		_, cell, _ := strings.Cut(row, "<td>") // the first cell: an anchor, then the code
		_, code, _ := strings.Cut(cell, "<code>")
		code, _, _ = strings.Cut(code, "</code>")
		retired = append(retired, code)
	}
	return deprecated, retired
}
