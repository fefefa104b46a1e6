package fixed

import (
	"reflect"
	"testing"
)

// The objects of the stand-in's grpc: bad_request detail (problems) are the
// status's field violations: their field and message. None without them, or
// when the detail is left out.
func TestRPCFieldViolations(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want []RPCFieldViolation
	}{
		{"each object", NewWithDetails(InvalidInputDetails{Field: "f", Problems: []InvalidInputProblems{
			{Field: "title", Message: "is too long", Kind: "invalid"}, {Field: "tags"}}}),
			[]RPCFieldViolation{{Field: "title", Description: "is too long"}, {Field: "tags"}}},
		{"an object whose enum field is left out is still one", NewWithDetails(InvalidInputDetails{Field: "f", Problems: []InvalidInputProblems{
			{Field: "title", Kind: "bogus"}}}),
			[]RPCFieldViolation{{Field: "title"}}},
		{"no objects", NewWithDetails(InvalidInputDetails{Field: "f", Problems: []InvalidInputProblems{}}), nil},
		{"no detail", NewInvalidInput("f"), nil},
		{"a sentinel", ErrInvalidInput, nil},
		{"an error without such a detail", NewRateLimited(1, "1s", 1), nil},
	}
	for _, tt := range tests {
		if got := RPCStatusOf(tt.err).FieldViolations; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: FieldViolations = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// A client makes the bad_request detail of the field violations when
// ErrorInfo's metadata lacks it (a server not built with errgen), and takes
// the metadata's when it has it.
func TestRPCErrorFromViolations(t *testing.T) {
	violations := []RPCFieldViolation{{Field: "title", Description: `is "too" long`}, {Field: "tags"}}
	s := RPCStatus{Code: "INVALID_ARGUMENT", Reason: "INVALID_INPUT", Domain: rpcDomain, Metadata: map[string]string{"field": "title"},
		FieldViolations: violations}
	d, ok := DetailsAs[InvalidInputDetails](RPCError(s))
	want := []InvalidInputProblems{{Field: "title", Message: `is "too" long`}, {Field: "tags"}}
	if !ok || d.Field != "title" || !reflect.DeepEqual(d.Problems, want) {
		t.Errorf("from the violations: %+v", d)
	}
	if s.Metadata["problems"] != "" {
		t.Errorf("the status's metadata changed: %v", s.Metadata)
	}
	s.Metadata = nil
	if d, ok := DetailsAs[InvalidInputDetails](RPCError(s)); !ok || !reflect.DeepEqual(d.Problems, want) {
		t.Errorf("without metadata: %+v", d)
	}
	s.Metadata = map[string]string{"problems": `[{"field":"a","message":"m","kind":"missing"}]`}
	d, _ = DetailsAs[InvalidInputDetails](RPCError(s))
	if want := []InvalidInputProblems{{Field: "a", Message: "m", Kind: "missing"}}; !reflect.DeepEqual(d.Problems, want) {
		t.Errorf("the metadata's detail: %+v, want %+v", d.Problems, want)
	}
	// Another error's status ignores them.
	if d, _ := DetailsAs[RateLimitedDetails](RPCError(RPCStatus{Code: "RESOURCE_EXHAUSTED", Reason: "RATE_LIMITED", Domain: rpcDomain, FieldViolations: violations})); d.Limit != 0 {
		t.Errorf("RATE_LIMITED: %+v", d)
	}
}
