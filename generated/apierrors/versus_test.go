package apierrors_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/internal/benchpair"
)

// BenchmarkVersusJSON runs each hot-path operation and its encoding/json
// baseline (the benchmarks of bench_test.go) in turn, in batches of 1,000
// (20,000 for errors.Is),
// and reports json/errgen: the speed-up, taken a moment apart, which a busy
// machine's load shifts less than two benchmarks run seconds apart; its
// worst value over -count rounds is the worst round. See benchpair.Ways.
func BenchmarkVersusJSON(b *testing.B) {
	w := newDiscard()
	wrapped := fmt.Errorf("loading ticket: %w", apierrors.NewNotFound("ticket", "tkt_1"))
	wrappedBaseline := fmt.Errorf("loading ticket: %w", errBaselineNotFound)
	notFound := apierrors.NewNotFound("ticket", "tkt_nonexistent")
	notFoundMap := &baselineBody{Error: "Resource not found", Code: "NOT_FOUND",
		Details: map[string]string{"resourceType": "ticket", "resourceId": "tkt_nonexistent"}}
	cases := []struct {
		name         string
		errgen, json func()
	}{
		{"WriteStatic", func() {
			clear(w.h)
			apierrors.Write(w, req, apierrors.ErrInternalError)
		}, func() {
			clear(w.h)
			baselineWrite(w, 500, &baselineBody{Error: "An unexpected error occurred", Code: "INTERNAL_ERROR"}, 0)
		}},
		{"WriteDetails", func() {
			clear(w.h)
			apierrors.Write(w, req, apierrors.NewRateLimitExceeded(100, "1m", 23))
		}, func() {
			clear(w.h)
			baselineWrite(w, 429, &baselineBody{Error: "Rate limit exceeded", Code: "RATE_LIMIT_EXCEEDED",
				Details: baselineRateLimit{Limit: 100, Window: "1m", RetryAfter: 23}}, 23)
		}},
		{"MarshalJSON", func() { _, _ = notFound.MarshalJSON() }, func() { _, _ = json.Marshal(notFoundMap) }},
		{"Parse", func() { _, _ = apierrors.Parse(404, notFoundBody) }, func() { _, _ = parseBaseline() }},
		{"ErrorsIs", func() { _ = errors.Is(wrapped, apierrors.ErrNotFound) }, func() { _ = errors.Is(wrappedBaseline, errBaselineNotFound) }},
	}
	for _, c := range cases {
		n := 1000
		if c.name == "ErrorsIs" {
			n = 20000 // as long as the others' batches
		}
		b.Run(c.name, func(b *testing.B) {
			benchpair.Ways(b, []benchpair.Way{{Name: "json", Run: batch(n, c.json)}, {Name: "errgen", Run: batch(n, c.errgen)}}, nil)
		})
	}
}

// batch runs op n times: long enough to time, short enough to pair.
func batch(n int, op func()) func() {
	return func() {
		for range n {
			op()
		}
	}
}
