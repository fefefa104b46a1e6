package apierrors_test

import (
	"net/http"
	"testing"

	"github.com/errgen/errgen/generated/apierrors"
)

// BenchmarkStaticWriteRequests writes a static error for the four kinds of
// request a service sees: with or without a request id of its own, asking
// for a language or not. It uses only what every errgen version's package
// and bench_test.go have (Write, ErrInternalError, newDiscard), so
// docs/perf.sh runs it against the package of errgen as of issues 26 and 28
// (a3826fd) and the one of the moment before translations reached the Go
// output (2532ec5) too, on the same requests: "Static Write with an
// Accept-Language header stays within 1.5x of today's static Write" is its
// "id+language" and "language" rows.
func BenchmarkStaticWriteRequests(b *testing.B) {
	for _, c := range []struct{ name, id, acceptLanguage string }{
		{"id+language", "req_7Hx2p9", "de-CH,de;q=0.9,en;q=0.8"},
		{"language", "", "de-CH,de;q=0.9,en;q=0.8"},
		{"id", "req_7Hx2p9", ""},
		{"none", "", ""},
	} {
		b.Run(c.name, func(b *testing.B) {
			r, _ := http.NewRequest("GET", "/tickets/1", nil)
			if c.id != "" {
				r.Header.Set("X-Request-Id", c.id)
			}
			if c.acceptLanguage != "" {
				r.Header.Set("Accept-Language", c.acceptLanguage)
			}
			w := newDiscard()
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				apierrors.Write(w, r, apierrors.ErrInternalError)
			}
		})
	}
}
