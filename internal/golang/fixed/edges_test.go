package fixed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// TestNilAndZeroInputs pins what each exported function does with a nil or
// zero input: an answer its godoc states, or a panic only where the
// standard library panics too (a nil ResponseWriter, as http.Error; a nil
// handler, as http.Handle; a nil target, errors.As's own). Before:
// ParseResponse(nil) panicked on a nil pointer; a wrapped nil *Error went
// to Config.Map and was reported as "not a catalog error"; Handler(nil)
// and Strict(nil) returned what panicked on first use, inside a request
// or a Write.
func TestNilAndZeroInputs(t *testing.T) {
	var typedNil *Error
	wrappedNil := fmt.Errorf("load order: %w", typedNil)
	mapAll := func(error) *Error { return ErrOrderNotFound }
	tests := []struct {
		name string
		do   func() string
		want string
	}{
		{"ParseResponse(nil), client.Do's response when the request failed",
			func() string { return parseOutcome(ParseResponse(nil)) },
			"ParseNoResponse, retryable false: parse error response: no response (a nil *http.Response: the request failed)"},
		{"ParseResponse of a response without Header or Body",
			func() string { return parseOutcome(ParseResponse(&http.Response{StatusCode: 502})) },
			"ParseNotJSON, retryable true: parse error response (status 502): body is empty"},
		{"Parse of a nil body", func() string { return parseOutcome(Parse(500, nil)) },
			"ParseNotJSON, retryable false: parse error response (status 500): body is empty"},
		{"Parse of an empty body", func() string { return parseOutcome(Parse(500, []byte{})) },
			"ParseNotJSON, retryable false: parse error response (status 500): body is empty"},
		{"Write to a nil ResponseWriter panics, as http.Error does",
			func() string { Write(nil, nil, ErrOrderNotFound); return "returned" },
			"panic: runtime error: invalid memory address or nil pointer dereference"},
		{"Write for no request", func() string { return writeOutcome(t, ErrOrderNotFound, nil) },
			"404 ORDER_NOT_FOUND, no request id; reported []"},
		{"Write of a nil error", func() string { return writeOutcome(t, nil, nil) },
			"500 INTERNAL, no request id; reported [nil error: sent the fallback]"},
		{"Write of a nil *Error", func() string { return writeOutcome(t, typedNil, nil) },
			"500 INTERNAL, no request id; reported [nil *Error: sent the fallback]"},
		{"Write of an error wrapping a nil *Error", func() string { return writeOutcome(t, wrappedNil, nil) },
			"500 INTERNAL, no request id; reported [nil *Error: sent the fallback: load order: <nil>]"},
		{"Write of an error wrapping a nil *Error, which Config.Map is not given", func() string { return writeOutcome(t, wrappedNil, mapAll) },
			"500 INTERNAL, no request id; reported [nil *Error: sent the fallback: load order: <nil>]"},
		{"Write of a foreign error, which Config.Map is given", func() string { return writeOutcome(t, errors.New("no rows"), mapAll) },
			"404 ORDER_NOT_FOUND, no request id; reported []"},
		{"Write of a zero Error", func() string { return writeOutcome(t, &Error{}, nil) },
			"500 INTERNAL, no request id; reported [not a catalog error: sent the fallback: error of no code]"},
		{"Handler(nil) panics, as http.Handle does", func() string { Handler(nil); return "returned" },
			"panic: Handler: nil handler function"},
		{"Strict(nil) panics", func() string { Strict(nil); return "returned" },
			"panic: Strict: nil fail function"},
		{"errors.As into a nil target panics: errors.As's check", func() string { return fmt.Sprint(errors.As(ErrInternal, (**Error)(nil))) },
			"panic: errors: target must be a non-nil pointer"},
		{"errors.As of a nil *Error finds it", func() string {
			var e *Error
			ok := errors.As(wrappedNil, &e)
			return fmt.Sprintf("%v %v %q", ok, e == nil, e.Code())
		}, `true true ""`},
		{"DetailsAs of nil", func() string { _, ok := DetailsAs[RateLimitedDetails](nil); return fmt.Sprint(ok) }, "false"},
		{"NewWithDetails(nil)", func() string { return NewWithDetails[any](nil).Error() }, "INTERNAL: An unexpected error occurred"},
		{"RPCError of the zero RPCStatus", func() string { return fmt.Sprint(RPCError(RPCStatus{}) == nil) }, "true"},
		{"RPCStatusOf(nil)", func() string { return RPCStatusOf(nil).Code }, "OK"},
		{"RPCStatusForCall with no header", func() string {
			var s RPCStatus
			got := recordReports(t, func() { s = RPCStatusForCall(context.Background(), "", errors.New("x"), nil) })
			return fmt.Sprintf("%s, request id %v; reported %s", s.Code, s.RequestID != "", problems(got))
		}, "INTERNAL, request id true; reported [not a catalog error: sent the fallback: x]"},
		{"RPCPanic of a nil value, with no header", func() string {
			var s RPCStatus
			recordReports(t, func() { s = RPCPanic(context.Background(), "", nil, nil) })
			return fmt.Sprintf("%s fallback %v", s.Code, s.Fallback)
		}, "INTERNAL fallback true"},
		{"the zero ParseError", func() string { return (&ParseError{}).Error() }, "parse error response: kind 0"},
		{"the zero Report", func() string { return fmt.Sprintf("%q", Report{}.String()) }, `""`},
		{"RPCStatusOf of an error wrapping a nil *Error", func() string {
			var code string
			got := recordReports(t, func() { code = RPCStatusOf(wrappedNil).Code })
			return code + "; reported " + problems(got)
		}, "INTERNAL; reported [nil *Error: sent the fallback: load order: <nil>]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := outcome(tt.do); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// outcome is what do returns, or "panic: " and what it panicked with.
func outcome(do func() string) (got string) {
	defer func() {
		if p := recover(); p != nil {
			got = fmt.Sprint("panic: ", p)
		}
	}()
	return do()
}

// parseOutcome describes what Parse or ParseResponse returned.
func parseOutcome(e *Error, err error) string {
	var pe *ParseError
	if !errors.As(err, &pe) {
		return fmt.Sprintf("%v, %v", e, err)
	}
	return fmt.Sprintf("%v, retryable %v: %v", pe.Kind, pe.Retryable(), err)
}

// writeOutcome writes err for no request (nil: no id to take, no language
// to negotiate) with Config.Map m, and describes the response (its code, as
// Parse reads it, and whether it has a request id) and the reports' problems.
func writeOutcome(t *testing.T, err error, m func(error) *Error) string {
	Configure(Config{Reporter: recordReport, Map: m})
	defer Configure(Config{Reporter: recordReport})
	rec := httptest.NewRecorder()
	got := recordReports(t, func() { Write(rec, nil, err) })
	e, perr := Parse(rec.Code, rec.Body.Bytes())
	if perr != nil {
		return "unreadable: " + perr.Error()
	}
	s := fmt.Sprintf("%d %s", rec.Code, e.Code())
	if rec.Header().Get("X-Request-Id") == "" {
		s += ", no request id"
	}
	return s + "; reported " + problems(got)
}

// problems lists the reports' problems, each cut at its parenthesis, with
// the text of the error reported.
func problems(reports []Report) string {
	var list []string
	for _, r := range reports {
		p, _, _ := strings.Cut(r.Problem, " (")
		if r.Err != nil {
			text, _, _ := strings.Cut(r.Err.Error(), " (")
			p += ": " + text
		}
		list = append(list, p)
	}
	return "[" + strings.Join(list, "; ") + "]"
}

// TestNilParseErrorMethods: a nil *ParseError in an error (Go's typed nil)
// answers every method as a zero ParseError does, but Error, which says
// "<nil>" as a nil *Error's does, rather than panicking inside errors.Is,
// errors.As or a logger; before, every one panicked.
func TestNilParseErrorMethods(t *testing.T) {
	typ := reflect.TypeFor[*ParseError]()
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		t.Run(m.Name, func(t *testing.T) {
			call := func(e *ParseError) string {
				var out []any
				for _, v := range m.Func.Call([]reflect.Value{reflect.ValueOf(e)}) {
					out = append(out, v.Interface())
				}
				return fmt.Sprint(out...)
			}
			got := outcome(func() string { return call(nil) })
			want := call(&ParseError{})
			if m.Name == "Error" {
				want = "<nil>"
			}
			if got != want {
				t.Errorf("(*ParseError)(nil).%s() = %s, want %s", m.Name, got, want)
			}
		})
	}
	var err error = (*ParseError)(nil)
	if outcome(func() string { return fmt.Sprint(errors.Is(err, io.EOF)) }) != "false" {
		t.Error("errors.Is of a nil *ParseError: not false")
	}
}
