package apierrors_test

import (
	"maps"
	"net/http"
	"testing"

	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/internal/benchpair"
)

// The floors of Write: for the requests of BenchmarkVersusJSON's
// WriteStatic and WriteDetails, the header map's operations that issues 22
// and 28 oblige any Write to do, and nothing else: read the request's id
// and Accept-Language; set Content-Type, the id, Content-Language and Vary
// (and Retry-After for a 429), each value made before the benchmark, as
// errgen shares them. For details, add the least a constructor can
// allocate: one object holding the error and its details (errgen makes
// two). No body is written at all. json/floor is thus the most any Write
// could gain over the baseline: a speed-up target above it cannot be met by
// any implementation that sends these headers. TestWriteFloorHeaders holds
// the floors to the headers errgen sends.

// headerFloor does the header map's work of a Write to r of a response
// with a Retry-After of retryAfter (nil for none).
func headerFloor(h http.Header, r *http.Request, retryAfter []string) {
	id := r.Header["X-Request-Id"]
	acceptLanguage := r.Header["Accept-Language"]
	h["Content-Type"] = floorContentType
	if retryAfter != nil {
		h["Retry-After"] = retryAfter
	}
	h["X-Request-Id"] = id
	h["Content-Language"] = floorContentLanguage // as if negotiating cost nothing
	h["Vary"] = floorVary
	floorAsked += len(acceptLanguage) // the field read, as Write reads it
}

// floorAsked keeps the floor's read of Accept-Language from being left out.
var floorAsked int

var (
	floorContentType     = []string{"application/json"}
	floorContentLanguage = []string{"en"}
	floorVary            = []string{"Accept-Language"}
	floorRetryAfter      = []string{"23"}
)

// errorWithDetails is the least allocation an error with typed details can
// be: the two in one object (the error only sizes it: it is never read).
type errorWithDetails struct {
	_       apierrors.Error
	details apierrors.RateLimitExceededDetails
}

var floorSink *errorWithDetails

func writeStaticFloor(w *discardWriter) {
	clear(w.h)
	headerFloor(w.h, req, nil)
}

func writeDetailsFloor(w *discardWriter) {
	clear(w.h)
	floorSink = &errorWithDetails{details: apierrors.RateLimitExceededDetails{Limit: 100, Window: "1m", RetryAfter: 23}}
	headerFloor(w.h, req, floorRetryAfter)
}

// TestWriteFloorHeaders: each floor sets the very headers errgen's Write
// sends for its request, so that it counts no less work than Write must do.
func TestWriteFloorHeaders(t *testing.T) {
	for _, c := range []struct {
		name  string
		err   error
		floor func(*discardWriter)
	}{
		{"WriteStatic", apierrors.ErrInternalError, writeStaticFloor},
		{"WriteDetails", apierrors.NewRateLimitExceeded(100, "1m", 23), writeDetailsFloor},
	} {
		written, floor := newDiscard(), newDiscard()
		apierrors.Write(written, req, c.err)
		c.floor(floor)
		if !maps.EqualFunc(written.h, floor.h, func(a, b []string) bool { return len(a) == 1 && len(b) == 1 && a[0] == b[0] }) {
			t.Errorf("%s: Write sent headers %v, the floor sets %v", c.name, written.h, floor.h)
		}
	}
}

// BenchmarkWriteFloor runs, in turn, the baseline (json), the floor and
// errgen's Write for the requests of BenchmarkVersusJSON, in batches of
// 1,000: json/floor is the most any Write can gain over the baseline,
// json/errgen what errgen's does, errgen/floor what errgen spends beyond
// the headers (and the allocation).
func BenchmarkWriteFloor(b *testing.B) {
	w := newDiscard()
	cases := []struct {
		name                string
		json, floor, errgen func()
	}{
		{"WriteStatic", func() {
			clear(w.h)
			baselineWrite(w, 500, &baselineBody{Error: "An unexpected error occurred", Code: "INTERNAL_ERROR"}, 0)
		}, func() { writeStaticFloor(w) }, func() {
			clear(w.h)
			apierrors.Write(w, req, apierrors.ErrInternalError)
		}},
		{"WriteDetails", func() {
			clear(w.h)
			baselineWrite(w, 429, &baselineBody{Error: "Rate limit exceeded", Code: "RATE_LIMIT_EXCEEDED",
				Details: baselineRateLimit{Limit: 100, Window: "1m", RetryAfter: 23}}, 23)
		}, func() { writeDetailsFloor(w) }, func() {
			clear(w.h)
			apierrors.Write(w, req, apierrors.NewRateLimitExceeded(100, "1m", 23))
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			benchpair.Ways(b, []benchpair.Way{
				{Name: "json", Run: batch(1000, c.json)},
				{Name: "floor", Run: batch(1000, c.floor)},
				{Name: "errgen", Run: batch(1000, c.errgen)},
			}, nil)
		})
	}
}
