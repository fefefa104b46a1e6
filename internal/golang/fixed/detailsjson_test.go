package fixed

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// appendDetailsObjectPlain is appendDetailsObject's plain path: each field's
// kind looked up, then tested for emptiness and encoded by appendValue.
func appendDetailsObjectPlain(b []byte, def *definition, details any) ([]byte, error) {
	v := reflect.ValueOf(details)
	if !v.IsValid() || v.Type() != def.prepared().pointer {
		raw, err := json.Marshal(details)
		return append(b, raw...), err
	}
	v = v.Elem()
	b = append(b, '{')
	start := len(b)
	for _, f := range def.prepared().fields {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmptyValue(fv) {
			continue
		}
		if len(b) > start {
			b = append(b, ',')
		}
		b = append(b, f.key...)
		var ok bool
		if b, ok = appendValue(b, fv); !ok {
			_, err := json.Marshal(details)
			return b, err
		}
	}
	return append(b, '}'), nil
}

// checkDetailsObject fails unless appendDetailsObject writes what its plain
// path writes for details of def, and fails where it fails.
func checkDetailsObject(t *testing.T, def *definition, details any) {
	t.Helper()
	got, err := appendDetailsObject([]byte("x"), def, details)
	want, wantErr := appendDetailsObjectPlain([]byte("x"), def, details)
	if (err == nil) != (wantErr == nil) || err == nil && !bytes.Equal(got, want) {
		t.Errorf("%#v: %s, %v; plain path %s, %v", details, got, err, want, wantErr)
	}
}

// BenchmarkAppendDetails measures appendDetailsObject against its plain
// path, for details of scalars (encoded as they are written, on every
// Write) and of optional strings, ints, a bool and a float.
func BenchmarkAppendDetails(b *testing.B) {
	for _, e := range []*Error{NewRateLimited(100, "1m", 23), NewOutOfCredit(49.99, 5)} {
		b.Run(string(e.Code()), func(b *testing.B) {
			buf := make([]byte, 0, 512)
			benchpair.Run(b, func() {
				for range 1000 {
					buf, _ = appendDetailsObject(buf[:0], e.def, e.details)
				}
			}, func() {
				for range 1000 {
					buf, _ = appendDetailsObjectPlain(buf[:0], e.def, e.details)
				}
			}, nil)
		})
	}
}

// appendInt writes what strconv.AppendInt writes, in and out of its fast range.
func TestAppendInt(t *testing.T) {
	check := func(x int64) {
		if got, want := appendInt([]byte("x"), x), strconv.AppendInt([]byte("x"), x, 10); !bytes.Equal(got, want) {
			t.Fatalf("appendInt(%d) = %s, want %s", x, got, want)
		}
	}
	for x := int64(-1100); x < 1_100_000; x++ {
		check(x)
	}
	for _, x := range []int64{math.MinInt64, math.MinInt64 + 1, -1e6, 1e7 - 1, 1e7, math.MaxInt64 - 1, math.MaxInt64} {
		check(x)
	}
}

// BenchmarkAppendInt measures appendInt against strconv.AppendInt on
// values a Retry-After or a limit holds.
func BenchmarkAppendInt(b *testing.B) {
	buf := make([]byte, 0, 64)
	values := []int64{0, 7, 23, 100, 3600}
	benchpair.Run(b, func() {
		for range 100 {
			for _, x := range values {
				buf = appendInt(buf[:0], x)
			}
		}
	}, func() {
		for range 100 {
			for _, x := range values {
				buf = strconv.AppendInt(buf[:0], x, 10)
			}
		}
	}, nil)
}
