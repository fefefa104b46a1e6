package augment

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// augmentTexts augments spec with the validated text's omissions chosen by
// omit, and returns the output and the text kin-openapi validates.
func augmentTexts(t testing.TB, c *catalog.Catalog, spec []byte, name string, opts Options, omit omitFunc) (out, variant []byte) {
	t.Helper()
	isJSON := bytes.HasPrefix(bytes.TrimSpace(spec), []byte("{"))
	file, err := readSpec(spec, isJSON, name)
	if err != nil {
		t.Fatal(err)
	}
	a := newAugmenter(c, name, opts)
	a.omit = omit
	out, variant, err = a.augment(file, spec, isJSON)
	if err != nil {
		t.Fatal(err)
	}
	return out, variant
}

// The validation variant (errgen's examples left out) gives the same output and the same verdict as validating the output
// itself, the plain path.
func TestValidationVariantAgrees(t *testing.T) {
	tests := []struct {
		spec, catalog string
		opts          Options
	}{
		{"tasks-3.1.yaml", "catalog.yaml", Options{}},
		{"tasks-3.1.yaml", "catalog.yaml", Options{Force: true}},
		{"notes-3.0.json", "testdata/presets/problem.yaml", Options{}},
		{"petstore-expanded.yaml", "catalog.yaml", Options{Force: true}},
		{"real/museum.yaml", "catalog.yaml", Options{}},
		{"real/oai30-uspto.yaml", "catalog.yaml", Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			c := mustLoadCatalog(t, tt.catalog)
			spec := readTestSpec(t, tt.spec)
			plainOut, plain := augmentTexts(t, c, spec, tt.spec, tt.opts, omitNothing)
			isJSON := bytes.HasPrefix(spec, []byte("{"))
			for _, omit := range []omitFunc{(*augmenter).variantOmits} {
				out, variant := augmentTexts(t, mustLoadCatalog(t, tt.catalog), spec, tt.spec, tt.opts, omit)
				if !bytes.Equal(out, plainOut) {
					t.Error("the output depends on the validated text")
				}
				if bytes.Equal(variant, out) {
					t.Error("the variant leaves nothing out")
				}
				if errPlain, errVariant := validateSpec(plain, isJSON), validateSpec(variant, isJSON); fmt.Sprint(errPlain) != fmt.Sprint(errVariant) {
					t.Errorf("plain: %v, variant: %v", errPlain, errVariant)
				}
			}
		})
	}
}

// syntheticSpec is a spec of two operations to which a catalog attaches all
// its errors: one response per status, each of a twelfth of the errors.
const syntheticSpec = `openapi: 3.1.0
info: {title: Synthetic, version: "1"}
paths:
  /a:
    get:
      responses:
        "200": {description: OK}
  /b:
    post:
      responses:
        "200": {description: OK}
`

// BenchmarkValidationVariant measures the validation stage on its own:
// kin-openapi validating the output (plain) or the variant without
// errgen's examples (shortcut), for catalogs of
// 1,000 and 10,000 errors all attached to a two-operation spec, and for
// Stripe's spec with the bundled catalog. The plain path on the
// synthetic catalogs runs only with ERRGEN_BENCH_SLOW=1: it took 290 s a
// validation at 1,000 errors (the shortcut: 0.67 s).
func BenchmarkValidationVariant(b *testing.B) {
	type input struct {
		name   string
		c      *catalog.Catalog
		spec   []byte
		isJSON bool
	}
	var inputs []input
	for _, n := range []int{1000, 10000} {
		c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(n))
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range c.Errors {
			c.OpenAPI.Attach = append(c.OpenAPI.Attach, e.Code)
		}
		inputs = append(inputs, input{fmt.Sprintf("errors=%d", n), c, []byte(syntheticSpec), false})
	}
	if stripe, err := os.ReadFile(filepath.Join(specs, "real/stripe.json")); err == nil && !raceEnabled {
		c, err := catalog.Load(catalogtest.Path("catalog.yaml"))
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, input{"stripe", c, stripe, true})
	}
	for _, in := range inputs {
		for _, path := range []struct {
			name string
			omit omitFunc
		}{{"plain", omitNothing}, {"shortcut", (*augmenter).variantOmits}} {
			_, text := augmentTexts(b, in.c, in.spec, in.name, Options{}, path.omit)
			b.Run(in.name+"/"+path.name, func(b *testing.B) {
				if path.name == "plain" && in.name != "stripe" && os.Getenv("ERRGEN_BENCH_SLOW") == "" {
					b.Skip("set ERRGEN_BENCH_SLOW=1: minutes at 1,000 errors, hours at 10,000")
				}
				for b.Loop() {
					if err := validateSpec(text, in.isJSON); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
