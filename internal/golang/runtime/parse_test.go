package runtime

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http/httptest"
	"reflect"
	"testing"
)

// sampleErrors are errors of every code, with and without details, messages
// and the other things an envelope may carry.
func sampleErrors() []*Error {
	return []*Error{
		ErrUnauthorized,
		ErrUnauthorized.WithMessage("Token revoked \u2028 <now>"),
		ErrInvalidInput,
		NewInvalidInput("title"),
		NewInvalidInput(""),
		NewInvalidInputWithDetails(InvalidInputDetails{Field: "tags", Reasons: []string{"a", "<>"},
			FieldErrors: map[string]string{"b": "c"}, Value: json.RawMessage(`{"x":[1,true,null]}`)}),
		ErrRateLimited,
		NewRateLimited(100, "1m", 23),
		NewRateLimited(0, "", 0).WithMessage(""),
		ErrOrderNotFound,
		ErrOrderNotFound.WithInstance("/orders/7"),
		ErrOrderNotFound.WithMessage("Order 7 is gone"),
		ErrOutOfCredit,
		NewOutOfCredit(30.5, 50),
		NewOutOfCreditWithDetails(OutOfCreditDetails{Balance: -1e-7, Cost: math.MaxInt, Currency: "€", Overdraft: true}).WithInstance("/o/1"),
		NewOutOfCredit(1, 2).WithMessage("custom"),
		ErrInternal,
		ErrInternal.WithMessage("Try later"),
	}
}

// TestParseRoundTrips: every error, written and parsed back, is the same error,
// and writes the same body again.
func TestParseRoundTrips(t *testing.T) {
	for _, e := range sampleErrors() {
		body, err := e.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		t.Run(string(body), func(t *testing.T) {
			got, err := Parse(e.Status(), body)
			if err != nil {
				t.Fatal(err)
			}
			if got.def != e.def || got.Code() != e.Code() {
				t.Errorf("code %s, want %s", got.Code(), e.Code())
			}
			// An empty message is written as the title, and read back as it.
			if got.messageOrTitle() != e.messageOrTitle() {
				t.Errorf("message %q, want %q", got.messageOrTitle(), e.messageOrTitle())
			}
			if got.Instance() != e.Instance() {
				t.Errorf("instance %q, want %q", got.Instance(), e.Instance())
			}
			if !errors_Is(got, e) {
				t.Error("errors.Is(parsed, original) = false")
			}
			again, err := got.MarshalJSON()
			if err != nil || !bytes.Equal(again, body) {
				t.Errorf("written again\n%s, %v\nwant %s", again, err, body)
			}
			if e.hasDetails() && !reflect.DeepEqual(got.Details(), e.Details()) {
				t.Errorf("details %#v, want %#v", got.Details(), e.Details())
			}
		})
	}
}

func errors_Is(a, b *Error) bool { return a.Is(b) && b.Is(a) }

// TestParseWrite: what Write sends, Parse reads, whatever the status.
func TestParseWrite(t *testing.T) {
	for _, e := range sampleErrors() {
		rec := httptest.NewRecorder()
		Write(rec, nil, e)
		want := e.Code()
		if e.def.required && e.details == nil {
			want = fallback.Code() // sentinels lacking required details are not written
		}
		got, err := Parse(rec.Code, rec.Body.Bytes())
		if err != nil || got.Code() != want {
			t.Errorf("Parse(Write(%v)) = %v, %v", e, got, err)
		}
		if got, err := Parse(0, rec.Body.Bytes()); err != nil || got.Code() != want {
			t.Errorf("Parse(0, Write(%v)) = %v, %v: the envelopes carry the code", e, got, err)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		body    string
		code    Code
		message string
		details any
	}{
		{"flat", 429, `{"error":"Slow down","code":"RATE_LIMITED","details":{"limit":1,"window":"1s","retryAfter":2}}`,
			CodeRateLimited, "Slow down", RateLimitedDetails{Limit: 1, Window: "1s", RetryAfter: 2}},
		{"flat with members reordered, spaced and repeated", 400,
			" {\n\t\"details\" : {\"field\":\"a\",\"field\":\"b\"} , \"code\" : \"INVALID_INPUT\" } ",
			CodeInvalidInput, "", InvalidInputDetails{Field: "b"}},
		{"escaped code and message", 401, `{"error":"Authentication required","code":"UNAUTH\u004fRIZED"}`,
			CodeUnauthorized, "Authentication required", nil},
		{"title as message is no message", 400, `{"error":"Bad Request","code":"INVALID_INPUT"}`, CodeInvalidInput, "", nil},
		{"unknown detail members are ignored", 400, `{"code":"INVALID_INPUT","details":{"field":"f","extra":1}}`,
			CodeInvalidInput, "", InvalidInputDetails{Field: "f"}},
		{"problem", 403, `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"code":"OUT_OF_CREDIT","balance":1.5,"cost":3}`,
			CodeOutOfCredit, "Your current balance is 1.5, but that costs 3.", OutOfCreditDetails{Balance: 1.5, Cost: 3}},
		{"problem, probed after flat, whatever its other members", 404, `{"error":"x","code":"ORDER_NOT_FOUND"}`,
			CodeOrderNotFound, "", nil},
		{"a flat code in a problem body is read by the flat envelope", 401, `{"type":"about:blank","title":"Unauthorized","status":401,"code":"UNAUTHORIZED"}`,
			CodeUnauthorized, "Authentication required", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Parse(tt.status, []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if e.Code() != tt.code || e.Message() != tt.message || !reflect.DeepEqual(e.Details(), tt.details) {
				t.Errorf("Parse = %s %q %#v\nwant %s %q %#v", e.Code(), e.Message(), e.Details(), tt.code, tt.message, tt.details)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
	}{
		{"empty", 500, ``},
		{"HTML", 502, `<html><body>Bad Gateway</body></html>`},
		{"truncated", 404, `{"error":"x","code":"INTERNAL"`},
		{"trailing garbage", 500, "{\"code\":\"INTERNAL\"}x"},
		{"null", 500, `null`},
		{"number", 500, `500`},
		{"string", 500, `"INTERNAL"`},
		{"array", 500, `[{"code":"INTERNAL"}]`},
		{"unknown code", 404, `{"error":"x","code":"NO_SUCH_CODE"}`},
		{"code is not a string", 500, `{"code":500}`},
		{"code in the wrong case", 500, `{"code":"internal"}`},
		{"another envelope", 404, `{"errors":[{"status":"404","title":"Order not found"}]}`},
		{"title and status without a code", 404, `{"type":"about:blank","title":"Order not found","status":404}`},
		{"details of the wrong type", 429, `{"code":"RATE_LIMITED","details":{"limit":"many"}}`},
		{"details not an object", 400, `{"code":"INVALID_INPUT","details":[1]}`},
		{"spread of the wrong type", 403, `{"code":"OUT_OF_CREDIT","balance":"lots"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e, err := Parse(tt.status, []byte(tt.body)); err == nil || e != nil {
				t.Errorf("Parse(%d, %q) = %v, %v; want an error", tt.status, tt.body, e, err)
			}
		})
	}
}

// FuzzParse feeds hostile bodies to Parse: an error or a catalog error, never
// a panic; and what Parse accepts, MarshalJSON writes back in a form Parse
// reads as the same code.
func FuzzParse(f *testing.F) {
	for _, e := range sampleErrors() {
		body, _ := e.MarshalJSON()
		f.Add(e.Status(), body)
	}
	f.Add(400, []byte(`{"error":"x","code":"INVALID_INPUT","details":{"field":1}}`))
	f.Add(500, []byte(`{"code":"INTERNAL","details":null,"error":{}}`))
	f.Add(403, []byte(`{"code":"OUT_OF_CREDIT","balance":1e400}`))
	f.Add(400, []byte(`{"code":"INVALID_INPUT","details":{"value":{"\u0061":"\ud800"}}}`))
	f.Add(0, []byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`))
	f.Add(429, []byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e, err := Parse(status, body)
		if err != nil {
			if e != nil {
				t.Fatal("Parse returned an error and a value")
			}
			return
		}
		out, err := e.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON of a parsed error: %v", err)
		}
		again, err := Parse(e.Status(), out)
		if err != nil {
			t.Fatalf("Parse(MarshalJSON()) failed: %v\nbody %s", err, out)
		}
		if again.Code() != e.Code() {
			t.Fatalf("round trip changed the code: %s → %s", e.Code(), again.Code())
		}
		rec := httptest.NewRecorder()
		Write(rec, nil, e)
		want := e.Status()
		if e.def.required && e.details == nil {
			want = fallback.Status() // a body lacking required details is not written back
		}
		if rec.Code != want || !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("Write: %d %s", rec.Code, rec.Body)
		}
	})
}
