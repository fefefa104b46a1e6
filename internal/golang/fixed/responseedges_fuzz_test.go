package fixed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// FuzzParseResponseEdges reads responses at their edges through
// ParseResponse: no response, a nil or empty header or one of odd values,
// no body, an empty one or one failing halfway, any status. It never
// panics, returns an error or an *Error, never both, and an error is a
// *ParseError whose methods answer. A body that is a JSON object parses
// with "details": null added (first or last) exactly as without any
// details member: the same error or failure, code, message, details and
// DetailsAs; and so does it with every member of null, at its top or in
// its details object, left out (a detail of null is no detail). Seeds: the
// bodies of TestParse's null-details cases and FuzzParse's.
func FuzzParseResponseEdges(f *testing.F) {
	for _, body := range []string{
		`{"code":"RATE_LIMITED","details":null}`,
		`{"error":"Bad","code":"INVALID_INPUT","details":null}`,
		`{"code":"RATE_LIMITED","details":{"limit":1,"window":"1s","retryAfter":2},"details":null}`,
		`{"code":"RATE_LIMITED","details":{}}`,
		`{"code":"INTERNAL","details":null,"error":{}}`,
		`{"type":"about:blank","title":"Unauthorized","status":401,"code":"UNAUTHORIZED","detail":"Token expired"}`,
		`{"code":"OUT_OF_CREDIT","balance":2,"cost":3}`,
		`{"code":"RATE_LIMITED","details":{"limit":null}}`,
		`{"code":"RATE_LIMITED","details":{"limit":null,"window":"1s","retryAfter":null}}`,
		`{"code":"OUT_OF_CREDIT","balance":null,"cost":null,"request_id":null}`,
		`{"error":"x","code":"INVALID_INPUT","details":{"field":1}}`,
		`<html><body>Bad Gateway</body></html>`,
		``,
		` null `,
	} {
		f.Add(429, uint8(2), "120", uint8(2), []byte(body))
	}
	f.Add(0, uint8(0), "", uint8(0), []byte(nil))
	f.Add(204, uint8(3), "\x00, 5", uint8(1), []byte(`{"code":"RATE_LIMITED"}`))
	f.Add(503, uint8(2), "-1", uint8(3), []byte(`{"code":"RATE_LIMITED","details":null}`))
	f.Fuzz(func(t *testing.T, status int, headerMode uint8, headerValue string, bodyMode uint8, body []byte) {
		checkNoResponse(t)
		e, err := ParseResponse(edgeResponse(status, headerMode, headerValue, bodyMode, body))
		checkParsed(t, e, err)
		checkNullDetailsAbsent(t, status, body)
		checkNullMembersAbsent(t, status, body)
	})
}

// edgeResponse is a response of status whose header is nil, empty, or
// holds value as its Retry-After and request id, plainly or oddly keyed
// (headerMode), and whose body is nil, http.NoBody, body, or body then a
// read error (bodyMode).
func edgeResponse(status int, headerMode uint8, value string, bodyMode uint8, body []byte) *http.Response {
	resp := &http.Response{StatusCode: status}
	switch headerMode % 4 {
	case 1:
		resp.Header = http.Header{}
	case 2:
		resp.Header = http.Header{"Retry-After": {value}, requestIDHeader: {value}}
	case 3:
		resp.Header = http.Header{"retry-after": {value}, "Retry-After": {}, requestIDHeader: {"", value, value}}
	}
	switch bodyMode % 4 {
	case 1:
		resp.Body = http.NoBody
	case 2:
		resp.Body = io.NopCloser(bytes.NewReader(body))
	case 3:
		resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), failingReader{}))
	}
	return resp
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

// checkNoResponse: ParseResponse(nil) fails with ParseNoResponse, and a
// nil *ParseError answers as a zero one, but Error, "<nil>".
func checkNoResponse(t *testing.T) {
	e, err := ParseResponse(nil)
	var pe *ParseError
	if e != nil || !errors.As(err, &pe) || pe.Kind != ParseNoResponse {
		t.Fatalf("ParseResponse(nil) = %v, %#v", e, err)
	}
	var none *ParseError
	if got, want := parseErrorAnswers(none), parseErrorAnswers(&ParseError{}); got != strings.Replace(want, "Error "+(&ParseError{}).Error(), "Error <nil>", 1) {
		t.Fatalf("a nil *ParseError answers %s, a zero one %s", got, want)
	}
}

// parseErrorAnswers calls each of a *ParseError's methods.
func parseErrorAnswers(pe *ParseError) string {
	d, ok := pe.RetryAfter()
	return fmt.Sprintf("Error %s|Unwrap %v|Retryable %v|RequestID %q|RetryAfter %v %v", pe.Error(), pe.Unwrap(), pe.Retryable(), pe.RequestID(), d, ok)
}

// checkParsed: one of e and err, err a *ParseError of a known kind, and
// the methods of either answer.
func checkParsed(t *testing.T, e *Error, err error) {
	var pe *ParseError
	switch {
	case (e == nil) == (err == nil):
		t.Fatalf("ParseResponse = %v, %v: want one of them", e, err)
	case err != nil && (!errors.As(err, &pe) || pe.Kind < ParseNotJSON || pe.Kind > ParseNoResponse):
		t.Fatalf("ParseResponse failed with %#v", err)
	case err != nil:
		_ = parseErrorAnswers(pe)
	default:
		_, _ = e.MarshalJSON()
		_ = fmt.Sprint(e.Error(), e.Code(), e.Status(), e.Message(), e.Details(), e.RequestID(), e.Known())
	}
}

// checkNullDetailsAbsent: body, a JSON object without its details members
// (any case), parses as it does with "details": null first or last.
func checkNullDetailsAbsent(t *testing.T, status int, body []byte) {
	var members map[string]json.RawMessage
	if json.Unmarshal(body, &members) != nil || members == nil {
		return
	}
	for name := range members {
		if strings.EqualFold(name, "details") {
			delete(members, name)
		}
	}
	without, err := json.Marshal(members)
	if err != nil {
		t.Fatal(err)
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(string(without), "{"), "}")
	sep := map[bool]string{true: "", false: ","}[inner == ""]
	want := parsedAs(Parse(status, without))
	for _, with := range []string{`{"details":null` + sep + inner + `}`, `{` + inner + sep + `"details":null}`} {
		if got := parsedAs(Parse(status, []byte(with))); got != want {
			t.Fatalf("%s parses as\n%s\nbut %s as\n%s", with, got, without, want)
		}
	}
}

// checkNullMembersAbsent: body, a JSON object, parses as it does with its
// members of null left out, at its top and in its details object. Both
// bodies are encoding/json's reading of body written again, the last of
// duplicate keys kept, so that only the nulls differ.
func checkNullMembersAbsent(t *testing.T, status int, body []byte) {
	var members map[string]json.RawMessage
	if json.Unmarshal(body, &members) != nil || members == nil {
		return
	}
	var details map[string]json.RawMessage
	if json.Unmarshal(members["details"], &details) == nil && details != nil {
		members["details"] = mustMarshal(t, details)
	}
	with := mustMarshal(t, members)
	for name, val := range details {
		if string(val) == "null" {
			delete(details, name)
		}
	}
	if details != nil {
		members["details"] = mustMarshal(t, details)
	}
	for name, val := range members {
		if string(val) == "null" {
			delete(members, name)
		}
	}
	without := mustMarshal(t, members)
	if got, want := parsedAs(Parse(status, with)), parsedAs(Parse(status, without)); got != want {
		t.Fatalf("%s parses as\n%s\nbut %s as\n%s", with, got, without, want)
	}
}

// parsedAs is what a client reads of Parse's result: the failure's kind,
// or the code, message, details and each DetailsAs.
func parsedAs(e *Error, err error) string {
	if err != nil {
		var pe *ParseError
		errors.As(err, &pe)
		return fmt.Sprintf("failed: %v", pe.Kind)
	}
	details := reflect.ValueOf(e.Details())
	as := func(d any, ok bool) string { return fmt.Sprintf("%#v %v", d, ok) }
	return fmt.Sprintf("code %s known %v message %q details %v %#v\nas %s\nas %s\nas %s", e.Code(), e.Known(), e.Message(), details.Kind(), e.Details(),
		as(DetailsAs[InvalidInputDetails](e)), as(DetailsAs[RateLimitedDetails](e)), as(DetailsAs[OutOfCreditDetails](e)))
}
