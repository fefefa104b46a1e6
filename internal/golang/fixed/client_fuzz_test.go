package fixed

import (
	"bytes"
	"errors"
	"io"
	"math"
	"math/big"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// retryAfterOracle is what a Retry-After value v asks, read from RFC 9110
// (section 10.2.3) on its own: delay-seconds, one or more digits and nothing
// else, as many seconds as a Duration holds at most (a number past it is
// "the greatest positive integer it can conveniently represent", as RFC
// 9111 reads delta-seconds); else an HTTP-date in any of the three forms
// http.ParseTime reads, measured from date when that is one, else from now,
// and no wait for a date already past. ok is false for anything else.
func retryAfterOracle(v, date string, now time.Time) (time.Duration, bool) {
	digits := v != ""
	for i := 0; i < len(v); i++ {
		digits = digits && '0' <= v[i] && v[i] <= '9'
	}
	if digits {
		seconds := new(big.Int)
		seconds.SetString(v, 10)
		most := big.NewInt(math.MaxInt64 / int64(time.Second))
		if seconds.Cmp(most) > 0 {
			seconds = most
		}
		return time.Duration(seconds.Int64()) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d, err := http.ParseTime(date); err == nil {
		now = d
	}
	return max(t.Sub(now), 0), true
}

// FuzzParseResponse holds ParseResponse to what the response says, read on
// its own: the error is Parse's of the body, none for a 1xx, 204 or 304
// (ParseTooLarge past 1 MiB, which pad reaches with blanks before the body,
// over bytes past it); the request id the header's when the body has none
// (and it is at most 200 bytes); RetryAfter retryAfterOracle's (the
// response's Date fuzzed too, and when it is no date, the wait measured from
// a clock read around the call); Retryable true for a wait when the code is
// unknown (a known code's is the catalog's word).
func FuzzParseResponse(f *testing.F) {
	date := "Sat, 05 Dec 2026 20:00:00 GMT"
	f.Add(429, "23", date, "req_1", []byte(`{"error":"x","code":"RATE_LIMITED","details":{"limit":1,"window":"1s","retryAfter":23}}`), false, int8(0))
	f.Add(503, "Sat, 05 Dec 2026 20:01:30 GMT", date, "", []byte(`{"error":"down","code":"MAINTENANCE"}`), false, int8(0))
	f.Add(503, "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "", []byte(`{"error":"down","code":"X"}`), false, int8(0))
	f.Add(418, "soon", "", "id", []byte(`{"error":"tea","code":"TEAPOT","request_id":"b"}`), false, int8(0))
	f.Add(500, "0", "", "", []byte(`{"error":"x","code":"INTERNAL"}`), true, int8(0))
	f.Add(500, "", "", "", []byte(`{"error":"x","code":"INTERNAL"}`), true, int8(1))
	f.Add(204, "5", "", "id", []byte(`{"error":"x","code":"INTERNAL"}`), false, int8(0))
	f.Add(404, "", "", strings.Repeat("h", 201), []byte(`{"error":"x","code":"X"}`), false, int8(0))
	f.Fuzz(func(t *testing.T, status int, retryAfter, date, id string, body []byte, pad bool, over int8) {
		if pad && len(body) < maxResponseBody {
			n := maxResponseBody - len(body) + int(over)%4
			body = append(bytes.Repeat([]byte{' '}, max(n, 0)), body...)
		}
		resp := &http.Response{StatusCode: status, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body))}
		for name, v := range map[string]string{"Retry-After": retryAfter, "Date": date, requestIDHeader: id} {
			if v != "" {
				resp.Header[name] = []string{v}
			}
		}
		before := time.Now()
		e, err := ParseResponse(resp)
		after := time.Now()
		if 100 <= status && status <= 199 || status == 204 || status == 304 {
			body = nil // RFC 9110: no content, whatever follows the header
		}
		if len(body) > maxResponseBody {
			var pe *ParseError
			if e != nil || !errors.As(err, &pe) || pe.Kind != ParseTooLarge {
				t.Fatalf("a body of %d bytes: %v, %v; want ParseTooLarge", len(body), e, err)
			}
			return
		}
		want, wantErr := Parse(status, body)
		if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("ParseResponse: %v; Parse: %v", err, wantErr)
		}
		if err != nil {
			return
		}
		if e.Code() != want.Code() || e.Message() != want.Message() || !reflect.DeepEqual(e.Details(), want.Details()) {
			t.Fatalf("ParseResponse read %v, Parse %v", e, want)
		}
		wantID := want.RequestID()
		if wantID == "" {
			wantID = receivedID(id)
		}
		if e.RequestID() != wantID {
			t.Fatalf("request id %q, want %q (the body's %q, the header's %q)", e.RequestID(), wantID, want.RequestID(), id)
		}
		checkRetryAfter(t, e, retryAfter, date, before, after)
	})
}

// checkRetryAfter holds e's RetryAfter and Retryable to retryAfterOracle
// of the header v and the response's date, the response read between
// before and after.
func checkRetryAfter(t *testing.T, e *Error, v, date string, before, after time.Time) {
	t.Helper()
	got, ok := e.RetryAfter()
	early, wantOK := retryAfterOracle(v, date, after)
	late, _ := retryAfterOracle(v, date, before)
	if ok != wantOK || got < early || got > late {
		t.Fatalf("Retry-After %q (Date %q): RetryAfter() = %v, %v; want %v to %v, %v", v, date, got, ok, early, late, wantOK)
	}
	if wantOK && !e.Known() && !e.Retryable() {
		t.Fatalf("Retry-After %q on an unknown code: Retryable() = false", v)
	}
}
