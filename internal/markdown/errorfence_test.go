package markdown

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// TestIndentedIsIndent: appendIndented writes what json.Indent writes, on
// every error body of every catalog TestErrorPartIsTemplate renders (and
// takes each of them), on random values as encoding/json writes them, and
// declines text json.Indent would read otherwise or refuse.
func TestIndentedIsIndent(t *testing.T) {
	var bodies [][]byte
	for _, c := range shortcutCatalogs(t) {
		p, err := newPage(c, DefaultName)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Errors {
			if _, ok := appendIndented(nil, e.Body); !ok {
				t.Errorf("%s: %s: the body is not taken for compact JSON: %s", c.File, e.Code, e.Body)
			}
			bodies = append(bodies, e.Body)
		}
	}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 500 {
		b, err := json.Marshal(randomValue(rng, 4))
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, b)
	}
	for _, s := range []string{`{"a": 1}`, "{\"a\":1}\n", `{"a":[}`, `{"a":"b`, "\"a\x01\"", `]`, `{"a":{}}}`, `[[],{},[{}]]`, `"\"}{"`, ``, `{}x`, `"a"`, `1`, `{"a":1}{"b":2}`, `{"a":[1,{}]}`} {
		bodies = append(bodies, []byte(s))
	}
	for _, b := range bodies {
		var want bytes.Buffer
		err := json.Indent(&want, b, "", "  ")
		got, ok := appendIndented([]byte("x"), b)
		switch {
		case !ok && !bytes.Equal(got, []byte("x")):
			t.Errorf("appendIndented(%q) declines, but changed dst to %q", b, got)
		case ok && (err != nil || !bytes.Equal(got[1:], want.Bytes())):
			t.Errorf("appendIndented(%q) = %q, json.Indent %q (%v)", b, got[1:], want.Bytes(), err)
		}
	}
}

// randomValue is a random JSON value, depth levels deep at most.
func randomValue(rng *rand.Rand, depth int) any {
	switch k := rng.IntN(7); {
	case depth > 0 && k == 0:
		m := map[string]any{}
		for i := range rng.IntN(4) {
			m[fmt.Sprintf("k%d\"<\\", i)] = randomValue(rng, depth-1)
		}
		return m
	case depth > 0 && k == 1:
		var a []any
		for range rng.IntN(4) {
			a = append(a, randomValue(rng, depth-1))
		}
		return a
	case k == 2:
		return rng.Float64() * 1e6
	case k == 3:
		return rng.IntN(2) == 0
	case k == 4:
		return nil
	}
	return string([]rune{rune(rng.IntN(0x3000)), '"', '\\', '\n', rune(rng.IntN(0x3000))})
}

// BenchmarkIndented is appendIndented and json.Indent on the synthetic
// catalog's bodies.
func BenchmarkIndented(b *testing.B) {
	c := loadSynthetic(b, 1000)
	p, err := newPage(c, DefaultName)
	if err != nil {
		b.Fatal(err)
	}
	var dst []byte
	var buf bytes.Buffer
	benchpair.Run(b, func() {
		for _, e := range p.Errors {
			dst, _ = appendIndented(dst[:0], e.Body)
		}
	}, func() {
		for _, e := range p.Errors {
			buf.Reset()
			_ = json.Indent(&buf, e.Body, "", "  ")
		}
	}, nil)
}
