package markdowntest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// RequestID is the id the page's examples show in the catalog's request-id
// header, and in the body where the envelope has $request_id, when the
// catalog names none (request_id.example).
const RequestID = catalog.DefaultRequestID

// statusSuffix is what a heading gains when its slug would be an anchor.
var statusSuffix = regexp.MustCompile(` \([0-9]{3}( [0-9]+)?\)$`)

// ByStatusThenCode is the order of the reference table and of the errors
// inside each group: by status, then by code.
func ByStatusThenCode(errs []*catalog.Error) []*catalog.Error {
	sorted := slices.Clone(errs)
	slices.SortStableFunc(sorted, func(a, b *catalog.Error) int {
		if a.Status != b.Status {
			return a.Status - b.Status
		}
		return strings.Compare(a.Code, b.Code)
	})
	return sorted
}

// CheckReference checks the reference table: one row per code, sorted by
// status then code, linking to the code's anchor, with its status and a description
// that is never empty (the error's message or title stand in for it).
func CheckReference(t testing.TB, doc *Doc, c *catalog.Catalog) {
	t.Helper()
	ref := doc.Table("Code", "Status", "Description")
	if ref == nil {
		t.Fatal("no | Code | Status | Description | table")
	}
	if len(ref.Rows) != len(c.Errors) {
		t.Fatalf("reference table has %d rows, want one per code (%d)", len(ref.Rows), len(c.Errors))
	}
	for i, e := range ByStatusThenCode(c.Errors) {
		row := ref.Rows[i]
		if row.Cells[0] != "`"+e.Code+"`" || row.Cells[1] != strconv.Itoa(e.Status) {
			t.Errorf("reference row %d = %q, want %s | %d", i, row.Cells, e.Code, e.Status)
		}
		if strings.TrimSpace(row.Cells[2]) == "" {
			t.Errorf("reference row %s has no description", e.Code)
		}
		if want := []string{"#" + e.Anchor}; !slices.Equal(row.Links[0], want) {
			t.Errorf("reference row %s links to %q, want %q", e.Code, row.Links[0], want)
		}
	}
}

// CheckAnchors checks that each error has exactly one <a id> with its
// anchor, and each retired code too unless a code in use has the same
// anchor (its old links then land on that code), that no <a id> is
// repeated, and that every in-page link resolves to an <a id> or a heading.
func CheckAnchors(t testing.TB, doc *Doc, c *catalog.Catalog) {
	t.Helper()
	ids := map[string]int{}
	for _, id := range doc.AnchorIDs {
		if ids[id]++; ids[id] == 2 {
			t.Errorf("<a id=%q> appears more than once", id)
		}
	}
	inUse := map[string]bool{}
	for _, e := range c.Errors {
		inUse[e.Anchor] = true
		if ids[e.Anchor] != 1 {
			t.Errorf("%s: %d <a id=%q>, want 1", e.Code, ids[e.Anchor], e.Anchor)
		}
	}
	for _, e := range c.Retired {
		if !inUse[e.Anchor] && ids[e.Anchor] != 1 {
			t.Errorf("retired %s: %d <a id=%q>, want 1: old links to it must still land", e.Code, ids[e.Anchor], e.Anchor)
		}
	}
	for _, id := range doc.HeadingIDs {
		ids[id]++
	}
	for _, dest := range doc.Links {
		if strings.HasPrefix(dest, "#") && ids[dest[1:]] == 0 {
			t.Errorf("link %s resolves to no anchor or heading", dest)
		}
	}
}

// CheckJSONBlocks checks that every json block is valid and, compacted,
// byte for byte the body of its error: the error whose section holds it, or
// for the response format section some error of the catalog. Each error
// shows one.
func CheckJSONBlocks(t testing.TB, doc *Doc, c *catalog.Catalog) {
	t.Helper()
	CheckJSONBlocksIn(t, doc, c, "Error response format")
}

// CheckJSONBlocksIn is CheckJSONBlocks on a page whose response format
// section is titled formatSection (a page in another language). c is the
// catalog as the page reads (catalog.Catalog.In): the bodies are its
// errors'.
func CheckJSONBlocksIn(t testing.TB, doc *Doc, c *catalog.Catalog, formatSection string) {
	t.Helper()
	bodies := map[string][]byte{}
	for _, e := range c.Errors {
		body, err := example.Documented(e, c.RequestID) // the id the example request sent, echoed
		if err != nil {
			t.Fatal(err)
		}
		bodies[e.Anchor] = body
	}
	seen := map[string]int{}
	formatExamples := 0
	for _, b := range doc.JSONBlocks {
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(b.Code)); err != nil {
			t.Errorf("json block under %q is not JSON: %v\n%s", b.Section, err, b.Code)
			continue
		}
		switch {
		case b.Anchor != "":
			seen[b.Anchor]++
			if !bytes.Equal(compact.Bytes(), bodies[b.Anchor]) {
				t.Errorf("json block of #%s:\n%s\nwant ExampleBody:\n%s", b.Anchor, compact.Bytes(), bodies[b.Anchor])
			}
		case b.Section == formatSection:
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

// CheckGroups checks the error sections: right after the reference table,
// one h2 per group in order of first appearance, and under each its errors'
// h3 headings in order.
func CheckGroups(t testing.TB, doc *Doc, c *catalog.Catalog) {
	t.Helper()
	var want []string
	groupOf := func(e *catalog.Error) string {
		if c.Docs.GroupBy == "status" {
			return strconv.Itoa(e.Status) + " " + http.StatusText(e.Status)
		}
		return e.Category
	}
	errs := c.Errors
	if c.Docs.GroupBy == "status" {
		errs = ByStatusThenCode(errs) // status groups in status order
	}
	for _, e := range errs {
		if g := groupOf(e); !slices.Contains(want, g) {
			want = append(want, g)
		}
	}
	var got []string
	var codes []string
	inGroups := false
	for _, h := range doc.Headings {
		switch {
		case h.Level == 2 && h.Text == "Error codes":
			inGroups = true
			continue
		case h.Level == 2 && inGroups && len(got) == len(want):
			inGroups = false
		case h.Level == 2 && inGroups:
			got = append(got, h.Text)
		case h.Level == 3 && inGroups:
			codes = append(codes, h.Text)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("group headings = %q, want %q", got, want)
	}
	var wantCodes []string
	for _, g := range want {
		for _, e := range ByStatusThenCode(c.Errors) {
			if groupOf(e) == g {
				wantCodes = append(wantCodes, e.Code)
			}
		}
	}
	for i, h := range codes {
		// A heading whose slug would be an anchor of the page carries its
		// status too: CONFLICT (409).
		codes[i] = statusSuffix.ReplaceAllString(h, "")
	}
	if !slices.Equal(codes, wantCodes) {
		t.Errorf("error headings = %q, want %q", codes, wantCodes)
	}
}

// CheckTables checks that the page has tables and that every row of every
// table has as many cells as its header, in the tree (no cell padded in) and
// in the source (no cell cut off: GFM silently drops cells past the header's
// count).
func CheckTables(t testing.TB, doc *Doc) {
	t.Helper()
	if len(doc.Tables) == 0 {
		t.Fatal("no table on the page")
	}
	for _, tb := range doc.Tables {
		for _, r := range tb.Rows {
			if r.Padded || r.SourceCells != len(tb.Header) {
				t.Errorf("table %q: row %q has %d cells in the source (padded: %v), want %d",
					tb.Header, r.Source, r.SourceCells, r.Padded, len(tb.Header))
			}
		}
	}
}
