package fixed

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"testing"
)

// TestZeroErrorMethods calls every exported method of a zero Error
// (&Error{}, or one json.Unmarshal filled, which reads nothing into it)
// with zero arguments: none may panic, for fmt, slog and errors call them
// on whatever error they are given.
func TestZeroErrorMethods(t *testing.T) {
	typ := reflect.TypeFor[*Error]()
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		t.Run(m.Name, func(t *testing.T) {
			args := []reflect.Value{reflect.ValueOf(&Error{})}
			for j := 1; j < m.Type.NumIn(); j++ {
				args = append(args, reflect.Zero(m.Type.In(j)))
			}
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("(&Error{}).%s panics: %v", m.Name, p)
				}
			}()
			m.Func.Call(args)
		})
	}
}

// TestNilErrorMethods: a nil *Error in an error (a function declared to
// return *Error that returned nil) is an error errors.Is, errors.As, fmt and
// slog call methods on. Each method gives what a zero Error's gives, but
// Error and LogValue, which say "<nil>" as fmt does; before, errors.Is
// panicked, and Write's report logged "LogValue panicked" with a stack.
func TestNilErrorMethods(t *testing.T) {
	typ := reflect.TypeFor[*Error]()
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		t.Run(m.Name, func(t *testing.T) {
			call := func(e *Error) []any {
				args := []reflect.Value{reflect.ValueOf(e)}
				for j := 1; j < m.Type.NumIn(); j++ {
					args = append(args, reflect.Zero(m.Type.In(j)))
				}
				var out []any
				for _, v := range m.Func.Call(args) {
					out = append(out, v.Interface())
				}
				return out
			}
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("(*Error)(nil).%s panics: %v", m.Name, p)
				}
			}()
			got, zero := call(nil), call(&Error{})
			switch m.Name {
			case "Error":
				zero = []any{"<nil>"}
			case "LogValue":
				zero = []any{slog.StringValue("<nil>")}
			}
			if !reflect.DeepEqual(got, zero) {
				t.Errorf("(*Error)(nil).%s = %v, want %v", m.Name, got, zero)
			}
		})
	}
	var err error = (*Error)(nil)
	if errors.Is(err, ErrInternal) {
		t.Error("a nil *Error matches ErrInternal")
	}
	if _, ok := DetailsAs[RateLimitedDetails](err); ok {
		t.Error("a nil *Error holds details")
	}
	if got := fmt.Sprint(err); got != "<nil>" {
		t.Errorf("fmt.Sprint = %q, want <nil>", got)
	}
}

// TestZeroError: a zero Error reads as an error of no code the catalog does
// not define, as Write and MarshalJSON send it (the fallback): before, its
// Error, Code, Status, Title, Known, Retryable, Definition and LogValue
// dereferenced its nil definition, and fmt printed %!v(PANIC=Error method: …).
func TestZeroError(t *testing.T) {
	var fromJSON Error
	//lint:ignore SA9005 a service that decodes a body so reads nothing into the Error: that is the case tested
	if err := json.Unmarshal([]byte(`{"error":"x","code":"INTERNAL"}`), &fromJSON); err != nil {
		t.Fatal(err)
	}
	for name, e := range map[string]*Error{"&Error{}": {}, "json.Unmarshal": &fromJSON} {
		if got, want := fmt.Sprint(e), "error of no code (made neither by a constructor nor by Parse)"; got != want {
			t.Errorf("%s: fmt.Sprint = %q, want %q", name, got, want)
		}
		if e.Code() != "" || e.Status() != 0 || e.Title() != "" || e.Known() || e.Retryable() || e.Definition() != (Definition{}) {
			t.Errorf("%s: Code %q, Status %d, Title %q, Known %v, Retryable %v, Definition %+v: want all zero", name, e.Code(), e.Status(), e.Title(), e.Known(), e.Retryable(), e.Definition())
		}
		if errors.Is(e, ErrInternal) || errors.Is(ErrInternal, e) {
			t.Errorf("%s matches ErrInternal", name)
		}
		if got := fmt.Sprint(e.WithCause(errors.New("disk full"))); got != "disk full" {
			t.Errorf("%s with a cause: %q, want the cause's text", name, got)
		}
		body, err := e.MarshalJSON()
		if want, _ := ErrInternal.MarshalJSON(); err != nil || string(body) != string(want) {
			t.Errorf("%s: MarshalJSON = %s, %v; want the fallback's %s", name, body, err, want)
		}
	}
}
