package errgen

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

var benchSizes = []int{100, 1000, 10000}

// sizes are benchSizes, less the largest under -short: CI runs every
// benchmark once so that none rots, not to measure.
func sizes() []int {
	if testing.Short() {
		return benchSizes[:len(benchSizes)-1]
	}
	return benchSizes
}

func loadSynthetic(b *testing.B, n int) *catalog.Catalog {
	b.Helper()
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(n), Check)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes() {
		data := catalogtest.Synthetic(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := catalog.Parse("synthetic.yaml", data, Check); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEmit(b *testing.B) {
	for _, em := range emitters {
		for _, n := range sizes() {
			c := loadSynthetic(b, n)
			opts := Options{}
			if em.output == OutputGRPC || em.output == OutputConnect {
				// the RPC packages need the service's domain and the Go
				// package's import path, which the synthetic catalog leaves out
				c.GRPC.Domain, opts.GoImport = "api.example.com", "example.com/service/apierrors"
			}
			b.Run(fmt.Sprintf("%s/n=%d", em.output, n), func(b *testing.B) {
				for b.Loop() {
					if _, err := em.emit(c, opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, n := range sizes() {
		c := loadSynthetic(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Generate(c, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkProcess runs the errgen binary end to end on the 1,000- and
// 10,000-error catalogs: start-up, load, validate, generate and write all
// three outputs. The target is 10,000 errors in 1.5 s, at most 12 times
// what 1,000 take.
func BenchmarkProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "errgen")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/errgen").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, n := range sizes()[1:] {
		cat := filepath.Join(dir, fmt.Sprintf("catalog%d.yaml", n))
		if err := os.WriteFile(cat, catalogtest.Synthetic(n), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				// A fresh output directory each time, so every output is written.
				out := filepath.Join(dir, fmt.Sprintf("out%d-%d", n, i))
				if o, err := exec.Command(bin, "--catalog", cat, "--out", out).CombinedOutput(); err != nil {
					b.Fatalf("errgen: %v\n%s", err, o)
				}
			}
		})
	}
}

// TestSyntheticCatalogIsValid keeps the benchmark input honest: it loads and
// generates at a small size.
func TestSyntheticCatalogIsValid(t *testing.T) {
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(60), Check)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Errors) != 60 {
		t.Fatalf("%d errors, want 60", len(c.Errors))
	}
	if _, err := Generate(c, Options{}); err != nil {
		t.Fatal(err)
	}
}
