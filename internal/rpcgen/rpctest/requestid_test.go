package rpctest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"connectrpc.com/connect"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/internal/golang/fixed"
	"github.com/errgen/errgen/internal/rpcgen/connectfixed"
)

// newID is the form of an id the package makes: 26 characters of base32.
var newID = regexp.MustCompile(`^[A-Z2-7]{26}$`)

// idCall is one call of a request-id test: it sends key, with the request
// id in (none for ""), and returns the request ids the response metadata
// carried (gRPC trailer, Connect error metadata), the one its status's
// RequestInfo did, and the error.
type idCall struct {
	name string
	call func(key, id string) (meta []string, info string, err error)
}

// grpcRequestInfo is the RequestInfo's request_id of a status error.
func grpcRequestInfo(err error) string {
	st, _ := status.FromError(err)
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RequestInfo); ok {
			return ri.GetRequestId()
		}
	}
	return ""
}

// connectRequestInfo is the RequestInfo's request_id of a Connect error.
func connectRequestInfo(err error) string {
	var ce *connect.Error
	if !errors.As(err, &ce) {
		return ""
	}
	for _, d := range ce.Details() {
		if m, err := d.Value(); err == nil {
			if ri, ok := m.(*errdetails.RequestInfo); ok {
				return ri.GetRequestId()
			}
		}
	}
	return ""
}

// idCalls are the calls of a gRPC server (conn) and a Connect handler
// (srv), unary and streaming, the Connect ones over its three protocols.
func idCalls(conn *grpc.ClientConn, srv interface {
	Client() *http.Client
}, url string) []idCall {
	return append(grpcIDCalls(conn), connectIDCalls(srv, url)...)
}

// grpcIDCalls are the calls of a gRPC server, unary and streaming.
func grpcIDCalls(conn *grpc.ClientConn) []idCall {
	return []idCall{
		{"grpc unary", func(key, id string) ([]string, string, error) {
			ctx := context.Background()
			if id != "" {
				ctx = metadata.AppendToOutgoingContext(ctx, "x-request-id", id)
			}
			var trailer metadata.MD
			err := conn.Invoke(ctx, procedure, wrapperspb.String(key), new(emptypb.Empty), grpc.Trailer(&trailer))
			return trailer.Get("x-request-id"), grpcRequestInfo(err), err
		}},
		{"grpc stream", func(key, id string) ([]string, string, error) {
			ctx := context.Background()
			if id != "" {
				ctx = metadata.AppendToOutgoingContext(ctx, "x-request-id", id)
			}
			cs, err := conn.NewStream(ctx, &grpc.StreamDesc{StreamName: "FailStream", ServerStreams: true}, streamProcedure)
			if err != nil {
				return nil, "", err
			}
			if err := cs.SendMsg(wrapperspb.String(key)); err != nil {
				return nil, "", err
			}
			_ = cs.CloseSend()
			for err == nil {
				err = cs.RecvMsg(new(emptypb.Empty))
			}
			return cs.Trailer().Get("x-request-id"), grpcRequestInfo(err), err
		}},
	}
}

// connectIDCalls are the calls of a Connect handler, unary and streaming,
// over its three protocols.
func connectIDCalls(srv interface{ Client() *http.Client }, url string) []idCall {
	var calls []idCall
	for _, p := range []struct {
		name string
		opt  connect.ClientOption
	}{{"connect", connect.WithProtoJSON()}, {"connect-grpc", connect.WithGRPC()}, {"connect-grpcweb", connect.WithGRPCWeb()}} {
		unary := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), url+procedure, p.opt)
		stream := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), url+streamProcedure, p.opt)
		calls = append(calls,
			idCall{p.name + " unary", func(key, id string) ([]string, string, error) {
				req := connect.NewRequest(wrapperspb.String(key))
				if id != "" {
					req.Header().Set("X-Request-Id", id)
				}
				_, err := unary.CallUnary(context.Background(), req)
				var ce *connect.Error
				if !errors.As(err, &ce) {
					return nil, "", err
				}
				return ce.Meta().Values("X-Request-Id"), connectRequestInfo(err), err
			}},
			idCall{p.name + " stream", func(key, id string) ([]string, string, error) {
				req := connect.NewRequest(wrapperspb.String(key))
				if id != "" {
					req.Header().Set("X-Request-Id", id)
				}
				s, err := stream.CallServerStream(context.Background(), req)
				if err != nil {
					return nil, "", err
				}
				defer s.Close()
				for s.Receive() {
				}
				err = s.Err()
				var ce *connect.Error
				if !errors.As(err, &ce) {
					return nil, "", err
				}
				return ce.Meta().Values("X-Request-Id"), connectRequestInfo(err), err
			}},
		)
	}
	return calls
}

// TestRequestID: with request_id in the catalog, a server echoes the id
// the call came with (gRPC metadata x-request-id, the Connect request's
// X-Request-Id header), else makes one, as Write does: in RequestInfo and
// in the response metadata (gRPC trailer, Connect error metadata); the
// error's own id wins over both. What the client interceptors give back
// has it (RequestID), and the package's report of a fallback names it, as
// Write's reports name the id they sent. Over gRPC and Connect's three
// protocols, unary and streaming.
func TestRequestID(t *testing.T) {
	recorded := recordReports(t)
	s := suites[0] // the stand-in: request_id: {header: X-Request-Id}
	errs := map[string]error{
		"catalog":  fixed.NewOrderNotFound(),
		"own-id":   fixed.NewOrderNotFound().WithRequestID("own-1"),
		"received": receivedFrom(t, fixed.NewOrderNotFound().WithRequestID("up-1")),
	}
	conn := dial(t, grpcServer(t, s, errs, &reports{}))
	srv := connectServer(t, s, errs, &reports{})
	for _, c := range idCalls(conn, srv, srv.URL) {
		for _, tc := range []struct {
			key, in, want string // want "" for a new id
			reported      bool
		}{
			{"catalog", "in-1", "in-1", false},
			{"catalog", "", "", false},
			{"own-id", "in-2", "own-1", false},
			{"received", "in-7", "in-7", false}, // another server's id is not this call's
			{"received", "", "", false},
			{"plain", "in-3", "in-3", true},
			{"plain", "", "", true},
			{"panic", "in-4", "in-4", true},
			{"deadline", "in-5", "in-5", false},
			{afterSend + "catalog", "in-6", "in-6", false},
			{afterSend + "plain", "", "", true},
		} {
			if strings.HasPrefix(tc.key, afterSend) && !strings.Contains(c.name, "stream") {
				continue
			}
			recorded.reset()
			meta, info, err := c.call(tc.key, tc.in)
			if err == nil {
				t.Fatalf("%s %s: no error", c.name, tc.key)
			}
			want := tc.want
			if want == "" {
				if !newID.MatchString(info) {
					t.Errorf("%s %s with no id: RequestInfo %q; want a new id", c.name, tc.key, info)
				}
				want = info
			}
			if info != want || len(meta) != 1 || meta[0] != want {
				t.Errorf("%s %s with id %q: RequestInfo %q, metadata %q; want %q in both", c.name, tc.key, tc.in, info, meta, want)
			}
			if tc.reported {
				reps := recorded.all()
				if len(reps) != 1 || reps[0].Sent == nil || reps[0].Sent.RequestID() != want {
					t.Errorf("%s %s: reports %v; want one whose Sent has the id %q", c.name, tc.key, reps, want)
				}
			}
		}
	}
}

// receivedFrom is e as a client reads it from the response Write sends for
// it: an error whose request id is that server's.
func receivedFrom(t *testing.T, e *fixed.Error) *fixed.Error {
	t.Helper()
	rec := httptest.NewRecorder()
	fixed.Write(rec, httptest.NewRequest(http.MethodGet, "/", nil), e)
	got, err := fixed.ParseResponse(rec.Result())
	if err != nil || got.RequestID() != e.RequestID() {
		t.Fatalf("ParseResponse: %v, request id %q", err, got.RequestID())
	}
	return got
}

// TestRequestIDClient: the client interceptors and FromError give back the
// id the server sent, in RequestID.
func TestRequestIDClient(t *testing.T) {
	s := suites[0]
	errs := map[string]error{"catalog": fixed.NewOrderNotFound()}
	addr := grpcServer(t, s, errs, &reports{})
	typed := dial(t, addr, grpc.WithUnaryInterceptor(s.unaryClient), grpc.WithStreamInterceptor(s.streamClient))
	ctx := metadata.AppendToOutgoingContext(context.Background(), "x-request-id", "in-1")
	err := typed.Invoke(ctx, procedure, wrapperspb.String("catalog"), new(emptypb.Empty))
	var e *fixed.Error
	if !errors.As(err, &e) || e.RequestID() != "in-1" {
		t.Errorf("gRPC client: %v, request id %q; want in-1", err, e.RequestID())
	}
	// grpc-gateway's error handler: the HTTP client gets the id the gRPC
	// server sent (and logged), whatever the HTTP request carried.
	raw := invoke(dial(t, addr), "catalog")
	rec := httptest.NewRecorder()
	httpReq := httptest.NewRequest(http.MethodGet, "/orders/1", nil)
	httpReq.Header.Set("X-Request-Id", "http-1")
	s.writeHTTP(rec, httpReq, raw)
	if id := grpcRequestInfo(raw); rec.Header().Get("X-Request-Id") != id || !newID.MatchString(id) {
		t.Errorf("WriteHTTP sent request id %q; want the status's %q", rec.Header().Get("X-Request-Id"), id)
	}
	srv := connectServer(t, s, errs, &reports{})
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, connect.WithInterceptors(connectfixed.Interceptor()))
	req := connect.NewRequest(wrapperspb.String("catalog"))
	req.Header().Set("X-Request-Id", "in-2")
	_, err = client.CallUnary(context.Background(), req)
	if e, ok := connectfixed.FromError(err); !ok || e.RequestID() != "in-2" {
		t.Errorf("Connect client: %v; want request id in-2", err)
	}
}

// TestNewErrorBehindInterceptor: a handler that returns NewError's Connect
// error behind Interceptor gets the catalog error it was made of sent (with
// the call's request id), not the fallback the interceptor sends for any
// other Connect error; and neither reports it. NewError of an error no
// catalog error is sends the fallback, reported once, by NewError.
func TestNewErrorBehindInterceptor(t *testing.T) {
	recorded := recordReports(t)
	s := suites[0]
	errs := map[string]error{
		"own":      connectfixed.NewError(fixed.NewOrderNotFound()),
		"own-text": connectfixed.NewError(errors.New(secret)),
	}
	if reps := recorded.all(); len(reps) != 1 || reps[0].Sent == nil || reps[0].Sent.Code() != fixed.CodeInternal {
		t.Errorf("NewError of a plain error reported %v; want the fallback once", reps)
	}
	recorded.reset()
	reported := &reports{}
	srv := connectServer(t, s, errs, reported)
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, connect.WithInterceptors(connectfixed.Interceptor()))
	req := connect.NewRequest(wrapperspb.String("own"))
	req.Header().Set("X-Request-Id", "in-1")
	_, err := client.CallUnary(context.Background(), req)
	if e, ok := connectfixed.FromError(err); !ok || !errors.Is(e, fixed.ErrOrderNotFound) || e.RequestID() != "in-1" {
		t.Errorf("NewError behind the interceptor: %v; want ORDER_NOT_FOUND with the request id", err)
	}
	if err := connectCall(client, "own-text"); !errors.Is(err, fixed.ErrInternal) {
		t.Errorf("NewError of a plain error: %v; want the fallback", err)
	}
	if reported.count() != 0 || len(recorded.all()) != 0 {
		t.Errorf("reported %v and %v; want nothing (NewError reported when the test built it)", reported.errs, recorded.all())
	}
}

// TestRequestIDFromMetadata: from a server that sends the request id only
// as response metadata (another service's: no RequestInfo), the client
// interceptors take it, as ParseResponse takes the header when the body
// has none: gRPC trailer metadata (unary and streaming), Connect error
// metadata.
func TestRequestIDFromMetadata(t *testing.T) {
	s := suites[0]
	st, err := status.New(codes.NotFound, "Order not found").WithDetails(&errdetails.ErrorInfo{Reason: "ORDER_NOT_FOUND", Domain: "standin.example.com"})
	if err != nil {
		t.Fatal(err)
	}
	ce := connect.NewError(connect.CodeNotFound, errors.New("Order not found"))
	d, _ := connect.NewErrorDetail(&errdetails.ErrorInfo{Reason: "ORDER_NOT_FOUND", Domain: "standin.example.com"})
	ce.AddDetail(d)
	ce.Meta().Set("X-Request-Id", "up-2")
	errs := map[string]error{"grpc": st.Err(), "connect": ce}
	s.unary = func(...report) grpc.UnaryServerInterceptor {
		return func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
			_ = grpc.SetTrailer(ctx, metadata.Pairs("x-request-id", "up-1"))
			return handler(ctx, req)
		}
	}
	s.stream = func(...report) grpc.StreamServerInterceptor {
		return func(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
			ss.SetTrailer(metadata.Pairs("x-request-id", "up-1"))
			return handler(srv, ss)
		}
	}
	s.connect = func(...report) connect.Interceptor {
		return connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc { return next })
	}
	conn := dial(t, grpcServer(t, s, errs, nil), grpc.WithUnaryInterceptor(s.unaryClient), grpc.WithStreamInterceptor(s.streamClient))
	srv := connectServer(t, s, errs, nil)
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, connect.WithInterceptors(connectfixed.Interceptor()))
	for name, tc := range map[string]struct {
		err  error
		want string
	}{
		"grpc unary":  {invoke(conn, "grpc"), "up-1"},
		"grpc stream": {invokeStream(conn, "grpc"), "up-1"},
		"connect":     {connectCall(client, "connect"), "up-2"},
	} {
		var e *fixed.Error
		if !errors.As(tc.err, &e) || !errors.Is(e, fixed.ErrOrderNotFound) || e.RequestID() != tc.want {
			t.Errorf("%s: %v, request id %q; want ORDER_NOT_FOUND with %q", name, tc.err, e.RequestID(), tc.want)
		}
	}
}

// TestNoRequestID: a catalog without request ids sends none it was not
// given, as Write does: no RequestInfo, no metadata, for the call's id or
// a new one, over gRPC and Connect.
func TestNoRequestID(t *testing.T) {
	for _, s := range suites {
		c, _ := cases(t, s)
		if c.RequestID.Header != "" {
			continue
		}
		conn := dial(t, grpcServer(t, s, nil, &reports{}))
		srv := connectServer(t, s, nil, &reports{})
		for _, call := range idCalls(conn, srv, srv.URL) {
			for _, id := range []string{"in-1", ""} {
				meta, info, err := call.call("plain", id)
				if err == nil || info != "" || len(meta) != 0 {
					t.Errorf("%s %s with id %q: %v, RequestInfo %q, metadata %q; want neither", s.name, call.name, id, err, info, meta)
				}
			}
		}
	}
}
