package fixed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"reflect"
	"strconv"
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
		Header:          http.Header{"Retry-After": {"30"}, "Cache-Control": {"no-store"}, "X-Request-Id": {"req-1"}},
		RequestIDHeader: "X-Request-Id",
	}
	if languages == nil { // the build of one language sends no LocalizedMessage
		want.Locale, want.LocalizedMessage = "", ""
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
		NewWithDetails(InvalidInputDetails{Field: "name", Problems: []InvalidInputProblems{{Field: "name", Kind: "missing",
			Limits: InvalidInputProblemsLimits{Max: 3, Unit: "items"}}}}),
		NewOutOfCredit(1.5, 3).WithMessage("custom"),
		ErrOrderNotFound, ErrInternal, ErrUnauthorized,
	} {
		got := RPCError(RPCStatusOf(e))
		if !errors.Is(got, e) || got.Message() != e.Message() || got.RequestID() != e.RequestID() || !reflect.DeepEqual(got.Details(), e.Details()) {
			t.Errorf("RPCError(RPCStatusOf(%v)) = %v %#v, want %#v", e, got, got.Details(), e.Details())
		}
	}
}

// TestRPCErrorNullMetadata: metadata reads as Parse reads a details
// object. A detail's text null (no sender writes it: rpcMetadata leaves a
// null detail out) is JSON's null, no value, but for a string detail, whose
// metadata is the string itself; with unknown keys alone it is no details
// either, so an error with required details gets none, not zeros.
func TestRPCErrorNullMetadata(t *testing.T) {
	tests := []struct {
		name     string
		reason   string
		metadata map[string]string
		want     any
	}{
		{"a null detail alone", "RATE_LIMITED", map[string]string{"limit": "null"}, nil},
		{"every number detail null", "RATE_LIMITED", map[string]string{"limit": "null", "retryAfter": "null"}, nil},
		{"unknown keys alone", "RATE_LIMITED", map[string]string{"extra": "1"}, nil},
		{"a null detail beside another", "RATE_LIMITED", map[string]string{"limit": "null", "window": "1m"},
			RateLimitedDetails{Window: "1m"}},
		{"a string detail's null is the string", "RATE_LIMITED", map[string]string{"window": "null"},
			RateLimitedDetails{Window: "null"}},
		{"a null required detail beside another", "OUT_OF_CREDIT", map[string]string{"balance": "null", "cost": "3"},
			OutOfCreditDetails{Cost: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := RPCError(RPCStatus{Code: "RESOURCE_EXHAUSTED", Reason: tt.reason, Domain: rpcDomain, Message: "m", Metadata: tt.metadata})
			if !reflect.DeepEqual(e.Details(), tt.want) {
				t.Errorf("RPCError(metadata %v).Details() = %#v, want %#v", tt.metadata, e.Details(), tt.want)
			}
		})
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
	got := recordReports(t, func() { RPCStatusForCall(context.Background(), procedure, boom, nil) })
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
	RPCStatusForCall(context.WithValue(context.Background(), key{}, "trace-1"), procedure, boom, nil)
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
		got := recordReports(t, func() { s = RPCStatusForCall(tc.ctx, "/shop.v1.Orders/Watch", tc.err, nil) })
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

// A server interceptor's status carries a request id in a catalog with
// request ids, as Write's responses do: the error's own, else
// Config.RequestID's (given a request standing for the call), else the
// call's header's (up to 200 bytes of UTF-8), else a new one; in
// RequestID and in Header, under the catalog's header, for every status
// (CANCELLED and DEADLINE_EXCEEDED, the fallback and a panic's too); and
// the reports' Sent carries it.
func TestRPCStatusForCallRequestID(t *testing.T) {
	const procedure = "/shop.v1.Orders/Get"
	in := func(id string) http.Header { return http.Header{"X-Request-Id": {id}} }
	long := strings.Repeat("a", 201)
	for _, tc := range []struct {
		name   string
		err    error
		header http.Header
		config func(*http.Request) string
		want   string // "" for a new one
	}{
		{"echoed", ErrOrderNotFound, in("in-1"), nil, "in-1"},
		{"own", ErrOrderNotFound.WithRequestID("own-1"), in("in-1"), nil, "own-1"},
		{"config", ErrOrderNotFound, in("in-1"), func(r *http.Request) string {
			if r.Method != http.MethodPost || r.URL.Path != procedure || r.Header.Get("X-Request-Id") != "in-1" || r.Context().Value(ctxKey{}) != "v" {
				return "bad request: " + r.Method + " " + r.URL.Path
			}
			return "config-1"
		}, "config-1"},
		{"config empty", ErrOrderNotFound, in("in-1"), func(*http.Request) string { return "" }, "in-1"},
		{"none", ErrOrderNotFound, nil, nil, ""},
		{"too long", ErrOrderNotFound, in(long), nil, ""},
		{"not UTF-8", ErrOrderNotFound, in("a\xffb"), nil, ""},
		{"control", ErrOrderNotFound, in("a\x00b"), nil, "a b"},
		{"fallback", errors.New("boom"), in("in-2"), nil, "in-2"},
		{"deadline", context.DeadlineExceeded, in("in-3"), nil, "in-3"},
	} {
		var reps []Report
		Configure(Config{RequestID: tc.config, Reporter: func(r Report) { reps = append(reps, r) }})
		ctx := context.WithValue(context.Background(), ctxKey{}, "v")
		s := RPCStatusForCall(ctx, procedure, tc.err, tc.header)
		want := tc.want
		if want == "" {
			if len(s.RequestID) != requestIDLen {
				t.Errorf("%s: request id %q; want a new one", tc.name, s.RequestID)
			}
			want = s.RequestID
		}
		if s.RequestID != want || s.Header.Get("X-Request-Id") != want || len(s.Header["X-Request-Id"]) != 1 || s.RequestIDHeader != "X-Request-Id" {
			t.Errorf("%s: RequestID %q, Header %v, RequestIDHeader %q; want %q", tc.name, s.RequestID, s.Header, s.RequestIDHeader, want)
		}
		for _, r := range reps {
			if r.Sent != nil && r.Sent.RequestID() != want {
				t.Errorf("%s: report %v sent %q; want %q", tc.name, r, r.Sent.RequestID(), want)
			}
		}
		if tc.name == "fallback" && len(reps) != 1 {
			t.Errorf("fallback: %d reports; want 1", len(reps))
		}
	}
	var reps []Report
	Configure(Config{Reporter: func(r Report) { reps = append(reps, r) }})
	s := RPCPanic(context.Background(), procedure, "boom", in("in-4"))
	if s.RequestID != "in-4" || s.Header.Get("X-Request-Id") != "in-4" || len(reps) != 1 || reps[0].Sent.RequestID() != "in-4" {
		t.Errorf("panic: %+v, reports %v", s, reps)
	}
	Configure(Config{Reporter: recordReport})
	if s := RPCStatusFor(ErrOrderNotFound, ""); s.RequestID != "" || s.Header != nil {
		t.Errorf("RPCStatusFor made an id: %+v", s)
	}
}

type ctxKey struct{}

// RPCError reads the request id from the metadata received when the
// status has no RequestInfo, as ParseResponse reads the header, and gives
// RetryInfo's delay as RetryAfter, for a reason it knows or not.
func TestRPCErrorFromHeader(t *testing.T) {
	for _, reason := range []string{"ORDER_NOT_FOUND", "WIDGET_GONE"} {
		e := RPCError(RPCStatus{Code: "UNAVAILABLE", Reason: reason, Domain: rpcDomain, RetryDelay: 7 * time.Second,
			Header: http.Header{"X-Request-Id": {"meta-1"}}})
		if d, ok := e.RetryAfter(); e.RequestID() != "meta-1" || !ok || d != 7*time.Second {
			t.Errorf("%s: request id %q, RetryAfter %v %v", reason, e.RequestID(), d, ok)
		}
		e = RPCError(RPCStatus{Code: "UNAVAILABLE", Reason: reason, Domain: rpcDomain, RequestID: "info-1",
			Header: http.Header{"X-Request-Id": {"meta-1"}}})
		if e.RequestID() != "info-1" {
			t.Errorf("%s: request id %q; want RequestInfo's", reason, e.RequestID())
		}
	}
}

// RetryInfo's delay is the Retry-After header's seconds, as docs/grpc.md
// says, however many: RetryInfo was left out from 2^31 seconds (68 years)
// on, and for a number past 63 bits, which a client of Write reads as the
// longest wait (see TestRetryAfterBeyondDuration); a wait of 0, or one
// below it, sends none.
func TestRetryDelayOfLongWaits(t *testing.T) {
	tests := []struct {
		wait int
		want time.Duration
	}{
		{30, 30 * time.Second},
		{1<<31 - 1, (1<<31 - 1) * time.Second},
		{1 << 31, (1 << 31) * time.Second},
		{math.MaxInt, time.Duration(maxDelaySeconds) * time.Second},
		{0, 0},
		{-5, 0},
	}
	for _, tt := range tests {
		if got := RPCStatusOf(NewRateLimited(10, "1m", tt.wait)).RetryDelay; got != tt.want {
			t.Errorf("Retry-After %d: RetryDelay %v, want %v", tt.wait, got, tt.want)
		}
	}
}

// ErrorInfo metadata is read as Parse reads a details object's member: a
// value other than a string detail's is its JSON text, with the whitespace
// JSON allows around it (" 5"); what Parse refuses in a body (+5, 05, 5.0 or
// "5" for an integer) RPCError refuses too, leaving the details out.
func TestRPCMetadataReadAsParseReads(t *testing.T) {
	tests := []struct {
		code, reason, detail, value string
	}{
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "5"},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", " 5"},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "5 "},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "\t5\r\n"},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "-0"},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "+5"},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "05"},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "5.0"},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "1e2"},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", `"5"`},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "0x5"},
		{"RESOURCE_EXHAUSTED", "RATE_LIMITED", "limit", "5 6"},
		{"FAILED_PRECONDITION", "OUT_OF_CREDIT", "balance", " 2.5 "},
		{"FAILED_PRECONDITION", "OUT_OF_CREDIT", "balance", "2."},
		{"FAILED_PRECONDITION", "OUT_OF_CREDIT", "overdraft", " true"},
		{"FAILED_PRECONDITION", "OUT_OF_CREDIT", "overdraft", "True"},
		{"INVALID_ARGUMENT", "INVALID_INPUT", "value", " 5"},
		{"INVALID_ARGUMENT", "INVALID_INPUT", "reasons", ` [ "a" ] `},
	}
	// The error's other required details, as metadata and as JSON.
	others := map[string][][3]string{
		"RATE_LIMITED":  {{"window", "1m", `"1m"`}, {"retryAfter", "3", "3"}},
		"OUT_OF_CREDIT": {{"balance", "1", "1"}, {"cost", "3", "3"}},
		"INVALID_INPUT": {{"field", "f", `"f"`}},
	}
	for _, tt := range tests {
		t.Run(tt.reason+" "+tt.detail+"="+tt.value, func(t *testing.T) {
			md := map[string]string{tt.detail: tt.value}
			members := []string{strconv.Quote(tt.detail) + ":" + tt.value}
			for _, o := range others[tt.reason] {
				if o[0] != tt.detail {
					md[o[0]] = o[1]
					members = append(members, strconv.Quote(o[0])+":"+o[2])
				}
			}
			def := byReason()[tt.reason]
			parsed, err := Parse(def.Status, []byte(`{"code":"`+tt.reason+`","details":{`+strings.Join(members, ",")+`}}`))
			var want any
			if err == nil {
				want = parsed.Details()
			}
			received := RPCError(RPCStatus{Code: tt.code, Reason: tt.reason, Domain: rpcDomain, Message: "m", Metadata: md})
			if got := received.Details(); !reflect.DeepEqual(got, want) {
				t.Errorf("RPCError details %#v; Parse gives %#v (%v)", got, want, err)
			}
		})
	}
}
