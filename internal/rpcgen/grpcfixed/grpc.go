package grpcfixed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/anypb"

	apierrors "github.com/errgen/errgen/internal/golang/fixed"
)

// Error is the catalog's error type.
type Error = apierrors.Error

// codeNames are the canonical names of the gRPC codes, by number.
var codeNames = [...]string{
	"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
	"ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
	"OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
}

// codeOf is the gRPC code of a canonical name; UNKNOWN for any other.
func codeOf(name string) codes.Code {
	for i, n := range codeNames {
		if n == name {
			return codes.Code(i)
		}
	}
	return codes.Unknown
}

// nameOf is the canonical name of a gRPC code.
func nameOf(c codes.Code) string {
	if int(c) < len(codeNames) {
		return codeNames[c]
	}
	return "UNKNOWN"
}

// Status is the gRPC status a server sends for err, on Google's error model
// (AIP-193): the catalog's gRPC code and message, and as details ErrorInfo
// (reason, domain, the details as metadata), BadRequest (the field
// violations of a detail marked grpc: bad_request), RetryInfo (from
// Retry-After), Help (the docs link and the catalog's help) and RequestInfo
// (the request id). An error that is not a catalog error (nor wraps one) is sent as the
// fallback: its text never reaches the client. A context's cancellation or
// deadline is CANCELLED or DEADLINE_EXCEEDED. A nil err is OK. A catalog of
// several languages adds LocalizedMessage in its default language; see
// StatusFor.
func Status(err error) *status.Status {
	return StatusFor(err, "")
}

// StatusFor is Status for a client that asked for acceptLanguage, an
// Accept-Language value: a catalog of several languages adds a
// LocalizedMessage (locale and message) in the language it asks for, as
// the main package's Write negotiates it; the status's own message stays
// in the default language. The server interceptors give it the request's
// accept-language metadata (grpc-gateway's grpcgateway-accept-language
// when there is none).
func StatusFor(err error, acceptLanguage string) *status.Status {
	return statusOf(context.Background(), "", apierrors.RPCStatusFor(err, acceptLanguage))
}

// statusOf is s as a gRPC status, its details within detailsBudget (see
// fitDetails), what they leave out logged for the call of ctx and
// procedure ("" for none).
func statusOf(ctx context.Context, procedure string, s apierrors.RPCStatus) *status.Status {
	if s.Code == "OK" {
		return status.New(codes.OK, "")
	}
	s, t := fitDetails(s)
	t.report(ctx, procedure, s.Reason)
	p := &spb.Status{Code: int32(codeOf(s.Code)), Message: s.Message}
	for _, d := range details(s) {
		if a, err := anypb.New(d); err == nil {
			p.Details = append(p.Details, a)
		}
	}
	return status.FromProto(p)
}

// FromError is the catalog error err is, wraps, or carries as a gRPC status
// with ErrorInfo, as Parse reads an HTTP response: a reason the catalog
// defines gives its error, details typed again; another reason (a newer
// server's) gives an error whose Known is false, with that reason as its
// code. It reports false for an error without ErrorInfo.
func FromError(err error) (*Error, bool) {
	return fromError(err, nil)
}

// fromError is FromError with the trailer metadata received (nil for none).
func fromError(err error, trailer metadata.MD) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	st := statusIn(err)
	if st == nil || st.Code() == codes.OK {
		return nil, false
	}
	return fromStatus(err, st, trailer)
}

// fromStatus is FromError of err, which is or wraps the status st, with
// the trailer metadata received (nil for none).
func fromStatus(err error, st *status.Status, trailer metadata.MD) (*Error, bool) {
	s := rpcStatus(st)
	s.Header = header(trailer) // where RPCError finds the request id RequestInfo lacks
	e := apierrors.RPCError(s)
	if e == nil {
		return nil, false
	}
	return e.WithCause(received{err, wrapping(err, st)}), true
}

// received is the status error a client received, as the catalog error
// made of it holds it (its cause, for status.Code and errors.As): its text
// is only the words err wrapped the status error in, if any, so that the
// catalog error reads as the HTTP side's, CODE: message, not followed by
// the status's text, the same code and message again.
type received struct {
	err  error
	text string
}

func (r received) Error() string { return r.text }
func (r received) Unwrap() error { return r.err }

// wrapping is the text err, which is or wraps the status error of st, adds
// to the status error's own: "" for the status error itself, "calling
// orders" for fmt.Errorf("calling orders: %w", err); err's whole text when
// the status error's is not at its end.
func wrapping(err error, st *status.Status) string {
	text, own := err.Error(), st.Err().Error()
	if text == own {
		return ""
	}
	if w, ok := strings.CutSuffix(text, ": "+own); ok {
		return w
	}
	return text
}

// statusIn is the status err is or wraps, as the server sent it; nil for
// none. Not status.FromError's: of a wrapped status, that one's message is
// err's whole text, the wrapping words and "rpc error: code = …" included,
// which would become the catalog error's message.
func statusIn(err error) *status.Status {
	var se interface{ GRPCStatus() *status.Status }
	if !errors.As(err, &se) {
		return nil
	}
	return se.GRPCStatus()
}

// rpcStatus reads a gRPC status and the details AIP-193 names.
func rpcStatus(st *status.Status) apierrors.RPCStatus {
	s := apierrors.RPCStatus{Code: nameOf(st.Code()), Message: st.Message()}
	for _, a := range st.Proto().GetDetails() {
		m, err := a.UnmarshalNew()
		if err != nil {
			continue
		}
		switch d := m.(type) {
		case *errdetails.ErrorInfo:
			s.Reason, s.Domain, s.Metadata = d.GetReason(), d.GetDomain(), d.GetMetadata()
		case *errdetails.RetryInfo:
			s.RetryDelay = d.GetRetryDelay().AsDuration()
		case *errdetails.Help:
			for _, l := range d.GetLinks() {
				s.Links = append(s.Links, apierrors.RPCLink{Description: l.GetDescription(), URL: l.GetUrl()})
			}
		case *errdetails.RequestInfo:
			s.RequestID = d.GetRequestId()
		case *errdetails.BadRequest:
			for _, v := range d.GetFieldViolations() {
				s.FieldViolations = append(s.FieldViolations, apierrors.RPCFieldViolation{Field: v.GetField(), Description: v.GetDescription()})
			}
		}
	}
	return s
}

// RetryDelay is the delay a status's RetryInfo asks a client to wait before
// retrying; false when it has none.
func RetryDelay(err error) (time.Duration, bool) {
	st := statusIn(err)
	if st == nil {
		return 0, false
	}
	d := rpcStatus(st).RetryDelay
	return d, d > 0
}

// WriteHTTP writes the error of a gRPC call as the catalog's HTTP API does
// (apierrors.Write): a status these packages sent becomes its catalog
// error again, in the catalog's envelope, with its status and headers; any
// other error becomes the fallback. It is a grpc-gateway error handler, so
// that one service has one error wire over HTTP and gRPC:
//
//	runtime.WithErrorHandler(func(_ context.Context, _ *runtime.ServeMux, _ runtime.Marshaler, w http.ResponseWriter, r *http.Request, err error) {
//		apierrorsgrpc.WriteHTTP(w, r, err)
//	})
func WriteHTTP(w http.ResponseWriter, r *http.Request, err error) {
	if e, ok := FromError(err); ok {
		err = e
		if id := e.RequestID(); id != "" {
			// The gateway answers the same call over HTTP: the id is the
			// one the gRPC server sent and reported, which Write would
			// otherwise take for another server's and replace.
			err = e.WithRequestID(id)
		}
	}
	apierrors.Write(w, r, err)
}

// Option configures the server interceptors.
type Option func(*options)

type options struct {
	report func(ctx context.Context, method string, err error)
}

// WithReport adds a report, with the method, of each error a handler
// returns that is not a catalog error, and of a panic, before the client
// gets the fallback. Without it the fallback is reported once, as Write
// reports it: RPCStatusForCall hands it, with the method as the report's
// Procedure, to the Go package's Config.Reporter, by default
// slog.Default(); a second report of the same error by default would log
// it twice.
func WithReport(report func(ctx context.Context, method string, err error)) Option {
	return func(o *options) { o.report = report }
}

func newOptions(opts []Option) *options {
	o := &options{}
	for _, opt := range opts {
		opt(o)
	}
	return o
}

// serverError is the status error a server interceptor returns for err,
// reporting what becomes the fallback (not an error Config.Map maps), and
// the request id it sends as trailer metadata.
func (o *options) serverError(ctx context.Context, method string, err error, setTrailer func(metadata.MD)) error {
	s := apierrors.RPCStatusForCall(ctx, method, err, incoming(ctx))
	if s.Fallback && o.report != nil {
		o.report(ctx, method, err)
	}
	sendRequestID(s, setTrailer)
	return statusOf(ctx, method, s).Err()
}

// panicError is the status error for a panic's value v: the fallback,
// which RPCPanic reports with the stack, for it runs in the deferred
// function that recovered v.
func (o *options) panicError(ctx context.Context, method string, v any, setTrailer func(metadata.MD)) error {
	s := apierrors.RPCPanic(ctx, method, v, incoming(ctx))
	if o.report != nil {
		o.report(ctx, method, fmt.Errorf("panic: %v", v))
	}
	sendRequestID(s, setTrailer)
	return statusOf(ctx, method, s).Err()
}

// UnaryServerInterceptor turns every error a unary handler returns, and a
// panic, into its Status, in the language of the call's accept-language
// metadata; in a catalog with request ids, with the call's id (its
// metadata's, else a new one: see the main package's RPCStatusForCall) in
// RequestInfo and in the trailer metadata.
func UnaryServerInterceptor(opts ...Option) grpc.UnaryServerInterceptor {
	o := newOptions(opts)
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
		defer func() {
			if v := recover(); v != nil {
				resp, err = nil, o.panicError(ctx, info.FullMethod, v, unaryTrailer(ctx))
			}
		}()
		resp, err = handler(ctx, req)
		if err != nil {
			return nil, o.serverError(ctx, info.FullMethod, err, unaryTrailer(ctx))
		}
		return resp, nil
	}
}

// StreamServerInterceptor turns the error a streaming handler returns, and
// a panic, into its Status, as UnaryServerInterceptor does.
func StreamServerInterceptor(opts ...Option) grpc.StreamServerInterceptor {
	o := newOptions(opts)
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) (err error) {
		defer func() {
			if v := recover(); v != nil {
				err = o.panicError(ss.Context(), info.FullMethod, v, ss.SetTrailer)
			}
		}()
		if err = handler(srv, ss); err != nil {
			return o.serverError(ss.Context(), info.FullMethod, err, ss.SetTrailer)
		}
		return nil
	}
}

// clientError is err as a client gets it back: the catalog error a status
// carries (wrapping the status error, so status.Code still works), else
// err; trailer is the trailer metadata received (nil for none), whose
// request id the catalog error takes when the status has no RequestInfo.
func clientError(err error, trailer metadata.MD) error {
	if err == nil {
		return nil
	}
	if e, ok := fromError(err, trailer); ok {
		return e
	}
	return err
}

// UnaryClientInterceptor gives back the catalog error of a failed call, so
// that errors.Is with the sentinel of its code and apierrors.DetailsAs work;
// its RequestID is RequestInfo's, else the trailer metadata's.
func UnaryClientInterceptor() grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		var trailer metadata.MD
		err := invoker(ctx, method, req, reply, cc, append(opts[:len(opts):len(opts)], grpc.Trailer(&trailer))...)
		return clientError(err, trailer)
	}
}

// StreamClientInterceptor gives back the catalog error of a failed stream,
// from its start and each message.
func StreamClientInterceptor() grpc.StreamClientInterceptor {
	return func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		cs, err := streamer(ctx, desc, cc, method, opts...)
		if err != nil {
			return nil, clientError(err, nil)
		}
		return clientStream{cs}, nil
	}
}

// clientStream is a client stream whose errors are catalog errors.
type clientStream struct {
	grpc.ClientStream
}

func (s clientStream) SendMsg(m any) error { return clientError(s.ClientStream.SendMsg(m), nil) }
func (s clientStream) CloseSend() error    { return clientError(s.ClientStream.CloseSend(), nil) }

// RecvMsg's error ends the stream: its trailer is there to read.
func (s clientStream) RecvMsg(m any) error {
	err := s.ClientStream.RecvMsg(m)
	if err == nil || err == io.EOF {
		return err
	}
	return clientError(err, s.ClientStream.Trailer())
}
