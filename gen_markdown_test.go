package errgen

import (
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	mdhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// The page is checked as a Markdown renderer sees it: parsed with goldmark's
// GitHub-flavoured dialect, never by matching its text.

// mdCatalogs are the bundled catalog and every preset catalog.
func mdCatalogs(t *testing.T) []string {
	t.Helper()
	presets, err := filepath.Glob("testdata/presets/*.yaml")
	if err != nil || len(presets) == 0 {
		t.Fatalf("no preset catalogs: %v", err)
	}
	return append([]string{"catalog.yaml"}, presets...)
}

func TestMarkdownPage(t *testing.T) {
	for _, path := range mdCatalogs(t) {
		t.Run(path, func(t *testing.T) {
			c, err := catalog.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			page := mdRender(t, c, Options{})
			if again := mdRender(t, c, Options{}); !bytes.Equal(page, again) {
				t.Fatal("two runs differ")
			}
			if want := "<!-- " + Header + " -->\n"; !bytes.HasPrefix(page, []byte(want)) {
				t.Errorf("page does not start with %q", want)
			}
			if !bytes.HasSuffix(page, []byte("\n")) || bytes.HasSuffix(page, []byte("\n\n")) {
				t.Error("page does not end with exactly one newline")
			}
			doc := mdParse(t, page)
			mdCheckTables(t, doc)
			mdCheckAnchors(t, doc, c)
			mdCheckJSONBlocks(t, doc, c)
			mdCheckReference(t, doc, c)
			mdCheckGroups(t, doc, c)
		})
	}
}

// mdCheckReference: one row per code, in catalog order, linking to the code's
// anchor, with its status and title.
func mdCheckReference(t *testing.T, doc *mdDoc, c *catalog.Catalog) {
	t.Helper()
	ref := doc.table("Code", "Status", "Title", "Description")
	if ref == nil {
		t.Fatal("no | Code | Status | Title | Description | table")
	}
	if len(ref.rows) != len(c.Errors) {
		t.Fatalf("reference table has %d rows, want one per code (%d)", len(ref.rows), len(c.Errors))
	}
	for i, e := range c.Errors {
		row := ref.rows[i]
		if row.cells[0] != "`"+e.Code+"`" || row.cells[1] != strconv.Itoa(e.Status) || row.cells[2] != e.Title {
			t.Errorf("reference row %d = %q, want %s | %d | %s", i, row.cells, e.Code, e.Status, e.Title)
		}
		if want := []string{"#" + e.Anchor}; !slices.Equal(row.links[0], want) {
			t.Errorf("reference row %s links to %q, want %q", e.Code, row.links[0], want)
		}
	}
}

// mdCheckAnchors: each error has exactly one <a id> with its anchor, and every
// in-page link resolves to an <a id> or a heading.
func mdCheckAnchors(t *testing.T, doc *mdDoc, c *catalog.Catalog) {
	t.Helper()
	ids := map[string]int{}
	for _, id := range doc.anchorIDs {
		ids[id]++
	}
	for _, e := range c.Errors {
		if ids[e.Anchor] != 1 {
			t.Errorf("%s: %d <a id=%q>, want 1", e.Code, ids[e.Anchor], e.Anchor)
		}
	}
	for _, id := range doc.headingIDs {
		ids[id]++
	}
	for _, dest := range doc.links {
		if strings.HasPrefix(dest, "#") && ids[dest[1:]] == 0 {
			t.Errorf("link %s resolves to no anchor or heading", dest)
		}
	}
}

// mdCheckJSONBlocks: every json block is valid and, compacted, byte for byte
// the body of its error: the error whose section holds it, or for the
// response format section some error of the catalog. Each error shows one.
func mdCheckJSONBlocks(t *testing.T, doc *mdDoc, c *catalog.Catalog) {
	t.Helper()
	bodies := map[string][]byte{}
	for _, e := range c.Errors {
		body, err := example.Body(e)
		if err != nil {
			t.Fatal(err)
		}
		bodies[e.Anchor] = body
	}
	seen := map[string]int{}
	formatExamples := 0
	for _, b := range doc.jsonBlocks {
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(b.code)); err != nil {
			t.Errorf("json block under %q is not JSON: %v\n%s", b.section, err, b.code)
			continue
		}
		switch {
		case b.anchor != "":
			seen[b.anchor]++
			if !bytes.Equal(compact.Bytes(), bodies[b.anchor]) {
				t.Errorf("json block of #%s:\n%s\nwant ExampleBody:\n%s", b.anchor, compact.Bytes(), bodies[b.anchor])
			}
		case b.section == "Error response format":
			formatExamples++
			found := false
			for _, body := range bodies {
				found = found || bytes.Equal(compact.Bytes(), body)
			}
			if !found {
				t.Errorf("response format example is no error's ExampleBody:\n%s", compact.Bytes())
			}
		}
	}
	if formatExamples == 0 {
		t.Error("the response format section has no json example")
	}
	for _, e := range c.Errors {
		if seen[e.Anchor] != 1 {
			t.Errorf("%s: %d json blocks in its section, want 1", e.Code, seen[e.Anchor])
		}
	}
}

// mdCheckGroups: right after the reference table, one h2 per group in order
// of first appearance, and under each its errors' h3 headings in order.
func mdCheckGroups(t *testing.T, doc *mdDoc, c *catalog.Catalog) {
	t.Helper()
	var want []string
	for _, e := range c.Errors {
		g := e.Category
		if c.Docs.GroupBy == "status" {
			g = strconv.Itoa(e.Status) + " " + http.StatusText(e.Status)
		}
		if len(want) == 0 || !slices.Contains(want, g) {
			want = append(want, g)
		}
	}
	var got []string
	var codes []string
	inGroups := false
	for _, h := range doc.headings {
		switch {
		case h.level == 2 && h.text == "Error codes":
			inGroups = true
			continue
		case h.level == 2 && inGroups && len(got) == len(want):
			inGroups = false
		case h.level == 2 && inGroups:
			got = append(got, h.text)
		case h.level == 3 && inGroups:
			codes = append(codes, h.text)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("group headings = %q, want %q", got, want)
	}
	var wantCodes []string
	for _, g := range want {
		for _, e := range c.Errors {
			if g == e.Category || g == strconv.Itoa(e.Status)+" "+http.StatusText(e.Status) {
				wantCodes = append(wantCodes, e.Code)
			}
		}
	}
	if !slices.Equal(codes, wantCodes) {
		t.Errorf("error headings = %q, want %q", codes, wantCodes)
	}
}

// mdCheckTables: every row of every table has as many cells as its header,
// in the tree (no cell padded in) and in the source (no cell cut off:
// GFM silently drops cells past the header's count).
func mdCheckTables(t *testing.T, doc *mdDoc) {
	t.Helper()
	if len(doc.tables) == 0 {
		t.Fatal("no table on the page")
	}
	for _, tb := range doc.tables {
		for _, r := range tb.rows {
			if r.padded || r.sourceCells != len(tb.header) {
				t.Errorf("table %q: row %q has %d cells in the source (padded: %v), want %d",
					tb.header, r.source, r.sourceCells, r.padded, len(tb.header))
			}
		}
	}
}

// mdHostileCatalog puts text that breaks naive Markdown everywhere catalog
// text reaches the page: pipes, line breaks (LF, CR LF, lone CR), HTML,
// backticks, template and comment delimiters, U+2028.
const mdHostileCatalog = `version: 1
api: "Hostile | API"
description: Intro.
format: flat
docs_url: https://docs.example.com/errors
docs:
  title: "Errors | <script>alert('title')</script>"
  group_by: category
  sections:
    - title: "Section | <b>bold</b> ` + "`tick`" + ` #"
      body: Plain body.
  providers:
    - name: "Provider | <script>alert('p')</script>"
      notes: Notes.
      issues:
        - error: "429 | Too\nMany"
          cause: "<script>alert('cause')</script> ` + "`a|b`" + `"
          fix: "line one\r\nline two | {{ .Fix }} */ \u2028 end\\"
errors:
  - code: HOSTILE_ONE
    status: 400
    title: "Pipe | title <script>alert(1)</script> ` + "`tick`" + ` {{ .Title }} */ \u2028 end"
    message: "Message ` + "``with `tick` inside``" + ` {{ .Message }} */ <b>"
    description: "Line one | with pipe\nline two <script>alert('d')</script>\r\n\n` + "```" + `\nunclosed fence <script>x</script>"
    category: "Cat | egory <script>alert('c')</script> ` + "`x`" + `"
    causes:
      - "cause | pipe and\nnewline <img src=x onerror=alert(1)>"
      - "` + "`code | with pipe`" + ` and ` + "``double `tick` code``" + `"
      - "trailing backslash \\"
      - "lone\rCR | and ` + "`unclosed tick" + `"
      - "# heading-like"
      - "- item-like"
      - "12) ordered-like"
      - "---"
      - "` + "```" + `fence-like"
      - "[ref]: /not-a-definition"
    remediation:
      - "fix\n# not a heading\n- not an item\n> not a quote"
    troubleshooting:
      - check: "a | b\nc <script>alert('t')</script>"
        solution: "` + "`a|b`" + ` and \\| and \\\\| end \\"
    details:
      - name: field
        type: string
        required: true
        description: "detail | desc\n<script>alert('dd')</script>"
        example: "a|b` + "`" + `c</script>\u2028"
    retryable: false
  - code: HOSTILE_TWO
    status: 500
    title: "` + "```" + `"
    description: "*/ {{ end }} ` + "`" + `"
    category: "Cat | egory <script>alert('c')</script> ` + "`x`" + `"
    format: oauth2
    retryable: true
    fallback: true
`

func TestMarkdownHostile(t *testing.T) {
	c, err := catalog.Parse("hostile.yaml", []byte(mdHostileCatalog))
	if err != nil {
		t.Fatal(err)
	}
	page := mdRender(t, c, Options{})
	doc := mdParse(t, page)
	mdCheckTables(t, doc)
	mdCheckAnchors(t, doc, c)
	mdCheckJSONBlocks(t, doc, c)
	mdCheckReference(t, doc, c)
	mdCheckGroups(t, doc, c)

	ref := doc.table("Code", "Status", "Title", "Description")
	for i, e := range c.Errors {
		if got, want := ref.rows[i].cells[3], strings.TrimSpace(mdNormalizeBreaks(e.Description)); got != want {
			t.Errorf("%s: description cell %q, want %q", e.Code, got, want)
		}
	}
	ts := doc.table("Check", "Solution")
	if ts == nil || len(ts.rows) != 1 {
		t.Fatalf("troubleshooting table: %+v", ts)
	}
	// The solution's own backslash escapes are Markdown, and stay so.
	wantTS := []string{c.Errors[0].Troubleshooting[0].Check, "`a|b` and | and \\| end \\"}
	if got := ts.rows[0].cells; !slices.Equal(got, wantTS) {
		t.Errorf("troubleshooting row %q, want %q", got, wantTS)
	}
	pt := doc.table("Error", "Cause", "Fix")
	issue := c.Docs.Providers[0].Issues[0]
	if pt == nil || len(pt.rows) != 1 {
		t.Fatalf("provider table: %+v", pt)
	}
	wantPT := []string{issue.Error, issue.Cause, mdNormalizeBreaks(issue.Fix)}
	if got := pt.rows[0].cells; !slices.Equal(got, wantPT) {
		t.Errorf("provider row %q, want %q", got, wantPT)
	}
	dt := doc.table("Name", "Type", "Required", "Description", "Example")
	wantDT := []string{"`field`", "string", "yes", mdNormalizeBreaks(c.Errors[0].Details[0].Description), "`" + `"a|b` + "`" + `c\u003c/script\u003e\u2028"` + "`"}
	if dt == nil || len(dt.rows) != 1 || !slices.Equal(dt.rows[0].cells, wantDT) {
		t.Errorf("details table: %+v, want a row %q", dt, wantDT)
	}

	// Line breaks in a list item must not start a heading, an item or a quote.
	items := 0
	for _, e := range c.Errors {
		items += len(e.Causes) + len(e.Remediation)
	}
	if doc.listItems != items {
		t.Errorf("%d list items, want %d (one per cause and fix)", doc.listItems, items)
	}
	h3 := map[string]bool{}
	for _, h := range doc.headings {
		if h.level == 3 {
			h3[h.text] = true
		}
	}
	for _, want := range []string{"HOSTILE_ONE", "HOSTILE_TWO", c.Docs.Providers[0].Name, "oauth2 format", "flat format"} {
		if !h3[want] {
			t.Errorf("no h3 %q", want)
		}
	}
	h2 := 0
	for _, h := range doc.headings {
		if h.level == 2 && h.text == c.Docs.Sections[0].Title {
			h2++
		}
	}
	if h2 != 1 {
		t.Errorf("%d h2 %q, want 1", h2, c.Docs.Sections[0].Title)
	}
	if doc.headings[0].level != 1 || doc.headings[0].text != c.Docs.Title {
		t.Errorf("title heading %+v, want %q", doc.headings[0], c.Docs.Title)
	}
	if doc.table("Status", "Codes") == nil {
		t.Error("the quick reference is gone: an unclosed fence swallowed the page's end")
	}

	var rendered bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(mdhtml.WithUnsafe()))
	if err := md.Convert(page, &rendered); err != nil {
		t.Fatal(err)
	}
	out := strings.ToLower(rendered.String())
	for _, raw := range []string{"<script", "</script", "<img", "<b>"} {
		if strings.Contains(out, raw) {
			t.Errorf("the HTML rendering holds raw %s", raw)
		}
	}
	for _, kept := range []string{"{{ .Title }}", "{{ .Message }}", "*/", "\u2028"} {
		if !bytes.Contains(page, []byte(kept)) {
			t.Errorf("page lost %q", kept)
		}
	}
}

// TestMarkdownOverride: an override file changes its own part of the page
// and nothing else; a bad one fails with its name.
func TestMarkdownOverride(t *testing.T) {
	c, err := catalog.Load("catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := mdRender(t, c, Options{})
	tests := []struct {
		name    string
		file    string
		src     string
		part    string // the h2 heading of the part the file renders
		newPart string // the part as the override renders it
	}{
		{
			name:    "quick reference",
			file:    "quickref.tmpl",
			src:     "## Codes by status\n\n{{range .Statuses}}- {{.Status}}: {{len .Errors}} codes\n{{end}}",
			part:    "## Quick reference",
			newPart: "## Codes by status\n\n- 400: 2 codes\n- 401: 2 codes\n- 403: 2 codes\n- 404: 1 codes\n- 409: 2 codes\n- 412: 1 codes\n- 415: 1 codes\n- 422: 1 codes\n- 429: 1 codes\n- 500: 1 codes\n- 501: 1 codes\n- 502: 1 codes\n- 503: 1 codes\n- 504: 1 codes\n",
		},
		{
			name:    "reference table",
			file:    "reference.tmpl",
			src:     "## All codes\n\n{{range .Errors}}{{.Code}} {{end}}\n",
			part:    "## Error codes",
			newPart: "## All codes\n\nVALIDATION_ERROR INVALID_JSON UNAUTHORIZED TOKEN_EXPIRED FORBIDDEN PRODUCT_ACCESS_DENIED NOT_FOUND CONFLICT DUPLICATE_RESOURCE ACCOUNT_DISABLED UNSUPPORTED_MEDIA_TYPE UNPROCESSABLE_ENTITY RATE_LIMIT_EXCEEDED INTERNAL_ERROR NOT_IMPLEMENTED BAD_GATEWAY SERVICE_UNAVAILABLE GATEWAY_TIMEOUT\n\n",
		},
		{
			name:    "empty file removes the part",
			file:    "providers.tmpl",
			src:     "",
			part:    "## Provider-specific issues",
			newPart: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := mdRender(t, c, Options{Templates: fstest.MapFS{tc.file: {Data: []byte(tc.src)}}})
			start, end := mdPartLines(base, tc.part)
			if start < 0 {
				t.Fatalf("no %q in the bundled page", tc.part)
			}
			before := strings.SplitAfter(string(base), "\n")
			after := strings.SplitAfter(string(page), "\n")
			tail := len(before) - end
			if len(after) < start+tail ||
				!slices.Equal(after[:start], before[:start]) ||
				!slices.Equal(after[len(after)-tail:], before[end:]) {
				t.Fatalf("the page changed outside %q:\n%s", tc.part, page)
			}
			if got := strings.Join(after[start:len(after)-tail], ""); got != tc.newPart {
				t.Errorf("part = %q, want %q", got, tc.newPart)
			}
		})
	}

	errTests := []struct {
		name  string
		files fstest.MapFS
		want  string // in the error
	}{
		{"misspelt name", fstest.MapFS{"quickrefs.tmpl": {Data: []byte("x")}}, "quickrefs.tmpl"},
		{"parse error", fstest.MapFS{"error.tmpl": {Data: []byte("{{range}}")}}, "error.tmpl"},
		{"unknown field", fstest.MapFS{"quickref.tmpl": {Data: []byte("{{.NoSuchField}}")}}, "NoSuchField"},
		{"part renders itself", fstest.MapFS{"quickref.tmpl": {Data: []byte(`{{part "quickref.tmpl" .}}`)}}, "nest deeper"},
	}
	for _, tc := range errTests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := emitMarkdown(c, Options{Templates: tc.files})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one naming %s", err, tc.want)
			}
		})
	}

	t.Run("non-template files are ignored", func(t *testing.T) {
		page := mdRender(t, c, Options{Templates: fstest.MapFS{"README.md": {Data: []byte("# x")}}})
		if !bytes.Equal(page, base) {
			t.Error("page changed")
		}
	})
}

// TestMarkdownConcurrent: the bundled set is shared; concurrent pages with
// and without overrides agree with sequential ones (run with -race).
func TestMarkdownConcurrent(t *testing.T) {
	c, err := catalog.Load("catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	override := Options{Templates: fstest.MapFS{"quickref.tmpl": {Data: []byte("## Q\n")}}}
	want := [2][]byte{mdRender(t, c, Options{}), mdRender(t, c, override)}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			opts := Options{}
			if i%2 == 1 {
				opts = override
			}
			got, err := emitMarkdown(c, opts)
			if err != nil || !bytes.Equal(got, want[i%2]) {
				t.Errorf("concurrent page %d differs (err %v)", i, err)
			}
		})
	}
	wg.Wait()
}

// mdPartLines returns the line range [start, end) of the part that starts at
// the h2 line heading, up to the next h2 or the end.
func mdPartLines(page []byte, heading string) (int, int) {
	lines := strings.SplitAfter(string(page), "\n")
	start := -1
	for i, l := range lines {
		switch {
		case start < 0 && strings.TrimSuffix(l, "\n") == heading:
			start = i
		case start >= 0 && strings.HasPrefix(l, "## "):
			return start, i
		}
	}
	return start, len(lines)
}

func mdRender(t *testing.T, c *catalog.Catalog, opts Options) []byte {
	t.Helper()
	page, err := emitMarkdown(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	return page
}

// mdDoc is what the checks need from a parsed page.
type mdDoc struct {
	tables     []*mdTable
	headings   []mdHeadingNode
	headingIDs []string
	anchorIDs  []string // <a id> elements
	links      []string // every link destination
	jsonBlocks []mdCodeBlock
	listItems  int
}

type mdTable struct {
	header []string
	rows   []mdRow
}

type mdRow struct {
	cells       []string   // rendered text, <br> as \n
	links       [][]string // link destinations per cell
	source      string     // the row's source line
	sourceCells int        // cells in the source line
	padded      bool       // the parser added cells the source lacks
}

type mdHeadingNode struct {
	level int
	text  string
}

type mdCodeBlock struct {
	code    string
	section string // the h2 it is under
	anchor  string // the error section it is in, "" outside one
}

// table returns the first table with this header, or nil.
func (d *mdDoc) table(header ...string) *mdTable {
	for _, tb := range d.tables {
		if slices.Equal(tb.header, header) {
			return tb
		}
	}
	return nil
}

var mdAnchorPattern = regexp.MustCompile(`^<a id="([^"]*)">$`)

func mdParse(t *testing.T, src []byte) *mdDoc {
	t.Helper()
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(mdhtml.WithUnsafe()),
	)
	root := md.Parser().Parse(text.NewReader(src))
	d := &mdDoc{}
	var section, anchor string
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			h := mdHeadingNode{n.Level, mdRenderedText(t, md, src, n)}
			d.headings = append(d.headings, h)
			if id, ok := n.AttributeString("id"); ok {
				d.headingIDs = append(d.headingIDs, string(id.([]byte)))
			}
			if n.Level <= 2 {
				section, anchor = h.text, ""
			}
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw = append(raw, seg.Value(src)...)
			}
			if m := mdAnchorPattern.FindSubmatch(raw); m != nil {
				d.anchorIDs = append(d.anchorIDs, string(m[1]))
				anchor = string(m[1])
			}
		case *ast.Link:
			d.links = append(d.links, string(n.Destination))
		case *ast.ListItem:
			d.listItems++
		case *ast.FencedCodeBlock:
			if string(n.Language(src)) == "json" {
				var code []byte
				for i := 0; i < n.Lines().Len(); i++ {
					seg := n.Lines().At(i)
					code = append(code, seg.Value(src)...)
				}
				d.jsonBlocks = append(d.jsonBlocks, mdCodeBlock{string(code), section, anchor})
			}
		case *east.Table:
			d.tables = append(d.tables, mdParseTable(t, md, src, n))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mdParseTable(t *testing.T, md goldmark.Markdown, src []byte, n *east.Table) *mdTable {
	tb := &mdTable{}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var r mdRow
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			r.cells = append(r.cells, mdRenderedText(t, md, src, cell))
			var links []string
			_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if l, ok := n.(*ast.Link); ok && entering {
					links = append(links, string(l.Destination))
				}
				return ast.WalkContinue, nil
			})
			r.links = append(r.links, links)
			// A cell the source lacks is added with no text segment at all.
			r.padded = r.padded || cell.Lines().Len() == 0
		}
		if _, ok := row.(*east.TableHeader); ok {
			tb.header = r.cells
			continue
		}
		r.source = mdSourceLine(src, row.Pos())
		r.sourceCells = mdCountCells(r.source)
		tb.rows = append(tb.rows, r)
	}
	return tb
}

func mdSourceLine(src []byte, pos int) string {
	if pos < 0 || pos >= len(src) {
		return ""
	}
	line := src[pos:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return string(line)
}

// mdCountCells splits a row as GFM does: on pipes not preceded by a
// backslash, ignoring a leading and a trailing one.
func mdCountCells(row string) int {
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

var mdTagPattern = regexp.MustCompile(`<[^>]*>`)

// mdRenderedText is the text a reader sees in n: its HTML without tags, <br>
// as a line break, code spans in single backticks.
func mdRenderedText(t *testing.T, md goldmark.Markdown, src []byte, n ast.Node) string {
	var buf bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := md.Renderer().Render(&buf, src, c); err != nil {
			t.Fatal(err)
		}
	}
	s := strings.ReplaceAll(buf.String(), "<br>", "\n")
	s = strings.NewReplacer("<code>", "`", "</code>", "`").Replace(s)
	return strings.TrimSpace(html.UnescapeString(mdTagPattern.ReplaceAllString(s, "")))
}

// TestMDPrerenderOnlyForTheBundledPage: error.tmpl is rendered up front, for
// every error, only when the bundled page.tmpl will ask for every one.
func TestMDPrerenderOnlyForTheBundledPage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  bool
	}{
		{"bundled", nil, true},
		{"error.tmpl overridden", fstest.MapFS{"error.tmpl": {Data: []byte("{{.Code}}\n")}}, true},
		{"page.tmpl overridden", fstest.MapFS{"page.tmpl": {Data: []byte("# Errors\n")}}, false},
	} {
		set, err := mdTemplates(tc.files)
		if err != nil {
			t.Fatal(err)
		}
		if got := mdBundledPage(set); got != tc.want {
			t.Errorf("%s: mdBundledPage = %v, want %v", tc.name, got, tc.want)
		}
	}
}
