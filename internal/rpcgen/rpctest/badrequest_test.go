package rpctest

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"connectrpc.com/connect"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/catalog"
)

// violations are what a server not built with errgen sends as BadRequest.
var violations = []*errdetails.BadRequest_FieldViolation{
	{Field: "emails[0].value", Description: "is not a valid email address"},
	{Field: "name", Description: `must not be "" <empty>`},
}

// TestBadRequestFromViolations: TestGRPC and TestConnect check that an
// error with a grpc: bad_request detail is sent with BadRequest field
// violations beside ErrorInfo, and comes back typed from the metadata.
// Here a server not built with errgen sends the catalog's ErrorInfo without
// the detail in its metadata, and BadRequest: the client's FromError makes
// the typed detail of the violations (their field and description; the
// objects' other fields empty), keeps the error's identity, and the
// BadRequest stays readable on the status. Over a real gRPC server and a
// real Connect handler, for each catalog with such a detail.
func TestBadRequestFromViolations(t *testing.T) {
	tested := 0
	for _, s := range suites {
		c, cs := cases(t, s)
		for _, tc := range cs {
			e := catalogError(c, tc.code)
			d := e.BadRequest()
			if d == nil {
				continue
			}
			tested++
			t.Run(s.name+"/"+tc.code, func(t *testing.T) {
				field, desc := d.Violation()
				want := `"` + d.Name + `":[`
				for i, v := range violations {
					if i > 0 {
						want += ","
					}
					want += `{"` + field.Name + `":` + jsonText(v.Field) + `,"` + desc.Name + `":` + jsonText(v.Description) + `}`
				}
				want += "]"
				info := &errdetails.ErrorInfo{Reason: e.GRPCReason, Domain: c.GRPC.Domain}
				st, err := status.New(codes.InvalidArgument, "invalid").WithDetails(info, &errdetails.BadRequest{FieldViolations: violations})
				if err != nil {
					t.Fatal(err)
				}
				addr := rawGRPCServer(t, st.Err())
				got := invoke(dial(t, addr, grpc.WithUnaryInterceptor(s.unaryClient)), "any")
				checkFromViolations(t, got, tc.code, want)
				if br := badRequestOf(status.Convert(got).Details()); !proto.Equal(br, &errdetails.BadRequest{FieldViolations: violations}) {
					t.Errorf("gRPC: the client's error carries BadRequest %v", br)
				}

				ce := connect.NewError(connect.CodeInvalidArgument, errors.New("invalid"))
				for _, m := range []proto.Message{info, &errdetails.BadRequest{FieldViolations: violations}} {
					detail, err := connect.NewErrorDetail(m)
					if err != nil {
						t.Fatal(err)
					}
					ce.AddDetail(detail)
				}
				srv := rawConnectServer(t, ce)
				client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, connect.WithInterceptors(s.connect()))
				got = connectCall(client, "any")
				checkFromViolations(t, got, tc.code, want)
				var back *connect.Error
				if !errors.As(got, &back) || len(back.Details()) != 2 {
					t.Errorf("Connect: the client's error wraps %v", back)
				}
			})
		}
	}
	if tested < 2 {
		t.Errorf("%d errors with a grpc: bad_request detail; want the stand-in's and StackOne's", tested)
	}
}

// checkFromViolations checks the catalog error a client got: the code's,
// its details holding the detail made of the violations, as want says.
func checkFromViolations(t *testing.T, got error, code, want string) {
	t.Helper()
	v := viewOf(got)
	details, err := json.Marshal(v.Details)
	if !v.Known || v.Code != code || err != nil || !strings.Contains(string(details), want) {
		t.Errorf("client's error %+v, details %s; want %s with %s", v, details, code, want)
	}
}

// catalogError is the catalog's error of code.
func catalogError(c *catalog.Catalog, code string) *catalog.Error {
	for _, e := range c.Errors {
		if e.Code == code {
			return e
		}
	}
	return nil
}

func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// badRequestOf is the BadRequest among a status's details, or nil.
func badRequestOf(details []any) *errdetails.BadRequest {
	for _, d := range details {
		if br, ok := d.(*errdetails.BadRequest); ok {
			return br
		}
	}
	return nil
}

// rawGRPCServer answers every call with err, without errgen's interceptors,
// as a server not built with errgen does.
func rawGRPCServer(t *testing.T, err error) string {
	t.Helper()
	lis, lerr := net.Listen("tcp", "127.0.0.1:0")
	if lerr != nil {
		t.Fatal(lerr)
	}
	srv := grpc.NewServer()
	srv.RegisterService(&grpc.ServiceDesc{
		ServiceName: service,
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{{MethodName: "Fail", Handler: func(_ any, _ context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
			if derr := dec(new(wrapperspb.StringValue)); derr != nil {
				return nil, derr
			}
			return nil, err
		}}},
	}, struct{}{})
	go srv.Serve(lis)
	t.Cleanup(srv.Stop)
	return lis.Addr().String()
}

// rawConnectServer answers every call with err, without errgen's
// interceptor.
func rawConnectServer(t *testing.T, err *connect.Error) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(procedure, connect.NewUnaryHandler(procedure,
		func(context.Context, *connect.Request[wrapperspb.StringValue]) (*connect.Response[emptypb.Empty], error) {
			return nil, err
		}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}
