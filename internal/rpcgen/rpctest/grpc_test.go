package rpctest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/catalog"
)

const service = "rpctest.Errors"

// afterSend, before a key, makes the streaming handlers send a message
// before they fail.
const afterSend = "after-send:"

// grpcServer serves errs on a loopback listener behind s's server
// interceptors; reported collects what they report.
func grpcServer(t *testing.T, s suite, errs map[string]error, reported *reports) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(grpc.UnaryInterceptor(s.unary(reported.add)), grpc.StreamInterceptor(s.stream(reported.add)))
	srv.RegisterService(&grpc.ServiceDesc{
		ServiceName: service,
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{{MethodName: "Fail", Handler: func(_ any, ctx context.Context, dec func(any) error, ic grpc.UnaryServerInterceptor) (any, error) {
			in := new(wrapperspb.StringValue)
			if err := dec(in); err != nil {
				return nil, err
			}
			h := func(ctx context.Context, req any) (any, error) {
				return nil, fail(ctx, req.(*wrapperspb.StringValue).GetValue(), errs)
			}
			return ic(ctx, in, &grpc.UnaryServerInfo{FullMethod: "/" + service + "/Fail"}, h)
		}}},
		Streams: []grpc.StreamDesc{{StreamName: "FailStream", ServerStreams: true, Handler: func(_ any, ss grpc.ServerStream) error {
			in := new(wrapperspb.StringValue)
			if err := ss.RecvMsg(in); err != nil {
				return err
			}
			key, sendFirst := strings.CutPrefix(in.GetValue(), afterSend)
			if sendFirst { // the headers go with the message: the error ends a stream under way
				if err := ss.SendMsg(new(emptypb.Empty)); err != nil {
					return err
				}
			}
			return fail(ss.Context(), key, errs)
		}}},
	}, struct{}{})
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	return lis.Addr().String()
}

// reports collects what server interceptors report.
type reports struct {
	mu   sync.Mutex
	errs []error
}

func (r *reports) add(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, err)
}

func (r *reports) has(text string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, err := range r.errs {
		if strings.Contains(err.Error(), text) {
			return true
		}
	}
	return false
}

func dial(t *testing.T, addr string, opts ...grpc.DialOption) *grpc.ClientConn {
	t.Helper()
	conn, err := grpc.NewClient("passthrough:///"+addr, append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func invoke(conn *grpc.ClientConn, key string) error {
	return conn.Invoke(context.Background(), "/"+service+"/Fail", wrapperspb.String(key), new(emptypb.Empty))
}

func invokeStream(conn *grpc.ClientConn, key string) error {
	cs, err := conn.NewStream(context.Background(), &grpc.StreamDesc{StreamName: "FailStream", ServerStreams: true}, "/"+service+"/FailStream")
	if err != nil {
		return err
	}
	if err := cs.SendMsg(wrapperspb.String(key)); err != nil {
		return err
	}
	if err := cs.CloseSend(); err != nil {
		return err
	}
	return cs.RecvMsg(new(emptypb.Empty))
}

// grpcWire reads a status error as a client without errgen's interceptors
// gets it.
func grpcWire(t *testing.T, err error) (wire, *status.Status) {
	t.Helper()
	st, ok := status.FromError(err)
	if !ok {
		t.Fatalf("%v is no gRPC status", err)
	}
	w := wire{code: catalogName(st.Code()), message: st.Message()}
	for _, d := range st.Details() {
		m, ok := d.(proto.Message)
		if !ok {
			t.Fatalf("detail %v: %v", d, d)
		}
		w.details = append(w.details, m)
	}
	return w, st
}

// catalogName is the canonical name of a code, as google/rpc/code.proto spells it.
func catalogName(c codes.Code) string {
	if c == codes.Canceled {
		return "CANCELLED"
	}
	var b strings.Builder
	for i, r := range c.String() {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
		}
		b.WriteRune(r)
	}
	return strings.ToUpper(b.String())
}

// TestGRPC serves every error of every catalog from a real gRPC server and
// checks what a plain client receives (code, message, ErrorInfo, RetryInfo,
// Help, RequestInfo, as protojson encodes them too) and what the client
// interceptors give back, unary and streaming.
func TestGRPC(t *testing.T) {
	for _, s := range suites {
		t.Run(s.name, func(t *testing.T) {
			c, cs := cases(t, s)
			errs := map[string]error{}
			for _, tc := range cs {
				errs[tc.code] = tc.err
			}
			reported := &reports{}
			addr := grpcServer(t, s, errs, reported)
			raw := dial(t, addr)
			typed := dial(t, addr, grpc.WithUnaryInterceptor(s.unaryClient), grpc.WithStreamInterceptor(s.streamClient))
			for _, tc := range cs {
				w, st := grpcWire(t, invoke(raw, tc.code))
				w.check(t, tc)
				checkAIP193(t, tc.code, st.Proto())
				got := invoke(typed, tc.code)
				checkClientError(t, tc, got)
				checkClientStatus(t, tc.code, st, got)
				checkClientError(t, tc, invokeStream(typed, tc.code))
				checkGateway(t, s, tc, invoke(raw, tc.code))
			}
			grpcFallbacks(t, c, raw, reported)
			for _, err := range []error{invoke(raw, "plain"), invoke(raw, "deadline")} {
				rec := httptest.NewRecorder()
				s.writeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil), err)
				if rec.Code != c.Fallback.Status || strings.Contains(rec.Body.String(), "hunter2") {
					t.Errorf("gateway for %v: %d %s; want the fallback", err, rec.Code, rec.Body)
				}
			}
			grpcUnknownReason(t, s, c)
		})
	}
}

// checkClientStatus: grpc-go's status functions read the client
// interceptors' *Error as docs/grpc.md says: the wire's code and details,
// and for the message the text of the *Error wrapping the status error
// (grpc-go takes a wrapping error's text), not the status's own message.
func checkClientStatus(t *testing.T, code string, wire *status.Status, got error) {
	t.Helper()
	st := status.Convert(got)
	if st.Code() != wire.Code() || len(st.Details()) != len(wire.Details()) || st.Message() != got.Error() {
		t.Errorf("%s: status.Convert of the client's error: %v, %d details, message %q; want %v, %d details, message %q",
			code, st.Code(), len(st.Details()), st.Message(), wire.Code(), len(wire.Details()), got.Error())
	}
}

// grpcFallbacks: a plain error, a wrapped one and a panic give the
// fallback, never their text, and are reported; a deadline is
// DEADLINE_EXCEEDED.
func grpcFallbacks(t *testing.T, c *catalog.Catalog, raw *grpc.ClientConn, reported *reports) {
	for _, key := range []string{"plain", "wrapped-plain", "panic"} {
		for _, err := range []error{invoke(raw, key), invokeStream(raw, key)} {
			w, _ := grpcWire(t, err)
			info, _ := w.details[0].(*errdetails.ErrorInfo)
			if w.code != c.Fallback.GRPCCode || info.GetReason() != c.Fallback.GRPCReason || strings.Contains(err.Error(), "hunter2") {
				t.Errorf("%s: %v, details %v; want the fallback %s", key, err, w.details, c.Fallback.Code)
			}
		}
	}
	if !reported.has("hunter2") || !reported.has("panic: ") {
		t.Errorf("reported %v; want the plain error and the panic", reported.errs)
	}
	if st, _ := status.FromError(invoke(raw, "deadline")); st.Code() != codes.DeadlineExceeded {
		t.Errorf("a deadline gives %v", st)
	}
}

// grpcUnknownReason: a reason of a newer server is kept as the code of an
// error the catalog does not know.
func grpcUnknownReason(t *testing.T, s suite, c *catalog.Catalog) {
	st, err := status.New(codes.FailedPrecondition, "brand new").WithDetails(&errdetails.ErrorInfo{Reason: "BRAND_NEW_REASON", Domain: c.GRPC.Domain})
	if err != nil {
		t.Fatal(err)
	}
	invoker := func(context.Context, string, any, any, *grpc.ClientConn, ...grpc.CallOption) error { return st.Err() }
	got := s.unaryClient(context.Background(), "/x/Y", nil, nil, nil, invoker)
	if v := viewOf(got); v.Known || v.Code != "BRAND_NEW_REASON" || v.Message != "brand new" {
		t.Errorf("unknown reason: %+v", v)
	}
	if status.Code(got) != codes.FailedPrecondition {
		t.Errorf("status.Code of the client's error = %v, want FailedPrecondition", status.Code(got))
	}
}

// checkGateway: WriteHTTP, as a grpc-gateway error handler, writes what the
// catalog's HTTP API writes for the error the status came from.
func checkGateway(t *testing.T, s suite, tc errCase, err error) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.writeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil), err)
	got, perr := s.parse(rec.Code, rec.Body.Bytes())
	if perr != nil || rec.Code != tc.status {
		t.Errorf("%s: gateway wrote %d %s (%v); want %d", tc.code, rec.Code, rec.Body, perr, tc.status)
		return
	}
	g, w := viewOf(got), viewOf(tc.err)
	g.RequestID, w.RequestID = "", "" // where the envelope has no $request_id, only the header carries it
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s: gateway's body reads\n%+v\nwant\n%+v", tc.code, g, w)
	}
}

// TestGRPCFromWrappedStatus: FromError of a status error wrapped with %w,
// as a service returns a call's error with its own words, gives the
// catalog error the status carries, its message the server's; not the
// wrapping text, which status.FromError makes the message of the status
// it finds (and a server sending the error on would then send).
func TestGRPCFromWrappedStatus(t *testing.T) {
	for _, s := range suites {
		t.Run(s.name, func(t *testing.T) {
			_, cs := cases(t, s)
			errs := map[string]error{}
			for _, tc := range cs {
				errs[tc.code] = tc.err
			}
			raw := dial(t, grpcServer(t, s, errs, &reports{}))
			for _, tc := range cs {
				got, ok := s.grpcFrom(fmt.Errorf("calling upstream: %w", invoke(raw, tc.code)))
				if !ok {
					t.Errorf("%s: FromError of the wrapped status reports false", tc.code)
					continue
				}
				checkClientError(t, tc, got)
			}
		})
	}
}
