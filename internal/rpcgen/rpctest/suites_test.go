package rpctest

import (
	"net/http"

	"connectrpc.com/connect"
	"google.golang.org/grpc"

	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/generated/apierrorsconnect"
	"github.com/errgen/errgen/generated/apierrorsgrpc"
	"github.com/errgen/errgen/internal/golang/fixed"
	"github.com/errgen/errgen/internal/rpcgen/connectfixed"
	"github.com/errgen/errgen/internal/rpcgen/grpcfixed"

	"github.com/errgen/errgen/examples/generic/genericerrors"
	"github.com/errgen/errgen/examples/onestack/onestackerrors"
	"github.com/errgen/errgen/examples/scopestack/scopestackerrors"
	"github.com/errgen/errgen/examples/stackone/stackoneerrors"
	"github.com/errgen/errgen/internal/rpcgen/rpctest/examples/generic/genericerrorsconnect"
	"github.com/errgen/errgen/internal/rpcgen/rpctest/examples/generic/genericerrorsgrpc"
	"github.com/errgen/errgen/internal/rpcgen/rpctest/examples/onestack/onestackerrorsconnect"
	"github.com/errgen/errgen/internal/rpcgen/rpctest/examples/onestack/onestackerrorsgrpc"
	"github.com/errgen/errgen/internal/rpcgen/rpctest/examples/scopestack/scopestackerrorsconnect"
	"github.com/errgen/errgen/internal/rpcgen/rpctest/examples/scopestack/scopestackerrorsgrpc"
	"github.com/errgen/errgen/internal/rpcgen/rpctest/examples/stackone/stackoneerrorsconnect"
	"github.com/errgen/errgen/internal/rpcgen/rpctest/examples/stackone/stackoneerrorsgrpc"
)

// suite is one catalog's three packages, as the tests drive them: the Go
// package (Parse makes each error from its example body) and its gRPC and
// Connect packages.
type suite struct {
	name, catalog string
	parse         func(status int, body []byte) (error, error)
	withRequestID func(err error, id string) error

	unary        func(...report) grpc.UnaryServerInterceptor
	stream       func(...report) grpc.StreamServerInterceptor
	unaryClient  grpc.UnaryClientInterceptor
	streamClient grpc.StreamClientInterceptor
	grpcFrom     func(error) (error, bool)
	writeHTTP    func(http.ResponseWriter, *http.Request, error)

	connect     func(...report) connect.Interceptor
	connectFrom func(error) (error, bool)
	wrapHandler func(http.Handler) http.Handler
}

// report is where the server interceptors report non-catalog errors.
type report = func(err error)

// asError is e as an error: nil for a nil *E.
func asError[E any](e *E, ok bool) (error, bool) {
	if e == nil {
		return nil, ok
	}
	return any(e).(error), ok
}

func parsed[E any](e *E, err error) (error, error) {
	if err != nil {
		return nil, err
	}
	return any(e).(error), nil
}

// The suites: the Go output's stand-in with the fixed halves themselves,
// the bundled catalog's goldens, and every example catalog's packages.
var suites = []suite{
	{
		name: "standin", catalog: rootDir + "/internal/golang/testdata/standin.yaml",
		parse:         func(s int, b []byte) (error, error) { return parsed(fixed.Parse(s, b)) },
		withRequestID: func(err error, id string) error { return err.(*fixed.Error).WithRequestID(id) },
		unary: func(r ...report) grpc.UnaryServerInterceptor {
			return grpcfixed.UnaryServerInterceptor(grpcfixed.WithReport(grpcReport(r)))
		},
		stream: func(r ...report) grpc.StreamServerInterceptor {
			return grpcfixed.StreamServerInterceptor(grpcfixed.WithReport(grpcReport(r)))
		},
		unaryClient: grpcfixed.UnaryClientInterceptor(), streamClient: grpcfixed.StreamClientInterceptor(),
		grpcFrom:  func(err error) (error, bool) { return asError(grpcfixed.FromError(err)) },
		writeHTTP: grpcfixed.WriteHTTP,
		connect: func(r ...report) connect.Interceptor {
			return connectfixed.Interceptor(connectfixed.WithReport(grpcReport(r)))
		},
		connectFrom: func(err error) (error, bool) { return asError(connectfixed.FromError(err)) },
		wrapHandler: connectfixed.WrapHandler,
	},
	{
		name: "bundled", catalog: rootDir + "/catalog.yaml",
		parse:         func(s int, b []byte) (error, error) { return parsed(apierrors.Parse(s, b)) },
		withRequestID: func(err error, id string) error { return err.(*apierrors.Error).WithRequestID(id) },
		unary: func(r ...report) grpc.UnaryServerInterceptor {
			return apierrorsgrpc.UnaryServerInterceptor(apierrorsgrpc.WithReport(grpcReport(r)))
		},
		stream: func(r ...report) grpc.StreamServerInterceptor {
			return apierrorsgrpc.StreamServerInterceptor(apierrorsgrpc.WithReport(grpcReport(r)))
		},
		unaryClient: apierrorsgrpc.UnaryClientInterceptor(), streamClient: apierrorsgrpc.StreamClientInterceptor(),
		grpcFrom:  func(err error) (error, bool) { return asError(apierrorsgrpc.FromError(err)) },
		writeHTTP: apierrorsgrpc.WriteHTTP,
		connect: func(r ...report) connect.Interceptor {
			return apierrorsconnect.Interceptor(apierrorsconnect.WithReport(grpcReport(r)))
		},
		connectFrom: func(err error) (error, bool) { return asError(apierrorsconnect.FromError(err)) },
		wrapHandler: apierrorsconnect.WrapHandler,
	},
	{
		name: "generic", catalog: rootDir + "/examples/generic/catalog.yaml",
		parse:         func(s int, b []byte) (error, error) { return parsed(genericerrors.Parse(s, b)) },
		withRequestID: func(err error, id string) error { return err.(*genericerrors.Error).WithRequestID(id) },
		unary: func(r ...report) grpc.UnaryServerInterceptor {
			return genericerrorsgrpc.UnaryServerInterceptor(genericerrorsgrpc.WithReport(grpcReport(r)))
		},
		stream: func(r ...report) grpc.StreamServerInterceptor {
			return genericerrorsgrpc.StreamServerInterceptor(genericerrorsgrpc.WithReport(grpcReport(r)))
		},
		unaryClient: genericerrorsgrpc.UnaryClientInterceptor(), streamClient: genericerrorsgrpc.StreamClientInterceptor(),
		grpcFrom:  func(err error) (error, bool) { return asError(genericerrorsgrpc.FromError(err)) },
		writeHTTP: genericerrorsgrpc.WriteHTTP,
		connect: func(r ...report) connect.Interceptor {
			return genericerrorsconnect.Interceptor(genericerrorsconnect.WithReport(grpcReport(r)))
		},
		connectFrom: func(err error) (error, bool) { return asError(genericerrorsconnect.FromError(err)) },
		wrapHandler: genericerrorsconnect.WrapHandler,
	},
	{
		name: "onestack", catalog: rootDir + "/examples/onestack/catalog.yaml",
		parse:         func(s int, b []byte) (error, error) { return parsed(onestackerrors.Parse(s, b)) },
		withRequestID: func(err error, id string) error { return err.(*onestackerrors.Error).WithRequestID(id) },
		unary: func(r ...report) grpc.UnaryServerInterceptor {
			return onestackerrorsgrpc.UnaryServerInterceptor(onestackerrorsgrpc.WithReport(grpcReport(r)))
		},
		stream: func(r ...report) grpc.StreamServerInterceptor {
			return onestackerrorsgrpc.StreamServerInterceptor(onestackerrorsgrpc.WithReport(grpcReport(r)))
		},
		unaryClient: onestackerrorsgrpc.UnaryClientInterceptor(), streamClient: onestackerrorsgrpc.StreamClientInterceptor(),
		grpcFrom:  func(err error) (error, bool) { return asError(onestackerrorsgrpc.FromError(err)) },
		writeHTTP: onestackerrorsgrpc.WriteHTTP,
		connect: func(r ...report) connect.Interceptor {
			return onestackerrorsconnect.Interceptor(onestackerrorsconnect.WithReport(grpcReport(r)))
		},
		connectFrom: func(err error) (error, bool) { return asError(onestackerrorsconnect.FromError(err)) },
		wrapHandler: onestackerrorsconnect.WrapHandler,
	},
	{
		name: "scopestack", catalog: rootDir + "/examples/scopestack/catalog.yaml",
		parse:         func(s int, b []byte) (error, error) { return parsed(scopestackerrors.Parse(s, b)) },
		withRequestID: func(err error, id string) error { return err.(*scopestackerrors.Error).WithRequestID(id) },
		unary: func(r ...report) grpc.UnaryServerInterceptor {
			return scopestackerrorsgrpc.UnaryServerInterceptor(scopestackerrorsgrpc.WithReport(grpcReport(r)))
		},
		stream: func(r ...report) grpc.StreamServerInterceptor {
			return scopestackerrorsgrpc.StreamServerInterceptor(scopestackerrorsgrpc.WithReport(grpcReport(r)))
		},
		unaryClient: scopestackerrorsgrpc.UnaryClientInterceptor(), streamClient: scopestackerrorsgrpc.StreamClientInterceptor(),
		grpcFrom:  func(err error) (error, bool) { return asError(scopestackerrorsgrpc.FromError(err)) },
		writeHTTP: scopestackerrorsgrpc.WriteHTTP,
		connect: func(r ...report) connect.Interceptor {
			return scopestackerrorsconnect.Interceptor(scopestackerrorsconnect.WithReport(grpcReport(r)))
		},
		connectFrom: func(err error) (error, bool) { return asError(scopestackerrorsconnect.FromError(err)) },
		wrapHandler: scopestackerrorsconnect.WrapHandler,
	},
	{
		name: "stackone", catalog: rootDir + "/examples/stackone/catalog.yaml",
		parse:         func(s int, b []byte) (error, error) { return parsed(stackoneerrors.Parse(s, b)) },
		withRequestID: func(err error, id string) error { return err.(*stackoneerrors.Error).WithRequestID(id) },
		unary: func(r ...report) grpc.UnaryServerInterceptor {
			return stackoneerrorsgrpc.UnaryServerInterceptor(stackoneerrorsgrpc.WithReport(grpcReport(r)))
		},
		stream: func(r ...report) grpc.StreamServerInterceptor {
			return stackoneerrorsgrpc.StreamServerInterceptor(stackoneerrorsgrpc.WithReport(grpcReport(r)))
		},
		unaryClient: stackoneerrorsgrpc.UnaryClientInterceptor(), streamClient: stackoneerrorsgrpc.StreamClientInterceptor(),
		grpcFrom:  func(err error) (error, bool) { return asError(stackoneerrorsgrpc.FromError(err)) },
		writeHTTP: stackoneerrorsgrpc.WriteHTTP,
		connect: func(r ...report) connect.Interceptor {
			return stackoneerrorsconnect.Interceptor(stackoneerrorsconnect.WithReport(grpcReport(r)))
		},
		connectFrom: func(err error) (error, bool) { return asError(stackoneerrorsconnect.FromError(err)) },
		wrapHandler: stackoneerrorsconnect.WrapHandler,
	},
}
