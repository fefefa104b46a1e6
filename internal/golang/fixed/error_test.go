package fixed

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
	"unsafe"

	"github.com/errgen/errgen/internal/benchpair"
)

func TestMarshalJSON(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"static", ErrInternal, `{"error":"An unexpected error occurred","code":"INTERNAL"}`},
		{"request ID is not in the flat envelope", ErrInternal.WithRequestID("req_1"), `{"error":"An unexpected error occurred","code":"INTERNAL"}`},
		{"escaped message", ErrInternal.WithMessage("<a href=\"x\">&\u2028</a>\xff"),
			`{"error":"\u003ca href=\"x\"\u003e\u0026\u2028\u003c/a\u003e\ufffd","code":"INTERNAL"}`},
		{"empty message writes the title", ErrInternal.WithMessage(""), `{"error":"Internal Server Error","code":"INTERNAL"}`},
		// The message holds U+FFFD itself, which encoding/json writes as is.
		{"template from a string detail", NewRateLimited(5, "\xff<", 1),
			`{"error":"Rate limit of 5 requests per �\u003c exceeded","code":"RATE_LIMITED","details":{"limit":5,"window":"\ufffd\u003c","retryAfter":1}}`},
		{"empty optional details", NewWithDetails(InvalidInputDetails{Reasons: []string{}, FieldErrors: map[string]string{}, Value: json.RawMessage{}}),
			`{"error":"Bad Request","code":"INVALID_INPUT","details":{"field":""}}`},
		{"float template", NewOutOfCredit(1e21, -3),
			`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 1e+21, but that costs -3.","code":"OUT_OF_CREDIT","balance":1e+21,"cost":-3}`},
		{"problem with an empty details object", NewWithDetails(OutOfCreditDetails{}).WithMessage(""),
			`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"code":"OUT_OF_CREDIT","balance":0,"cost":0}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.err.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if !json.Valid(got) {
				t.Errorf("invalid JSON")
			}
			// json.Marshal calls MarshalJSON, and compacts what it returns.
			via, err := json.Marshal(tt.err)
			if err != nil || string(via) != tt.want {
				t.Errorf("json.Marshal = %s, %v", via, err)
			}
		})
	}
}

// A detail encoding/json refuses is left out of the body, never the whole
// error: MarshalJSON writes the rest, and the breach is recorded.
func TestUnencodableDetailsLeftOut(t *testing.T) {
	for _, tt := range []struct {
		err  *Error
		want string // the body
	}{
		{NewOutOfCredit(math.NaN(), 1), `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is , but that costs 1.","code":"OUT_OF_CREDIT","cost":1}`},
		{NewOutOfCredit(math.Inf(-1), 1), `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is , but that costs 1.","code":"OUT_OF_CREDIT","cost":1}`},
		{NewWithDetails(InvalidInputDetails{Field: "f", Value: json.RawMessage(`{"a":`)}), `{"error":"Bad Request","code":"INVALID_INPUT","details":{"field":"f"}}`},
	} {
		body, err := tt.err.MarshalJSON()
		if err != nil || string(body) != tt.want || tt.err.breach() == "" {
			t.Errorf("MarshalJSON = %s, %v, breach %q; want %s", body, err, tt.err.breach(), tt.want)
		}
	}
}

func TestErrorsIs(t *testing.T) {
	cause := errors.New("sql: no rows")
	e := NewInvalidInput("title").WithCause(cause)
	wrapped := fmt.Errorf("loading order: %w", e)
	tests := []struct {
		err, target error
		want        bool
	}{
		{wrapped, ErrInvalidInput, true},
		{wrapped, cause, true},
		{wrapped, ErrRateLimited, false},
		{ErrInvalidInput, e, true},
		{NewRateLimited(1, "1s", 1), ErrRateLimited, true},
		{ErrRateLimited.WithMessage("x").WithRequestID("r"), ErrRateLimited, true},
		{ErrOrderNotFound, ErrOutOfCredit, false},
		{ErrOrderNotFound, (*Error)(nil), false},
		{ErrOrderNotFound, errors.New("Order not found"), false},
		{errors.New("x"), ErrInternal, false},
	}
	for i, tt := range tests {
		if got := errors.Is(tt.err, tt.target); got != tt.want {
			t.Errorf("%d: errors.Is(%v, %v) = %v, want %v", i, tt.err, tt.target, got, tt.want)
		}
	}
	var got *Error
	if !errors.As(wrapped, &got) || got.Code() != CodeInvalidInput {
		t.Fatalf("errors.As gave %v", got)
	}
	if got.Unwrap() != cause || ErrInvalidInput.Unwrap() != nil {
		t.Errorf("Unwrap() = %v", got.Unwrap())
	}
	if want := "INVALID_INPUT: Bad Request: sql: no rows"; got.Error() != want {
		t.Errorf("Error() = %q, want %q", got.Error(), want)
	}
	if want := "RATE_LIMITED: Rate limit of 1 requests per 1s exceeded"; NewRateLimited(1, "1s", 1).Error() != want {
		t.Errorf("Error() = %q, want %q", NewRateLimited(1, "1s", 1).Error(), want)
	}
}

// TestErrorText: Error() reads "CODE: message: cause", each part only when
// there is one, so that a log never shows a dangling colon.
func TestErrorText(t *testing.T) {
	teapot, _ := Parse(418, []byte(`{"code":"TEAPOT"}`))
	described, _ := Parse(418, []byte(`{"error":"I'm a teapot.","code":"TEAPOT"}`))
	for _, tt := range []struct {
		err  *Error
		want string
	}{
		{NewRateLimited(1, "1s", 1), "RATE_LIMITED: Rate limit of 1 requests per 1s exceeded"},
		{ErrOrderNotFound.WithCause(errors.New("sql: no rows")), "ORDER_NOT_FOUND: Order not found: sql: no rows"},
		{described, "TEAPOT: I'm a teapot"},
		{teapot, "TEAPOT"},
		{teapot.WithCause(errors.New("sql: no rows")), "TEAPOT: sql: no rows"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestAccessors(t *testing.T) {
	loadDefinitions()
	e := NewOutOfCredit(2.5, 3).WithRequestID("req_1").WithInstance("/orders/7")
	if e.Code() != CodeOutOfCredit || e.Status() != 403 || e.Title() != "You do not have enough credit." {
		t.Errorf("code %s status %d title %q", e.Code(), e.Status(), e.Title())
	}
	if e.Message() != "Your current balance is 2.5, but that costs 3." {
		t.Errorf("Message() = %q", e.Message())
	}
	if d, ok := e.Details().(OutOfCreditDetails); !ok || !reflect.DeepEqual(d, OutOfCreditDetails{Balance: 2.5, Cost: 3}) {
		t.Errorf("Details() = %#v", e.Details())
	}
	if e.RequestID() != "req_1" || e.Instance() != "/orders/7" {
		t.Errorf("RequestID %q Instance %q", e.RequestID(), e.Instance())
	}
	if e.Definition() != definitions[4].Definition {
		t.Errorf("Definition() = %+v", e.Definition())
	}
	if ErrOrderNotFound.Details() != nil || ErrOrderNotFound.Message() != "" {
		t.Errorf("sentinel has details %v or message %q", ErrOrderNotFound.Details(), ErrOrderNotFound.Message())
	}
}

func TestWithCopies(t *testing.T) {
	loadDefinitions()
	base := NewRateLimited(100, "1m", 23)
	before, _ := base.MarshalJSON()
	cause := errors.New("cause")
	copies := []struct {
		name  string
		c     *Error
		check func(*Error) bool
	}{
		{"WithMessage", base.WithMessage("slow down"), func(c *Error) bool { return c.Message() == "slow down" }},
		{"WithCause", base.WithCause(cause), func(c *Error) bool { return c.Unwrap() == cause }},
		{"WithRequestID", base.WithRequestID("req_1"), func(c *Error) bool { return c.RequestID() == "req_1" }},
		{"WithInstance", base.WithInstance("/x"), func(c *Error) bool { return c.Instance() == "/x" }},
	}
	for _, tt := range copies {
		if tt.c == base || !tt.check(tt.c) || !errors.Is(tt.c, ErrRateLimited) {
			t.Errorf("%s: not a changed copy", tt.name)
		}
	}
	after, _ := base.MarshalJSON()
	if string(before) != string(after) || base.Message() != "Rate limit of 100 requests per 1m exceeded" ||
		base.Unwrap() != nil || base.RequestID() != "" || base.Instance() != "" {
		t.Errorf("the original changed: %s", after)
	}
	// Sentinels are shared: With on them must not change them either.
	_ = ErrUnauthorized.WithMessage("x").WithRequestID("r").WithInstance("i").WithCause(cause)
	if body, _ := ErrUnauthorized.MarshalJSON(); string(body) != definitions[0].body || !ErrUnauthorized.static() {
		t.Errorf("sentinel changed: %s", body)
	}
}

// TestDetailsAreSnapshot: details holding slices and maps are encoded when the
// error is built, so the caller changing them later changes nothing.
func TestDetailsAreSnapshot(t *testing.T) {
	reasons := []string{"short"}
	fields := map[string]string{"a": "b"}
	raw := json.RawMessage(`"v"`)
	e := NewWithDetails(InvalidInputDetails{Field: "f", Reasons: reasons, FieldErrors: fields, Value: raw})
	before, _ := e.MarshalJSON()
	reasons[0] = "changed"
	fields["a"] = "changed"
	raw[1] = 'w'
	if after, _ := e.MarshalJSON(); string(after) != string(before) {
		t.Errorf("details changed after construction:\n%s\n%s", before, after)
	}
}

func TestRegistry(t *testing.T) {
	loadDefinitions()
	defs := Definitions()
	if len(defs) != len(definitions) {
		t.Fatalf("%d definitions, want %d", len(defs), len(definitions))
	}
	want := []Code{CodeUnauthorized, CodeInvalidInput, CodeRateLimited, CodeOrderNotFound, CodeOutOfCredit, CodeInternal}
	for i, d := range defs {
		if d.Code != want[i] || d != definitions[i].Definition {
			t.Errorf("Definitions()[%d] = %+v", i, d)
		}
		if got, ok := Lookup(d.Code); !ok || got != d {
			t.Errorf("Lookup(%s) = %+v, %v", d.Code, got, ok)
		}
	}
	defs[0].Title = "changed"
	if definitions[0].Title != "Unauthorized" {
		t.Error("Definitions() shares the table")
	}
	for _, code := range []Code{"NOPE", "", "unauthorized", "Unauthorized"} {
		if d, ok := Lookup(code); ok || !reflect.DeepEqual(d, Definition{}) {
			t.Errorf("Lookup(%q) = %+v, %v", code, d, ok)
		}
	}
	if got, _ := Lookup("RATE_LIMITED"); !got.Retryable || got.Status != 429 || got.DocsURL == "" || got.Category != "Rate limiting" {
		t.Errorf("Lookup(RATE_LIMITED) = %+v", got)
	}
}

// marshalJSONPlain is MarshalJSON's plain path: the body appended to nil.
func (e *Error) marshalJSONPlain() []byte {
	loadDefinitions()
	return sendable(e, nil).appendJSON(nil)
}

// TestMarshalJSONBuffer: MarshalJSON writes what its plain path writes, for
// every error of the stand-in, with and without details, a message or a
// request id, one after the other through the same buffers.
func TestMarshalJSONBuffer(t *testing.T) {
	errs := append(headerErrors(), ErrInternal.WithMessage("x"), ErrUnauthorized.WithRequestID("r"), nil,
		NewWithDetails(InvalidInputDetails{Field: "f", Reasons: []string{"a"}, FieldErrors: map[string]string{"k": "v"}}))
	for _, s := range sentinels {
		errs = append(errs, &s)
	}
	for range 2 {
		for _, e := range errs {
			got, err := e.MarshalJSON()
			if want := e.marshalJSONPlain(); err != nil || string(got) != string(want) {
				t.Errorf("%v: MarshalJSON %s, %v; plain path %s", e, got, err, want)
			}
		}
	}
}

// BenchmarkMarshalJSONBuffer measures MarshalJSON against its plain path
// for an error with details.
func BenchmarkMarshalJSONBuffer(b *testing.B) {
	e := NewInvalidInput("title")
	b.ReportAllocs()
	benchpair.Run(b, func() {
		for range 1000 {
			_, _ = e.MarshalJSON()
		}
	}, func() {
		for range 1000 {
			_ = e.marshalJSONPlain()
		}
	}, nil)
}

// TestErrorSize: an Error fits the allocator's 128-byte size class (see
// setStatus), and a status beyond int32 given to Parse is still the one
// Status returns.
func TestErrorSize(t *testing.T) {
	if n := unsafe.Sizeof(Error{}); n > 128 {
		t.Errorf("Error is %d bytes, more than 128", n)
	}
	body, _ := ErrInternal.MarshalJSON()
	unknown := []byte(`{"error":"x","code":"NOT_IN_CATALOG"}`)
	for _, status := range []int{0, 404, -1, math.MaxInt32, math.MaxInt32 + 1, math.MinInt32 - 1, math.MaxInt, math.MinInt} {
		for _, b := range [][]byte{body, unknown} {
			e, err := Parse(status, b)
			if err != nil || e.Status() != status {
				t.Errorf("Parse(%d, %s): status %d, %v", status, b, e.Status(), err)
			}
		}
	}
}

// TestIsUnknownWithoutCode: in an envelope without a code, which
// identifies an error by status and title, errors.Is matches two errors
// Parse did not know when their status and title match, as it matches
// two of the same code in an envelope with one. Before, every two such
// errors matched, their code "" alike: a 418 "Teapot" was a 410 "Gone".
func TestIsUnknownWithoutCode(t *testing.T) {
	byTitle := &envelope{}
	read := func(status int, title string) *Error {
		r := reading{env: byTitle, status: status, title: []byte(`"` + title + `"`)}
		return r.unknown()
	}
	tests := []struct {
		name string
		a, b *Error
		want bool
	}{
		{"same status and title", read(418, "Teapot"), read(418, "Teapot"), true},
		{"another title", read(418, "Teapot"), read(418, "Kettle"), false},
		{"another status", read(418, "Teapot"), read(410, "Teapot"), false},
		{"another envelope", read(418, "Teapot"), (&reading{env: &envelope{}, status: 418, title: []byte(`"Teapot"`)}).unknown(), false},
		{"a code's", read(418, "Teapot"), mustParse(t, 418, `{"error":"x","code":"TEAPOT"}`), false},
	}
	for _, tt := range tests {
		if got := errors.Is(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: errors.Is = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// mustParse is Parse's error of body, failing t when there is none.
func mustParse(t *testing.T, status int, body string) *Error {
	t.Helper()
	e, err := Parse(status, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return e
}
