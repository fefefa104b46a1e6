package augment

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestKeptNoticesCounted: a spec whose every operation has its own response
// where errgen would attach one (Stripe's: a default on each of its 452
// operations) is told about the first keptShown of them, one line each, and
// the rest in one line that counts them; a notice with a remedy of its own
// is never folded.
func TestKeptNoticesCounted(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	c.OpenAPI.DefaultResponse = true
	var spec strings.Builder
	spec.WriteString("openapi: 3.0.3\ninfo: {title: Many, version: '1'}\npaths:\n")
	for i := range keptShown + 3 {
		fmt.Fprintf(&spec, "  /p%d:\n    get:\n      security: []\n      responses:\n        '200': {description: OK}\n        default: {description: Oops}\n", i)
	}
	_, notices, err := Augment(c, []byte(spec.String()), "many.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := range keptShown {
		want = append(want, fmt.Sprintf("many.yaml:%d:9: GET /p%d: response default kept: the spec already defines it (errgen's is Default)", 9+6*i, i))
	}
	want = append(want, fmt.Sprintf("many.yaml:%d:9: response default kept in 3 more operations, GET /p%d and those after it: each already defines it (errgen's is Default)", 9+6*keptShown, keptShown))
	if got := lines(notices); !slices.Equal(got, want) {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestKeptNoticesWithRemedyNotFolded: an operation that refers to the
// spec's own response of errgen's name is told so with what to replace, one
// line each however many there are: each line says what to do, which a
// count would not.
func TestKeptNoticesWithRemedyNotFolded(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	c.OpenAPI.DefaultResponse = true
	var spec strings.Builder
	spec.WriteString("openapi: 3.0.3\ninfo: {title: Many, version: '1'}\npaths:\n")
	for i := range keptShown + 3 {
		fmt.Fprintf(&spec, "  /p%d:\n    get:\n      security: []\n      responses:\n        '200': {description: OK}\n        default: {$ref: '#/components/responses/Default'}\n", i)
	}
	spec.WriteString("components:\n  responses:\n    Default: {description: Oops}\n")
	_, notices, err := Augment(c, []byte(spec.String()), "many.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	remedies := 0
	for _, n := range notices {
		if strings.Contains(n.Msg, "response default kept") && strings.Contains(n.Hint, "--replace components.responses.Default") {
			remedies++
		}
	}
	if remedies != keptShown+3 {
		t.Errorf("%d notices with the remedy, want %d:\n%s", remedies, keptShown+3, strings.Join(lines(notices), "\n"))
	}
}
