package fixed

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// A *ParseError tells a client what it needs to act on a response that is
// not the API's error: whether to retry (a gateway's 502 or 503 page) and
// the request id to quote to support, where it had only a Status to judge by
// and the id was lost.
func TestParseErrorRetryableAndRequestID(t *testing.T) {
	outOfCredit, err := NewOutOfCredit(1, 2).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	badCredit := string(bytes.Replace(outOfCredit, []byte(`"balance":1`), []byte(`"balance":"lots"`), 1))
	if badCredit == string(outOfCredit) {
		t.Fatalf("no balance to spoil in %s", outOfCredit)
	}
	tooLong := strings.Repeat("r", maxIncomingRequestID+1)
	for _, tt := range []struct {
		name      string
		status    int
		header    map[string]string
		body      string
		retryable bool
		requestID string
	}{
		{"a proxy's HTML 502", 502, nil, "<html>Bad Gateway</html>", true, ""},
		{"a gateway's 503 that kept the request id", 503, map[string]string{"X-Request-Id": "req_9"}, "", true, "req_9"},
		{"a text 400", 400, map[string]string{"X-Request-Id": "req_1"}, "bad request\n", false, "req_1"},
		{"a 404 page asking to retry", 404, map[string]string{"Retry-After": "3"}, "<p>later</p>", true, ""},
		{"RATE_LIMITED with a detail of the wrong type", 429, nil,
			`{"error":"x","code":"RATE_LIMITED","details":{"limit":"many","window":"1s","retryAfter":5}}`, true, ""},
		{"OUT_OF_CREDIT with a detail of the wrong type, on a 503", 503, nil, badCredit, false, ""},
		{"a request id over 200 bytes", 502, map[string]string{"X-Request-Id": tooLong}, "", true, ""},
	} {
		resp := &http.Response{StatusCode: tt.status, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(tt.body))}
		for k, v := range tt.header {
			resp.Header.Set(k, v)
		}
		_, err := ParseResponse(resp)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: %v, want a *ParseError", tt.name, err)
			continue
		}
		if pe.Retryable() != tt.retryable || pe.RequestID() != tt.requestID {
			t.Errorf("%s: Retryable() = %v, RequestID() = %.20q; want %v, %q", tt.name, pe.Retryable(), pe.RequestID(), tt.retryable, tt.requestID)
		}
	}
	_, err = Parse(503, nil)
	if pe := err.(*ParseError); !pe.Retryable() || pe.RequestID() != "" {
		t.Errorf("Parse(503, nil): Retryable() = %v, RequestID() = %q; want true, \"\"", pe.Retryable(), pe.RequestID())
	}
}
