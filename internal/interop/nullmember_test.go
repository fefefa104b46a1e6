package interop

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
)

// TestNewCodeNullsMember builds an ogen client from testdata/newcode's spec
// augmented with testdata/nullmember/v1.yaml, and runs
// testdata/nullmember/ogen_test.go.txt against a server writing v2's errors
// through v2's generated package: the new code writes its envelope's
// $details.field, required in every v1 body, as null, and the client
// rejects it (errgen diff: envelope-member-nulled).
func TestNewCodeNullsMember(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and builds a client")
	}
	s := newScratch(t)
	dir := filepath.Join(s.dir, "nullmember")
	v1, err := catalog.Load("testdata/nullmember/v1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec, err := os.ReadFile("testdata/newcode/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := errgen.Augment(v1, spec, "openapi.yaml", errgen.AugmentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	specFile := filepath.Join(s.dir, "specs", "nullmember", "openapi.yaml")
	for _, d := range []string{filepath.Dir(specFile), filepath.Join(dir, "ogen", "api"), filepath.Join(dir, "itemerrors")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, specFile, res.Spec)
	if err := runTool(generators[1].args(specFile, filepath.Join(dir, "ogen", "api"))); err != nil {
		t.Fatal(firstLines(err.Error(), 30))
	}
	writeGoPackage(t, "testdata/nullmember/v2.yaml", filepath.Join(dir, "itemerrors"))
	src, err := os.ReadFile("testdata/nullmember/ogen_test.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "ogen_test.go"), src)
	if out, err := s.goCmd("test", "-count=1", "-v", "./nullmember"); err != nil {
		t.Errorf("the client's test failed (%v):\n%s\n%s", err, failLines(string(out)), firstLines(string(out), 200))
	} else if testing.Verbose() {
		t.Logf("%s", out)
	}
}

// writeGoPackage writes the Go package errgen generates from the catalog at
// path into dir.
func writeGoPackage(t *testing.T, path, dir string) {
	t.Helper()
	c, err := catalog.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	files, err := errgen.Generate(c, errgen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Output == errgen.OutputGo {
			write(t, filepath.Join(dir, filepath.Base(f.Path)), f.Data)
		}
	}
}
