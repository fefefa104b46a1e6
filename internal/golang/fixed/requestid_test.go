package fixed

import (
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// Write takes the request id from the incoming request when the error has
// none, echoes it in the same header, and writes none when there is none;
// WithRequestID wins, and no control character reaches the wire. An id the
// service's middleware set on the response before Write is kept, in the
// header and the body: it is the one the service logs.
func TestWriteRequestID(t *testing.T) {
	tests := []struct {
		name     string
		incoming string // the request's X-Request-Id; "" for none
		response string // the response's, set before Write; "" for none
		err      *Error
		want     string // the response's X-Request-Id; "" for none
	}{
		{"from the request", "req_1", "", ErrUnauthorized, "req_1"},
		{"WithRequestID wins", "req_1", "", ErrUnauthorized.WithRequestID("req_own"), "req_own"},
		{"none at all: one is made", "", "", ErrUnauthorized, "generated"},
		{"the fallback too", "req_2", "", nil, "req_2"},
		{"200 characters: taken", strings.Repeat("x", 200), "", ErrUnauthorized, strings.Repeat("x", 200)},
		{"201 characters: one is made", strings.Repeat("x", 201), "", ErrUnauthorized, "generated"},
		{"controls blanked", "", "", ErrUnauthorized.WithRequestID("a\r\nSet-Cookie: x\x00\x7f"), "a  Set-Cookie: x"},
		{"only controls: one is made", "", "", ErrUnauthorized.WithRequestID("\r\n"), "generated"},
		{"a middleware's on the response: kept", "", "mw_1", ErrUnauthorized, "mw_1"},
		{"a middleware's, in the body too", "", "mw_1", NewOutOfCredit(1, 2), "mw_1"},
		{"a middleware's wins over the request's", "req_1", "mw_1", NewOutOfCredit(1, 2), "mw_1"},
		{"a middleware's, the fallback too", "", "mw_1", nil, "mw_1"},
		{"WithRequestID wins over a middleware's", "", "mw_1", NewOutOfCredit(1, 2).WithRequestID("req_own"), "req_own"},
		{"a middleware's over 200 bytes: the request's", "req_1", strings.Repeat("x", 201), ErrUnauthorized, "req_1"},
		{"a middleware's not UTF-8: one is made", "", "mw_\xff", NewOutOfCredit(1, 2), "generated"},
		{"a middleware's with controls: blanked", "", " mw\x001 ", NewOutOfCredit(1, 2), "mw 1"},
		{"a parsed error's id is another request's: the request's", "req_1", "", received(NewOutOfCredit(1, 2).WithRequestID("up_1")), "req_1"},
		{"a parsed error's id is another request's: one is made", "", "", received(NewOutOfCredit(1, 2).WithRequestID("up_1")), "generated"},
		{"a parsed error's id, out of the body too", "", "mw_1", received(NewOutOfCredit(1, 2).WithRequestID("up_1")), "mw_1"},
		{"a parsed error without a place for it in the body", "req_1", "", received(ErrUnauthorized.WithRequestID("up_1")), "req_1"},
		{"WithRequestID on a parsed error wins", "req_1", "", received(NewOutOfCredit(1, 2).WithRequestID("up_1")).WithRequestID("req_own"), "req_own"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			if tt.incoming != "" {
				req.Header.Set("X-Request-Id", tt.incoming)
			}
			rec := httptest.NewRecorder()
			if tt.response != "" {
				rec.Header()["X-Request-Id"] = []string{tt.response}
			}
			var err error = tt.err
			if tt.err == nil {
				err = http.ErrHandlerTimeout // not a catalog error
			}
			Write(rec, req, err)
			got, ok := rec.Header()["X-Request-Id"]
			switch {
			case tt.want == "" && ok:
				t.Errorf("X-Request-Id = %q, want none", got)
			case tt.want == "generated" && (len(got) != 1 || len(got[0]) != 26):
				t.Errorf("X-Request-Id = %q, want a generated one", got)
			case tt.want != "" && tt.want != "generated" && (len(got) != 1 || got[0] != tt.want):
				t.Errorf("X-Request-Id = %q, want %q", got, tt.want)
			}
			if e, err := Parse(rec.Code, rec.Body.Bytes()); err != nil || e.RequestID() != "" && (len(got) != 1 || e.RequestID() != got[0]) {
				t.Errorf("the body's request id %q (%v), the header's %q", e.RequestID(), err, got)
			}
		})
	}
}

// received is e as a client reads it from the response Write sends: its
// request id, in the body or the header, is the server's.
func received(e *Error) *Error {
	rec := httptest.NewRecorder()
	Write(rec, httptest.NewRequest(http.MethodGet, "/", nil), e)
	got, err := ParseResponse(rec.Result())
	if err != nil || got.RequestID() != e.RequestID() {
		panic(fmt.Sprintf("ParseResponse: %v, request id %q", err, got.RequestID()))
	}
	return got
}

// The id taken from the request reaches the body where the envelope holds
// $request_id, as if the error had been given it with WithRequestID.
func TestWriteRequestIDInBody(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("X-Request-Id", "req_9")
	rec := httptest.NewRecorder()
	Write(rec, req, ErrUnauthorized)
	want, err := ErrUnauthorized.WithRequestID("req_9").MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if rec.Body.String() != string(want) {
		t.Errorf("body %s, want %s", rec.Body.String(), want)
	}
}

// A request without an id gets one, the service's (Config.RequestID) when
// it gives one, else a new one: in the header and in the problem
// envelope's request_id member, which Parse reads back.
func TestRequestIDGenerated(t *testing.T) {
	for _, source := range []func(*http.Request) string{nil, func(*http.Request) string { return "from-middleware" }} {
		Configure(Config{Reporter: recordReport, RequestID: source})
		rec := httptest.NewRecorder()
		Write(rec, httptest.NewRequest(http.MethodGet, "/", nil), NewOutOfCredit(1, 2))
		id := rec.Header().Get("X-Request-Id")
		if source != nil && id != "from-middleware" || source == nil && len(id) != 26 {
			t.Errorf("X-Request-Id %q", id)
		}
		e, err := Parse(rec.Code, rec.Body.Bytes())
		if err != nil || e.RequestID() != id {
			t.Errorf("Parse: request id %q, %v; want %q in %s", e.RequestID(), err, id, rec.Body)
		}
	}
	Configure(Config{Reporter: recordReport})
}

// Over the wire, a client reads the same request id in the response's
// header and in its body: an incoming id that is not valid UTF-8 (which the
// body could carry only with U+FFFD for its bad bytes) is not taken, nor is
// such an id of Config.RequestID's; a new one is made, as for an id over
// 200 bytes.
func TestRequestIDOverTheWire(t *testing.T) {
	tests := []struct {
		name, incoming, service string
		want                    string // the id both carry, or "generated"
	}{
		{"ASCII: taken", "req_1", "", "req_1"},
		{"UTF-8: taken", "anfrage-ß", "", "anfrage-ß"},
		{"a bad byte: one is made", "req_\xff", "", "generated"},
		{"a rune cut short: one is made", "req_\xc3", "", "generated"},
		{"a surrogate: one is made", "req_\xed\xa0\x80", "", "generated"},
		{"the service's, a bad byte: the request's", "req_2", "svc_\xff", "req_2"},
		{"both bad: one is made", "req_\xfe", "svc_\xff", "generated"},
	}
	defer Configure(Config{Reporter: recordReport})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		Write(w, r, NewOutOfCredit(1, 2)) // a problem: the id in its request_id member
	}))
	defer srv.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Configure(Config{Reporter: recordReport, RequestID: func(*http.Request) string { return tt.service }})
			req, err := http.NewRequest(http.MethodGet, srv.URL, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header["X-Request-Id"] = []string{tt.incoming}
			status, header, body := sendRequest(t, srv.Client(), req)
			e, err := Parse(status, body)
			if err != nil || e.RequestID() != header {
				t.Errorf("header %q, body %s (%v)", header, body, err)
			}
			if tt.want == "generated" && len(header) != 26 || tt.want != "generated" && header != tt.want {
				t.Errorf("X-Request-Id %q, want %q", header, tt.want)
			}
		})
	}
}

// An id the service sets with WithRequestID is kept as the header carries
// it, so that the header, the body (read back by Parse), MarshalJSON and
// RequestID all hold the same id: bytes that are not UTF-8 become U+FFFD,
// as JSON has them, and control characters spaces, as the header has them.
func TestWithRequestIDOverTheWire(t *testing.T) {
	tests := []struct{ name, own, want string }{
		{"ASCII", "req_1", "req_1"},
		{"a bad byte", "req_\xff", "req_\uFFFD"},
		{"a rune cut short", "req_\xc3", "req_\uFFFD"},
		{"controls", "req\r\n_1\x00", "req  _1"},
		{"spaces at the ends", "  req_1\t", "req_1"},
		{"only controls: none, so one is made", "\r\n", ""},
	}
	var sent *Error
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		Write(w, r, sent)
	}))
	defer srv.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sent = NewOutOfCredit(1, 2).WithRequestID(tt.own) // a problem: the id in its request_id member
			if got := sent.RequestID(); got != tt.want {
				t.Errorf("RequestID() = %q, want %q", got, tt.want)
			}
			req, err := http.NewRequest(http.MethodGet, srv.URL, nil)
			if err != nil {
				t.Fatal(err)
			}
			status, header, body := sendRequest(t, srv.Client(), req)
			if tt.want == "" && len(header) != 26 || tt.want != "" && header != tt.want {
				t.Errorf("X-Request-Id %q, want %q (a new one for none)", header, tt.want)
			}
			if e, err := Parse(status, body); err != nil || e.RequestID() != header {
				t.Errorf("body %s (%v): request id %q, header %q", body, err, e.RequestID(), header)
			}
			if m, err := sent.MarshalJSON(); tt.want != "" && (err != nil || string(m) != string(body)) {
				t.Errorf("MarshalJSON %s (%v), Write sent %s", m, err, body)
			}
		})
	}
}

// sendRequest sends req with client and returns the response's status,
// X-Request-Id and body.
func sendRequest(t *testing.T, client *http.Client, req *http.Request) (status int, id string, body []byte) {
	t.Helper()
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if body, err = io.ReadAll(resp.Body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("X-Request-Id"), body
}

// newRequestID makes one request id, as newRequestIDValue's plain path
// does: without a batch, a string of its own.
func newRequestID() string {
	var b [requestIDLen]byte
	writeRequestID(&b)
	return string(b[:])
}

// newRequestIDPlain is writeRequestID's plain path: crypto/rand's text, as
// Write made ids before.
func newRequestIDPlain() string { return rand.Text() }

// newRequestID writes ids of rand.Text's format: 26 characters of RFC 4648
// base32, every character in use where 5 bits fill it (the first 24), and
// no id twice in 200,000, made on four goroutines at once.
func TestNewRequestID(t *testing.T) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	format := func(id string) bool {
		if len(id) != 26 {
			return false
		}
		for _, c := range []byte(id) {
			if !strings.ContainsRune(alphabet, rune(c)) {
				return false
			}
		}
		_, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(id[:24])
		return err == nil
	}
	for range 100 {
		if id := newRequestIDPlain(); !format(id) {
			t.Fatalf("rand.Text %q: not the format", id)
		}
	}
	const goroutines, each = 4, 50_000
	ids := make([][]string, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range each {
				id := newRequestID()
				if i%2 == 1 {
					// every other id from a batch: the two ways share no state
					var v []string
					id, v = newRequestIDValue()
					if len(v) != 1 || cap(v) != 1 || v[0] != id {
						t.Errorf("newRequestIDValue: %q, header value %q (cap %d)", id, v, cap(v))
					}
				}
				ids[g] = append(ids[g], id)
			}
		})
	}
	wg.Wait()
	seen := make(map[string]bool, goroutines*each)
	var used [26][256]bool
	for _, list := range ids {
		for _, id := range list {
			if !format(id) {
				t.Fatalf("newRequestID %q: not rand.Text's format", id)
			}
			if seen[id] {
				t.Fatalf("newRequestID %q twice", id)
			}
			seen[id] = true
			for i, c := range []byte(id) {
				used[i][c] = true
			}
		}
	}
	for i := range used {
		want := alphabet
		if i >= 24 {
			want = alphabet[:16] // the 4 bits left of each number
		}
		for _, c := range []byte(alphabet) {
			if used[i][c] != (strings.IndexByte(want, c) >= 0) {
				t.Errorf("character %d: %c used %v", i, c, used[i][c])
			}
		}
	}
}

// BenchmarkNewRequestID: an id and its header value from a batch
// (newRequestIDValue) against newRequestID's one at a time, and that against
// rand.Text.
func BenchmarkNewRequestID(b *testing.B) {
	var sink []string
	b.Run("batch", func(b *testing.B) {
		b.ReportAllocs()
		benchpair.Run(b, func() {
			for range 1000 {
				_, sink = newRequestIDValue()
			}
		}, func() {
			for range 1000 {
				id := newRequestID()
				sink = []string{id}
			}
		}, nil)
	})
	b.Run("math-rand", func(b *testing.B) {
		b.ReportAllocs()
		benchpair.Run(b, func() {
			for range 1000 {
				id := newRequestID()
				sink = []string{id}
			}
		}, func() {
			for range 1000 {
				id := newRequestIDPlain()
				sink = []string{id}
			}
		}, nil)
	})
	_ = sink
}

// A request id a response or status carries is kept up to 200 bytes, as
// Write takes one from a request: a longer one (a hostile or broken server's
// megabyte) is none, where it was kept whole, logged with every report and
// sent on. ParseResponse then takes the header's, as it does for a body
// without one, and RPCError the metadata's.
func TestReceivedRequestIDLimit(t *testing.T) {
	most, over := strings.Repeat("r", maxIncomingRequestID), strings.Repeat("r", maxIncomingRequestID+1)
	huge := strings.Repeat("h", 1<<20)
	body := func(id string) string {
		b, err := NewOutOfCredit(1, 2).WithRequestID(id).MarshalJSON() // a problem: the id in its request_id member
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name, body, header, want string
	}{
		{"the body's, 200 bytes", body(most), "", most},
		{"the body's, 201 bytes", body(over), "", ""},
		{"the header's, 200 bytes", body(""), most, most},
		{"the header's, a megabyte", body(""), huge, ""},
		{"the body's too long: the header's", body(over), "hdr_1", "hdr_1"},
		{"both too long", body(huge[:maxResponseBody/2]), huge, ""},
	}
	for _, tt := range tests {
		resp := &http.Response{StatusCode: 402, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(tt.body))}
		if tt.header != "" {
			resp.Header.Set("X-Request-Id", tt.header)
		}
		e, err := ParseResponse(resp)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := e.RequestID(); got != tt.want {
			t.Errorf("%s: RequestID() of %d bytes, want %d", tt.name, len(got), len(tt.want))
		}
	}
	for _, tt := range []struct{ name, info, header, want string }{
		{"RequestInfo's, 200 bytes", most, "", most},
		{"RequestInfo's, 201 bytes", over, "", ""},
		{"the metadata's, a megabyte", "", huge, ""},
		{"RequestInfo's too long: the metadata's", huge, "meta_1", "meta_1"},
	} {
		e := RPCError(RPCStatus{Code: "NOT_FOUND", Reason: "ORDER_NOT_FOUND", Domain: rpcDomain, RequestID: tt.info, Header: http.Header{"X-Request-Id": {tt.header}}})
		if got := e.RequestID(); got != tt.want {
			t.Errorf("RPCError, %s: RequestID() of %d bytes, want %d", tt.name, len(got), len(tt.want))
		}
	}
}
