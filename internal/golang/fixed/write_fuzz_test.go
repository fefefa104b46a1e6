package fixed

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileError is an error of the stand-in catalog built from hostile
// text: which picks the error (a flat or a problem body, details encoded at
// construction or as written, a static body), s fills its string details
// and n its numbers; msg replaces its message when setMessage; instance,
// its instance, and ownID, its request id, when not empty; s is its cause.
// Its details are nil for none.
func hostileError(which uint8, s, msg string, n int, setMessage bool, instance, ownID string) (*Error, any) {
	var e *Error
	var details any
	switch which % 5 {
	case 0:
		d := InvalidInputDetails{Field: s, Reasons: []string{s, msg}, FieldErrors: map[string]string{s: msg},
			Problems: []InvalidInputProblems{{Field: s, Message: msg}}}
		e, details = NewWithDetails(d), d
	case 1:
		e, details = NewRateLimited(n, s, n), RateLimitedDetails{Limit: n, Window: s, RetryAfter: n}
	case 2:
		d := OutOfCreditDetails{Balance: float64(n) / 7, Cost: n, Currency: s}
		e, details = NewWithDetails(d), d
	case 3:
		e = ErrOrderNotFound
	default:
		e = ErrUnauthorized
	}
	if setMessage {
		e = e.WithMessage(msg)
	}
	if instance != "" {
		e = e.WithInstance(instance)
	}
	if ownID != "" {
		e = e.WithRequestID(ownID)
	}
	return e.WithCause(errors.New(s)), details
}

// sentID is the request id Write sends, read from the docs (docs/go.md,
// Request ids) on its own: the error's own, else the request's when at
// most 200 bytes of UTF-8, as headerText sends them (empty is none); "" for
// a new one.
func sentID(own, incoming string) string {
	if id := headerText(strings.ToValidUTF8(own, "\uFFFD")); id != "" {
		return id
	}
	if len(incoming) <= 200 && utf8.ValidString(incoming) {
		return headerText(incoming)
	}
	return ""
}

// headerText is v as the docs say a header sends a text: each control
// character but a tab a space, blanks at either end trimmed.
func headerText(v string) string {
	v = strings.Map(func(r rune) rune {
		if r < ' ' && r != '\t' || r == 0x7f {
			return ' '
		}
		return r
	}, v)
	return strings.Trim(v, " \t")
}

// viaJSON is v as encoding/json writes it and reads it back into a value
// of v's type: what a client decoding the body gets.
func viaJSON(v any) any {
	back := reflect.New(reflect.TypeOf(v))
	b, _ := json.Marshal(v)
	_ = json.Unmarshal(b, back.Interface())
	return back.Elem().Interface()
}

// FuzzWriteHostile writes errors built from hostile text (invalid UTF-8,
// control characters, U+2028, quotes; see hostileError) for a request with
// a hostile X-Request-Id and Accept-Language, and holds the response to
// what encoding/json and net/http make of it: every header value one
// net/http can send (no control character but a tab, no blank at either
// end); X-Request-Id sentID's (a new id when none, 26 characters of base32),
// and the same in a body that carries one; a body that is valid JSON and
// that Parse reads back as the same code, with the details, message,
// instance and request id encoding/json round-trips. A non-catalog error
// wrapping the same text is sent as the fallback, its text nowhere. A HEAD
// gets the GET's Content-Length, and no body.
func FuzzWriteHostile(f *testing.F) {
	f.Add(uint8(0), "tags\xff\u2028", "bad \"input\"\x00", 7, true, "/o/1", "", "req_1", "de")
	f.Add(uint8(1), "1m", "", 23, false, "", "", "x\x7fy", "")
	f.Add(uint8(2), "€\xed\xa0\x80", "custom\n", -5, true, "/o/\xfe", " own\x00id ", "", "fr;q=0.5")
	f.Add(uint8(3), "", "", 0, false, "", "\xff", strings.Repeat("a", 201), "*")
	f.Add(uint8(4), "secret cause", "", 0, false, "", "", "\t", "")
	f.Fuzz(func(t *testing.T, which uint8, s, msg string, n int, setMessage bool, instance, ownID, incomingID, lang string) {
		e, details := hostileError(which, s, msg, n, setMessage, instance, ownID)
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header[requestIDHeader] = []string{incomingID}
		r.Header["Accept-Language"] = []string{lang}
		rec := httptest.NewRecorder()
		Write(rec, r, e)
		body := rec.Body.Bytes()
		checkHeaders(t, rec.Header())
		checkFilledHeaders(t, which, s, n, rec.Header())
		id := sentID(ownID, incomingID)
		if got := rec.Header()[requestIDHeader]; len(got) != 1 || id != "" && got[0] != id || id == "" && !isNewRequestID(got[0]) {
			t.Fatalf("%s %q, want %q (own %q, incoming %q)", requestIDHeader, got, id, ownID, incomingID)
		}
		id = rec.Header().Get(requestIDHeader)
		var decoded map[string]any
		if err := json.Unmarshal(body, &decoded); err != nil {
			t.Fatalf("body is not JSON: %v\n%s", err, body)
		}
		if got, ok := decoded["request_id"]; ok && got != id || !ok && e.def.prepared().holdsRequestID {
			t.Fatalf("request_id in the body %q, header %q", got, id)
		}
		got, err := Parse(rec.Code, body)
		if err != nil || got.Code() != e.Code() {
			t.Fatalf("Parse(Write(%s)) = %v, %v\n%s", e.Code(), got, err, body)
		}
		if details != nil && !reflect.DeepEqual(got.Details(), viaJSON(details)) {
			t.Fatalf("details read back %#v, want %#v", got.Details(), viaJSON(details))
		}
		if setMessage && msg != "" && got.Message() != viaJSON(msg) {
			t.Fatalf("message read back %q, want %q", got.Message(), viaJSON(msg))
		}
		if got.Instance() != viaJSON(instance) && e.def.envelope.mediaType == "application/problem+json" {
			t.Fatalf("instance read back %q, want %q", got.Instance(), viaJSON(instance))
		}
		checkFallback(t, r, s, msg)
		checkHead(t, r, e, len(body))
	})
}

// checkHead holds Write of e for a HEAD request like r to the GET's
// headers and Content-Length, the length of the GET's body (a new request
// id is as long as another), without a body.
func checkHead(t *testing.T, r *http.Request, e *Error, getLength int) {
	t.Helper()
	head := r.Clone(r.Context())
	head.Method = http.MethodHead
	rec := httptest.NewRecorder()
	Write(rec, head, e)
	if rec.Body.Len() != 0 || rec.Header().Get("Content-Length") != strconv.Itoa(getLength) {
		t.Fatalf("HEAD: Content-Length %q and %d bytes of body; the GET's body has %d", rec.Header().Get("Content-Length"), rec.Body.Len(), getLength)
	}
}

// checkHeaders fails on a header value net/http would refuse to send or
// a client would read otherwise: empty, a control character but a tab,
// a blank at either end.
func checkHeaders(t *testing.T, h http.Header) {
	t.Helper()
	for name, values := range h {
		for _, v := range values {
			bad := v == "" || strings.Trim(v, " \t") != v || strings.ContainsFunc(v, func(r rune) bool {
				return r < ' ' && r != '\t' || r == 0x7f
			})
			if bad {
				t.Fatalf("header %s: %q", name, v)
			}
		}
	}
}

// checkFilledHeaders holds the headers hostileError's details fill to what
// the docs say of them: INVALID_INPUT's X-Invalid-Field is its field as
// the body has it (encoding/json's), each control character but a tab a
// space, blanks at either end trimmed, not sent when nothing is left;
// RATE_LIMITED's Retry-After is RFC 9110's delay-seconds, a negative wait
// 0.
func checkFilledHeaders(t *testing.T, which uint8, s string, n int, h http.Header) {
	t.Helper()
	var name, want string
	switch which % 5 {
	case 0:
		name, want = "X-Invalid-Field", headerText(viaJSON(s).(string))
	case 1:
		name, want = "Retry-After", strconv.Itoa(max(n, 0))
	default:
		return
	}
	if got := h[name]; want == "" && got != nil || want != "" && (len(got) != 1 || got[0] != want) {
		t.Fatalf("%s %q, want %q (from %q, %d)", name, got, want, s, n)
	}
}

// isNewRequestID reports whether id is one Write makes: 26 characters of
// RFC 4648 base32.
func isNewRequestID(id string) bool {
	return len(id) == requestIDLen && strings.Trim(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == ""
}

// checkFallback holds Write of a non-catalog error wrapping s and msg to
// the fallback body another error gets: their text never reaches the
// client.
func checkFallback(t *testing.T, r *http.Request, s, msg string) {
	t.Helper()
	rec := httptest.NewRecorder()
	Write(rec, r, errors.Join(errors.New(s), errors.New(msg)))
	plain := httptest.NewRecorder()
	Write(plain, r, errors.New("x"))
	if rec.Code != fallback.Status() || !bytes.Equal(rec.Body.Bytes(), plain.Body.Bytes()) {
		t.Fatalf("a non-catalog error wrapping %q: %d %s, want %s", s, rec.Code, rec.Body, plain.Body)
	}
}
