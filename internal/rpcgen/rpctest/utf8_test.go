package rpctest

import (
	"errors"
	"testing"

	"connectrpc.com/connect"
	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/errgen/errgen/internal/golang/fixed"
)

// A message or a field violation that is not UTF-8 (WithMessage of a
// caller's text, an object built from a request's bytes) reaches a gRPC
// or Connect client as Write sends it, each bad byte U+FFFD: protobuf
// strings are UTF-8, and such a status failed to marshal: gRPC sent it
// without any details (no ErrorInfo: the client lost the code), Connect's
// LocalizedMessage and BadRequest were dropped. Over a real gRPC server
// and a real Connect handler.
func TestInvalidUTF8Texts(t *testing.T) {
	s := suites[0]
	problems := []fixed.InvalidInputProblems{{Field: "a\xffb", Message: "c\xfe", Kind: fixed.InvalidInputProblemsKindInvalid}}
	errs := map[string]error{
		"message":   fixed.ErrOrderNotFound.WithMessage("order \xff gone"),
		"violation": fixed.NewWithDetails(fixed.InvalidInputDetails{Field: "items", Problems: problems}),
	}
	want := map[string]error{"message": fixed.ErrOrderNotFound, "violation": fixed.ErrInvalidInput}
	addr := grpcServer(t, s, errs, &reports{})
	typed := dial(t, addr, grpc.WithUnaryInterceptor(s.unaryClient))
	srv := connectServer(t, s, errs, &reports{})
	unary := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](srv.Client(), srv.URL+procedure, connect.WithProtoJSON())
	raw := dial(t, addr)
	for key, sentinel := range want {
		r := readStatus(t, status.Convert(invoke(raw, key)).Proto())
		if r.info == nil || !r.localized || key == "violation" && (len(r.violations) != 1 || r.violations[0].GetField() != "a\uFFFDb") {
			t.Errorf("grpc %s: status %v; want ErrorInfo, LocalizedMessage and the violation", key, r.st)
		}
		for via, err := range map[string]error{"grpc": invoke(typed, key), "connect": connectCall(unary, key)} {
			if via == "connect" {
				err, _ = s.connectFrom(err)
			}
			var e *fixed.Error
			if !errors.As(err, &e) || !errors.Is(err, sentinel) {
				t.Errorf("%s %s: %v; want %v", via, key, err, sentinel)
				continue
			}
			if key == "message" && e.Message() != "order \uFFFD gone" {
				t.Errorf("%s: message %q", via, e.Message())
			}
			d, ok := fixed.DetailsAs[fixed.InvalidInputDetails](err)
			if key == "violation" && (!ok || len(d.Problems) != 1 || d.Problems[0].Field != "a\uFFFDb" || d.Problems[0].Message != "c\uFFFD") {
				t.Errorf("%s: problems %+v", via, d.Problems)
			}
		}
	}
}
