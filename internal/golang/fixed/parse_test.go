package fixed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http/httptest"
	"reflect"
	"strings"
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
		NewWithDetails(InvalidInputDetails{Field: "tags", Reasons: []string{"a", "<>"},
			FieldErrors: map[string]string{"b": "c"}, Value: json.RawMessage(`{"x":[1,true,null]}`)}),
		ErrRateLimited,
		NewRateLimited(100, "1m", 23),
		NewRateLimited(0, "", 0).WithMessage(""),
		ErrOrderNotFound,
		ErrOrderNotFound.WithInstance("/orders/7"),
		ErrOrderNotFound.WithMessage("Order 7 is gone"),
		ErrOutOfCredit,
		NewOutOfCredit(30.5, 50),
		NewWithDetails(OutOfCreditDetails{Balance: -1e-7, Cost: math.MaxInt, Currency: "€", Overdraft: true}).WithInstance("/o/1"),
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
		want := e.Code() // sentinels lacking required details too: they keep their code
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
		{"a problem error in a flat body is read as flat", 404, `{"error":"x","code":"ORDER_NOT_FOUND"}`,
			CodeOrderNotFound, "x", nil},
		{"a flat error in a problem body is read as problem", 401, `{"type":"about:blank","title":"Unauthorized","status":401,"code":"UNAUTHORIZED","detail":"Token expired"}`,
			CodeUnauthorized, "Token expired", nil},
		{"on a tie, the envelope of the error named", 403, `{"code":"OUT_OF_CREDIT","balance":2,"cost":3}`,
			CodeOutOfCredit, "Your current balance is 2, but that costs 3.", OutOfCreditDetails{Balance: 2, Cost: 3}},
		{"null details are absent details, as a sentinel's", 429, `{"code":"RATE_LIMITED","details":null}`,
			CodeRateLimited, "", nil},
		{"null details with a message", 400, `{"error":"Bad","code":"INVALID_INPUT","details":null}`,
			CodeInvalidInput, "Bad", nil},
		{"null details after details, the last member", 429, `{"code":"RATE_LIMITED","details":{"limit":1,"window":"1s","retryAfter":2},"details":null}`,
			CodeRateLimited, "", nil},
		{"null details do not read a problem body as flat", 403, `{"code":"OUT_OF_CREDIT","balance":2,"cost":3,"details":null}`,
			CodeOutOfCredit, "Your current balance is 2, but that costs 3.", OutOfCreditDetails{Balance: 2, Cost: 3}},
		{"a problem body's extension member is no detail", 403, `{"code":"OUT_OF_CREDIT","traceId":"abc"}`,
			CodeOutOfCredit, "", nil},
		{"a null details member beside a problem body's code is no detail", 403, `{"details":null,"code":"OUT_OF_CREDIT"}`,
			CodeOutOfCredit, "", nil},
		{"a details object of unknown members is none, as an empty one", 429, `{"code":"RATE_LIMITED","details":{"extra":1}}`,
			CodeRateLimited, "", nil},
		{"a details object of null members is none, as an empty one", 429, `{"code":"RATE_LIMITED","details":{"limit":null}}`,
			CodeRateLimited, "", nil},
		{"a details object of every detail null is none", 429, `{"code":"RATE_LIMITED","details":{"limit":null,"Window":null,"retryAfter":null,"extra":1}}`,
			CodeRateLimited, "", nil},
		{"a problem body's null details are none", 403, `{"code":"OUT_OF_CREDIT","balance":null,"cost":null}`,
			CodeOutOfCredit, "", nil},
		{"a null detail after the same detail keeps it, as encoding/json does", 429, `{"code":"RATE_LIMITED","details":{"limit":5,"limit":null}}`,
			CodeRateLimited, "Rate limit of 5 requests per  exceeded", RateLimitedDetails{Limit: 5}},
		{"a null required detail beside others is left out, as an absent one", 403, `{"code":"OUT_OF_CREDIT","balance":null,"cost":3}`,
			CodeOutOfCredit, "Your current balance is , but that costs 3.", OutOfCreditDetails{Cost: 3}},
		{"details matched as encoding/json matches them", 429, `{"code":"RATE_LIMITED","details":{"LIMIT":5,"window":null,"\u0072etryAfter":1}}`,
			CodeRateLimited, "Rate limit of 5 requests per  exceeded", RateLimitedDetails{Limit: 5, RetryAfter: 1}},
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
		kind   ParseErrorKind
		detail string
	}{
		{"empty", 500, ``, ParseNotJSON, ""},
		{"HTML", 502, `<html><body>Bad Gateway</body></html>`, ParseNotJSON, ""},
		{"truncated", 404, `{"error":"x","code":"INTERNAL"`, ParseNotJSON, ""},
		{"trailing garbage", 500, "{\"code\":\"INTERNAL\"}x", ParseNotJSON, ""},
		{"null", 500, `null`, ParseNotEnvelope, ""},
		{"number", 500, `500`, ParseNotEnvelope, ""},
		{"string", 500, `"INTERNAL"`, ParseNotEnvelope, ""},
		{"array", 500, `[{"code":"INTERNAL"}]`, ParseNotEnvelope, ""},
		{"code is not a string", 500, `{"code":500}`, ParseNotEnvelope, ""},
		{"code is empty", 500, `{"error":"Boom","code":""}`, ParseNotEnvelope, ""},
		{"code is empty, nothing else", 500, `{"code":""}`, ParseNotEnvelope, ""},
		{"another envelope", 404, `{"errors":[{"status":"404","title":"Order not found"}]}`, ParseNotEnvelope, ""},
		{"title and status without a code", 404, `{"type":"about:blank","title":"Order not found","status":404}`, ParseNotEnvelope, ""},
		{"details of the wrong type", 429, `{"code":"RATE_LIMITED","details":{"limit":"many"}}`, ParseBadDetail, "limit"},
		{"integer that is not one", 429, `{"code":"RATE_LIMITED","details":{"retryAfter":1.5}}`, ParseBadDetail, "retryAfter"},
		{"list of the wrong type", 400, `{"code":"INVALID_INPUT","details":{"field":"a","reasons":[1]}}`, ParseBadDetail, "reasons"},
		{"details not an object", 400, `{"code":"INVALID_INPUT","details":[1]}`, ParseBadDetail, ""},
		{"spread of the wrong type", 403, `{"code":"OUT_OF_CREDIT","balance":"lots"}`, ParseBadDetail, "balance"},
		{"number out of range", 403, `{"code":"OUT_OF_CREDIT","balance":1e400}`, ParseBadDetail, "balance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Parse(tt.status, []byte(tt.body))
			var pe *ParseError
			if e != nil || !errors.As(err, &pe) {
				t.Fatalf("Parse(%d, %q) = %v, %v; want a *ParseError", tt.status, tt.body, e, err)
			}
			if pe.Kind != tt.kind || pe.Detail != tt.detail {
				t.Errorf("kind %d, detail %q; want %d, %q (%v)", pe.Kind, pe.Detail, tt.kind, tt.detail, err)
			}
			if (tt.kind == ParseBadDetail) != (pe.Code != "") || (tt.kind == ParseNotEnvelope) != (pe.Err == nil) {
				t.Errorf("code %q, Err %v", pe.Code, pe.Err)
			}
			prefix := fmt.Sprintf("parse error response (status %d): ", tt.status)
			if !strings.HasPrefix(err.Error(), prefix) || tt.detail != "" && !strings.Contains(err.Error(), `"`+tt.detail+`"`) {
				t.Errorf("Error() = %q, want it to start %q", err, prefix)
			}
		})
	}
}

// TestParseErrorText: what a client logs in place of the API's error says
// the status, and an empty body is called empty, not encoding/json's
// "unexpected end of JSON input", which reads as a body cut short.
func TestParseErrorText(t *testing.T) {
	tests := []struct {
		status int
		body   string
		want   string
	}{
		{502, ``, "parse error response (status 502): body is empty"},
		{503, " \r\n", "parse error response (status 503): body is empty"},
		{500, `{"code":`, "parse error response (status 500): body is not JSON: unexpected end of JSON input"},
		{502, `<html>`, "parse error response (status 502): body is not JSON: invalid character '<' looking for beginning of value"},
		{0, ``, "parse error response: body is empty"},
		{404, `[1]`, "parse error response (status 404): body is not in an error envelope of this API"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.status, []byte(tt.body))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%d, %q) error = %v, want %s", tt.status, tt.body, err, tt.want)
		}
	}
}

// TestParseUnknown: a body in one of the envelopes with a code the catalog does
// not define is an error all the same, which Write never sends.
func TestParseUnknown(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		body    string
		code    Code
		title   string
		message string
	}{
		{"flat", 404, `{"error":"No such widget","code":"WIDGET_NOT_FOUND","details":{"id":7}}`, "WIDGET_NOT_FOUND", "", "No such widget"},
		{"code in the wrong case", 500, `{"code":"internal"}`, "internal", "", ""},
		{"problem, read in its own envelope", 409, `{"type":"about:blank","title":"Conflict","status":409,"detail":"Version 3 is stale","code":"STALE","version":3}`,
			"STALE", "Conflict", "Version 3 is stale"},
		{"escaped", 418, `{"error":"\u00e9t\u00e9","code":"T\u00c9A"}`, "TÉA", "", "été"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Parse(tt.status, []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if e.Known() || e.Code() != tt.code || e.Status() != tt.status || e.Title() != tt.title || e.Message() != tt.message || e.Details() != nil {
				t.Errorf("Parse = known %v, %q %d %q %q %v", e.Known(), e.Code(), e.Status(), e.Title(), e.Message(), e.Details())
			}
			if _, ok := Lookup(e.Code()); ok {
				t.Error("Lookup knows the code")
			}
			if d := e.Definition(); d != (Definition{Code: tt.code, Status: tt.status, Title: tt.title}) {
				t.Errorf("Definition() = %+v", d)
			}
			again, _ := Parse(tt.status, []byte(tt.body))
			if !errors.Is(again, e) || errors.Is(e, ErrInternal) || errors.Is(ErrInternal, e) {
				t.Error("errors.Is does not match unknown errors by code")
			}
			rec := httptest.NewRecorder()
			Write(rec, nil, e.WithMessage("still not documented"))
			want, _ := fallback.MarshalJSON()
			if rec.Code != fallback.Status() || rec.Body.String() != string(want) {
				t.Errorf("Write sent %d %s, want the fallback", rec.Code, rec.Body)
			}
			if got, err := e.MarshalJSON(); err != nil || string(got) != string(want) {
				t.Errorf("MarshalJSON = %s, %v; want the fallback", got, err)
			}
		})
	}
}

// TestParseStatus: Status is the response's, whatever the catalog says; Write
// still sends the catalog's.
func TestParseStatus(t *testing.T) {
	body, _ := NewRateLimited(1, "1s", 2).MarshalJSON()
	e, err := Parse(503, body)
	if err != nil {
		t.Fatal(err)
	}
	if e.Status() != 503 || e.Definition().Status != 429 || !e.Known() {
		t.Errorf("Status() %d, Definition().Status %d, Known %v", e.Status(), e.Definition().Status, e.Known())
	}
	if e.WithRequestID("r").Status() != 503 {
		t.Error("a copy lost the status")
	}
	rec := httptest.NewRecorder()
	Write(rec, nil, e)
	if rec.Code != 429 || rec.Body.String() != string(body) {
		t.Errorf("Write: %d %s", rec.Code, rec.Body)
	}
}

// TestDecodeDetailsAllocations: the scalar details of a body are decoded
// without encoding/json and its allocations.
func TestDecodeDetailsAllocations(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		if _, err := Parse(429, rateLimitedBody); err != nil {
			t.Fatal(err)
		}
	})
	// The *Error, the details (new and boxed), the window string, the message.
	if n > 5 {
		t.Errorf("Parse allocates %v times, want at most 5", n)
	}
}

// TestNamedMemberNoDetailTakes: a member an envelope fills from one detail
// by name (nested's "param": $details.param) that the body's error has no
// detail of is no details, as an extension member beside a spread is: an
// error with required details gets none, not the zero details (a
// rate_limited body carrying "param" read as retry_after 0).
func TestNamedMemberNoDetailTakes(t *testing.T) {
	loadDefinitions()
	env := &envelope{fields: []envelopeField{{ref: "details", arg: "param", path: []string{"param"}}, {ref: "details", arg: "retryAfter", path: []string{"retryAfter"}}}}
	tests := []struct {
		name, body string
		want       any
	}{
		{"no member", `{}`, nil},
		{"a member of another error's detail", `{"param":"x"}`, nil},
		{"a member of one of its details", `{"retryAfter":3}`, &RateLimitedDetails{RetryAfter: 3}},
		{"both", `{"param":"x","retryAfter":3}`, &RateLimitedDetails{RetryAfter: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &reading{env: env, body: []byte(tt.body), named: tt.body != `{}`}
			got, err := r.decodeDetails(ErrRateLimited.def, nil, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("details %#v, want %#v", got, tt.want)
			}
		})
	}
}
