package golang

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestRulesOnlyWhenAsked: the Go output's rules are not the catalog's own.
func TestRulesOnlyWhenAsked(t *testing.T) {
	data := []byte(`version: 1
api: Shop API
format: flat
errors:
  - code: BAD
    status: 400
    details:
      - {name: len, type: integer}
  - {code: INTERNAL, status: 500, fallback: true}
`)
	if _, err := catalog.Parse("catalog.yaml", data); err != nil {
		t.Fatalf("without Rules: %v", err)
	}
	_, err := catalog.Parse("catalog.yaml", data, Rules)
	want := `catalog.yaml:8:16: detail name "len" becomes the Go parameter "len", a predeclared Go identifier; rename it`
	if err == nil || err.Error() != want {
		t.Errorf("with Rules: %v, want %s", err, want)
	}
}

// TestRulesToleratesProblems runs Rules over catalogs a Check may see:
// errors without names, details without types.
func TestRulesToleratesProblems(t *testing.T) {
	c := &catalog.Catalog{Errors: []*catalog.Error{
		{},
		{Code: "X", Details: []*catalog.Detail{{}, {Name: "type"}}},
		{Code: "Y", Name: "Y", Details: []*catalog.Detail{{Name: "a", Required: true}, {Name: "b"}}},
	}}
	probs := Rules(c)
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, `"type", a Go keyword`) {
		t.Errorf("Rules = %v", probs)
	}
}

func TestParamName(t *testing.T) {
	params := map[string]string{"resourceId": "resourceID", "ID": "id", "URLPath": "urlPath", "retry_after": "retryAfter"}
	for in, want := range params {
		if got := ParamName(in); got != want {
			t.Errorf("ParamName(%q) = %q, want %q", in, got, want)
		}
	}
}
