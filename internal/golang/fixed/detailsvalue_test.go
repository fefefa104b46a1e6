package fixed

// Constructors pass their details by value, which the error keeps as the
// call boxed them: a pointer to them, &<Name>Details{…}, is the plain path,
// which cost each of a catalog's constructors an allocation and a write
// barrier of its own to compile. These tests hold the two to one error.

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// TestConstructorsKeepDetailsValue: an error a constructor or
// NewWithDetails builds holds its details as the value it was given,
// without a pointer of its own, unless it had to change them.
func TestConstructorsKeepDetailsValue(t *testing.T) {
	for _, tt := range []struct {
		name    string
		err     *Error
		pointer bool // the error changed its details: a copy behind a pointer
	}{
		{"constructor", NewRateLimited(100, "1m", 23), false},
		{"constructor of a float", NewOutOfCredit(1.5, 2), false},
		{"NewWithDetails", NewWithDetails(RateLimitedDetails{Limit: 1}), false},
		{"details that may hold slices: copied", NewWithDetails(InvalidInputDetails{Field: "a"}), true},
		{"a detail left out", NewOutOfCredit(math.NaN(), 2), true},
	} {
		kind := reflect.TypeOf(tt.err.details).Kind()
		if got := kind == reflect.Pointer; got != tt.pointer {
			t.Errorf("%s: the error holds its details as a %v", tt.name, kind)
		}
	}
}

// detailsForms are details of every shape the stand-in has, each built
// from a value and from a pointer to it, the plain path.
var detailsForms = []any{
	RateLimitedDetails{Limit: 100, Window: "1m", RetryAfter: 23},
	RateLimitedDetails{Limit: 1, RetryAfter: 1000},
	OutOfCreditDetails{Balance: 1.5, Cost: 2, Currency: "EUR", Overdraft: true},
	OutOfCreditDetails{Balance: math.Inf(1), Cost: 2},
	InvalidInputDetails{Field: "title"},
	InvalidInputDetails{Field: "title", Rule: InvalidInputRuleFormat},
	InvalidInputDetails{Field: "title", Rule: "no such rule"},
	InvalidInputDetails{Reasons: []string{"a", "b"}, FieldErrors: map[string]string{"a": "<"}, Value: json.RawMessage(`{"x": 1}`)},
	InvalidInputDetails{Value: json.RawMessage(`{"x": `)},
}

// errorOfForm builds the error of d's type from d, or from a pointer to a
// copy of d, as constructors built errors before.
func errorOfForm(t *testing.T, d any, pointer bool) *Error {
	t.Helper()
	loadDefinitions()
	def := index().byType[reflect.TypeOf(d)]
	if def == nil {
		t.Fatalf("%T is the details type of no error", d)
	}
	if !pointer {
		return buildError(def, d, true)
	}
	c := reflect.New(reflect.TypeOf(d))
	c.Elem().Set(reflect.ValueOf(d))
	return buildError(def, c.Interface(), true)
}

// TestDetailsValueAgreesWithPointer: an error built from its details'
// value writes, logs, reports and hands out what the one built from a
// pointer to them does (as Parse and RPCError build theirs).
func TestDetailsValueAgreesWithPointer(t *testing.T) {
	for _, d := range detailsForms {
		byValue, byPointer := errorOfForm(t, d, false), errorOfForm(t, d, true)
		for _, c := range []struct {
			what string
			of   func(e *Error) any
		}{
			{"Error", func(e *Error) any { return e.Error() }},
			{"Message", func(e *Error) any { return e.Message() }},
			{"Details", func(e *Error) any { return e.Details() }},
			{"breach", func(e *Error) any { return e.breach() }},
			{"hasDetails", func(e *Error) any { return e.hasDetails() }},
			{"LogValue", func(e *Error) any { return e.LogValue().String() }},
			{"MarshalJSON", func(e *Error) any { b, err := e.MarshalJSON(); return string(b) + "; " + errText(err) }},
			{"Write", func(e *Error) any {
				w := httptest.NewRecorder()
				Write(w, benchRequest, e)
				return w.Result().Header.Clone().Get("Retry-After") + "; " + w.Body.String()
			}},
			{"RetryAfter", func(e *Error) any { d, ok := e.RetryAfter(); return []any{d, ok} }},
			{"DetailsAs", func(e *Error) any {
				switch d.(type) {
				case RateLimitedDetails:
					v, ok := DetailsAs[RateLimitedDetails](e)
					return []any{v, ok}
				case OutOfCreditDetails:
					v, ok := DetailsAs[OutOfCreditDetails](e)
					return []any{v, ok}
				}
				v, ok := DetailsAs[InvalidInputDetails](e)
				return []any{v, ok}
			}},
			// A pointer is no <Name>Details: DetailsAs handed out the
			// error's own, for a caller to change, when it held one.
			{"DetailsAs a pointer", func(e *Error) any {
				switch d.(type) {
				case RateLimitedDetails:
					v, ok := DetailsAs[*RateLimitedDetails](e)
					return []any{v != nil, ok}
				case OutOfCreditDetails:
					v, ok := DetailsAs[*OutOfCreditDetails](e)
					return []any{v != nil, ok}
				}
				v, ok := DetailsAs[*InvalidInputDetails](e)
				return []any{v != nil, ok}
			}},
		} {
			got, want := c.of(byValue), c.of(byPointer)
			if !reflect.DeepEqual(got, want) && !bothNaN(got, want) {
				t.Errorf("%#v: %s\nby value   %#v\nby pointer %#v", d, c.what, got, want)
			}
		}
	}
}

// bothNaN reports whether got and want are details of one type that differ
// only where both hold NaN, which DeepEqual holds unequal to itself.
func bothNaN(got, want any) bool {
	g, ok1 := got.(OutOfCreditDetails)
	w, ok2 := want.(OutOfCreditDetails)
	if !ok1 || !ok2 || !math.IsNaN(g.Balance) || !math.IsNaN(w.Balance) {
		return false
	}
	g.Balance, w.Balance = 0, 0
	return reflect.DeepEqual(g, w)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestDetailsValueUnchangedByCaller: the caller's maps, slices and raw
// JSON, changed after the error is built from a value holding them,
// change neither its body nor its Details.
func TestDetailsValueUnchangedByCaller(t *testing.T) {
	d := InvalidInputDetails{Field: "a", Reasons: []string{"r"}, FieldErrors: map[string]string{"a": "m"}, Value: json.RawMessage(`[1]`)}
	e := NewWithDetails(d)
	before, _ := e.MarshalJSON()
	d.Reasons[0], d.FieldErrors["a"], d.Value[1] = "changed", "changed", '2'
	after, _ := e.MarshalJSON()
	if !bytes.Equal(before, after) {
		t.Errorf("the body changed with the caller's details:\n%s\n%s", before, after)
	}
	if got := e.Details().(InvalidInputDetails); got.Reasons[0] != "r" || got.FieldErrors["a"] != "m" || string(got.Value) != "[1]" {
		t.Errorf("Details changed with the caller's: %#v", got)
	}
}

// BenchmarkDetailsValue builds and writes a 429 from its details' value
// (the shortcut) and from a pointer to them (the plain path), in turn.
func BenchmarkDetailsValue(b *testing.B) {
	loadDefinitions()
	def := index().byType[reflect.TypeFor[RateLimitedDetails]()]
	w := newDiscard()
	benchpair.Run(b, func() {
		for i := range 100 {
			clear(w.h)
			Write(w, benchRequest, buildError(def, RateLimitedDetails{Limit: i, Window: "1m", RetryAfter: 23}, true))
		}
	}, func() {
		for i := range 100 {
			clear(w.h)
			Write(w, benchRequest, buildError(def, &RateLimitedDetails{Limit: i, Window: "1m", RetryAfter: 23}, true))
		}
	}, nil)
}
