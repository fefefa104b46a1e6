package errgen

import (
	"slices"
	"sync/atomic"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// countEmitters replaces the emitters for the test with ones that count
// their calls, in the same order, and returns the counters by output.
func countEmitters(t *testing.T) map[Output]*atomic.Int32 {
	t.Helper()
	saved := emitters
	t.Cleanup(func() { emitters = saved })
	calls := map[Output]*atomic.Int32{}
	emitters = nil
	for _, em := range saved {
		n := new(atomic.Int32)
		calls[em.output] = n
		emit := em.emit
		em.emit = func(c *catalog.Catalog, opts Options) ([]File, error) {
			n.Add(1)
			return emit(c, opts)
		}
		emitters = append(emitters, em)
	}
	return calls
}

// An output that Options.Outputs leaves out is not computed, and the files
// returned are the ones asked for, in Generate's order whatever the order
// asked; an empty selection is every output.
func TestGenerateComputesOnlyTheOutputsAsked(t *testing.T) {
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(60), Check)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ask, want []Output
	}{
		{nil, []Output{OutputGo, OutputOpenAPI, OutputMarkdown}},
		{[]Output{OutputGo}, []Output{OutputGo}},
		{[]Output{OutputMarkdown, OutputGo}, []Output{OutputGo, OutputMarkdown}},
		{[]Output{OutputOpenAPI}, []Output{OutputOpenAPI}},
	} {
		calls := countEmitters(t)
		files, err := Generate(c, Options{Outputs: tc.ask})
		if err != nil {
			t.Fatal(err)
		}
		var got []Output
		for _, f := range files {
			got = append(got, f.Output)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Outputs %v: files %v, want %v", tc.ask, got, tc.want)
		}
		for o, n := range calls {
			if want := int32(0); slices.Contains(tc.want, o) {
				want = 1
				if n.Load() != want {
					t.Errorf("Outputs %v: %s computed %d times, want %d", tc.ask, o, n.Load(), want)
				}
			} else if n.Load() != want {
				t.Errorf("Outputs %v: %s computed although not asked for", tc.ask, o)
			}
		}
	}
	if _, err := Generate(c, Options{Outputs: []Output{"pdf"}}); err == nil {
		t.Error("an unknown output was accepted")
	}
}
