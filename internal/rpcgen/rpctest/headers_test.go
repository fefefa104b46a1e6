package rpctest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
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

// TestConnectHeaders: behind the interceptor, a Connect error carries, as
// its metadata, the headers Write sends with the same error (the
// catalog's, Retry-After and Cache-Control among them, the challenge,
// WWW-Authenticate), which the Connect and gRPC-Web protocols send as the
// response's headers, as an HTTP client and a proxy read them; not
// Content-Type, nor Content-Language, which the protocol and
// LocalizedMessage say. Over the gRPC protocol, whose metadata goes out as
// HTTP trailers, only the request id, as the gRPC package sends it. NewError,
// which knows no protocol, sends those HTTP allows as trailers. Unary and
// streaming.
func TestConnectHeaders(t *testing.T) {
	s := suites[0]
	errs := map[string]error{
		"rate":  fixed.NewRateLimited(10, "1m", 30),
		"auth":  fixed.NewUnauthorized(),
		"field": fixed.NewInvalidInput("email"),
	}
	srv := connectServer(t, s, errs, &reports{})
	for key, err := range errs {
		rec := httptest.NewRecorder()
		fixed.Write(rec, httptest.NewRequest(http.MethodGet, "/", nil), err)
		want := rec.Header()
		for _, h := range []string{"Content-Type", "Content-Language", "Vary", "X-Request-Id"} {
			want.Del(h)
		}
		for _, p := range []struct {
			name string
			opt  connect.ClientOption
		}{{"connect", connect.WithProtoJSON()}, {"grpc", connect.WithGRPC()}, {"grpc-web", connect.WithGRPCWeb()}} {
			for _, url := range []string{procedure, streamProcedure} {
				client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+url, p.opt)
				var got error
				if url == procedure {
					_, got = client.CallUnary(context.Background(), connect.NewRequest(wrapperspb.String(key)))
				} else {
					got = connectStream(client, key)
				}
				var ce *connect.Error
				if !errors.As(got, &ce) {
					t.Fatalf("%s: %v", key, got)
				}
				for name, values := range want {
					g := ce.Meta().Values(name)
					if p.name == "grpc" {
						if len(g) != 0 {
							t.Errorf("%s %s over gRPC: metadata %s: %q; want none", key, url, name, g)
						}
					} else if len(g) != len(values) || g[0] != values[0] {
						t.Errorf("%s %s over %s: metadata %s: %q; want %q as Write sends it", key, url, p.name, name, g, values)
					}
				}
				if len(ce.Meta().Values("X-Request-Id")) != 1 {
					t.Errorf("%s %s over %s: request id %q; want one", key, url, p.name, ce.Meta().Values("X-Request-Id"))
				}
			}
		}
	}
	h := errorMeta(connectfixed.NewError(fixed.NewRateLimited(10, "1m", 30).WithRequestID("r-1")))
	if h.Get("Retry-After") != "30" || h.Get("X-Request-Id") != "r-1" || h.Get("Cache-Control") != "" {
		t.Errorf("NewError's metadata %v; want the catalog's headers HTTP allows as trailers", h)
	}
}

func errorMeta(err error) http.Header {
	var ce *connect.Error
	if errors.As(err, &ce) {
		return ce.Meta()
	}
	return nil
}

// TestRetryInfo: a 429's Retry-After is RetryInfo on gRPC, and a client
// reads it back with RetryDelay and with the error's RetryAfter, as
// ParseResponse reads the header; over gRPC and Connect.
func TestRetryInfo(t *testing.T) {
	s := suites[0]
	errs := map[string]error{"rate": fixed.NewRateLimited(10, "1m", 30)}
	conn := dial(t, grpcServer(t, s, errs, &reports{}), grpc.WithUnaryInterceptor(s.unaryClient))
	srv := connectServer(t, s, errs, &reports{})
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, connect.WithInterceptors(connectfixed.Interceptor()))
	for name, err := range map[string]error{"grpc": invoke(conn, "rate"), "connect": connectCall(client, "rate")} {
		var e *fixed.Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: %v", name, err)
		}
		if d, ok := e.RetryAfter(); !ok || d != 30*time.Second {
			t.Errorf("%s: RetryAfter %v %v", name, d, ok)
		}
	}
	if d, ok := grpcfixed.RetryDelay(invoke(conn, "rate")); !ok || d != 30*time.Second {
		t.Errorf("grpc RetryDelay: %v %v", d, ok)
	}
}

// TestClientErrorText: the error a client gets back reads as the HTTP
// side's, CODE: message, without the status's own text beside it (its code
// and message again); words the caller wrapped the status error in stay.
func TestClientErrorText(t *testing.T) {
	s := suites[0]
	errs := map[string]error{"catalog": fixed.NewOrderNotFound()}
	want := fixed.NewOrderNotFound().Error()
	addr := grpcServer(t, s, errs, &reports{})
	conn := dial(t, addr, grpc.WithUnaryInterceptor(s.unaryClient), grpc.WithStreamInterceptor(s.streamClient))
	srv := connectServer(t, s, errs, &reports{})
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, connect.WithInterceptors(connectfixed.Interceptor()))
	for name, err := range map[string]error{
		"grpc unary":  invoke(conn, "catalog"),
		"grpc stream": invokeStream(conn, "catalog"),
		"connect":     connectCall(client, "catalog"),
	} {
		if err == nil || err.Error() != want {
			t.Errorf("%s: %q; want %q", name, err, want)
		}
	}
	raw := invoke(dial(t, addr), "catalog")
	if e, ok := grpcfixed.FromError(fmtErrorf("calling orders: %w", raw)); !ok || e.Error() != want+": calling orders" {
		t.Errorf("FromError of a wrapped status: %q; want %q", e, want+": calling orders")
	}
}

func fmtErrorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
