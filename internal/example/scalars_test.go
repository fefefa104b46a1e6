package example

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"testing"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// checkNewIsPlain fails when New's instance of e (its details, members,
// message and body) differs from newPlain's.
func checkNewIsPlain(t *testing.T, name string, e *catalog.Error) {
	t.Helper()
	want, werr := newPlain(e)
	got, gerr := New(e)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%s %s: New's error %v, newPlain's %v", name, e.Code, gerr, werr)
	}
	if werr != nil {
		return
	}
	if !bytes.Equal(got.Details, want.Details) || got.Message != want.Message {
		t.Fatalf("%s %s: New = %s %q, newPlain = %s %q", name, e.Code, got.Details, got.Message, want.Details, want.Message)
	}
	for _, in := range []*Instance{got, want} {
		in.RequestID, in.URI = "req-<1>", "/x"
	}
	if g, w := got.Body(), want.Body(); !bytes.Equal(g, w) {
		t.Fatalf("%s %s: body %s, plain %s", name, e.Code, g, w)
	}
	for _, d := range e.Details {
		g, gok := got.member(d.Name)
		w, wok := (&Instance{Err: e, Details: want.Details}).member(d.Name)
		if gok != wok || !bytes.Equal(g, w) {
			t.Fatalf("%s %s: member %s = %s %v, plain %s %v", name, e.Code, d.Name, g, gok, w, wok)
		}
	}
}

// TestNewIsPlain: New's shortcut for scalar details builds the instance
// newPlain builds, for every error of every shipped catalog and of the
// synthetic, hostile and scale catalogs.
func TestNewIsPlain(t *testing.T) {
	for _, tc := range catalogtest.All(t) {
		for _, e := range tc.C.Errors {
			checkNewIsPlain(t, tc.Name, e)
		}
	}
	for name, data := range map[string][]byte{"synthetic": catalogtest.Synthetic(300), "hostile": catalogtest.Hostile(), "scale": catalogtest.Scale(50)} {
		c, err := catalog.Parse(name+".yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range c.Errors {
			checkNewIsPlain(t, name, e)
		}
	}
}

// FuzzScalarDetails holds New to newPlain for errors of scalar details with
// any examples, enums and messages.
func FuzzScalarDetails(f *testing.F) {
	// Every seed is a valid catalog (a skipped seed tests nothing): a
	// placeholder names a required detail, an enum value is not empty.
	f.Add("x", int64(3), 1.5, true, "on {s} and {n}", true, false)
	f.Add("<&>\u2028\x01é\xff", int64(0), 0.0, false, "{f}{b}", true, true)
	f.Add("", int64(-1), 1e21, false, "", false, false)
	f.Add("stolen", int64(1<<53), math.Copysign(0, -1), true, "card {s}", true, true) // negative zero: -0.0 is 0 in Go
	f.Fuzz(func(t *testing.T, s string, n int64, fl float64, b bool, msg string, required, enum bool) {
		src := fmt.Sprintf("version: 1\napi: T\nformat: problem\nerrors:\n  - code: E\n    status: 400\n    message: %s\n    details:\n", quote(msg))
		src += fmt.Sprintf("      - {name: s, type: string, required: %v, example: %s}\n", required, quote(s))
		src += fmt.Sprintf("      - {name: n, type: integer, required: %v, example: %d}\n", required, n)
		src += fmt.Sprintf("      - {name: f, type: number, required: %v, example: %v}\n", required, fl)
		src += fmt.Sprintf("      - {name: b, type: boolean, required: %v, example: %v}\n", required, b)
		if enum {
			src += fmt.Sprintf("      - {name: e, type: string, required: %v, enum: [%s, other]}\n", required, quote(s))
		}
		src += "  - {code: INTERNAL, status: 500, fallback: true}\n"
		c, err := catalog.Parse("catalog.yaml", []byte(src))
		if err != nil {
			t.Skip(err)
		}
		for _, e := range c.Errors {
			checkNewIsPlain(t, "fuzz", e)
		}
	})
}

// quote is s as a double-quoted YAML scalar.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// FuzzJSONString holds appendJSONString to encoding/json.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "a\"b", "<>&", "\u2028", "\x00\x1f\x7f", "é", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendJSONString([]byte("x"), s), append([]byte("x"), jsonStringPlain(s)...); !bytes.Equal(got, want) {
			t.Fatalf("%q: %s, want %s", s, got, want)
		}
		_ = utf8.ValidString(s)
	})
}

// BenchmarkNew is New, with its shortcut for scalar details, against
// newPlain, on the scale catalog's errors (two scalar details each) and
// the synthetic catalog's.
func BenchmarkNew(b *testing.B) {
	for name, data := range map[string][]byte{"scale": catalogtest.Scale(1000), "synthetic": catalogtest.Synthetic(1000)} {
		c, err := catalog.Parse(name+".yaml", data)
		if err != nil {
			b.Fatal(err)
		}
		for way, f := range map[string]func(*catalog.Error) (*Instance, error){"shortcut": New, "plain": newPlain} {
			b.Run(name+"/"+way, func(b *testing.B) {
				for b.Loop() {
					for _, e := range c.Errors {
						in, err := f(e)
						if err != nil {
							b.Fatal(err)
						}
						in.Body()
					}
				}
			})
		}
	}
}
