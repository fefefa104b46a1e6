package runtime

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// hostileHeaderValues are string details that would break a response if they
// reached a header line as they are, and the value Write sends for each.
var hostileHeaderValues = []struct{ detail, want string }{
	{"ticket", "ticket"},
	{"ticket\x00", "ticket"},
	{"a\r\nX-Injected: 1", "a  X-Injected: 1"},
	{"a\r\n\r\n{\"smuggled\":true}", "a    {\"smuggled\":true}"},
	{"\x7f", ""},
	{"a\x01b\x1fc\x7fd", "a b c d"},
	{"tab\tinside", "tab\tinside"},
	{" \t padded \t ", "padded"},
	{"caf\xe9\n", "caf\uFFFD"},
	{"line\u2028sep é", "line\u2028sep é"},
}

func TestHeaderValue(t *testing.T) {
	for _, tt := range hostileHeaderValues {
		if got := headerValue(validUTF8(tt.detail)); got != tt.want {
			t.Errorf("headerValue(%q) = %q, want %q", tt.detail, got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = headerValue("tkt_1234") }); n != 0 {
		t.Errorf("a clean value costs %v allocations", n)
	}
}

// TestWriteHeadersFromDetailsOverTheWire serves errors whose header comes
// from a string detail holding control characters, and reads each response
// with Go's own client: status, headers and body must all come through, and
// nothing the detail holds may add a header.
func TestWriteHeadersFromDetailsOverTheWire(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, _ := strconv.Atoi(r.URL.Query().Get("i"))
		Write(w, r, NewInvalidInput(hostileHeaderValues[i].detail))
	}))
	defer srv.Close()
	for i, tt := range hostileHeaderValues {
		resp, err := srv.Client().Get(srv.URL + "/?i=" + strconv.Itoa(i))
		if err != nil {
			t.Errorf("%q: %v", tt.detail, err)
			continue
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Errorf("%q: reading the body: %v", tt.detail, err)
		}
		want, _ := NewInvalidInput(tt.detail).MarshalJSON()
		if resp.StatusCode != 400 || string(body) != string(want) {
			t.Errorf("%q: %d %s, want 400 %s", tt.detail, resp.StatusCode, body, want)
		}
		got, ok := resp.Header["X-Invalid-Field"]
		if tt.want == "" && ok || tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
			t.Errorf("%q: X-Invalid-Field = %q, want %q", tt.detail, got, tt.want)
		}
		if v := resp.Header.Get("X-Injected"); v != "" || resp.Header.Get("Content-Type") != "application/json" {
			t.Errorf("%q: headers %v", tt.detail, resp.Header)
		}
	}
}
