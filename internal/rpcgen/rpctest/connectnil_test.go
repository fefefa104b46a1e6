package rpctest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/internal/golang/fixed"
	"github.com/errgen/errgen/internal/rpcgen/connectfixed"
)

// TestConnectNewErrorNil: a handler may return NewError(err) whatever err
// is, as it returns connect.NewError's: for a nil err the call succeeds.
// NewError returned a nil *connect.Error, which as the handler's error is
// not nil: the call failed with "unknown: unknown". A catalog
// error still comes back as a *connect.Error, with its code.
func TestConnectNewErrorNil(t *testing.T) {
	if err := connectfixed.NewError(nil); err != nil {
		t.Fatalf("NewError(nil) = %#v, want a nil error", err)
	}
	if err := connectfixed.NewErrorFor(nil, "de"); err != nil {
		t.Fatalf("NewErrorFor(nil, de) = %#v, want a nil error", err)
	}
	var ce *connect.Error
	if err := connectfixed.NewError(fixed.ErrInternal); !errors.As(err, &ce) || ce.Code() != connect.CodeInternal {
		t.Fatalf("NewError(ErrInternal) = %#v, want a *connect.Error of code internal", err)
	}
	mux := http.NewServeMux()
	mux.Handle(procedure, connect.NewUnaryHandler(procedure,
		func(_ context.Context, req *connect.Request[wrapperspb.StringValue]) (*connect.Response[emptypb.Empty], error) {
			var err error
			if req.Msg.GetValue() == "fail" {
				err = fixed.ErrInternal
			}
			return connect.NewResponse(&emptypb.Empty{}), connectfixed.NewError(err)
		}))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure)
	if err := connectCall(client, "ok"); err != nil {
		t.Errorf("a handler returning NewError(nil): %v", err)
	}
	if code := connect.CodeOf(connectCall(client, "fail")); code != connect.CodeInternal {
		t.Errorf("a handler returning NewError(ErrInternal): code %v", code)
	}
}
