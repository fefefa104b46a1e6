package fixed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// ParseResponse adds what the headers say to what Parse reads: the request
// id and Retry-After, in seconds or as an HTTP-date.
func TestParseResponse(t *testing.T) {
	date := time.Date(2026, 12, 5, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		status    int
		header    map[string]string
		body      string
		code      Code
		id        string
		wait      time.Duration
		hasWait   bool
		retryable bool
	}{
		{"seconds", 429, map[string]string{"Retry-After": "23", "X-Request-Id": "req_1"},
			`{"error":"x","code":"RATE_LIMITED","details":{"limit":1,"window":"1s","retryAfter":23}}`, CodeRateLimited, "req_1", 23 * time.Second, true, true},
		{"HTTP-date against the response's Date", 503, map[string]string{"Retry-After": date.Add(90 * time.Second).Format(http.TimeFormat), "Date": date.Format(http.TimeFormat)},
			`{"error":"down","code":"MAINTENANCE"}`, "MAINTENANCE", "", 90 * time.Second, true, true},
		{"no Retry-After", 404, nil, `{"type":"https://example.com/probs/order-not-found","title":"Order not found","status":404,"code":"ORDER_NOT_FOUND","request_id":"req_body"}`,
			CodeOrderNotFound, "req_body", 0, false, false},
		{"unknown 4xx", 418, map[string]string{"Retry-After": "soon"}, `{"error":"tea","code":"TEAPOT"}`, "TEAPOT", "", 0, false, false},
	}
	for _, tt := range tests {
		resp := &http.Response{StatusCode: tt.status, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(tt.body))}
		for k, v := range tt.header {
			resp.Header.Set(k, v)
		}
		e, err := ParseResponse(resp)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		wait, ok := e.RetryAfter()
		if e.Code() != tt.code || e.RequestID() != tt.id || wait != tt.wait || ok != tt.hasWait || e.Retryable() != tt.retryable {
			t.Errorf("%s: %s id %q wait %v %v retryable %v", tt.name, e.Code(), e.RequestID(), wait, ok, e.Retryable())
		}
	}
	big := &http.Response{StatusCode: 500, Body: io.NopCloser(strings.NewReader(`{"error":"` + strings.Repeat("x", maxResponseBody) + `"}`))}
	if _, err := ParseResponse(big); err == nil || err.(*ParseError).Kind != ParseTooLarge {
		t.Errorf("a body over the limit: %v", err)
	}
	broken := &http.Response{StatusCode: 500, Body: io.NopCloser(io.MultiReader(strings.NewReader("{"), iotest{}))}
	if _, err := ParseResponse(broken); err == nil || err.(*ParseError).Kind != ParseReadFailed || !errors.Is(err, errConnectionReset) {
		t.Errorf("a failing body: %v, want ParseReadFailed wrapping the read's error", err)
	}
	// A body cut short of its Content-Length: the caller can tell it (and
	// retry) by errors.Is.
	raw := "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 100\r\n\r\n{\"error\":\"x\""
	cut, err := http.ReadResponse(bufio.NewReader(strings.NewReader(raw)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseResponse(cut); err == nil || err.(*ParseError).Kind != ParseReadFailed || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a body cut short: %v, want ParseReadFailed wrapping io.ErrUnexpectedEOF", err)
	}
}

// A response ParseResponse cannot read (a proxy's empty 503, a rate
// limiter's text 429, a gateway's JSON) still tells its status and the wait
// its Retry-After asks for, through the *ParseError: a client that retries
// on it waits as asked, where it retried at once.
func TestParseResponseForeignRetryAfter(t *testing.T) {
	date := time.Date(2026, 12, 5, 20, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name    string
		status  int
		header  map[string]string
		body    string
		kind    ParseErrorKind
		wait    time.Duration
		hasWait bool
	}{
		{"an empty 503", 503, map[string]string{"Retry-After": "30"}, "", ParseNotJSON, 30 * time.Second, true},
		{"a rate limiter's text 429", 429, map[string]string{"Retry-After": "12", "Content-Type": "text/plain"}, "Too Many Requests\n", ParseNotJSON, 12 * time.Second, true},
		{"a gateway's JSON, an HTTP-date", 503, map[string]string{"Retry-After": date.Add(time.Minute).Format(http.TimeFormat), "Date": date.Format(http.TimeFormat)},
			`{"message":"upstream unavailable"}`, ParseNotEnvelope, time.Minute, true},
		{"a proxy's HTML 502, no Retry-After", 502, nil, "<html>Bad Gateway</html>", ParseNotJSON, 0, false},
		{"a known code, a detail of the wrong type", 429, map[string]string{"Retry-After": "5"},
			`{"error":"x","code":"RATE_LIMITED","details":{"limit":"many","window":"1s","retryAfter":5}}`, ParseBadDetail, 5 * time.Second, true},
	} {
		resp := &http.Response{StatusCode: tt.status, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(tt.body))}
		for k, v := range tt.header {
			resp.Header.Set(k, v)
		}
		_, err := ParseResponse(resp)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Kind != tt.kind || pe.Status != tt.status {
			t.Errorf("%s: %v (%#v), want a ParseError of kind %d, status %d", tt.name, err, pe, tt.kind, tt.status)
			continue
		}
		if wait, ok := pe.RetryAfter(); wait != tt.wait || ok != tt.hasWait {
			t.Errorf("%s: RetryAfter() = %v, %v; want %v, %v", tt.name, wait, ok, tt.wait, tt.hasWait)
		}
	}
	if k := fmt.Sprint(ParseBadDetail, " ", ParseErrorKind(9)); k != "ParseBadDetail ParseErrorKind(9)" {
		t.Errorf("kinds print as %q", k)
	}
	if _, err := Parse(503, nil); err.(*ParseError).Status != 503 {
		t.Errorf("Parse: %#v, want the status given", err)
	}
}

type iotest struct{}

var errConnectionReset = errors.New("connection reset")

func (iotest) Read([]byte) (int, error) { return 0, errConnectionReset }

// An error built here tells its own Retry-After; DetailsAs types the
// details of the error err is or wraps.
func TestRetryAfterAndDetailsAs(t *testing.T) {
	e := NewRateLimited(100, "1m", 30)
	if d, ok := e.RetryAfter(); d != 30*time.Second || !ok || !e.Retryable() {
		t.Errorf("RetryAfter() = %v, %v; Retryable() = %v", d, ok, e.Retryable())
	}
	if _, ok := ErrOrderNotFound.RetryAfter(); ok || ErrOrderNotFound.Retryable() {
		t.Error("ORDER_NOT_FOUND: a wait, or retryable")
	}
	d, ok := DetailsAs[RateLimitedDetails](fmt.Errorf("call: %w", e))
	if !ok || d.Limit != 100 || d.Window != "1m" {
		t.Errorf("DetailsAs = %+v, %v", d, ok)
	}
	if _, ok := DetailsAs[OutOfCreditDetails](e); ok {
		t.Error("DetailsAs of another type")
	}
	if _, ok := DetailsAs[RateLimitedDetails](errors.New("x")); ok {
		t.Error("DetailsAs of a foreign error")
	}
	// An error Parse read, shared by goroutines, keeps its details: a
	// pointer DetailsAs handed out was its own, to change under them.
	parsed, err := Parse(429, []byte(`{"error":"x","code":"RATE_LIMITED","details":{"limit":1,"window":"1s","retryAfter":2}}`))
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := DetailsAs[*RateLimitedDetails](parsed); ok {
		p.Limit = 99
	}
	if d, _ := DetailsAs[RateLimitedDetails](parsed); d.Limit != 1 {
		t.Errorf("a parsed error's details changed through DetailsAs: limit %d", d.Limit)
	}
	// What Write sends, ParseResponse reads back over real HTTP.
	srv := httptest.NewServer(Handler(func(http.ResponseWriter, *http.Request) error { return e }))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := ParseResponse(resp)
	if err != nil {
		t.Fatal(err)
	}
	if w, ok := got.RetryAfter(); w != 30*time.Second || !ok || len(got.RequestID()) != 26 || !errors.Is(got, ErrRateLimited) {
		t.Errorf("over HTTP: %v, wait %v %v, id %q", got, w, ok, got.RequestID())
	}
}

// A Retry-After beyond what a Duration holds is the longest wait, not
// none: a number of seconds past 63 bits, as one just under it is, and an
// HTTP-date centuries after the response's Date, whose wait
// ParseResponse stored plus 1ns, past the largest Duration to a negative
// one. A gRPC or Connect RetryInfo of such a delay, which AsDuration
// saturates, the same.
func TestRetryAfterBeyondDuration(t *testing.T) {
	const most = time.Duration(math.MaxInt64 / int64(time.Second) * int64(time.Second))
	tests := []struct {
		retryAfter, date string
		want             time.Duration
	}{
		{"9223372036", "", most},
		{"9223372037", "", most},
		{"9223372036854775808", "", most},
		{"99999999999999999999999999", "", most},
		{"Sun, 06 Nov 9994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT", math.MaxInt64},
		{"Sun, 06 Nov 2294 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT", math.MaxInt64},
	}
	for _, tt := range tests {
		resp := &http.Response{StatusCode: 400, Header: http.Header{"Retry-After": {tt.retryAfter}}, Body: io.NopCloser(strings.NewReader(`{"error":"x","code":"X"}`))}
		if tt.date != "" {
			resp.Header.Set("Date", tt.date)
		}
		e, err := ParseResponse(resp)
		if err != nil {
			t.Fatal(err)
		}
		if d, ok := e.RetryAfter(); d != tt.want || !ok || !e.Retryable() {
			t.Errorf("Retry-After %q: RetryAfter() = %v, %v, Retryable() = %v; want %v", tt.retryAfter, d, ok, e.Retryable(), tt.want)
		}
	}
	e := RPCError(RPCStatus{Code: "INVALID_ARGUMENT", Reason: "X", RetryDelay: math.MaxInt64})
	if d, ok := e.RetryAfter(); d != math.MaxInt64 || !ok || !e.Retryable() {
		t.Errorf("RetryInfo of the largest Duration: RetryAfter() = %v, %v, Retryable() = %v", d, ok, e.Retryable())
	}
}

// A response that has no content by its status (RFC 9110: 1xx, 204, 304)
// or its request's method (HEAD) fails with ParseNotJSON, as an empty body
// does, its Status and RetryAfter on the *ParseError, and its Body is not
// read: a 101's is the connection switched to another protocol, which
// ParseResponse read until the peer closed it (for ever, over a WebSocket
// left open), taking the new protocol's bytes for an error body.
func TestParseResponseNoContent(t *testing.T) {
	head := &http.Request{Method: http.MethodHead}
	for _, tt := range []struct {
		name   string
		status int
		req    *http.Request
	}{
		{"101", http.StatusSwitchingProtocols, nil},
		{"103", http.StatusEarlyHints, nil},
		{"204", http.StatusNoContent, nil},
		{"304", http.StatusNotModified, nil},
		{"a 503 to a HEAD", http.StatusServiceUnavailable, head},
	} {
		resp := &http.Response{StatusCode: tt.status, Request: tt.req, Header: http.Header{"Retry-After": {"7"}}, Body: io.NopCloser(iotest{})}
		_, err := ParseResponse(resp)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Kind != ParseNotJSON || pe.Status != tt.status {
			t.Errorf("%s: %v, want ParseNotJSON of status %d, the body unread", tt.name, err, tt.status)
			continue
		}
		if d, ok := pe.RetryAfter(); d != 7*time.Second || !ok {
			t.Errorf("%s: RetryAfter() = %v, %v", tt.name, d, ok)
		}
	}
	// Over the wire: a server that switches protocols and then waits.
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n")
		buf.Flush()
		<-release
	}))
	defer srv.Close()
	defer close(release)
	req, err := http.NewRequest(http.MethodGet, srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "test")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	done := make(chan error, 1)
	go func() { _, err := ParseResponse(resp); done <- err }()
	select {
	case err := <-done:
		if pe, ok := err.(*ParseError); !ok || pe.Kind != ParseNotJSON || pe.Status != http.StatusSwitchingProtocols {
			t.Errorf("a 101: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ParseResponse of a 101 still reads the switched connection after 5s")
	}
}

// A body the server compressed is read when Go's Transport decoded it (it
// asked for gzip itself), and fails with ParseNotJSON when the request set
// Accept-Encoding itself, which leaves the body as sent: as the docs say.
func TestParseResponseCompressed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body bytes.Buffer
		zw := gzip.NewWriter(&body)
		b, _ := NewRateLimited(1, "1s", 3).MarshalJSON()
		zw.Write(b)
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Retry-After", "3")
		w.WriteHeader(http.StatusTooManyRequests)
		w.Write(body.Bytes())
	}))
	defer srv.Close()
	for _, tt := range []struct {
		name           string
		acceptEncoding string
		kind           ParseErrorKind // 0: read
	}{
		{"decoded by the Transport", "", 0},
		{"Accept-Encoding set by the caller", "gzip", ParseNotJSON},
	} {
		req, err := http.NewRequest(http.MethodGet, srv.URL, nil)
		if err != nil {
			t.Fatal(err)
		}
		if tt.acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", tt.acceptEncoding)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		e, err := ParseResponse(resp)
		resp.Body.Close()
		var pe *ParseError
		switch {
		case tt.kind == 0 && (err != nil || !errors.Is(e, ErrRateLimited)):
			t.Errorf("%s: %v, %v; want RATE_LIMITED", tt.name, e, err)
		case tt.kind != 0 && (!errors.As(err, &pe) || pe.Kind != tt.kind):
			t.Errorf("%s: %v, %v; want %v", tt.name, e, err, tt.kind)
		}
	}
}

// TestParsedErrorConcurrentUse shares one error ParseResponse read between
// goroutines that copy, read, log and write it, as a client's retry loop
// and its loggers do; run it with -race. The error is as it was read.
func TestParsedErrorConcurrentUse(t *testing.T) {
	body, _ := NewRateLimited(5, "1s", 2).MarshalJSON()
	resp := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"2"}, "X-Request-Id": {"req_p"}}, Body: io.NopCloser(bytes.NewReader(body))}
	shared, err := ParseResponse(resp)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				if p, ok := DetailsAs[*RateLimitedDetails](shared); ok {
					p.Limit = g
				}
				d, _ := DetailsAs[RateLimitedDetails](shared)
				d.Limit = i
				_ = shared.WithRequestID(fmt.Sprint("req_", g)).WithCause(errors.New("retry")).LogValue().String()
				_, _ = shared.RetryAfter()
				Write(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil), shared)
			}
		}()
	}
	wg.Wait()
	d, ok := DetailsAs[RateLimitedDetails](shared)
	if wait, _ := shared.RetryAfter(); !ok || d.Limit != 5 || shared.RequestID() != "req_p" || wait != 2*time.Second {
		t.Errorf("the shared error changed: %+v %v, id %q, wait %v", d, ok, shared.RequestID(), wait)
	}
}
