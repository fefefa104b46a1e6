package fixed

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// A response can carry the request id header more than once: a proxy that
// adds its own (empty when it had none) before the server's. The id is the
// first value that is not empty, as a client quoting it to support needs,
// where Header.Get's first value gave none.
func TestParseResponseRequestIDFirstNonEmpty(t *testing.T) {
	tooLong := strings.Repeat("r", maxIncomingRequestID+1)
	bodies := []struct{ name, body string }{
		{"a catalog error", `{"error":"x","code":"RATE_LIMITED","details":{"limit":1,"window":"1s","retryAfter":23}}`},
		{"a body ParseResponse cannot read", "<html>Bad Gateway</html>"},
	}
	for _, tt := range []struct {
		name   string
		values []string
		want   string
	}{
		{"one value", []string{"req_1"}, "req_1"},
		{"an empty value before the id", []string{"", "req_2"}, "req_2"},
		{"two empty values before the id", []string{"", "", "req_3"}, "req_3"},
		{"two ids: the first", []string{"req_4", "req_5"}, "req_4"},
		{"only empty values", []string{"", ""}, ""},
		{"the first id over 200 bytes: none", []string{"", tooLong, "req_6"}, ""},
		{"none", nil, ""},
	} {
		for _, b := range bodies {
			resp := &http.Response{StatusCode: 429, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(b.body))}
			if tt.values != nil {
				resp.Header[requestIDHeader] = tt.values
			}
			e, err := ParseResponse(resp)
			var got string
			if err != nil {
				got = err.(*ParseError).RequestID()
			} else {
				got = e.RequestID()
			}
			if got != tt.want {
				t.Errorf("%s, %s: RequestID() = %.20q, want %q", tt.name, b.name, got, tt.want)
			}
		}
		s := RPCStatus{Code: "RESOURCE_EXHAUSTED", Reason: "RATE_LIMITED", Domain: rpcDomain, Header: http.Header{}}
		if tt.values != nil {
			s.Header[requestIDHeader] = tt.values
		}
		if got := RPCError(s).RequestID(); got != tt.want {
			t.Errorf("%s, RPCError: RequestID() = %.20q, want %q", tt.name, got, tt.want)
		}
	}
}
