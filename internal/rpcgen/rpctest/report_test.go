package rpctest

import (
	"errors"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/internal/golang/fixed"
	"github.com/errgen/errgen/internal/rpcgen/connectfixed"
	"github.com/errgen/errgen/internal/rpcgen/grpcfixed"
)

// errNoRows stands for a service's error that Config.Map maps, such as
// sql.ErrNoRows.
var errNoRows = errors.New("no rows in result set")

// TestReportsOnlyTheFallback: the server interceptors report what the
// client gets the fallback for, an error no catalog error is nor wraps and
// Config.Map does not map, and a panic; not an error Map maps (Config.Map:
// "an error it maps is not reported"), a catalog error (the fallback's own
// code included) or a deadline. Over gRPC and Connect, unary and
// streaming.
func TestReportsOnlyTheFallback(t *testing.T) {
	fixed.Configure(fixed.Config{Map: func(err error) *fixed.Error {
		if errors.Is(err, errNoRows) {
			return fixed.NewOrderNotFound().WithCause(err)
		}
		return nil
	}})
	t.Cleanup(func() { fixed.Configure(fixed.Config{}) })
	s := suites[0]
	errs := map[string]error{"mapped": errNoRows, "catalog": fixed.NewOrderNotFound(), "internal": fixed.NewInternal()}
	var grpcReported, connectReported reports
	conn := dial(t, grpcServer(t, s, errs, &grpcReported))
	srv := connectServer(t, s, errs, &connectReported)
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure)
	streams := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+streamProcedure)
	for _, tc := range []struct {
		key      string
		reported bool
	}{
		{"mapped", false},
		{"catalog", false},
		{"internal", false},
		{"deadline", false},
		{"plain", true},
		{"panic", true},
	} {
		for _, call := range []struct {
			name     string
			call     func(string) error
			reported *reports
		}{
			{"grpc unary", func(k string) error { return invoke(conn, k) }, &grpcReported},
			{"grpc stream", func(k string) error { return invokeStream(conn, k) }, &grpcReported},
			{"connect unary", func(k string) error { return connectCall(client, k) }, &connectReported},
			{"connect stream", func(k string) error { return connectStream(streams, k) }, &connectReported},
		} {
			call.reported.reset()
			if err := call.call(tc.key); err == nil {
				t.Fatalf("%s %s: no error", call.name, tc.key)
			}
			if got := call.reported.count(); got != 0 != tc.reported {
				t.Errorf("%s %s: %d reports %v; want reported %v", call.name, tc.key, got, call.reported.errs, tc.reported)
			}
		}
	}
}

func (r *reports) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = nil
}

func (r *reports) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.errs)
}

// countWhen is count, once a report has come when one is due (some): the
// interceptor reports to WithReport after the package's report, which the
// test waits for, so it may come a moment later; it waits up to 5 seconds.
func (r *reports) countWhen(some bool) int {
	for deadline := time.Now().Add(5 * time.Second); some && r.count() == 0 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	return r.count()
}

// TestDefaultReportsOnce: with no WithReport, the interceptors leave the
// report to the Go package (RPCStatusForCall hands the fallback to
// Config.Reporter, as Write does), so that an error no catalog error is,
// and a panic, reach the log once, not once from each, naming the RPC's
// procedure as Write's name the request. Over gRPC and Connect, unary and
// streaming, with the default reporter, slog.Default().
func TestDefaultReportsOnce(t *testing.T) {
	var logged logLines
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, nil)))
	s := suites[0]
	s.unary = func(...report) grpc.UnaryServerInterceptor { return grpcfixed.UnaryServerInterceptor() }
	s.stream = func(...report) grpc.StreamServerInterceptor { return grpcfixed.StreamServerInterceptor() }
	s.connect = func(...report) connect.Interceptor { return connectfixed.Interceptor() }
	conn := dial(t, grpcServer(t, s, nil, nil))
	srv := connectServer(t, s, nil, nil)
	for _, key := range []string{"plain", "panic"} {
		for _, call := range fourCalls(conn, srv) {
			logged.reset()
			if err := call.call(key); err == nil {
				t.Fatalf("%s %s: no error", call.name, key)
			}
			if lines := logged.lines(); len(lines) != 1 || !strings.Contains(lines[0], "sent the fallback") || !strings.Contains(lines[0], " procedure="+call.procedure) {
				t.Errorf("%s %s: logged %d lines, want the fallback's one:\n%s", call.name, key, len(lines), strings.Join(lines, "\n"))
			}
		}
	}
}

// logLines is a log's output, a line a record.
type logLines struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *logLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logLines) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Reset()
}

func (l *logLines) lines() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	text := strings.TrimSpace(l.buf.String())
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}

// TestPanicReport: a panic in a handler is reported as Handler reports
// one, with its stack (where it happened: the handler's frames), as a
// panic, and with the fallback it sent; its value an error the report's
// Err wraps. Over gRPC and Connect, unary and streaming.
func TestPanicReport(t *testing.T) {
	recorded := recordReports(t)
	s := suites[0]
	conn := dial(t, grpcServer(t, s, nil, &reports{}))
	srv := connectServer(t, s, nil, &reports{})
	for _, call := range fourCalls(conn, srv) {
		recorded.reset()
		if err := call.call("panic-error"); err == nil {
			t.Fatalf("%s: no error", call.name)
		}
		reps := recorded.all()
		if len(reps) != 1 {
			t.Fatalf("%s: %d reports %v; want one", call.name, len(reps), reps)
		}
		r := reps[0]
		if r.Problem != "panic: sent the fallback" || r.Procedure != call.procedure || r.Sent == nil || r.Sent.Code() != fixed.CodeInternal ||
			!errors.Is(r.Err, errPanic) || !strings.Contains(string(r.Stack), "rpctest.fail(") {
			t.Errorf("%s: report %q, err %v, sent %v, procedure %q, stack:\n%s", call.name, r.Problem, r.Err, r.Sent, r.Procedure, r.Stack)
		}
	}
}

// rpcCall is one of fourCalls: a call of procedure that sends its key and
// returns the error the client got.
type rpcCall struct {
	name, procedure string
	call            func(key string) error
}

// fourCalls are the calls of the servers' two procedures, unary and
// streaming, over gRPC (conn) and Connect (srv).
func fourCalls(conn *grpc.ClientConn, srv *httptest.Server) []rpcCall {
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure)
	streams := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+streamProcedure)
	return []rpcCall{
		{"grpc unary", procedure, func(k string) error { return invoke(conn, k) }},
		{"grpc stream", streamProcedure, func(k string) error { return invokeStream(conn, k) }},
		{"connect unary", procedure, func(k string) error { return connectCall(client, k) }},
		{"connect stream", streamProcedure, func(k string) error { return connectStream(streams, k) }},
	}
}
