package fixed

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Write takes the request id from the incoming request when the error has
// none, echoes it in the same header, and writes none when there is none;
// WithRequestID wins, and no control character reaches the wire.
func TestWriteRequestID(t *testing.T) {
	tests := []struct {
		name     string
		incoming string // the request's X-Request-Id; "" for none
		err      *Error
		want     string // the response's X-Request-Id; "" for none
	}{
		{"from the request", "req_1", ErrUnauthorized, "req_1"},
		{"WithRequestID wins", "req_1", ErrUnauthorized.WithRequestID("req_own"), "req_own"},
		{"none at all: one is made", "", ErrUnauthorized, "generated"},
		{"the fallback too", "req_2", nil, "req_2"},
		{"controls blanked", "", ErrUnauthorized.WithRequestID("a\r\nSet-Cookie: x\x00\x7f"), "a  Set-Cookie: x"},
		{"only controls", "", ErrUnauthorized.WithRequestID("\r\n"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			if tt.incoming != "" {
				req.Header.Set("X-Request-Id", tt.incoming)
			}
			rec := httptest.NewRecorder()
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
		})
	}
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
