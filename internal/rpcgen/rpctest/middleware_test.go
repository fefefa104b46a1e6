package rpctest

import (
	"net/http"
	"strings"
	"testing"
)

// requestIDMiddleware is an HTTP middleware as services run them before
// their Connect handlers: it sets X-Request-Id on the response before the
// handler runs, the id the request came with when echo is set and it has
// one, else its own, mw-1.
func requestIDMiddleware(next http.Handler, echo bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := "mw-1"
		if in := r.Header.Get("X-Request-Id"); echo && in != "" {
			id = in
		}
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r)
	})
}

// TestRequestIDMiddleware: behind an HTTP middleware that sets the
// request-id header on the response, a Connect handler wrapped in
// WrapHandler sends the middleware's id, once: the client's error metadata
// (the response's headers and trailers) holds one value, the one in
// RequestInfo, over each protocol, unary and streaming; an error's own id
// replaces the middleware's, as Write's does, unless a stream sent its
// headers already. Before, the interceptor added its id (the request's, or
// a new one) to the error's metadata, which connect adds to the header the
// middleware set: two values, the first not RequestInfo's.
func TestRequestIDMiddleware(t *testing.T) {
	for _, s := range suites {
		c, cs := cases(t, s)
		if c.RequestID.Header != "X-Request-Id" {
			continue
		}
		errs := map[string]error{"catalog": s.withRequestID(cs[0].err, ""), "own-id": s.withRequestID(cs[0].err, "own-1")}
		for _, echo := range []bool{false, true} {
			srv := serveTLS(t, requestIDMiddleware(s.wrapHandler(connectHandlers(s, errs, &reports{})), echo))
			for _, call := range connectIDCalls(srv, srv.URL) {
				for _, tc := range []struct {
					key, in, want string
					echoed        string // want when the middleware echoes the request's id
				}{
					{"catalog", "", "mw-1", "mw-1"},
					{"catalog", "in-1", "mw-1", "in-1"},
					{"plain", "in-2", "mw-1", "in-2"},
					{"panic", "", "mw-1", "mw-1"},
					{"own-id", "in-3", "own-1", "own-1"},
					{afterSend + "catalog", "in-4", "mw-1", "in-4"},
				} {
					if strings.HasPrefix(tc.key, afterSend) && !strings.Contains(call.name, "stream") {
						continue
					}
					want := tc.want
					if echo {
						want = tc.echoed
					}
					meta, info, err := call.call(tc.key, tc.in)
					if err == nil || info != want || len(meta) != 1 || meta[0] != want {
						t.Errorf("%s %s, echo %v, %s with id %q: %v, RequestInfo %q, metadata %q; want %q once in both",
							s.name, call.name, echo, tc.key, tc.in, err, info, meta, want)
					}
				}
			}
		}
	}
}
