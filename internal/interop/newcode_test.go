package interop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
)

// TestNewCodeAtDeclaredStatus builds clients from v1 of an augmented spec
// (testdata/newcode) with oapi-codegen and ogen, and runs
// testdata/newcode/*_test.go.txt against a server of v2, which answers 404
// with a code v1 did not have: with the open bodies (the default) both
// clients decode it as their 404 error; with openapi.unions: closed, ogen's
// rejects it.
func TestNewCodeAtDeclaredStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and builds clients")
	}
	s := newScratch(t)
	dir := filepath.Join(s.dir, "newcode")
	clients := []struct {
		gen    generator
		name   string
		closed bool
	}{
		{generators[0], "oapi-codegen-open", false},
		{generators[1], "ogen-open", false},
		{generators[1], "ogen-closed", true},
	}
	for _, cl := range clients {
		spec := augmentNewcode(t, cl.closed)
		specFile := filepath.Join(s.dir, "specs", "newcode-"+cl.name, "openapi.yaml")
		out := filepath.Join(dir, cl.name, "api")
		for _, d := range []string{filepath.Dir(specFile), out} {
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		write(t, specFile, spec)
		if err := runTool(cl.gen.args(specFile, out)); err != nil {
			t.Fatal(firstLines(err.Error(), 30))
		}
	}
	for _, f := range []string{"server", "oapicodegen", "ogen"} {
		src, err := os.ReadFile(filepath.Join("testdata/newcode", f+"_test.go.txt"))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, f+"_test.go"), src)
	}
	if out, err := s.goCmd("test", "-count=1", "-v", "./newcode"); err != nil {
		t.Errorf("the clients' test failed (%v):\n%s\n%s", err, failLines(string(out)), firstLines(string(out), 200))
	} else if testing.Verbose() {
		t.Logf("%s", out)
	}
}

// augmentNewcode is testdata/newcode/openapi.yaml augmented with v1 of
// its catalog, open or closed.
func augmentNewcode(t *testing.T, closed bool) []byte {
	t.Helper()
	c, err := catalog.Load("testdata/newcode/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c.OpenAPI.ClosedUnions = closed
	spec, err := os.ReadFile("testdata/newcode/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := errgen.Augment(c, spec, "openapi.yaml", errgen.AugmentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Spec), "NotFoundBody") {
		t.Fatalf("no NotFoundBody in the augmented spec:\n%s", res.Spec)
	}
	return res.Spec
}
