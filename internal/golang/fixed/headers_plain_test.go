package fixed

import (
	"maps"
	"math"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// setHeadersPlain is setHeaders' plain path: every value allocated, in one
// slice, as Write set them before it shared the catalog's.
func (e *Error) setHeadersPlain(h http.Header, id string, lang int) {
	for _, name := range []string{"Content-Length", "Content-Disposition", "ETag", "Last-Modified"} {
		h.Del(name)
	}
	handlers := len(h)
	n := 1 + len(e.def.headers)
	if lang >= 0 {
		n += 2
	}
	if e.def.challenge != "" {
		n++
	}
	if requestIDHeader != "" && id != "" {
		n++
	}
	values := make([]string, 0, n)
	set := func(name, value string) {
		values = append(values, value)
		n := len(values)
		h[name] = values[n-1 : n : n]
	}
	set("Content-Type", e.def.envelope.mediaType)
	for _, hd := range e.def.headers {
		v := hd.value
		if hd.template != nil && e.details != nil {
			v = headerValue(e.fill(hd.template))
			if http.CanonicalHeaderKey(hd.name) == "Retry-After" && strings.HasPrefix(v, "-") {
				v = "0"
			}
		}
		if v != "" {
			set(hd.name, v)
		}
	}
	if e.def.challenge != "" {
		set("Www-Authenticate", e.def.challenge)
	}
	if requestIDHeader != "" {
		if id := headerValue(id); id != "" {
			set(requestIDHeader, id)
		}
	}
	setLanguageHeadersPlain(h, lang, handlers > 0 || len(e.def.headers) > 0, set)
}

// headerErrors are errors of every kind of header: static, from details,
// a challenge, none, and a detail that sanitizing empties.
// Ints fill Retry-After below 100 (shared values, intHeader), from 100 and
// below 0; an optional int (0 is not sent) fills one of a definition made
// here, with a Vary of the catalog's.
func headerErrors() []*Error {
	errs := []*Error{ErrUnauthorized, ErrRateLimited, NewRateLimited(10, "1m", 30), ErrOrderNotFound,
		NewInvalidInput("a\r\nSet-Cookie: x"), NewInvalidInput(" \t"), NewOutOfCredit(1, 2), ErrInternal}
	for _, n := range []int{0, 1, 99, 100, 3600, -1, math.MinInt, math.MaxInt} {
		errs = append(errs, NewRateLimited(10, "1m", n))
	}
	def := headerDefinition(optionalWait{}, []header{
		{name: "Retry-After", template: []templatePart{{detail: "wait"}}},
		{name: "X-Wait", template: []templatePart{{detail: "wait"}, {literal: "s"}}},
		{name: "Vary", value: "Origin"},
	})
	for _, n := range []int{0, 7, 150} {
		errs = append(errs, &Error{def: def, details: &optionalWait{Wait: n}})
	}
	return append(errs, &Error{def: def})
}

// optionalWait is the details type of headerDefinition's tests: an
// optional int, which is not sent when 0.
type optionalWait struct {
	_    doNotCompare
	Wait int `json:"wait,omitempty"`
}

// headerDefinition is a copy of RATE_LIMITED's definition with other
// details and headers, for tests.
func headerDefinition(zero any, headers []header) *definition {
	def := new(definition)
	reflect.ValueOf(def).Elem().Set(reflect.ValueOf(ErrRateLimited.def).Elem())
	def.once, def.prep = sync.Once{}, prepared{}
	def.ready.Store(false)
	def.zero, def.headers, def.messageTemplate, def.message = zero, headers, nil, "Wait."
	return def
}

// TestSharedHeaders: setHeaders sets what its plain path sets, for every
// kind of header, request id and language, and a Vary the handler set.
func TestSharedHeaders(t *testing.T) {
	for _, e := range headerErrors() {
		for _, id := range []string{"", "req_1", " padded\t", "bad\x00id", "\t"} {
			for lang := -1; lang < len(languages); lang++ {
				for _, vary := range [][]string{nil, {"Origin"}, {"accept-language"}} {
					plain, shared := http.Header{}, http.Header{}
					if vary != nil {
						plain["Vary"], shared["Vary"] = vary, vary
					}
					e.setHeadersPlain(plain, id, lang)
					var ids []string
					if v := headerValue(id); v != "" {
						ids = []string{v}
					}
					e.setHeaders(shared, ids, lang)
					if !maps.EqualFunc(plain, shared, slices.Equal) {
						t.Errorf("%s, id %q, language %d, Vary %q: shared %v, plain %v", e.Code(), id, lang, vary, shared, plain)
					}
				}
			}
		}
	}
}

// BenchmarkSetHeaders measures what sharing the catalog's header values
// buys, for a static error and one with a header filled from its details.
// See benchpair.Run for the figures it reports.
func BenchmarkSetHeaders(b *testing.B) {
	for _, e := range []*Error{ErrUnauthorized, NewRateLimited(10, "1m", 30)} {
		b.Run(string(e.Code()), func(b *testing.B) {
			h := http.Header{}
			ids := []string{"req_7Hx2p9"}
			b.ReportAllocs()
			benchpair.Run(b, func() {
				for range 1000 {
					clear(h)
					e.setHeaders(h, ids, 0)
				}
			}, func() {
				for range 1000 {
					clear(h)
					e.setHeadersPlain(h, ids[0], 0)
				}
			}, nil)
		})
	}
}

// headerValuePlain is headerValue without its fast path for printable ASCII.
func headerValuePlain(v string) string {
	b := []byte(v)
	for i, c := range b {
		if c < ' ' && c != '\t' || c == 0x7f {
			b[i] = ' '
		}
	}
	return strings.Trim(string(b), " \t")
}

// FuzzHeaderValue holds headerValue to its plain path.
func FuzzHeaderValue(f *testing.F) {
	for _, s := range []string{"", "req_7Hx2p9", " padded\t", "a\r\nb", "\x7f", "é", "~!", "a b",
		"0123456789ABCDEFGHIJKLMNOP", "01234567\x20", "0123456~\x7f89", "!!!!!!!!\x00", "\xff1234567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if got, want := headerValue(v), headerValuePlain(v); got != want {
			t.Errorf("headerValue(%q) = %q, want %q", v, got, want)
		}
		if got, want := headerValue(v), headerValueBytewise(v); got != want {
			t.Errorf("headerValue(%q) = %q, byte at a time %q", v, got, want)
		}
	})
}

// BenchmarkHeaderValue measures headerValue against its byte-at-a-time
// loop (the fast path of before, kept here) on the request ids Write echoes.
func BenchmarkHeaderValue(b *testing.B) {
	ids := []string{"req_7Hx2p9", "0123456789ABCDEFGHIJKLMNOP", "3f2c1a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"}
	var sink string
	benchpair.Run(b, func() {
		for range 1000 {
			for _, id := range ids {
				sink = headerValue(id)
			}
		}
	}, func() {
		for range 1000 {
			for _, id := range ids {
				sink = headerValueBytewise(id)
			}
		}
	}, nil)
	_ = sink
}

// headerValueBytewise is headerValue as it was, its fast path a byte at a time.
func headerValueBytewise(v string) string {
	i := 0
	for i < len(v) && v[i]-'!' < '\x7f'-'!' {
		i++
	}
	if i == len(v) {
		return v
	}
	return headerValuePlain(v)
}
