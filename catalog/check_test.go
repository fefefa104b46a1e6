package catalog

import (
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen/diag"
)

// checkCatalog has problems of its own: no fallback (4:3, the errors list)
// and a 401 without challenge (5:12).
const checkCatalog = `version: 1
api: Shop API
errors:
  - {code: NOT_FOUND, status: 404}
  - {code: UNAUTHORIZED, status: 401}
`

// TestCheckMergedAndSorted runs a Check over a catalog with problems of its
// own: the check runs anyway, over the normalized catalog, and its problems
// come out with the catalog's, by position, first at a tie.
func TestCheckMergedAndSorted(t *testing.T) {
	var seen *Catalog
	check := func(c *Catalog) []diag.Diagnostic {
		seen = c
		return []diag.Diagnostic{
			{Pos: Pos{Line: 6, Col: 1}, Msg: "after everything"},
			{Pos: Pos{Line: 5, Col: 12}, Msg: "at the 401's code"},
			{Pos: Pos{Line: 4, Col: 12}, Msg: "between"},
			{Pos: Pos{Line: 1, Col: 1}, Msg: "before everything"},
		}
	}
	c, err := Parse("catalog.yaml", []byte(checkCatalog), check)
	if c != nil {
		t.Error("Parse returned a catalog along with problems")
	}
	var probs *diag.List
	if !errors.As(err, &probs) {
		t.Fatalf("Parse = %v, want *diag.List", err)
	}
	want := `catalog.yaml:1:1: before everything
catalog.yaml:4:3: no error has fallback: true: mark exactly one 5xx error (e.g. INTERNAL_ERROR) fallback: true; it stands in for non-catalog errors
catalog.yaml:4:12: between
catalog.yaml:5:12: at the 401's code
catalog.yaml:5:12: error "UNAUTHORIZED" has status 401 but no challenge: RFC 9110 requires a WWW-Authenticate scheme (e.g. challenge: Bearer)
catalog.yaml:6:1: after everything`
	if got := err.Error(); got != want {
		t.Errorf("problems:\n%s\n\nwant:\n%s", got, want)
	}
	if seen == nil {
		t.Fatal("the check did not run")
	}
	if e := seen.Errors[0]; e.Name != "NotFound" || e.Title != "Not Found" || e.Anchor != "not-found" || seen.Go.Package != "apierrors" {
		t.Errorf("the check saw an unnormalized catalog: %+v", e)
	}
}

// TestChecksRunInOrder: every check runs, and a valid catalog passes only
// when no check objects.
func TestChecksRunInOrder(t *testing.T) {
	valid := `version: 1
api: Shop API
errors:
  - {code: NOT_FOUND, status: 404}
  - {code: INTERNAL, status: 500, fallback: true}
`
	var ran []string
	ok := func(name string) Check {
		return func(*Catalog) []diag.Diagnostic { ran = append(ran, name); return nil }
	}
	if _, err := Parse("catalog.yaml", []byte(valid), ok("a"), nil, ok("b")); err != nil {
		t.Fatal(err)
	}
	if strings.Join(ran, ",") != "a,b" {
		t.Errorf("checks ran: %v", ran)
	}
	objects := func(c *Catalog) []diag.Diagnostic { return []diag.Diagnostic{{Pos: c.Errors[0].Pos, Msg: "no"}} }
	if _, err := Parse("catalog.yaml", []byte(valid), objects); err == nil || err.Error() != "catalog.yaml:4:12: no" {
		t.Errorf("Parse = %v, want the check's problem", err)
	}
}
