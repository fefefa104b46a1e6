package fixed

// Benchmarks of the runtime's hot path, each beside a baseline doing the same
// job the way a hand-written service would: encoding/json on an equivalent
// struct, written with json.NewEncoder(w). Compare with benchstat, or read the
// ratios off one run: go test -run '^$' -bench . -benchmem ./internal/golang/fixed

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// discardWriter is a ResponseWriter that keeps nothing, so the benchmarks
// measure the error path and not a recorder. Like net/http's, it has
// WriteString.
type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(int)             {}
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteString(s string) (int, error) {
	return len(s), nil
}

func newDiscard() *discardWriter { return &discardWriter{h: http.Header{}} }

// serverWriter is a discardWriter that flushes and hijacks, as net/http's
// HTTP/1 writer does.
type serverWriter struct{ *discardWriter }

func (serverWriter) Flush() {}

func (serverWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return nil, nil, http.ErrNotSupported
}

// BenchmarkHandler measures what Handler costs a request over the handler
// called as it is, its error written with Write (bare): tracking the
// writer (its one allocation) and the deferred recover. The writer is
// net/http's kind, which flushes and hijacks. In this loop, which
// allocates nothing else, that allocation alone brings on the collector,
// whose write barriers then slow a static-error's writes to the header
// map too; a round trip through net/http's server and client allocates
// some 70 objects, and runs it anyway.
func BenchmarkHandler(b *testing.B) {
	for _, c := range []struct {
		name string
		h    func(http.ResponseWriter, *http.Request) error
	}{
		{"nil", func(w http.ResponseWriter, _ *http.Request) error { w.WriteHeader(http.StatusNoContent); return nil }},
		{"static-error", func(http.ResponseWriter, *http.Request) error { return ErrInternal }},
	} {
		bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if err := c.h(w, r); err != nil {
				Write(w, r, err)
			}
		})
		for _, bm := range []struct {
			name string
			h    http.Handler
		}{{"bare", bare}, {"Handler", Handler(c.h)}} {
			b.Run(c.name+"/"+bm.name, func(b *testing.B) {
				w := serverWriter{newDiscard()}
				b.ReportAllocs()
				for b.Loop() {
					clear(w.h)
					bm.h.ServeHTTP(w, benchRequest)
				}
			})
		}
	}
}

// The hand-written equivalents of the flat envelope.
type baselineBody struct {
	Error   string `json:"error"`
	Code    string `json:"code"`
	Details any    `json:"details,omitempty"`
}

type baselineRateLimit struct {
	Limit      int    `json:"limit"`
	Window     string `json:"window"`
	RetryAfter int    `json:"retryAfter"`
}

func baselineWrite(w http.ResponseWriter, status int, body *baselineBody, retryAfter int) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	if retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(retryAfter))
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// benchRequest carries a request id, as requests through a service's middleware
// do: the static Write benchmarks measure echoing it.
var benchRequest = func() *http.Request {
	r, _ := http.NewRequest("GET", "/orders/1", nil)
	r.Header.Set("X-Request-Id", "req_7Hx2p9")
	return r
}()

func BenchmarkWriteStatic(b *testing.B) {
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		Write(w, benchRequest, ErrInternal)
	}
}

// BenchmarkWriteStaticAcceptLanguage is BenchmarkWriteStatic for a request
// that asks for a language, as a Swiss browser does: negotiated, then the
// German pre-encoded body, with Content-Language and Vary. Its sub-benchmark
// one-language takes the stand-in's languages away: the static Write of a
// catalog of one language, as every catalog's was before translations,
// against which the ratio is read.
func BenchmarkWriteStaticAcceptLanguage(b *testing.B) {
	r := benchRequest.Clone(benchRequest.Context())
	r.Header.Set("Accept-Language", "de-CH,de;q=0.9,en;q=0.8")
	for _, bm := range []struct {
		name  string
		langs []string
	}{{"one-language", nil}, {"negotiated", languages}} {
		b.Run(bm.name, func(b *testing.B) {
			defer func(l []string) { languages = l }(languages)
			languages = bm.langs
			w := newDiscard()
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				Write(w, r, ErrInternal)
			}
		})
	}
}

// BenchmarkWriteStaticNewID: a request without an id gets a new one (newRequestIDValue).
func BenchmarkWriteStaticNewID(b *testing.B) {
	r, _ := http.NewRequest("GET", "/orders/1", nil)
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		Write(w, r, ErrInternal)
	}
}

func BenchmarkWriteStaticBaseline(b *testing.B) {
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		baselineWrite(w, 500, &baselineBody{Error: "An unexpected error occurred", Code: "INTERNAL"}, 0)
	}
}

// The error is built inside the loop: a 429 storm constructs each one.
func BenchmarkWriteDetails(b *testing.B) {
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		Write(w, benchRequest, NewRateLimited(100, "1m", 23))
	}
}

func BenchmarkWriteDetailsBaseline(b *testing.B) {
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		baselineWrite(w, 429, &baselineBody{Error: "Rate limit of " + strconv.Itoa(100) + " requests per " + "1m" + " exceeded",
			Code: "RATE_LIMITED", Details: baselineRateLimit{Limit: 100, Window: "1m", RetryAfter: 23}}, 23)
	}
}

func BenchmarkMarshalJSON(b *testing.B) {
	e := NewInvalidInput("title")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalJSONBaseline(b *testing.B) {
	body := &baselineBody{Error: "Bad Request", Code: "INVALID_INPUT", Details: map[string]string{"field": "title"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(body); err != nil {
			b.Fatal(err)
		}
	}
}

var rateLimitedBody = []byte(`{"error":"Rate limit of 100 requests per 1m exceeded","code":"RATE_LIMITED","details":{"limit":100,"window":"1m","retryAfter":23}}`)

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(429, rateLimitedBody); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseBaseline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var body struct {
			Error   string            `json:"error"`
			Code    string            `json:"code"`
			Details baselineRateLimit `json:"details"`
		}
		if err := json.Unmarshal(rateLimitedBody, &body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkErrorsIs(b *testing.B) {
	err := fmt.Errorf("loading order: %w", NewInvalidInput("title"))
	b.ReportAllocs()
	for b.Loop() {
		if !errors.Is(err, ErrInvalidInput) {
			b.Fatal("not matched")
		}
	}
}

var errBaselineInvalid = errors.New("invalid input")

func BenchmarkErrorsIsBaseline(b *testing.B) {
	err := fmt.Errorf("loading order: %w", errBaselineInvalid)
	b.ReportAllocs()
	for b.Loop() {
		if !errors.Is(err, errBaselineInvalid) {
			b.Fatal("not matched")
		}
	}
}

// BenchmarkValidTop measures what one walk through a body buys over
// validJSON and an objectIter. See benchpair.Run for the figures it reports.
func BenchmarkValidTop(b *testing.B) {
	names := topNames()
	top := make([][]byte, len(names.names))
	benchpair.Run(b, func() {
		for range 1000 {
			validTop(rateLimitedBody, names, top, nil)
		}
	}, func() {
		for range 1000 {
			validTopPlain(rateLimitedBody, names, top)
		}
	}, nil)
}
