package fixed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestRPCStatusOf(t *testing.T) {
	s := RPCStatusOf(fmt.Errorf("wrapped: %w", NewRateLimited(10, "1m", 30).WithRequestID("req-1")))
	want := RPCStatus{
		Code: "RESOURCE_EXHAUSTED", Message: "Rate limit of 10 requests per 1m exceeded",
		Reason: "RATE_LIMITED", Domain: "standin.example.com",
		Metadata:   map[string]string{"limit": "10", "window": "1m", "retryAfter": "30"},
		RetryDelay: 30 * time.Second, RequestID: "req-1",
		Links:  []RPCLink{{Description: "Too Many Requests", URL: "https://docs.example.com/errors#rate-limited"}},
		Locale: "en", LocalizedMessage: "Rate limit of 10 requests per 1m exceeded",
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("RPCStatusOf = %+v\nwant %+v", s, want)
	}
	links := RPCStatusOf(ErrOrderNotFound).Links
	if len(links) != 2 || links[1].URL != "https://docs.example.com/orders" || RPCStatusOf(ErrOrderNotFound).Code != "NOT_FOUND" {
		t.Errorf("ORDER_NOT_FOUND links = %+v", links)
	}
}

func TestRPCStatusOfNonCatalog(t *testing.T) {
	for _, err := range []error{errors.New("secret: db password"), NewInvalidInput("x").WithCause(errors.New("secret"))} {
		s := RPCStatusOf(err)
		if s.Code == "INTERNAL" && (s.Reason != "INTERNAL" || s.Message != "An unexpected error occurred") {
			t.Errorf("RPCStatusOf(%v) = %+v", err, s)
		}
	}
	if s := RPCStatusOf(errors.New("secret")); s.Code != "INTERNAL" || s.Reason != "INTERNAL" {
		t.Errorf("plain error: %+v", s)
	}
	if s := RPCStatusOf(fmt.Errorf("x: %w", context.Canceled)); s.Code != "CANCELLED" || s.Reason != "" {
		t.Errorf("canceled: %+v", s)
	}
	if s := RPCStatusOf(context.DeadlineExceeded); s.Code != "DEADLINE_EXCEEDED" {
		t.Errorf("deadline: %+v", s)
	}
	if s := RPCStatusOf(nil); s.Code != "OK" {
		t.Errorf("nil: %+v", s)
	}
}

func TestRPCErrorRoundTrip(t *testing.T) {
	for _, e := range []*Error{
		NewRateLimited(10, "1m", 30).WithRequestID("r"),
		NewWithDetails(InvalidInputDetails{Field: "name", Reasons: []string{"a", "b"}, Rule: InvalidInputRuleTooLong, Value: []byte(`"v"`)}),
		NewWithDetails(InvalidInputDetails{Field: "name", Problems: []InvalidInputProblems{{Field: "name", Kind: InvalidInputProblemsKindMissing,
			Limits: InvalidInputProblemsLimits{Max: 3, Unit: InvalidInputProblemsLimitsUnitItems}}}}),
		NewOutOfCredit(1.5, 3).WithMessage("custom"),
		ErrOrderNotFound, ErrInternal, ErrUnauthorized,
	} {
		got := RPCError(RPCStatusOf(e))
		if !errors.Is(got, e) || got.Message() != e.Message() || got.RequestID() != e.RequestID() || !reflect.DeepEqual(got.Details(), e.Details()) {
			t.Errorf("RPCError(RPCStatusOf(%v)) = %v %#v, want %#v", e, got, got.Details(), e.Details())
		}
	}
}

func TestRPCErrorUnknown(t *testing.T) {
	e := RPCError(RPCStatus{Code: "NOT_FOUND", Reason: "WIDGET_GONE", Domain: "standin.example.com", Message: "no widget"})
	if e.Known() || e.Code() != "WIDGET_GONE" || e.Status() != 404 || e.Message() != "no widget" || e.Definition().GRPCCode != "NOT_FOUND" {
		t.Errorf("unknown = %v known=%v status=%d", e, e.Known(), e.Status())
	}
	if e := RPCError(RPCStatus{Code: "NOT_FOUND", Reason: "ORDER_NOT_FOUND", Domain: "other.example.com"}); e.Known() {
		t.Errorf("another domain's reason is known: %v", e)
	}
	if RPCError(RPCStatus{Code: "INTERNAL"}) != nil {
		t.Error("a status without ErrorInfo gives an error")
	}
	if s := RPCStatusOf(e); s.Reason != "INTERNAL" {
		t.Errorf("an unknown error is sent as %+v, not the fallback", s)
	}
}

// FuzzRPCError: any status a client receives gives an error or nil, never a
// panic: a known reason's error of its code (details left out when the
// metadata does not decode), any other reason's unknown error.
func FuzzRPCError(f *testing.F) {
	f.Add("RATE_LIMITED", "limit", "10", "x")
	f.Add("INVALID_INPUT", "value", `{"a":[1,`, "reasons")
	f.Add("OUT_OF_CREDIT", "balance", "1e999", "cost")
	f.Fuzz(func(t *testing.T, reason, key, value, message string) {
		e := RPCError(RPCStatus{Code: "NOT_FOUND", Reason: reason, Domain: rpcDomain, Message: message,
			Metadata: map[string]string{key: value, "field": value, "limit": value}})
		if e == nil {
			if reason != "" {
				t.Fatalf("reason %q gave nil", reason)
			}
			return
		}
		_, _ = e.Error(), RPCStatusOf(e)
		if def := byReason()[reason]; e.Known() != (def != nil) || def != nil && e.Code() != def.Code {
			t.Fatalf("reason %q gave %v (known %v)", reason, e, e.Known())
		}
	})
}

// A server interceptor's report of the fallback names the RPC as Write's
// names the request: Report.Procedure, and in the default log the
// procedure attribute, logged with the call's context.
func TestRPCStatusForCallReports(t *testing.T) {
	const procedure = "/shop.v1.Orders/Get"
	boom := errors.New("boom")
	got := recordReports(t, func() { RPCStatusForCall(context.Background(), procedure, boom, "") })
	if len(got) != 1 || got[0].Procedure != procedure || got[0].Request != nil || !strings.HasSuffix(got[0].String(), " [/shop.v1.Orders/Get]") {
		t.Errorf("reports %+v, want one naming %s", got, procedure)
	}
	if got := recordReports(t, func() { RPCStatusFor(boom, "") }); len(got) != 1 || got[0].Procedure != "" {
		t.Errorf("RPCStatusFor reported %+v, want one without a procedure", got)
	}

	var buf bytes.Buffer
	seen := &ctxHandler{Handler: slog.NewJSONHandler(&buf, nil)}
	defaultLogger := slog.Default()
	slog.SetDefault(slog.New(seen))
	Configure(Config{})
	t.Cleanup(func() {
		slog.SetDefault(defaultLogger)
		Configure(Config{Reporter: recordReport})
	})
	type key struct{}
	RPCStatusForCall(context.WithValue(context.Background(), key{}, "trace-1"), procedure, boom, "")
	if !strings.Contains(buf.String(), `"procedure":"/shop.v1.Orders/Get"`) || seen.ctx == nil || seen.ctx.Value(key{}) != "trace-1" {
		t.Errorf("default log %s, with a context holding %v", buf.String(), seen.ctx)
	}
}

// ctxHandler is a slog.Handler that keeps the context of the last record.
type ctxHandler struct {
	slog.Handler
	ctx context.Context
}

func (h *ctxHandler) Handle(ctx context.Context, r slog.Record) error {
	h.ctx = ctx
	return h.Handler.Handle(ctx, r)
}

// Once a call's context is done (the client went away, or its deadline
// passed), an error no catalog error is nor wraps is that context's end as
// the handler saw it (a stream's Send failing with the transport's own
// CANCELLED status, a driver's "query canceled"), not a server fault: the
// status is the context's code, and the report is at debug level, as Write
// reports a request whose context is done. A catalog error is still sent as
// it is; so is any error while the context lives.
func TestRPCStatusForCallContextDone(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel := context.WithDeadline(context.Background(), time.Unix(1, 0))
	defer cancel()
	foreign := errors.New("rpc error: code = Canceled desc = context canceled")
	for _, tc := range []struct {
		name  string
		ctx   context.Context
		err   error
		code  string
		level slog.Level
		fall  bool
	}{
		{"canceled foreign", canceled, foreign, "CANCELLED", slog.LevelDebug, false},
		{"expired foreign", expired, foreign, "DEADLINE_EXCEEDED", slog.LevelDebug, false},
		{"canceled catalog", canceled, NewOrderNotFound(), "NOT_FOUND", 0, false},
		{"live foreign", context.Background(), foreign, "INTERNAL", slog.LevelError, true},
	} {
		var s RPCStatus
		got := recordReports(t, func() { s = RPCStatusForCall(tc.ctx, "/shop.v1.Orders/Watch", tc.err, "") })
		if s.Code != tc.code || s.Fallback != tc.fall || tc.code == "CANCELLED" && s.Reason != "" {
			t.Errorf("%s: status %+v, want code %s, fallback %v", tc.name, s, tc.code, tc.fall)
		}
		if tc.level == 0 && len(got) != 0 || tc.level != 0 && (len(got) != 1 || got[0].Level != tc.level || got[0].Err != tc.err || got[0].Procedure != "/shop.v1.Orders/Watch") {
			t.Errorf("%s: reports %+v, want one at %v", tc.name, got, tc.level)
		}
	}
}

// An any detail comes back as the JSON value it held, a string included
// whose text reads as JSON ("123", "true", "null", "[1]"): sent as it is,
// such a string would read back as a number, a boolean, null or an array,
// so it is sent as its JSON text, which an older client reads right too;
// any other string is sent as it is, as a string detail's always is.
func TestRPCAnyDetailRoundTrip(t *testing.T) {
	for _, tc := range []struct{ value, metadata string }{
		{`"123"`, `"123"`},
		{`"true"`, `"true"`},
		{`"null"`, `"null"`},
		{`"[1]"`, `"[1]"`},
		{`"\"q\""`, `"\"q\""`},
		{`" 7 "`, `" 7 "`},
		{`"abc"`, `abc`},
		{`"12 monkeys"`, `12 monkeys`},
		{`""`, ``},
		{`123`, `123`},
		{`true`, `true`},
		{`{"a":"1"}`, `{"a":"1"}`},
	} {
		e := NewWithDetails(InvalidInputDetails{Field: "123", Value: json.RawMessage(tc.value)})
		s := RPCStatusOf(e)
		if got := s.Metadata["value"]; got != tc.metadata || s.Metadata["field"] != "123" {
			t.Errorf("value %s: metadata %q, field %q; want %q, \"123\"", tc.value, got, s.Metadata["field"], tc.metadata)
		}
		d, ok := DetailsAs[InvalidInputDetails](RPCError(s))
		if !ok || string(d.Value) != tc.value || d.Field != "123" {
			t.Errorf("value %s: read back %s, field %q (%v)", tc.value, d.Value, d.Field, ok)
		}
	}
}
