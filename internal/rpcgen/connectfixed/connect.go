package connectfixed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/genproto/googleapis/rpc/errdetails"

	apierrors "github.com/errgen/errgen/internal/golang/fixed"
)

// Error is the catalog's error type.
type Error = apierrors.Error

// codeNames are the canonical names of the codes Connect shares with gRPC,
// by number.
var codeNames = [...]string{
	"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
	"ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
	"OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
}

// codeOf is the Connect code of a canonical name; CodeUnknown for any other.
func codeOf(name string) connect.Code {
	for i, n := range codeNames {
		if n == name && i > 0 {
			return connect.Code(i)
		}
	}
	return connect.CodeUnknown
}

// NewError is the Connect error a handler sends for err, on Google's error
// model (AIP-193): the catalog's gRPC code and message, and as details
// ErrorInfo (reason, domain, the details as metadata), BadRequest (the
// field violations of a detail marked grpc: bad_request), RetryInfo (from
// Retry-After), Help (the docs link and the catalog's help) and RequestInfo
// (the request id). An error that is not a catalog error (nor wraps one) is
// sent as the fallback: its text never reaches the client. A context's
// cancellation or deadline is CANCELLED or DEADLINE_EXCEEDED. A nil err is
// nil. A catalog of several languages adds LocalizedMessage in its default
// language; see NewErrorFor. It returns an error, not the *connect.Error it
// holds (errors.As finds it), so that nil is a nil error: a handler's
// "return res, NewError(err)" would otherwise return a non-nil error
// holding a nil *connect.Error, which connect sends as an UNKNOWN error.
func NewError(err error) error {
	return NewErrorFor(err, "")
}

// NewErrorFor is NewError for a client that asked for acceptLanguage, its
// Accept-Language header: a catalog of several languages adds a
// LocalizedMessage (locale and message) in the language it asks for, as the
// main package's Write negotiates it; the error's own message stays in the
// default language. Interceptor gives it the request's header.
func NewErrorFor(err error, acceptLanguage string) error {
	s := apierrors.RPCStatusFor(err, acceptLanguage)
	if s.Reason != "" { // not OK, CANCELLED, DEADLINE_EXCEEDED, which err says again
		if e := known(err); e != nil {
			err = e
		} else {
			err = apierrors.RPCError(s) // the fallback or Config.Map's error, as sent
		}
	}
	return connectError(context.Background(), "", s, "", err)
}

// known is the catalog error err is or wraps, when the catalog defines its
// code; else nil.
func known(err error) *Error {
	var e *Error
	if errors.As(err, &e) && e.Known() {
		return e
	}
	return nil
}

// sent is the error a Connect error NewError makes wraps: its text the
// status's message, as connect.NewError takes it, and err the catalog
// error sent, so that Interceptor, behind which a handler may return the
// Connect error, sends that error again (with the call's request id, in
// the language it asks for), not the fallback it sends for any other
// Connect error.
type sent struct {
	message string
	err     error
}

func (s sent) Error() string { return s.message }
func (s sent) Unwrap() error { return s.err }

// connectError is s as a Connect error, a *connect.Error wrapping cause
// (nil for none); nil (an error holding no nil pointer) for OK. Its
// metadata is s.Header as the protocol (connect.ProtocolGRPC and the
// others; "" for one not known) can send it: over Connect and gRPC-Web all
// of it, where each sends an error's metadata (a unary Connect response's
// headers, a stream's end, gRPC-Web's trailers); over gRPC, whose
// metadata goes out as HTTP trailers, the request id only, as the gRPC
// package sends it; over a protocol not known, the fields HTTP allows as
// trailers (not WWW-Authenticate nor Cache-Control), which net/http would
// drop from gRPC's trailers, and log. Its details are within detailsBudget
// (see fitDetails) but over the Connect protocol, which sends them in the
// body; what they leave out is logged for the call of ctx and procedure
// ("" for none).
func connectError(ctx context.Context, procedure string, s apierrors.RPCStatus, protocol string, cause error) error {
	if s.Code == "OK" {
		return nil
	}
	if protocol != connect.ProtocolConnect {
		var t trim
		s, t = fitDetails(s)
		t.report(ctx, procedure, s.Reason)
	}
	ce := connect.NewError(codeOf(s.Code), sent{s.Message, cause})
	for k, v := range s.Header {
		switch {
		case protocol == connect.ProtocolGRPC && k != s.RequestIDHeader:
		case protocol == "" && !validTrailer(k):
		default:
			ce.Meta()[k] = v
		}
	}
	for _, m := range details(s) {
		if d, err := connect.NewErrorDetail(m); err == nil {
			ce.AddDetail(d)
		}
	}
	return ce
}

// validTrailer reports whether net/http sends a trailer of the canonical
// name: not one of those HTTP keeps to the header (httpguts.ValidTrailerHeader).
func validTrailer(name string) bool {
	switch name {
	case "Authorization", "Cache-Control", "Connection", "Content-Encoding", "Content-Length", "Content-Range",
		"Content-Type", "Expect", "Host", "Keep-Alive", "Max-Forwards", "Pragma", "Proxy-Authenticate",
		"Proxy-Authorization", "Proxy-Connection", "Range", "Realm", "Te", "Trailer", "Transfer-Encoding", "Www-Authenticate":
		return false
	}
	return !strings.HasPrefix(name, "If-")
}

// FromError is the catalog error err is, wraps, or carries as a Connect
// error with ErrorInfo, as Parse reads an HTTP response: a reason the
// catalog defines gives its error, details typed again; another reason (a
// newer server's) gives an error whose Known is false, with that reason as
// its code. It reports false for an error without ErrorInfo.
func FromError(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	var ce *connect.Error
	if !errors.As(err, &ce) {
		return nil, false
	}
	if e = apierrors.RPCError(rpcStatus(ce)); e == nil {
		return nil, false
	}
	return e.WithCause(received{err, wrapping(err, ce)}), true
}

// received is the Connect error a client received, as the catalog error
// made of it holds it (its cause, for connect.CodeOf and errors.As): its
// text is only the words err wrapped the Connect error in, if any, so that
// the catalog error reads as the HTTP side's, CODE: message, not followed
// by the Connect error's text, the same code and message again.
type received struct {
	err  error
	text string
}

func (r received) Error() string { return r.text }
func (r received) Unwrap() error { return r.err }

// wrapping is the text err, which is or wraps ce, adds to ce's own: "" for
// ce itself, "calling orders" for fmt.Errorf("calling orders: %w", ce);
// err's whole text when ce's is not at its end.
func wrapping(err error, ce *connect.Error) string {
	text, own := err.Error(), ce.Error()
	if text == own {
		return ""
	}
	if w, ok := strings.CutSuffix(text, ": "+own); ok {
		return w
	}
	return text
}

// rpcStatus reads a Connect error and the details AIP-193 names.
func rpcStatus(ce *connect.Error) apierrors.RPCStatus {
	s := apierrors.RPCStatus{Message: ce.Message(), Code: "UNKNOWN", Header: ce.Meta()}
	if c := int(ce.Code()); c > 0 && c < len(codeNames) {
		s.Code = codeNames[c]
	}
	for _, detail := range ce.Details() {
		m, err := detail.Value()
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

// RetryDelay is the delay a Connect error's RetryInfo asks a client to wait
// before retrying; false when it has none.
func RetryDelay(err error) (time.Duration, bool) {
	var ce *connect.Error
	if !errors.As(err, &ce) {
		return 0, false
	}
	d := rpcStatus(ce).RetryDelay
	return d, d > 0
}

// Option configures Interceptor.
type Option func(*options)

type options struct {
	report func(ctx context.Context, procedure string, err error)
}

// WithReport adds a report, with the procedure, of each error a handler
// returns that is not a catalog error, and of a panic, before the client
// gets the fallback. Without it the fallback is reported once, as Write
// reports it: RPCStatusForCall hands it, with the procedure as the report's
// Procedure, to the Go package's Config.Reporter, by default
// slog.Default(); a second report of the same error by default would log
// it twice.
func WithReport(report func(ctx context.Context, procedure string, err error)) Option {
	return func(o *options) { o.report = report }
}

// Interceptor is a connect.Interceptor for handlers and clients. On a
// handler it turns every error returned, and a panic, into NewError's, in
// the language of the request's Accept-Language; in a catalog with request
// ids, with the call's id (its request header's, else a new one: see the
// main package's RPCStatusForCall) in RequestInfo and the error's metadata,
// beside the headers Write sends (as the protocol can carry them: see
// connectError). On a client it gives back the catalog error of a failed
// call, so that errors.Is with the sentinel of its code and
// apierrors.DetailsAs work; its RequestID is RequestInfo's, else the error
// metadata's.
func Interceptor(opts ...Option) connect.Interceptor {
	o := &options{}
	for _, opt := range opts {
		opt(o)
	}
	return interceptor{o}
}

type interceptor struct {
	o *options
}

// handlerError is the Connect error a handler returns for err, in the
// language of the request's header, with the request id the response
// carries already (behind WrapHandler), else the one it came with, else a
// new one, in a catalog with request ids, reporting what becomes the
// fallback (not an error Config.Map maps). headersSent says a stream sent
// the response's headers with a message.
func (o *options) handlerError(ctx context.Context, peer connect.Peer, procedure string, header http.Header, err error, headersSent bool) error {
	response := responseHeader(ctx)
	s := apierrors.RPCStatusForCall(ctx, procedure, err, callHeader(header, response))
	if s.Fallback && o.report != nil {
		o.report(ctx, procedure, err)
	}
	sendIDOnce(&s, response, headersSent)
	// Wrapping the catalog error sent, as NewError's does, for an
	// interceptor of this package outside this one to send it again.
	return connectError(ctx, procedure, s, peer.Protocol, known(err))
}

// panicError is the Connect error for a panic's value v: the fallback,
// which RPCPanic reports with the stack, for it runs in the deferred
// function that recovered v.
func (o *options) panicError(ctx context.Context, peer connect.Peer, procedure string, header http.Header, v any, headersSent bool) error {
	response := responseHeader(ctx)
	s := apierrors.RPCPanic(ctx, procedure, v, callHeader(header, response))
	if o.report != nil {
		o.report(ctx, procedure, fmt.Errorf("panic: %v", v))
	}
	sendIDOnce(&s, response, headersSent)
	return connectError(ctx, procedure, s, peer.Protocol, nil)
}

// clientError is err as a client gets it back: the catalog error a Connect
// error carries (wrapping it, so connect.CodeOf still works), else err.
func clientError(err error) error {
	if err == nil {
		return nil
	}
	if e, ok := FromError(err); ok {
		return e
	}
	return err
}

func (i interceptor) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (resp connect.AnyResponse, err error) {
		if req.Spec().IsClient {
			resp, err = next(ctx, req)
			return resp, clientError(err)
		}
		defer func() {
			if v := recover(); v != nil {
				resp, err = nil, i.o.panicError(ctx, req.Peer(), req.Spec().Procedure, req.Header(), v, false)
			}
		}()
		if resp, err = next(ctx, req); err != nil {
			return nil, i.o.handlerError(ctx, req.Peer(), req.Spec().Procedure, req.Header(), err, false)
		}
		return resp, nil
	}
}

func (i interceptor) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return func(ctx context.Context, spec connect.Spec) connect.StreamingClientConn {
		return clientConn{next(ctx, spec)}
	}
}

func (i interceptor) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return func(ctx context.Context, conn connect.StreamingHandlerConn) (err error) {
		sent := new(atomic.Bool)
		defer func() {
			if v := recover(); v != nil {
				err = i.o.panicError(ctx, conn.Peer(), conn.Spec().Procedure, conn.RequestHeader(), v, sent.Load())
			}
		}()
		if err = next(ctx, sendingConn{conn, sent}); err != nil {
			return i.o.handlerError(ctx, conn.Peer(), conn.Spec().Procedure, conn.RequestHeader(), err, sent.Load())
		}
		return nil
	}
}

// clientConn is a streaming client connection whose errors are catalog
// errors.
type clientConn struct {
	connect.StreamingClientConn
}

func (c clientConn) Send(m any) error     { return clientError(c.StreamingClientConn.Send(m)) }
func (c clientConn) Receive(m any) error  { return clientError(c.StreamingClientConn.Receive(m)) }
func (c clientConn) CloseRequest() error  { return clientError(c.StreamingClientConn.CloseRequest()) }
func (c clientConn) CloseResponse() error { return clientError(c.StreamingClientConn.CloseResponse()) }
