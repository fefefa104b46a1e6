package rpctest

import (
	"errors"
	"testing"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/internal/golang/fixed"
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
