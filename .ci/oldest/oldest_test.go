// Package oldest runs the bundled catalog's gRPC and Connect packages with
// the oldest grpc, connect, genproto and protobuf that docs/grpc.md states:
// .ci/rpc-oldest copies this file into a module that requires exactly
// those. Building is not enough: an older library can compile and still
// send another status. So a real server sends a catalog error and a real
// client reads it back, over gRPC and over Connect's three protocols.
package oldest

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"connectrpc.com/connect"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/generated/apierrorsconnect"
	"github.com/errgen/errgen/generated/apierrorsgrpc"
)

const procedure = "/oldest.Errors/Fail"

// fail is every handler's answer: a catalog error with details.
func fail() error { return apierrors.NewNotFound("ticket", "tkt_1") }

// sent is a status as it came over the wire.
type sent struct {
	code    codes.Code
	message string
	details []any
}

// checkNotFound checks what a client read: the catalog error back, with
// its details, and, when st is not nil, the status it came in, with the
// German message the client asked for.
func checkNotFound(t *testing.T, via string, err error, st *sent) {
	t.Helper()
	var e *apierrors.Error
	if !errors.As(err, &e) || e.Code() != apierrors.CodeNotFound {
		t.Fatalf("%s: the client got %v (%T), want NOT_FOUND", via, err, err)
	}
	d, ok := apierrors.DetailsAs[apierrors.NotFoundDetails](err)
	if !ok || d.ResourceID != "tkt_1" {
		t.Errorf("%s: details %+v, want resource id tkt_1", via, d)
	}
	if st == nil {
		return
	}
	if st.code != codes.NotFound {
		t.Errorf("%s: status code %v, want NotFound", via, st.code)
	}
	var info *errdetails.ErrorInfo
	var localized *errdetails.LocalizedMessage
	for _, d := range st.details {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			info = d
		case *errdetails.LocalizedMessage:
			localized = d
		}
	}
	if info.GetReason() != "NOT_FOUND" || info.GetMetadata()["resourceId"] != "tkt_1" {
		t.Errorf("%s: ErrorInfo %v", via, info)
	}
	if localized.GetLocale() != "de" || localized.GetMessage() == st.message {
		t.Errorf("%s: LocalizedMessage %v, want German (status message %q)", via, localized, st.message)
	}
}

func TestGRPC(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(grpc.UnaryInterceptor(apierrorsgrpc.UnaryServerInterceptor()))
	srv.RegisterService(&grpc.ServiceDesc{
		ServiceName: "oldest.Errors",
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{{MethodName: "Fail", Handler: func(_ any, ctx context.Context, dec func(any) error, ic grpc.UnaryServerInterceptor) (any, error) {
			if err := dec(new(emptypb.Empty)); err != nil {
				return nil, err
			}
			h := func(context.Context, any) (any, error) { return nil, fail() }
			return ic(ctx, new(emptypb.Empty), &grpc.UnaryServerInfo{FullMethod: procedure}, h)
		}}},
	}, struct{}{})
	go srv.Serve(lis)
	defer srv.Stop()

	conn, err := grpc.Dial(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx := metadata.AppendToOutgoingContext(context.Background(), "accept-language", "de-CH, de;q=0.9")
	raw := conn.Invoke(ctx, procedure, new(emptypb.Empty), new(emptypb.Empty))
	st, _ := status.FromError(raw)
	e, ok := apierrorsgrpc.FromError(raw)
	if !ok {
		t.Fatalf("FromError(%v) found no catalog error", raw)
	}
	checkNotFound(t, "gRPC", e, &sent{st.Code(), st.Message(), st.Details()})

	// The client interceptor gives the catalog error itself.
	conn2, err := grpc.Dial(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithUnaryInterceptor(apierrorsgrpc.UnaryClientInterceptor()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn2.Close()
	checkNotFound(t, "gRPC client interceptor", conn2.Invoke(ctx, procedure, new(emptypb.Empty), new(emptypb.Empty)), nil)
}

func TestConnect(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle(procedure, connect.NewUnaryHandler(procedure,
		func(context.Context, *connect.Request[emptypb.Empty]) (*connect.Response[emptypb.Empty], error) {
			return nil, fail()
		}, connect.WithInterceptors(apierrorsconnect.Interceptor())))
	srv := httptest.NewUnstartedServer(apierrorsconnect.WrapHandler(mux))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()

	for _, p := range []struct {
		name string
		opts []connect.ClientOption
	}{
		{"Connect", nil},
		{"gRPC", []connect.ClientOption{connect.WithGRPC()}},
		{"gRPC-Web", []connect.ClientOption{connect.WithGRPCWeb()}},
	} {
		plain := connect.NewClient[emptypb.Empty, emptypb.Empty](srv.Client(), srv.URL+procedure, p.opts...)
		req := connect.NewRequest(new(emptypb.Empty))
		req.Header().Set("Accept-Language", "de-CH, de;q=0.9")
		_, raw := plain.CallUnary(context.Background(), req)
		var ce *connect.Error
		if !errors.As(raw, &ce) {
			t.Fatalf("%s: the client got %v, want a *connect.Error", p.name, raw)
		}
		e, ok := apierrorsconnect.FromError(raw)
		if !ok {
			t.Fatalf("%s: FromError(%v) found no catalog error", p.name, raw)
		}
		checkNotFound(t, "Connect over "+p.name, e, connectStatus(t, ce))

		intercepting := connect.NewClient[emptypb.Empty, emptypb.Empty](srv.Client(), srv.URL+procedure,
			append(p.opts, connect.WithInterceptors(apierrorsconnect.Interceptor()))...)
		_, err := intercepting.CallUnary(context.Background(), req)
		checkNotFound(t, "Connect interceptor over "+p.name, err, nil)
	}
}

// connectStatus is the status a Connect error carries.
func connectStatus(t *testing.T, ce *connect.Error) *sent {
	t.Helper()
	st := &sent{code: codes.Code(ce.Code()), message: ce.Message()}
	for _, d := range ce.Details() {
		v, err := d.Value()
		if err != nil {
			t.Fatalf("detail %s: %v", d.Type(), err)
		}
		st.details = append(st.details, v)
	}
	return st
}
