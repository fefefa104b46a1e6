package catalog

import (
	"fmt"
	"strings"
	"testing"
)

// TestMaxErrors: a list of MaxErrors errors loads; one more is refused with
// one problem at the list, saying the limit and what to do, and nothing
// else about the catalog.
func TestMaxErrors(t *testing.T) {
	catalogOf := func(n int) []byte {
		var b strings.Builder
		b.WriteString("version: 1\napi: Big API\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
		for i := 1; i < n; i++ {
			fmt.Fprintf(&b, "  - {code: E%06d, status: 400}\n", i)
		}
		return []byte(b.String())
	}
	_, err := Parse("big.yaml", catalogOf(MaxErrors+1))
	want := fmt.Sprintf("big.yaml:4:3: errors: the list holds %d errors, more than errgen's limit of %d (catalog.MaxErrors): "+
		"split the API's errors into several catalogs, one per service or domain, each generating its own package", MaxErrors+1, MaxErrors)
	if err == nil || err.Error() != want {
		t.Errorf("%d errors: got\n%v\nwant\n%s", MaxErrors+1, err, want)
	}
	if testing.Short() {
		return // loading MaxErrors errors takes a few seconds
	}
	if _, err := Parse("big.yaml", catalogOf(MaxErrors)); err != nil {
		t.Errorf("%d errors: %v", MaxErrors, err)
	}
}
