package errgen

import (
	"bytes"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestPlanIsGenerate: the files Plan plans, each written on its own, are
// Generate's, in its order, byte for byte; WriteTo counts what it writes.
func TestPlanIsGenerate(t *testing.T) {
	for _, tc := range goldenCases {
		c, err := catalog.Load(tc.catalog, Check)
		if err != nil {
			t.Fatal(err)
		}
		files, err := Generate(c, Options{})
		if err != nil {
			t.Fatal(err)
		}
		plans, err := Plan(c, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(plans) != len(files) {
			t.Fatalf("%s: %d files planned, %d generated", tc.catalog, len(plans), len(files))
		}
		for i, p := range plans {
			var b bytes.Buffer
			n, err := p.WriteTo(&b)
			if err != nil {
				t.Fatal(err)
			}
			f := files[i]
			if p.Output != f.Output || p.Path != f.Path || p.Language != f.Language || !bytes.Equal(b.Bytes(), f.Data) || n != int64(len(f.Data)) {
				t.Errorf("%s: planned %s %s %q (%d bytes written, %d counted) is not Generate's %s %s %q", tc.catalog, p.Output, p.Path, p.Language, b.Len(), n, f.Output, f.Path, f.Language)
			}
		}
	}
}

// Plan makes Generate's checks: what Generate refuses, it refuses too.
func TestPlanChecks(t *testing.T) {
	c, err := catalog.Load("catalog.yaml", Check)
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []Options{{GoPackage: "main"}, {Outputs: []Output{"pdf"}}} {
		if _, err := Plan(c, opts); err == nil {
			t.Errorf("Plan accepted %+v", opts)
		}
	}
}
