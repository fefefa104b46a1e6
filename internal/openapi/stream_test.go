package openapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// streamCatalogs are every shipped catalog, the edge one, a hostile one, a
// synthetic one of 300 errors and the scale ones of 1,000 and (without
// -short) 10,000 errors.
func streamCatalogs(t testing.TB) []*catalog.Catalog {
	var cats []*catalog.Catalog
	for _, tc := range catalogtest.All(t) {
		cats = append(cats, tc.C)
	}
	files := map[string][]byte{"edge.yaml": []byte(edgeCatalog), "hostile.yaml": catalogtest.Hostile(), "synthetic.yaml": catalogtest.Synthetic(300),
		"scale1000.yaml": catalogtest.Scale(1000)}
	if !testing.Short() {
		files["scale10000.yaml"] = catalogtest.Scale(10000)
	}
	for name, data := range files {
		c, err := catalog.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	return cats
}

// TestStreamIsTree: the document Write streams, sharing nodes, has the
// bytes of the whole tree written at the end (generateTree, the plain path,
// which shares none), for every
// catalog, in both OpenAPI versions, with open and closed bodies, with and
// without the default response. The 10,000-error scale catalog, there to
// pass the cap on shared nodes, is held in one of those eight ways only: all
// eight took 40 s under the race detector.
func TestStreamIsTree(t *testing.T) {
	for _, c := range streamCatalogs(t) {
		saved := c.OpenAPI
		for _, v := range []string{"3.0.3", "3.1.0"} {
			for _, closed := range []bool{false, true} {
				for _, def := range []bool{false, true} {
					if c.File == "scale10000.yaml" && (v != "3.1.0" || closed || !def) {
						continue
					}
					c.OpenAPI.Version, c.OpenAPI.ClosedUnions, c.OpenAPI.DefaultResponse = v, closed, def
					name := fmt.Sprintf("%s %s closed=%v default=%v", c.File, v, closed, def)
					want, err := generateTree(c, testHeader)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					got, err := Generate(c, testHeader)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if !bytes.Equal(got, want) {
						t.Errorf("%s: the stream differs from the tree", name)
					}
				}
			}
		}
		c.OpenAPI = saved
	}
}

type failingWriter struct{}

var errWrite = errors.New("no space left on device")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

// A writer's error is Write's.
func TestWriteFails(t *testing.T) {
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(300))
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(failingWriter{}, c, testHeader); !errors.Is(err, errWrite) {
		t.Fatalf("Write to a failing writer: %v, want %v", err, errWrite)
	}
}

// BenchmarkStream is the OpenAPI emitter streaming its document into
// memory (Generate, the shortcut) and building its whole tree before
// writing it (generateTree, the plain path), in turn. Beside benchpair.Run's
// time ratios, it reports the most heap each path takes at once
// (benchpair.PeakHeap), and Write's to a file, here io.Discard (as the
// errgen command writes it, which holds no document at all).
func BenchmarkStream(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		if n > 1000 && testing.Short() {
			continue // CI runs every benchmark once so that none rots, not to measure
		}
		c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(n))
		if err != nil {
			b.Fatal(err)
		}
		stream := func() { mustGenerate(b, Generate, c) }
		tree := func() { mustGenerate(b, generateTree, c) }
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, stream, tree, nil)
			b.ReportMetric(float64(benchpair.PeakHeap(stream))/(1<<20), "shortcut-peak-MB")
			b.ReportMetric(float64(benchpair.PeakHeap(tree))/(1<<20), "plain-peak-MB")
			b.ReportMetric(float64(benchpair.PeakHeap(func() {
				if err := Write(io.Discard, c, testHeader); err != nil {
					b.Fatal(err)
				}
			}))/(1<<20), "write-peak-MB")
		})
	}
}

func mustGenerate(b *testing.B, gen func(*catalog.Catalog, string) ([]byte, error), c *catalog.Catalog) {
	if _, err := gen(c, testHeader); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkShare is Write to io.Discard, as the errgen command writes a
// file, sharing the nodes many errors repeat (the shortcut) and building
// each afresh (the plain path), in turn.
func BenchmarkShare(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		if n > 1000 && testing.Short() {
			continue // CI runs every benchmark once so that none rots, not to measure
		}
		c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(n))
		if err != nil {
			b.Fatal(err)
		}
		way := func(share bool) func() {
			return func() {
				if err := write(io.Discard, c, testHeader, share); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, way(true), way(false), nil)
		})
	}
}
