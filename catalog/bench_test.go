package catalog_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// stageSizes are the catalog sizes of the stage benchmarks; -short (CI,
// which runs every benchmark once so that none rots) leaves out the
// largest.
func stageSizes() []int {
	if testing.Short() {
		return []int{1000}
	}
	return []int{1000, 10000}
}

// BenchmarkStages times Parse's two stages apart on the synthetic catalog,
// so that a regression in either shows: load (the YAML parse and decoding
// into the model) and validate (normalizing, the catalog's rules and
// errgen.Check's Go rules). The emitters' stages are BenchmarkEmit in the
// root package.
func BenchmarkStages(b *testing.B) {
	for _, n := range stageSizes() {
		data := catalogtest.Synthetic(n)
		b.Run(fmt.Sprintf("load/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := catalog.DecodeStage("synthetic.yaml", data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("validate/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				cr, err := catalog.DecodeStage("synthetic.yaml", data)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := catalog.ValidateStage(cr, errgen.Check); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestStagesAreParse: the two stages the benchmark times make the catalog
// Parse makes.
func TestStagesAreParse(t *testing.T) {
	data := catalogtest.Synthetic(60)
	want, err := catalog.Parse("synthetic.yaml", data, errgen.Check)
	if err != nil {
		t.Fatal(err)
	}
	cr, err := catalog.DecodeStage("synthetic.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := catalog.ValidateStage(cr, errgen.Check)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the stages' catalog differs from Parse's")
	}
}

// BenchmarkLoadTranslated is LoadFiles, with errgen's checks as the
// command runs them, on the scale catalog in English and German
// (catalogtest.ScaleTranslated): the YAML of both files, decoding,
// normalizing, validating and the translation's own reading and checks,
// whose copy of the catalog in German (In) counts what it leaves
// untranslated. What it allocates is most of what a run of errgen
// allocates before its outputs.
func BenchmarkLoadTranslated(b *testing.B) {
	defer catalog.SetPoisonReleased(catalog.SetPoisonReleased(false))
	for _, n := range stageSizes() {
		files := catalog.MemFiles{}
		files["catalog.yaml"], files[catalog.TranslationFile("de")] = catalogtest.ScaleTranslated(n, "de")
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := catalog.LoadFiles(files, "catalog.yaml", errgen.Check); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOwnFormats validates catalogs whose every error has a format of
// its own: compare the two sizes, about 4 times apart in time as in
// errors. Each envelope's users were found by a scan of every error:
// errgen validate of 32,000 such errors took 3.2 s of CPU, 0.66 s since.
func BenchmarkOwnFormats(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		var text []byte
		text = append(text, "version: 1\napi: Big\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"...)
		for i := range n {
			text = fmt.Appendf(text, "  - {code: E%d, status: 400, format: {name: f%d, media_type: application/json, body: {error: $message, code: $code}}}\n", i, i)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := catalog.Parse("catalog.yaml", text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
