package diff_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/diff"
)

// sampleChanges compares the pair of testdata/allowed.txtar, with its allows.
func sampleChanges(t *testing.T) []diff.Change {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/allowed.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	changes := diff.Compare(parse(t, "old.yaml", files["old.yaml"]), parse(t, "new.yaml", files["new.yaml"]))
	diff.Allow(changes, strings.Fields(files["allow"]))
	return changes
}

func TestJSONOutput(t *testing.T) {
	changes := sampleChanges(t)
	var b bytes.Buffer
	if err := diff.Write(&b, "json", changes); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if len(got) != len(changes) {
		t.Fatalf("%d objects for %d changes", len(got), len(changes))
	}
	for i, obj := range got {
		c := changes[i]
		if obj["code"] != c.Code || obj["kind"] != string(c.Kind) || obj["breaking"] != c.Breaking || obj["message"] != c.Message || obj["allowed"] != c.Allowed {
			t.Errorf("object %d = %v, want %+v", i, obj, c)
		}
		if _, ok := obj["breaks"].([]any); !ok {
			t.Errorf("object %d: breaks is %T, want an array", i, obj["breaks"])
		}
		pos, _ := obj["pos"].(map[string]any)
		if pos["file"] != c.Pos.File || pos["line"] != float64(c.Pos.Line) || pos["col"] != float64(c.Pos.Col) || c.Pos.File == "" {
			t.Errorf("object %d: pos %v, want %v", i, obj["pos"], c.Pos)
		}
	}
	b.Reset()
	if err := diff.Write(&b, "json", nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(b.String()); got != "[]" {
		t.Errorf("no changes as JSON = %s, want []", got)
	}
}

// TestMarkdownOutput parses the Markdown with goldmark: one table row per
// change, the cells as given, text that looks like Markdown kept as text.
func TestMarkdownOutput(t *testing.T) {
	changes := append(sampleChanges(t), diff.Change{Code: "X", Kind: diff.EnumValueAdded, Breaking: true,
		Breaks: []diff.Audience{diff.Wire}, Message: `detail reason: enum value "a|b [x](javascript:y) <b>*c*</b> $x$" added`})
	var b bytes.Buffer
	if err := diff.Write(&b, "markdown", changes); err != nil {
		t.Fatal(err)
	}
	src := b.Bytes()
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	var rows [][]string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if row, ok := n.(*east.TableRow); ok && entering {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, plain(c, src))
			}
			rows = append(rows, cells)
		}
		switch n.(type) {
		case *ast.Link, *ast.Emphasis, *ast.RawHTML, *ast.HTMLBlock:
			t.Errorf("Markdown made a %T of the text", n)
		}
		return ast.WalkContinue, nil
	})
	if len(rows) != len(changes) {
		t.Fatalf("%d table rows for %d changes:\n%s", len(rows), len(changes), src)
	}
	if last := rows[len(rows)-1]; last[0] != "X" || last[1] != "enum-value-added" {
		t.Errorf("last row = %q", last)
	}
	// Each row says where its change is, for a reviewer to find it.
	for i, c := range changes {
		if where := rows[i][len(rows[i])-1]; where != c.Pos.String() {
			t.Errorf("row %d is at %q, want %q", i+1, where, c.Pos.String())
		}
	}
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(src, &html); err != nil {
		t.Fatal(err)
	}
	want := `<td>detail reason: enum value &quot;a|b [x](javascript:y) &lt;b&gt;*c*&lt;/b&gt; $x$&quot; added</td>`
	if !strings.Contains(html.String(), want) {
		t.Errorf("the message cell is not the message as text:\n%s", html.String())
	}
	// goldmark has no math; GitHub renders $x$ as math unless escaped.
	if !bytes.Contains(src, []byte(`\$x\$`)) {
		t.Errorf("$ not escaped:\n%s", src)
	}
}

// TestTextOneLinePerChange checks that text from the catalog spanning
// lines is quoted, so every change stays one line.
func TestTextOneLinePerChange(t *testing.T) {
	changes := []diff.Change{{Code: "X", Kind: diff.CodeAdded, Breaks: []diff.Audience{}, Message: "code added: line one\nline two"}}
	var b bytes.Buffer
	if err := diff.Write(&b, "text", changes); err != nil {
		t.Fatal(err)
	}
	want := "X: code-added: compatible: \"code added: line one\\nline two\"\n1 change, 0 breaking\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// plain is the text of a node, code spans and escapes resolved.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		if s, ok := c.(*ast.String); ok && entering {
			b.Write(s.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TestCatalogWideCode checks that a catalog-wide change is shown as catalog
// in text and Markdown, as --allow names it, and with an empty code in JSON.
func TestCatalogWideCode(t *testing.T) {
	list := []diff.Change{{Kind: diff.GoPackageChanged, Breaking: true, Breaks: []diff.Audience{diff.Go}, Message: "go.package changed from a to b"}}
	if unused := diff.Allow(list, []string{"catalog:go-package-changed"}); len(unused) != 0 || !list[0].Allowed {
		t.Fatalf("catalog:go-package-changed did not allow %+v", list[0])
	}
	for format, want := range map[string]string{
		"text":     "catalog: go-package-changed: breaking (go), allowed: ",
		"markdown": "| catalog | go-package-changed | ",
		"json":     `"code": "",`,
	} {
		var b bytes.Buffer
		if err := diff.Write(&b, format, list); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s output lacks %q:\n%s", format, want, b.String())
		}
	}
}

// TestTextPositions: every text line starts where its change is, as every
// other errgen command reports (file:line:col: message), so that editors
// and CI annotators jump to it: in the new catalog, in the old one for a
// code removed, the file alone for a catalog-wide change; in position
// order. The text once had no positions; only JSON had them.
func TestTextPositions(t *testing.T) {
	var b bytes.Buffer
	if err := diff.Write(&b, "text", sampleChanges(t)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	for i, want := range []string{
		"new.yaml: catalog: go-package-changed: ",
		"new.yaml:5:23: NOT_FOUND: status-changed: ",
		"new.yaml:6:12: OTHER: openapi-component-removed: ",
		"new.yaml:6:19: OTHER: status-changed: ",
		"old.yaml:5:12: GONE: code-removed: ",
	} {
		if i >= len(lines) || !strings.HasPrefix(lines[i], want) {
			t.Errorf("line %d does not start with %q:\n%s", i+1, want, b.String())
		}
	}
}

// TestTextInPositionOrder: text lines come in the order of their positions,
// file, then line, then column, as compilers and vet print theirs and as a
// reader walks a file; changes at one place keep Compare's order, and
// every line is the one Compare's order gives, byte for byte. JSON and
// Markdown keep Compare's order, each code's changes together.
func TestTextInPositionOrder(t *testing.T) {
	at := func(file string, line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Col: col} }
	for _, tc := range []struct {
		name string
		pos  []diag.Pos // of the changes, in Compare's order
		want []int      // the changes' indexes, in the text's order
		old  []int      // the indexes of the changes in the old catalog
	}{
		{"line 81 after line 80", []diag.Pos{at("c.yaml", 81, 3), at("c.yaml", 80, 3)}, []int{1, 0}, nil},
		{"columns", []diag.Pos{at("c.yaml", 5, 31), at("c.yaml", 5, 18), at("c.yaml", 5, 12)}, []int{2, 1, 0}, nil},
		{"line 9 before line 10", []diag.Pos{at("c.yaml", 10, 1), at("c.yaml", 9, 1)}, []int{1, 0}, nil},
		{"ties keep their order", []diag.Pos{at("c.yaml", 5, 12), at("c.yaml", 4, 3), at("c.yaml", 5, 12)}, []int{1, 0, 2}, nil},
		{"the whole file first", []diag.Pos{at("c.yaml", 2, 3), at("c.yaml", 0, 0)}, []int{1, 0}, nil},
		{"files apart", []diag.Pos{at("new.yaml", 6, 12), at("main:new.yaml", 5, 12), at("new.yaml", 5, 3)}, []int{1, 2, 0}, nil},
		{"no position", []diag.Pos{at("c.yaml", 1, 1), {}}, []int{1, 0}, nil},
		{"the old catalog's after the new one's, whatever the revision's name", []diag.Pos{
			at("zbase:c.yaml", 3, 3), at("c.yaml", 9, 1), at("HEAD:c.yaml", 2, 1), at("a.yaml", 1, 1)},
			[]int{3, 1, 2, 0}, []int{0, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list := make([]diff.Change, len(tc.pos))
			for i, p := range tc.pos {
				list[i] = diff.Change{Pos: p, Code: fmt.Sprintf("E%d", i), Kind: diff.CodeAdded, Breaks: []diff.Audience{}, Message: "code added"}
			}
			for _, i := range tc.old {
				list[i].InOld = true
			}
			var got bytes.Buffer
			if err := diff.Write(&got, "text", list); err != nil {
				t.Fatal(err)
			}
			var want strings.Builder
			for _, i := range tc.want {
				var line bytes.Buffer
				if err := diff.Write(&line, "text", list[i:i+1]); err != nil {
					t.Fatal(err)
				}
				want.WriteString(strings.SplitAfter(line.String(), "\n")[0])
			}
			want.WriteString(fmt.Sprintf("%d changes, 0 breaking\n", len(list)))
			if got.String() != want.String() {
				t.Errorf("got:\n%s\nwant:\n%s", got.String(), want.String())
			}
			if list[0].Pos != tc.pos[0] || list[0].Code != "E0" {
				t.Errorf("writing reordered the list: %+v", list)
			}
			for _, format := range []string{"json", "markdown"} {
				var b bytes.Buffer
				if err := diff.Write(&b, format, list); err != nil {
					t.Fatal(err)
				}
				if e0, e1 := strings.Index(b.String(), "E0"), strings.Index(b.String(), "E1"); e0 > e1 {
					t.Errorf("%s output is not in Compare's order:\n%s", format, b.String())
				}
			}
		})
	}
}
