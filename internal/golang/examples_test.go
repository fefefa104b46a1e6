package golang

import (
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/internal/golang/fixed"
)

// The example bodies of the stand-in catalog (internal/example, which the
// OpenAPI and the docs show) are what its package writes: each, parsed by
// the fixed half, is written again byte for byte, and Write reports no
// breach. The stand-in's objects have fields with examples, nested and enum
// ones among them, so this holds an example made of its fields' examples to
// what the generated structs write.
func TestStandInExamplesAreWritten(t *testing.T) {
	data, err := os.ReadFile("testdata/standin.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Parse("testdata/standin.yaml", data, Rules)
	if err != nil {
		t.Fatal(err)
	}
	var reports []fixed.Report
	fixed.Configure(fixed.Config{Reporter: func(r fixed.Report) { reports = append(reports, r) }})
	defer fixed.Configure(fixed.Config{})
	for _, e := range c.Errors {
		body, err := example.Body(e)
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := fixed.Parse(e.Status, body)
		if err != nil {
			t.Fatalf("%s: Parse(%s): %v", e.Code, body, err)
		}
		if got, err := parsed.MarshalJSON(); err != nil || string(got) != string(body) {
			t.Errorf("%s: the example\n%s\nis written\n%s (%v)", e.Code, body, got, err)
		}
		fixed.Write(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil), parsed)
	}
	if len(reports) > 0 {
		t.Errorf("writing the examples reported %v", reports)
	}
	in, err := example.New(c.Errors[1])
	if err != nil {
		t.Fatal(err)
	}
	const problems = `"problems":[{"field":"title","message":"is too long","kind":"invalid","limits":{"max":80,"unit":"chars"}}]`
	if !strings.Contains(string(in.Details), problems) {
		t.Errorf("%s's example details %s lack %s", c.Errors[1].Code, in.Details, problems)
	}
}
