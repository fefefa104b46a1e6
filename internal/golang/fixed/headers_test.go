package fixed

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
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

// TestDetailsAreImmutable: nothing done to the maps, slices and raw JSON a
// caller passed, nor to those Details returned, changes the error.
func TestDetailsAreImmutable(t *testing.T) {
	reasons := []string{"short"}
	fields := map[string]string{"a": "b"}
	raw := json.RawMessage(`"v"`)
	e := NewWithDetails(InvalidInputDetails{Field: "f", Reasons: reasons, FieldErrors: fields, Value: raw})
	want := InvalidInputDetails{Field: "f", Reasons: []string{"short"}, FieldErrors: map[string]string{"a": "b"}, Value: json.RawMessage(`"v"`)}
	before, _ := e.MarshalJSON()
	check := func(when string) {
		t.Helper()
		got := e.Details().(InvalidInputDetails)
		if !detailsEqual(got, want) {
			t.Errorf("%s: Details() = %#v", when, got)
		}
		if after, _ := e.MarshalJSON(); string(after) != string(before) {
			t.Errorf("%s: body\n%s\nwas\n%s", when, after, before)
		}
	}
	check("built")
	reasons[0] = "changed"
	fields["a"] = "changed"
	fields["new"] = "x"
	raw[1] = 'w'
	check("after the caller changed its values")
	d := e.Details().(InvalidInputDetails)
	d.Reasons[0] = "changed"
	d.FieldErrors["a"] = "changed"
	d.Value[1] = 'w'
	check("after changing what Details returned")
	// nil and empty stay apart, as json.Marshal tells them apart.
	empty := NewWithDetails(InvalidInputDetails{Reasons: []string{}, FieldErrors: map[string]string{}, Value: json.RawMessage{}})
	if d := empty.Details().(InvalidInputDetails); d.Reasons == nil || d.FieldErrors == nil || d.Value == nil {
		t.Errorf("empty became nil: %#v", d)
	}
	if d := NewInvalidInput("f").Details().(InvalidInputDetails); d.Reasons != nil || d.FieldErrors != nil || d.Value != nil {
		t.Errorf("nil became empty: %#v", d)
	}
}

func detailsEqual(a, b InvalidInputDetails) bool {
	if a.Field != b.Field || strings.Join(a.Reasons, "\x00") != strings.Join(b.Reasons, "\x00") ||
		string(a.Value) != string(b.Value) || len(a.FieldErrors) != len(b.FieldErrors) {
		return false
	}
	for k, v := range a.FieldErrors {
		if w, ok := b.FieldErrors[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestSharedDetailsRace: goroutines sharing one error may each change what
// Details returned them (go test -race).
func TestSharedDetailsRace(t *testing.T) {
	e := NewWithDetails(InvalidInputDetails{Field: "f", FieldErrors: map[string]string{"a": "b"}})
	done := make(chan bool)
	for range 4 {
		go func() {
			for range 100 {
				e.Details().(InvalidInputDetails).FieldErrors["a"] = "mine"
				_, _ = e.MarshalJSON()
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	if got := e.Details().(InvalidInputDetails).FieldErrors["a"]; got != "b" {
		t.Errorf("FieldErrors[a] = %q", got)
	}
}

// A Retry-After filled from a negative int detail is sent as 0, a wait
// already over: RFC 9110's delay-seconds are digits alone, and a client
// reading "-5" (ParseResponse among them) found no Retry-After at all.
// RetryAfter of the error built here says so too, and so does a client.
func TestNegativeRetryAfter(t *testing.T) {
	tests := []struct {
		wait int
		want string
	}{
		{-5, "0"}, {-150, "0"}, {math.MinInt, "0"}, {0, "0"}, {7, "7"}, {150, "150"},
	}
	for _, tt := range tests {
		e := NewRateLimited(10, "1m", tt.wait)
		rec := httptest.NewRecorder()
		Write(rec, nil, e)
		if got := rec.Header()["Retry-After"]; len(got) != 1 || got[0] != tt.want {
			t.Errorf("wait %d: Retry-After %q, want %s", tt.wait, got, tt.want)
		}
		want := time.Duration(max(tt.wait, 0)) * time.Second
		if d, ok := e.RetryAfter(); d != want || !ok {
			t.Errorf("wait %d: RetryAfter() = %v, %v, want %v", tt.wait, d, ok, want)
		}
		got, err := ParseResponse(rec.Result())
		if err != nil {
			t.Fatal(err)
		}
		if d, ok := got.RetryAfter(); d != want || !ok {
			t.Errorf("wait %d: read back, RetryAfter() = %v, %v, want %v", tt.wait, d, ok, want)
		}
	}
}
