package rpctest

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/internal/golang/fixed"
)

// TestClientGone: an error a handler returns once its call's context is
// done (the client cancelled, or its deadline passed) that wraps no context
// error, as a stream's Send fails then with the transport's own CANCELLED
// status, is the client's going, not a server fault: reported at debug
// level, as Write reports a request whose context is done, and not to
// WithReport. A panic then is still a bug, reported at error level. Over
// gRPC and Connect, unary and streaming, the client cancelling and its
// deadline passing.
func TestClientGone(t *testing.T) {
	recorded := recordReports(t)
	s := suites[0]
	var grpcReported, connectReported reports
	errs := map[string]error{"catalog": fixed.NewOrderNotFound()}
	conn := dial(t, grpcServer(t, s, errs, &grpcReported))
	srv := connectServer(t, s, errs, &connectReported)
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure)
	streams := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+streamProcedure)
	calls := []struct {
		name     string
		call     func(context.Context, string)
		reported *reports
	}{
		{"grpc unary", func(ctx context.Context, k string) {
			_ = conn.Invoke(ctx, procedure, wrapperspb.String(k), new(emptypb.Empty))
		}, &grpcReported},
		{"grpc stream", func(ctx context.Context, k string) { grpcStreamIn(ctx, conn, k) }, &grpcReported},
		{"connect unary", func(ctx context.Context, k string) {
			_, _ = client.CallUnary(ctx, connect.NewRequest(wrapperspb.String(k)))
		}, &connectReported},
		{"connect stream", func(ctx context.Context, k string) {
			if st, err := streams.CallServerStream(ctx, connect.NewRequest(wrapperspb.String(k))); err == nil {
				for st.Receive() {
				}
			}
		}, &connectReported},
	}
	// Each client connects first, so that no handshake outlasts the time a
	// call below leaves before its client goes.
	for _, call := range calls {
		call.call(context.Background(), "catalog")
	}
	for _, tc := range []struct {
		key   string
		level slog.Level
	}{
		{"gone", slog.LevelDebug},
		{"gone-panic", slog.LevelError},
	} {
		for _, call := range calls {
			for _, end := range []string{"cancel", "deadline"} {
				recorded.reset()
				call.reported.reset()
				ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
				if end == "cancel" {
					time.AfterFunc(100*time.Millisecond, cancel)
				}
				call.call(ctx, tc.key)
				cancel()
				r, ok := recorded.first()
				if !ok || r.Level != tc.level || r.Procedure == "" {
					t.Errorf("%s %s, client's %s: report %+v (%v); want one at %v", call.name, tc.key, end, r, ok, tc.level)
				}
				if n := call.reported.countWhen(tc.level == slog.LevelError); n != 0 != (tc.level == slog.LevelError) {
					t.Errorf("%s %s, client's %s: %d WithReport reports %v", call.name, tc.key, end, n, call.reported.errs)
				}
			}
		}
	}
}

// grpcStreamIn calls the streaming method with ctx.
func grpcStreamIn(ctx context.Context, conn *grpc.ClientConn, key string) {
	cs, err := conn.NewStream(ctx, &grpc.StreamDesc{StreamName: "FailStream", ServerStreams: true}, streamProcedure)
	if err != nil || cs.SendMsg(wrapperspb.String(key)) != nil || cs.CloseSend() != nil {
		return
	}
	_ = cs.RecvMsg(new(emptypb.Empty))
}
