package rpctest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/golang/fixed"
	"github.com/errgen/errgen/internal/rpcgen/connectfixed"
	"github.com/errgen/errgen/internal/rpcgen/grpcfixed"
)

const (
	procedure       = "/" + service + "/Fail"
	streamProcedure = "/" + service + "/FailStream"
)

// connectStream calls the server-streaming procedure and returns its error.
func connectStream(client *connect.Client[wrapperspb.StringValue, emptypb.Empty], key string) error {
	stream, err := client.CallServerStream(context.Background(), connect.NewRequest(wrapperspb.String(key)))
	if err != nil {
		return err
	}
	defer stream.Close()
	for stream.Receive() {
	}
	return stream.Err()
}

// connectServer serves errs from a real Connect handler on httptest,
// behind s's interceptor.
func connectServer(t *testing.T, s suite, errs map[string]error, reported *reports) *httptest.Server {
	t.Helper()
	return serveTLS(t, connectHandlers(s, errs, reported))
}

// connectHandlers are the Connect handlers of the unary and the
// server-streaming procedure, serving errs behind s's interceptor.
func connectHandlers(s suite, errs map[string]error, reported *reports) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle(procedure, connect.NewUnaryHandler(procedure,
		func(ctx context.Context, req *connect.Request[wrapperspb.StringValue]) (*connect.Response[emptypb.Empty], error) {
			return nil, fail(ctx, req.Msg.GetValue(), errs)
		}, connect.WithInterceptors(s.connect(reported.add))))
	mux.Handle(streamProcedure, connect.NewServerStreamHandler(streamProcedure,
		func(ctx context.Context, req *connect.Request[wrapperspb.StringValue], stream *connect.ServerStream[emptypb.Empty]) error {
			key, sendFirst := strings.CutPrefix(req.Msg.GetValue(), afterSend)
			if sendFirst {
				if err := stream.Send(new(emptypb.Empty)); err != nil {
					return err
				}
			}
			return fail(ctx, key, errs)
		}, connect.WithInterceptors(s.connect(reported.add))))
	return mux
}

// serveTLS serves h on httptest over HTTP/2, which the gRPC protocol needs.
func serveTLS(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(h)
	srv.EnableHTTP2 = true
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

func connectCall(client *connect.Client[wrapperspb.StringValue, emptypb.Empty], key string) error {
	_, err := client.CallUnary(context.Background(), connect.NewRequest(wrapperspb.String(key)))
	return err
}

// connectWire reads a Connect error as a client without errgen's
// interceptor gets it.
func connectWire(t *testing.T, err error) (wire, *spb.Status) {
	t.Helper()
	var ce *connect.Error
	if !errors.As(err, &ce) {
		t.Fatalf("%v is no Connect error", err)
	}
	w := wire{code: catalogName(codes.Code(ce.Code())), message: ce.Message()}
	st := &spb.Status{Code: int32(ce.Code()), Message: ce.Message()}
	for _, d := range ce.Details() {
		m, err := d.Value()
		if err != nil {
			t.Fatal(err)
		}
		w.details = append(w.details, m)
		a, err := anypb.New(m)
		if err != nil {
			t.Fatal(err)
		}
		st.Details = append(st.Details, a)
	}
	return w, st
}

// TestConnect serves every error of every catalog from a real Connect
// handler and checks what a plain client receives and what the
// interceptor gives back on a client, over the Connect and gRPC protocols.
func TestConnect(t *testing.T) {
	for _, s := range suites {
		t.Run(s.name, func(t *testing.T) {
			c, cs := cases(t, s)
			errs := map[string]error{}
			for _, tc := range cs {
				errs[tc.code] = tc.err
			}
			reported := &reports{}
			srv := connectServer(t, s, errs, reported)
			for _, protocol := range []connect.ClientOption{connect.WithProtoJSON(), connect.WithGRPC()} {
				raw := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, protocol)
				typed := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, protocol, connect.WithInterceptors(s.connect()))
				rawStream := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+streamProcedure, protocol)
				typedStream := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+streamProcedure, protocol, connect.WithInterceptors(s.connect()))
				for _, tc := range cs {
					w, st := connectWire(t, connectCall(raw, tc.code))
					w.check(t, tc)
					checkAIP193(t, tc.code, st)
					checkClientError(t, tc, connectCall(typed, tc.code))
					w, _ = connectWire(t, connectStream(rawStream, tc.code))
					w.check(t, tc)
					checkClientError(t, tc, connectStream(typedStream, tc.code))
				}
				connectFallbacks(t, c, raw, reported, func(key string) error { return connectStream(rawStream, key) })
			}
			connectUnknownReason(t, s, c)
		})
	}
}

// connectFallbacks: a plain error, a wrapped one and a panic, unary or
// streaming, give the fallback, never their text, and are reported.
func connectFallbacks(t *testing.T, c *catalog.Catalog, raw *connect.Client[wrapperspb.StringValue, emptypb.Empty], reported *reports, stream func(string) error) {
	for _, key := range []string{"plain", "wrapped-plain", "panic", "stream-plain", "stream-panic"} {
		var err error
		if k, ok := strings.CutPrefix(key, "stream-"); ok {
			err = stream(k)
		} else {
			err = connectCall(raw, key)
		}
		w, _ := connectWire(t, err)
		var info *errdetails.ErrorInfo
		if len(w.details) > 0 {
			info, _ = w.details[0].(*errdetails.ErrorInfo)
		}
		if w.code != c.Fallback.GRPCCode || info.GetReason() != c.Fallback.GRPCReason || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: %v; want the fallback %s", key, err, c.Fallback.Code)
		}
	}
	if !reported.has("hunter2") || !reported.has("panic: ") {
		t.Errorf("reported %v; want the plain error and the panic", reported.errs)
	}
	if code := connect.CodeOf(connectCall(raw, "deadline")); code != connect.CodeDeadlineExceeded {
		t.Errorf("a deadline gives %v", code)
	}
}

// TestRetryDelay: RetryDelay reads RetryInfo back, over gRPC and Connect.
func TestRetryDelay(t *testing.T) {
	err := fixed.NewRateLimited(10, "1m", 30)
	if d, ok := grpcfixed.RetryDelay(grpcfixed.Status(err).Err()); !ok || d != 30*time.Second {
		t.Errorf("gRPC: %v %v", d, ok)
	}
	if d, ok := connectfixed.RetryDelay(connectfixed.NewError(err)); !ok || d != 30*time.Second {
		t.Errorf("Connect: %v %v", d, ok)
	}
	if d, ok := connectfixed.RetryDelay(connectfixed.NewError(fixed.ErrInternal)); ok || d != 0 {
		t.Errorf("no RetryInfo: %v %v", d, ok)
	}
}

// connectUnknownReason: a reason of a newer server is kept.
func connectUnknownReason(t *testing.T, s suite, c *catalog.Catalog) {
	ce := connect.NewError(connect.CodeFailedPrecondition, errors.New("brand new"))
	d, err := connect.NewErrorDetail(proto.Message(&errdetails.ErrorInfo{Reason: "BRAND_NEW_REASON", Domain: c.GRPC.Domain}))
	if err != nil {
		t.Fatal(err)
	}
	ce.AddDetail(d)
	got, ok := s.connectFrom(ce)
	if v := viewOf(got); !ok || v.Known || v.Code != "BRAND_NEW_REASON" || v.Message != "brand new" {
		t.Errorf("unknown reason: %+v", v)
	}
	if connect.CodeOf(got) != connect.CodeFailedPrecondition {
		t.Errorf("connect.CodeOf the client's error = %v", connect.CodeOf(got))
	}
}
