package connectfixed

import (
	"context"
	"net/http"
	"sync/atomic"

	"connectrpc.com/connect"

	apierrors "github.com/errgen/errgen/internal/golang/fixed"
)

// responseHeaderKey is the context key under which WrapHandler puts the
// header of the response a call writes.
type responseHeaderKey struct{}

// WrapHandler returns h, a Connect handler or a mux of them, with the
// header of each response in reach of Interceptor, which a Connect
// interceptor never sees in a unary call (connect adds an error's metadata
// to it, and to the headers of a call's connect.CallInfo, value by value).
// Behind an HTTP middleware that sets the catalog's request-id header
// (X-Request-Id) on the response before the handler runs, the error then
// carries that id, as Write takes the one a response carries, and the
// response carries it once: in RequestInfo and that header, not again as
// the error's metadata (which connect would add as a second value). An
// error's own id (WithRequestID) replaces the middleware's in the header,
// as with Write, unless a stream sent its headers with a message already.
func WrapHandler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), responseHeaderKey{}, w.Header())))
	})
}

// responseHeader is the header of the response of the call of ctx, as
// WrapHandler put it there; nil without WrapHandler.
func responseHeader(ctx context.Context) http.Header {
	h, _ := ctx.Value(responseHeaderKey{}).(http.Header)
	return h
}

// callHeader is the request's header as the Go package takes the call's
// request id from it: with the id the response carries already, an HTTP
// middleware's, in place of the request's, for Write takes the response's
// first too; header itself when the response carries none.
func callHeader(header, response http.Header) http.Header {
	id := response[requestIDHeader]
	if requestIDHeader == "" || len(id) == 0 || id[0] == "" {
		return header
	}
	h := header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h[requestIDHeader] = id[:1]
	return h
}

// sendIDOnce leaves the request id out of s's metadata where response, the
// header of the response (nil when unknown), carries it: as the id a
// middleware set, or, in place of another id, as an error's own, which the
// header takes when it is still to be sent (headersSent false). Else the
// metadata keeps it: connect adds it to the header, or sends it at the
// end.
func sendIDOnce(s *apierrors.RPCStatus, response http.Header, headersSent bool) {
	if response == nil || s.RequestIDHeader == "" || s.RequestID == "" {
		return
	}
	have := response[s.RequestIDHeader]
	switch {
	case len(have) > 0 && have[0] == s.RequestID:
	case len(have) == 0 || headersSent:
		return
	default:
		response[s.RequestIDHeader] = []string{s.RequestID}
	}
	delete(s.Header, s.RequestIDHeader)
}

// sendingConn is a handler's stream, noting whether it sent a message, and
// with it the response's headers.
type sendingConn struct {
	connect.StreamingHandlerConn
	sent *atomic.Bool
}

func (c sendingConn) Send(m any) error {
	c.sent.Store(true)
	return c.StreamingHandlerConn.Send(m)
}
