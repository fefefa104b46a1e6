package fixed

import (
	"errors"
	"io"
	"math"
	"net/http"
	"reflect"
	"time"
)

// maxResponseBody is how much of a body ParseResponse reads: 1 MiB, far
// more than any error body of this API, far less than a runaway proxy page.
const maxResponseBody = 1 << 20

// ParseResponse reads an error response into an *Error, as Parse does with
// its status and body, adding what the headers say: the request id (when the
// body has none, or one over 200 bytes, which is not kept) and Retry-After
// (see RetryAfter). It reads at most 1 MiB of the body, failing with
// ParseTooLarge beyond it, and ParseReadFailed when reading fails; it does
// not close the body, which the caller still owns. A response without
// content (1xx, 204, 304, a HEAD's) fails with ParseNotJSON, as an empty
// body does, its body not read: a 101's is the switched connection. The
// body is read as the Transport gives it, whatever its Content-Type: one
// still compressed (a request that set Accept-Encoding itself) is not JSON.
// A *ParseError it returns carries the response's status and Retry-After
// too: a proxy's 503 or a rate limiter's 429 asks for a wait in a body of
// its own.
//
// A nil resp, what http.Client.Do returns with the error of a request that
// got no response, fails with ParseNoResponse, rather than panicking in a
// client that read the response before the request's error: that error
// says what happened.
func ParseResponse(resp *http.Response) (*Error, error) {
	if resp == nil {
		return nil, &ParseError{Kind: ParseNoResponse}
	}
	e, err := parseBody(resp)
	if err != nil {
		if pe, ok := err.(*ParseError); ok {
			pe.Status = resp.StatusCode
			pe.retryAfter, pe.hasRetryAfter = responseRetryAfter(resp)
			if requestIDHeader != "" {
				pe.requestID = keptRequestID(headerRequestID(resp.Header))
			}
		}
		return nil, err
	}
	// Parse made e: setting its fields changes no other error.
	if e.requestID == "" && requestIDHeader != "" {
		e.receiveRequestID(headerRequestID(resp.Header), true)
	}
	if d, ok := responseRetryAfter(resp); ok {
		e.setRetryAfter(d)
	}
	return e, nil
}

// parseBody reads resp's body, within its limit, and parses it.
func parseBody(resp *http.Response) (*Error, error) {
	var body []byte
	if resp.Body != nil && !noContent(resp) {
		var err error
		body, err = io.ReadAll(io.LimitReader(resp.Body, maxResponseBody+1))
		if err != nil {
			return nil, &ParseError{Kind: ParseReadFailed, Err: err}
		}
		if len(body) > maxResponseBody {
			return nil, &ParseError{Kind: ParseTooLarge}
		}
	}
	return Parse(resp.StatusCode, body)
}

// noContent reports whether resp has no content by its status (RFC 9110:
// 1xx, 204, 304) or its request's method (HEAD): its Body is not read, for
// a 101's is the connection switched to another protocol, which reading
// waits on until the peer closes it.
func noContent(resp *http.Response) bool {
	switch s := resp.StatusCode; {
	case s >= 100 && s <= 199, s == http.StatusNoContent, s == http.StatusNotModified:
		return true
	}
	return resp.Request != nil && resp.Request.Method == http.MethodHead
}

// responseRetryAfter is the wait resp's Retry-After asks for: delay
// seconds, or an HTTP-date measured against the response's Date.
func responseRetryAfter(resp *http.Response) (time.Duration, bool) {
	v := resp.Header.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	now := time.Now()
	if date, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		now = date // the server's clock, against which it set an HTTP-date
	}
	return parseRetryAfter(v, now)
}

// RetryAfter returns how long to wait before retrying: for an error
// ParseResponse read, what the response's Retry-After header said (seconds
// or an HTTP-date), however long (cap it: a broken server may ask for
// centuries); for an error built here, its own Retry-After header, as
// Write sends it. ok is false when there is none.
func (e *Error) RetryAfter() (d time.Duration, ok bool) {
	e = e.orZero()
	loadDefinitions()
	if d, ok := e.retryAfterHeader(); ok {
		return d, true
	}
	if e.parsed || e.def == nil {
		return 0, false
	}
	for _, h := range e.def.headers {
		if http.CanonicalHeaderKey(h.name) == "Retry-After" {
			v := h.value
			if h.template != nil && e.details != nil {
				v = notNegative(headerValue(e.fill(h.template)))
			}
			return parseRetryAfter(v, time.Now())
		}
	}
	return 0, false
}

// Retryable reports whether the request may be sent again as it is: the
// catalog's word for a code it defines; for another (see Known), whether the
// status is 429, 502, 503 or 504, or the response said when to retry.
func (e *Error) Retryable() bool {
	e = e.orZero()
	loadDefinitions()
	if def := e.entry(); !def.unknown {
		return def.Retryable
	}
	if retryableStatus(e.Status()) {
		return true
	}
	_, ok := e.retryAfterHeader()
	return ok
}

// retryableStatus reports whether a response of an error the catalog does
// not define may be retried as it is by its status alone: too many
// requests, or a gateway's or an overloaded server's answer.
func retryableStatus(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// parseRetryAfter reads a Retry-After value: delay seconds, or an HTTP-date
// (a date already past is no wait at all). Seconds past what a Duration
// holds are the longest wait it holds, as RFC 9111 reads delta-seconds too
// large to represent, however many digits they take: strconv.ParseUint
// refused a number past 63 bits, which was then no wait at all.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	if seconds, ok := delaySeconds(v); ok {
		return time.Duration(seconds) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// maxDelaySeconds is the most seconds a Duration holds.
const maxDelaySeconds = math.MaxInt64 / int64(time.Second)

// delaySeconds reads v as delay-seconds (RFC 9110: one or more digits and
// nothing else, no sign, no blank), at most maxDelaySeconds.
func delaySeconds(v string) (int64, bool) {
	if v == "" {
		return 0, false
	}
	var n int64
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = min(n*10+int64(c-'0'), maxDelaySeconds) // n*10 stays under 2^63: n <= maxDelaySeconds
	}
	return n, true
}

// DetailsAs returns the details of the catalog error err is or wraps as a
// T, its <Name>Details type, and whether it has details of that type:
//
//	if d, ok := DetailsAs[<Name>Details](err); ok { … d.<Detail> … }
//
// One generic function rather than a method per error: a catalog of
// thousands of errors compiles no slower for it. T is a <Name>Details,
// never a pointer to one: ok is false for that, whatever the error holds.
func DetailsAs[T any](err error) (T, bool) {
	var e *Error
	if errors.As(err, &e) && e != nil && e.details != nil {
		p := e.def.prepared()
		// Parse keeps a pointer to its own copy: T a pointer would match
		// it and hand it out, for the caller to change a shared error.
		if d, ok := e.details.(T); ok && !p.eager && reflect.TypeOf(e.details) != p.pointer {
			return d, true // a constructor's, copied out of its box
		}
		if d, ok := e.details.(*T); ok && !p.eager {
			return *d, true // Parse's: a copy, without a Details box
		}
		d, ok := e.Details().(T)
		return d, ok
	}
	var zero T
	return zero, false
}

// receiveRequestID sets the request id of e, an error Parse, ParseResponse
// or RPCError is making, to the one the response or status carried (ok is
// false for none): the id of another request, the server's, which RequestID
// and the logs give, and which Write replaces with its own request's when e
// is sent on (writable). An id over maxIncomingRequestID bytes is none, as
// Write takes none so long from a request: a broken or hostile server's
// megabyte would be kept, and logged with every report.
func (e *Error) receiveRequestID(id string, ok bool) {
	if id = keptRequestID(id); ok && id != "" {
		e.requestID, e.receivedID = id, true
	}
}

// headerRequestID is the request id a response's or status's headers carry:
// the first value of the catalog's header that is not empty. A proxy that
// adds the header with no id of its own (empty) before the server's would
// otherwise hide the id a client quotes to support, which Header.Get, taking
// the first value, did.
func headerRequestID(h http.Header) string {
	for _, id := range h.Values(requestIDHeader) {
		if id != "" {
			return id
		}
	}
	return ""
}

// keptRequestID is a received request id as a client keeps it: "" for one
// over maxIncomingRequestID bytes.
func keptRequestID(id string) string {
	if len(id) > maxIncomingRequestID {
		return ""
	}
	return id
}
