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

// TestDeprecatedGoIsRecognised checks that the code constant, sentinel and
// constructors of exactly the deprecated codes carry a deprecation notice
// that go/doc/comment reads as one, with the reason and a doc link (shown
// <Name>) to the replacement, and that retired codes have no identifier at all.
func TestDeprecatedGoIsRecognised(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	notes := goDeprecations(t, generated(t, c, KindGo))
	deprecated := 0
	for _, e := range c.Errors {
		idents := map[string]string{"Code": "Code" + e.Name, "Err": "Err" + e.Name, "New": "New" + e.Name}
		if e.HasOptionalDetails() {
			idents["NewWithDetails"] = "New" + e.Name + "WithDetails"
		}
		for _, prefix := range slices.Sorted(maps.Keys(idents)) {
			id := idents[prefix]
			note, ok := notes[id]
			if !ok {
				t.Fatalf("no %s in the generated Go", id)
			}
			want := ""
			if e.Deprecated != "" {
				want = "Deprecated: " + e.Deprecated
				if e.ReplacedBy != "" {
					want += " Replaced by <" + strings.TrimSuffix(prefix, "WithDetails") + findError(c, e.ReplacedBy).Name + ">."
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
	if deprecated == 0 || len(c.Retired) == 0 {
		t.Fatal("the bundled catalog should show a deprecated and a retired code")
	}
	for _, e := range c.Retired {
		for _, id := range []string{"Code", "Err", "New"} {
			if _, ok := notes[id+catalog.GoName(e.Code)]; ok {
				t.Errorf("retired %s has a Go identifier %s", e.Code, id+catalog.GoName(e.Code))
			}
		}
	}
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
	if err := yaml.Unmarshal(generated(t, c, KindOpenAPI), &doc); err != nil {
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
	docsDeprecated, docsRetired := docsLifecycle(t, generated(t, c, KindMarkdown))
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
		if _, ok := apierrors.Lookup(e.Code); ok {
			t.Errorf("retired %s is in the registry", e.Code)
		}
		// Parse treats it as any code this package does not know.
		got, err := apierrors.Parse(400, []byte(`{"error":"old","code":"`+e.Code+`"}`))
		if err != nil || got.Code() != apierrors.Code(e.Code) || got.Status() != 400 {
			t.Errorf("Parse of retired %s: %v, %v", e.Code, got, err)
		}
		if _, known := apierrors.Lookup(string(got.Code())); known {
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
		cell, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(row), "<td><code>"), "</code>")
		retired = append(retired, cell)
	}
	return deprecated, retired
}
