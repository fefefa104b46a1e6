package apierrors_test

// Benchmarks of the generated hot path, each beside a baseline doing the same
// job the way a hand-written service would: encoding/json on an equivalent
// struct, written with json.NewEncoder(w). Compare with benchstat, or read
// the ratios off one run: go test -bench . -benchmem ./generated/apierrors

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/errgen/errgen/generated/apierrors"
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
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// req carries a request id, as requests through a service's middleware
// do: the static Write benchmarks measure echoing it.
var req = func() *http.Request {
	r, _ := http.NewRequest("GET", "/tickets/1", nil)
	r.Header.Set("X-Request-Id", "req_7Hx2p9")
	return r
}()

func BenchmarkWriteStatic(b *testing.B) {
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		apierrors.Write(w, req, apierrors.ErrInternalError)
	}
}

// BenchmarkWriteStaticAcceptLanguage is BenchmarkWriteStatic for a request
// that asks for a language, as a Swiss browser does: negotiated among the
// catalog's languages, then the pre-encoded body of the one chosen, with
// Content-Language and Vary. Compare it with BenchmarkWriteStatic.
func BenchmarkWriteStaticAcceptLanguage(b *testing.B) {
	r := req.Clone(req.Context())
	r.Header.Set("Accept-Language", "de-CH,de;q=0.9,en;q=0.8")
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		apierrors.Write(w, r, apierrors.ErrInternalError)
	}
}

// BenchmarkWriteStaticNewID: a request without an id gets a new one.
func BenchmarkWriteStaticNewID(b *testing.B) {
	r, _ := http.NewRequest("GET", "/tickets/1", nil)
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		apierrors.Write(w, r, apierrors.ErrInternalError)
	}
}

func BenchmarkWriteStaticBaseline(b *testing.B) {
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		baselineWrite(w, 500, &baselineBody{Error: "An unexpected error occurred", Code: "INTERNAL_ERROR"}, 0)
	}
}

// The error is built inside the loop: a 429 storm constructs each one.
func BenchmarkWriteDetails(b *testing.B) {
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		apierrors.Write(w, req, apierrors.NewRateLimitExceeded(100, "1m", 23))
	}
}

func BenchmarkWriteDetailsBaseline(b *testing.B) {
	w := newDiscard()
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		baselineWrite(w, 429, &baselineBody{Error: "Rate limit exceeded", Code: "RATE_LIMIT_EXCEEDED",
			Details: baselineRateLimit{Limit: 100, Window: "1m", RetryAfter: 23}}, 23)
	}
}

func BenchmarkMarshalJSON(b *testing.B) {
	e := apierrors.NewNotFound("ticket", "tkt_nonexistent")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalJSONBaseline(b *testing.B) {
	body := &baselineBody{Error: "Resource not found", Code: "NOT_FOUND",
		Details: map[string]string{"resourceType": "ticket", "resourceId": "tkt_nonexistent"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(body); err != nil {
			b.Fatal(err)
		}
	}
}

var notFoundBody = []byte(`{"error":"Resource not found","code":"NOT_FOUND","details":{"resourceType":"ticket","resourceId":"tkt_nonexistent"}}`)

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := apierrors.Parse(404, notFoundBody); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseBaseline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseBaseline(); err != nil {
			b.Fatal(err)
		}
	}
}

// parseBaseline decodes notFoundBody as a hand-written client would.
func parseBaseline() (any, error) {
	type details struct {
		ResourceType string `json:"resourceType"`
		ResourceID   string `json:"resourceId"`
	}
	var body struct {
		Error   string  `json:"error"`
		Code    string  `json:"code"`
		Details details `json:"details"`
	}
	err := json.Unmarshal(notFoundBody, &body)
	return &body, err
}

func BenchmarkErrorsIs(b *testing.B) {
	err := fmt.Errorf("loading ticket: %w", apierrors.NewNotFound("ticket", "tkt_1"))
	b.ReportAllocs()
	for b.Loop() {
		if !errors.Is(err, apierrors.ErrNotFound) {
			b.Fatal("not found")
		}
	}
}

var errBaselineNotFound = errors.New("not found")

func BenchmarkErrorsIsBaseline(b *testing.B) {
	err := fmt.Errorf("loading ticket: %w", errBaselineNotFound)
	b.ReportAllocs()
	for b.Loop() {
		if !errors.Is(err, errBaselineNotFound) {
			b.Fatal("not found")
		}
	}
}
