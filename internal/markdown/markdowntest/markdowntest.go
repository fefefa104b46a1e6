// Package markdowntest checks generated Markdown pages as a renderer sees
// them: parsed with goldmark's GitHub-flavoured dialect, never by matching
// their text. It serves the tests of package markdown and of errgen.
package markdowntest

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	mdhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Doc is what the checks need from a parsed page.
type Doc struct {
	Tables     []*Table
	Headings   []Heading
	HeadingIDs []string    // the ids goldmark derives from headings
	AnchorIDs  []string    // <a id> elements
	Links      []string    // every link destination
	JSONBlocks []CodeBlock // the json fenced code blocks
	ListItems  int
}

// Table is a GFM table.
type Table struct {
	Header []string
	Rows   []Row
}

// Row is a table row but the header.
type Row struct {
	Cells       []string   // rendered text, <br> as \n
	Links       [][]string // link destinations per cell
	Source      string     // the row's source line
	SourceCells int        // cells in the source line
	Padded      bool       // the parser added cells the source lacks
}

// Heading is an ATX or setext heading and its rendered text.
type Heading struct {
	Level int
	Text  string
}

// CodeBlock is a fenced code block and where it stands on the page.
type CodeBlock struct {
	Code    string
	Section string // the h2 it is under
	Anchor  string // the error section it is in, "" outside one
}

// Table returns the first table with this header, or nil.
func (d *Doc) Table(header ...string) *Table {
	for _, tb := range d.Tables {
		if slices.Equal(tb.Header, header) {
			return tb
		}
	}
	return nil
}

var anchorPattern = regexp.MustCompile(`^<a id="([^"]*)">$`)

// Parse parses src as GitHub-flavoured Markdown.
func Parse(t testing.TB, src []byte) *Doc {
	t.Helper()
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(mdhtml.WithUnsafe()),
	)
	root := md.Parser().Parse(text.NewReader(src))
	d := &Doc{}
	var section, anchor string
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			h := Heading{n.Level, renderedText(t, md, src, n)}
			d.Headings = append(d.Headings, h)
			if id, ok := n.AttributeString("id"); ok {
				d.HeadingIDs = append(d.HeadingIDs, string(id.([]byte)))
			}
			if n.Level <= 2 {
				section, anchor = h.Text, ""
			}
		case *ast.RawHTML:
			if m := anchorPattern.FindSubmatch(segments(n.Segments, src)); m != nil {
				d.AnchorIDs = append(d.AnchorIDs, string(m[1]))
				anchor = string(m[1])
			}
		case *ast.Link:
			d.Links = append(d.Links, string(n.Destination))
		case *ast.ListItem:
			d.ListItems++
		case *ast.FencedCodeBlock:
			if string(n.Language(src)) == "json" {
				d.JSONBlocks = append(d.JSONBlocks, CodeBlock{string(segments(n.Lines(), src)), section, anchor})
			}
		case *east.Table:
			d.Tables = append(d.Tables, parseTable(t, md, src, n))
			d.tableTargets(n, src) // a row may carry an <a id> and link too
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// tableTargets adds a table's <a id> elements and links to the document's.
func (d *Doc) tableTargets(table ast.Node, src []byte) {
	_ = ast.Walk(table, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			if m := anchorPattern.FindSubmatch(segments(n.Segments, src)); m != nil {
				d.AnchorIDs = append(d.AnchorIDs, string(m[1]))
			}
		case *ast.Link:
			d.Links = append(d.Links, string(n.Destination))
		}
		return ast.WalkContinue, nil
	})
}

// segments is the source text of segs, joined.
func segments(segs *text.Segments, src []byte) []byte {
	var b []byte
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

func parseTable(t testing.TB, md goldmark.Markdown, src []byte, n *east.Table) *Table {
	tb := &Table{}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var r Row
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			r.Cells = append(r.Cells, renderedText(t, md, src, cell))
			var links []string
			_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if l, ok := n.(*ast.Link); ok && entering {
					links = append(links, string(l.Destination))
				}
				return ast.WalkContinue, nil
			})
			r.Links = append(r.Links, links)
			// A cell the source lacks is added with no text segment at all.
			r.Padded = r.Padded || cell.Lines().Len() == 0
		}
		if _, ok := row.(*east.TableHeader); ok {
			tb.Header = r.Cells
			continue
		}
		r.Source = sourceLine(src, row.Pos())
		r.SourceCells = countCells(r.Source)
		tb.Rows = append(tb.Rows, r)
	}
	return tb
}

func sourceLine(src []byte, pos int) string {
	if pos < 0 || pos >= len(src) {
		return ""
	}
	line := src[pos:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return string(line)
}

// countCells splits a row as GFM does: on pipes not preceded by a
// backslash, ignoring a leading and a trailing one.
func countCells(row string) int {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	cells := 1
	for i := 0; i < len(row); i++ {
		if row[i] == '|' && (i == 0 || row[i-1] != '\\') {
			cells++
		}
	}
	return cells
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)

// renderedText is the text a reader sees in n: its HTML without tags, <br>
// as a line break, code spans in single backticks.
func renderedText(t testing.TB, md goldmark.Markdown, src []byte, n ast.Node) string {
	var buf bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := md.Renderer().Render(&buf, src, c); err != nil {
			t.Fatal(err)
		}
	}
	s := strings.ReplaceAll(buf.String(), "<br>", "\n")
	s = strings.NewReplacer("<code>", "`", "</code>", "`").Replace(s)
	return strings.TrimSpace(html.UnescapeString(tagPattern.ReplaceAllString(s, "")))
}
