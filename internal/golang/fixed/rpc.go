package fixed

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// RPCStatus is an error as gRPC and Connect send it on Google's error model
// (AIP-193: a google.rpc.Status with ErrorInfo, RetryInfo, Help,
// RequestInfo and BadRequest details), in standard-library types only. The gRPC and Connect
// packages errgen generates beside this one turn it into their status and
// back: RPCStatusOf on the server, RPCError on the client.
type RPCStatus struct {
	Code       string            // canonical gRPC code name, e.g. NOT_FOUND
	Message    string            // the developer-facing message
	Reason     string            // ErrorInfo.reason: the code in UPPER_SNAKE_CASE; "" sends no ErrorInfo
	Domain     string            // ErrorInfo.domain: the catalog's grpc.domain
	Metadata   map[string]string // ErrorInfo.metadata: the details, each value not a string (or an any detail's string that reads as JSON) as its JSON text
	RetryDelay time.Duration     // RetryInfo.retry_delay, from the Retry-After header; 0 sends no RetryInfo
	Links      []RPCLink         // Help.links: the error's docs link, then the catalog's help
	RequestID  string            // RequestInfo.request_id; "" sends no RequestInfo
	Locale     string            // LocalizedMessage.locale: the language of LocalizedMessage; "" sends no LocalizedMessage

	// LocalizedMessage.message: the message (else the title) in Locale,
	// which RPCStatusFor negotiates; set only by a catalog of several
	// languages.
	LocalizedMessage string

	// BadRequest.field_violations: the objects of the error's detail marked
	// grpc: bad_request; nil sends no BadRequest.
	FieldViolations []RPCFieldViolation

	// Header is the headers Write sends with the error, but Content-Type
	// and the language's: the catalog's headers (Retry-After among them),
	// the challenge (WWW-Authenticate) and the request id, in the catalog's
	// request_id.header; canonical keys, values the status's own; nil for
	// none. The Connect package sends them as the error's metadata, the
	// gRPC package the request id's as trailer metadata (RequestIDHeader).
	// On a client, RPCError reads the request id from it when RequestID is
	// "": the metadata received.
	Header http.Header

	// RequestIDHeader is the catalog's request_id.header, in which Header
	// carries RequestID; "" for a catalog without it. Never sent itself.
	RequestIDHeader string

	// Fallback says the status is the fallback's in place of an error that
	// is no catalog error, which Config.Map did not map (reported, as Write
	// reports it): what a server interceptor reports too. Never sent.
	Fallback bool
}

// RPCStatusOf is the status a gRPC or Connect server sends for err: a
// catalog error it is or wraps, else the fallback, whose text never reaches
// the client, as with Write. A context's cancellation or deadline that no
// catalog error wraps is CANCELLED or DEADLINE_EXCEEDED, without ErrorInfo.
// A nil err is OK. A catalog of several languages adds the message in its
// default language as a LocalizedMessage; see RPCStatusFor.
func RPCStatusOf(err error) RPCStatus {
	return RPCStatusFor(err, "")
}

// RPCStatusFor is RPCStatusOf for a client whose request asked for
// acceptLanguage (an Accept-Language value): a catalog of several languages
// adds, as Locale and LocalizedMessage, the message in the language Write
// would send (else the title), negotiated as Write negotiates it. Message
// stays in the default language.
func RPCStatusFor(err error, acceptLanguage string) RPCStatus {
	return rpcStatus(err, acceptLanguage, &origin{})
}

// RPCStatusForCall is RPCStatusFor as a server interceptor calls it, for
// the RPC procedure ("/pkg.Service/Method") it answers with ctx, whose
// request carried header (Connect's request header; gRPC's incoming
// metadata as HTTP header fields, keys canonical): its Accept-Language is
// the language asked for. A report names the procedure (Report.Procedure),
// and the default log gets ctx, as Write's reports name the request. Once
// ctx is done (the client went away, or its deadline passed), an error no
// catalog error is nor wraps is how the handler met that, such as a
// stream's Send failing: the status is CANCELLED or DEADLINE_EXCEEDED, as
// ctx ended, reported at debug level.
//
// In a catalog with request ids (request_id.header), every status it gives
// carries one, as Write's responses do, in RequestID and Header: the
// error's own, else Config.RequestID's (given a request standing for the
// call: a POST of the procedure, with ctx and header), else the one header
// holds in the catalog's header (up to 200 bytes of UTF-8), else a new one;
// and its reports' Sent carries it.
func RPCStatusForCall(ctx context.Context, procedure string, err error, header http.Header) RPCStatus {
	at := &origin{procedure: procedure, ctx: ctx, hold: true}
	s := rpcStatus(err, rpcAcceptLanguage(header), at)
	return at.callStatus(s, header)
}

// RPCTrimmed reports, for the gRPC and Connect packages' server
// interceptors, that the status of reason they sent for the RPC procedure
// (answered with ctx, as for RPCStatusForCall) left details out to fit
// gRPC's trailer, omitted saying which: to Config.Reporter, at warning
// level, else to the default log, as Write's reports go.
func RPCTrimmed(ctx context.Context, procedure, reason, omitted string) {
	at := &origin{procedure: procedure, ctx: ctx}
	at.report(Report{Level: slog.LevelWarn, Problem: "status " + reason + " over the 7 KiB budget of gRPC's trailer: sent without " + omitted})
}

// RPCPanic is the status a server interceptor sends for a panic of the
// handler of the RPC procedure it answers with ctx (header as for
// RPCStatusForCall), v the panic's value: the fallback, reported as Handler
// reports a panic, with the stack, for the interceptor calls it from the
// deferred function that recovered v, whose stack still holds the frames
// that panicked; whether or not ctx is done, for a panic is a bug. Fallback
// is true; the request id is RPCStatusForCall's.
func RPCPanic(ctx context.Context, procedure string, v any, header http.Header) RPCStatus {
	loadDefinitions()
	at := &origin{procedure: procedure, ctx: ctx, hold: true}
	at.report(Report{Level: slog.LevelError, Problem: "panic: sent the fallback", Err: panicError(v), Sent: fallback, Stack: debug.Stack()})
	s := rpcStatus(fallback, rpcAcceptLanguage(header), &origin{})
	s.Fallback = true
	return at.callStatus(s, header)
}

// rpcAcceptLanguage is the Accept-Language of a call's header, its fields
// joined as one.
func rpcAcceptLanguage(header http.Header) string {
	v := header["Accept-Language"]
	if len(v) == 1 {
		return v[0]
	}
	return strings.Join(v, ",")
}

// callStatus is s, the status of the call at answers, whose request
// carried header, with the request id the call's status carries (see
// RPCStatusForCall); it hands the reports held at at to the Reporter, their
// Sent naming the id.
func (at *origin) callStatus(s RPCStatus, header http.Header) RPCStatus {
	var ids []string
	if requestIDHeader != "" && s.Code != "OK" {
		if s.RequestID != "" {
			ids = []string{s.RequestID}
		} else {
			r := &http.Request{Method: http.MethodPost, URL: &url.URL{Path: at.procedure}, RequestURI: at.procedure,
				Proto: "HTTP/2.0", ProtoMajor: 2, Header: header}
			if r.Header == nil {
				r.Header = http.Header{}
			}
			if at.ctx != nil {
				r = r.WithContext(at.ctx)
			}
			s.RequestID, ids = requestID(r, nil)
			if s.Header == nil {
				s.Header = http.Header{}
			}
			s.Header[requestIDHeader] = []string{s.RequestID}
			s.RequestIDHeader = requestIDHeader
		}
	}
	at.flush(ids)
	return s
}

// rpcStatus is RPCStatusFor, reporting at at. Its texts are UTF-8, each bad
// byte U+FFFD, as Write's body has them: protobuf's strings must be, and a
// status holding another failed to marshal (gRPC then sent it without any
// details, ErrorInfo among them: the client lost the code; anypb.New
// refused a LocalizedMessage or BadRequest, left out).
func rpcStatus(err error, acceptLanguage string, at *origin) RPCStatus {
	loadDefinitions()
	var e *Error
	switch {
	case err == nil:
		return RPCStatus{Code: "OK"}
	case errors.As(err, &e):
	case errors.Is(err, context.Canceled):
		return RPCStatus{Code: "CANCELLED", Message: context.Canceled.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		return RPCStatus{Code: "DEADLINE_EXCEEDED", Message: context.DeadlineExceeded.Error()}
	case at.ctx != nil && at.ctx.Err() != nil:
		return at.contextDone(err)
	}
	e = sendable(err, at) // as Write: mapped, else the fallback, reported
	s := RPCStatus{
		Fallback: e == fallback && !errors.Is(err, fallback),

		Code:       e.def.GRPCCode,
		Message:    validUTF8(e.messageOrTitle()), // protobuf's strings are UTF-8: see rpcStatus's doc
		Reason:     e.def.reasonOrCode(),
		Domain:     rpcDomain,
		Metadata:   e.rpcMetadata(),
		RetryDelay: e.retryDelay(),

		FieldViolations: e.fieldViolations(),
	}
	var ids []string
	if e.requestID != "" && !e.receivedID { // another call's id is not this one's
		// As Write sends it: an id Parse read is as the response held it.
		s.RequestID = sendableID(e.requestID)
		if s.RequestID != "" && requestIDHeader != "" {
			ids, s.RequestIDHeader = []string{s.RequestID}, requestIDHeader
		}
	}
	s.Header = e.rpcHeader(ids)
	s.Locale, s.LocalizedMessage = e.localized(acceptLanguage)
	if e.def.DocsURL != "" {
		s.Links = append(s.Links, RPCLink{Description: e.def.Title, URL: e.def.DocsURL})
	}
	s.Links = append(s.Links, e.def.help...)
	return s
}

// rpcHeader is the header Write sends with e and the request id ids (nil
// for none), without Content-Type (the protocol's) and the language's
// headers (LocalizedMessage's locale says it), its values e's own; nil for
// none.
func (e *Error) rpcHeader(ids []string) http.Header {
	h := http.Header{}
	e.setHeaders(h, ids, -1)
	delete(h, "Content-Type")
	if len(h) == 0 {
		return nil
	}
	return h.Clone() // setHeaders shares the values the catalog fixes
}

// contextDone is the status of err, no catalog error, once the context of
// the call at answers is done: the client went away or its deadline passed,
// and err is how the handler met that (a stream's Send failing with the
// transport's own CANCELLED status, which wraps no context error; a
// driver's "query canceled"), not a server fault to report as the
// fallback. It is the context's code, reported at debug level, as Write
// reports a request whose context is done.
func (at *origin) contextDone(err error) RPCStatus {
	s := RPCStatus{Code: "CANCELLED", Message: context.Canceled.Error()}
	if errors.Is(at.ctx.Err(), context.DeadlineExceeded) {
		s = RPCStatus{Code: "DEADLINE_EXCEEDED", Message: context.DeadlineExceeded.Error()}
	}
	at.report(Report{Level: slog.LevelDebug, Problem: "call context done: sent " + s.Code, Err: err})
	return s
}

// reasonOrCode is the ErrorInfo reason of the definition.
func (def *definition) reasonOrCode() string {
	if def.reason != "" {
		return def.reason
	}
	return string(def.Code)
}

// rpcMetadata is the details object as ErrorInfo metadata: strings as they
// are, other values (null ones left out) as their JSON text; nil without
// details. An any detail's string whose text reads as JSON ("123") is sent
// as its JSON text too, for metadataObject reads such a text as the JSON
// value it is: sent as it is, it would come back a number.
func (e *Error) rpcMetadata() map[string]string {
	if !e.hasDetails() {
		return nil
	}
	obj := e.appendDetails(nil)
	md := map[string]string{}
	it, _ := newObjectIter(obj)
	for key, val, ok := it.next(); ok; key, val, ok = it.next() {
		name, _ := stringValue(key)
		if s, ok := stringValue(val); ok && !(validJSON([]byte(s)) && e.def.rawDetail(name)) {
			md[name] = s
		} else if val[0] != 'n' {
			md[name] = string(val)
		}
	}
	return md
}

// rawDetail reports whether def's detail name holds raw JSON (an any or an
// object detail), which metadataObject reads from metadata as JSON text
// when the text is valid JSON.
func (def *definition) rawDetail(name string) bool {
	if def.zero == nil {
		return false
	}
	t := reflect.TypeOf(def.zero)
	i := fieldByJSONName(t, name)
	return i >= 0 && t.Field(i).Type == reflect.TypeOf(json.RawMessage(nil))
}

// retryDelay is the delay a Retry-After header of e says, in seconds, as
// ParseResponse reads it of Write's (delaySeconds: however many, at most
// what a Duration holds); 0 for none, a wait of 0 (a negative detail is
// sent as one) or an HTTP date.
func (e *Error) retryDelay() time.Duration {
	for _, h := range e.def.headers {
		if h.name != "Retry-After" {
			continue
		}
		v := h.value
		if h.template != nil && e.details != nil {
			v = headerValue(e.fill(h.template))
		}
		if n, ok := delaySeconds(v); ok {
			return time.Duration(n) * time.Second
		}
	}
	return 0
}

// byReason finds definitions by ErrorInfo reason (a sync.Once for the
// reason index's).
func byReason() map[string]*definition {
	byReasonOnce.Do(func() {
		loadDefinitions()
		m := make(map[string]*definition, len(definitions))
		for i := range definitions {
			m[definitions[i].reasonOrCode()] = &definitions[i]
		}
		byReasonMap = m
	})
	return byReasonMap
}

var (
	byReasonOnce sync.Once
	byReasonMap  map[string]*definition // byReason's, once made
)

// RPCError is the catalog error a gRPC or Connect client received as s, as
// Parse gives it for an HTTP response: a reason of the catalog's domain
// gives its error, details typed again from the metadata (the detail sent
// as BadRequest, from the field violations when the metadata lacks it); any
// other reason gives an error whose Known is false, with the reason as its
// code and the received message. It returns nil when s carries no
// ErrorInfo (Reason ""). Metadata that does not decode into the error's
// details leaves them out. As ParseResponse reads the headers, the request
// id is RequestInfo's, else the one Header (the metadata received) holds
// in the catalog's request_id.header (an id over 200 bytes is none), and
// RetryAfter gives RetryInfo's delay.
func RPCError(s RPCStatus) *Error {
	loadDefinitions()
	if s.Reason == "" {
		return nil
	}
	var e *Error
	if def := byReason()[s.Reason]; def == nil || s.Domain != rpcDomain {
		e = rpcUnknown(s)
	} else {
		e = rpcKnown(def, s)
	}
	e.receiveRequestID(s.RequestID, true)
	if e.requestID == "" && requestIDHeader != "" {
		e.receiveRequestID(headerRequestID(s.Header), true)
	}
	if s.RetryDelay > 0 {
		e.setRetryAfter(s.RetryDelay) // e is new: see ParseResponse
	}
	return e
}

// rpcKnown is the error of def, a reason the catalog defines, as s carries
// it: its details from s's metadata (none when they do not decode or, required,
// are absent; zero when all optional), its message where s's differs. Metadata
// counts as a body's details object: keys no detail takes and a null (not a
// string's "null") are none, and receivedError leaves out a required one.
func rpcKnown(def *definition, s RPCStatus) *Error {
	var e *Error
	if md := def.withViolations(s); def.zero != nil && (len(md) > 0 || !def.prepared().required) {
		v, got, lacking := reflect.New(reflect.TypeOf(def.zero)).Elem(), make([]bool, len(def.prepared().fields)), [][]string(nil)
		n, _, err := decodeObject(def, v, metadataObject(v.Type(), md), nil, got, &lacking)
		if err == nil && (n > 0 || !def.prepared().required) {
			e = receivedError(def, v.Addr().Interface(), got, lacking)
		}
	}
	if e == nil {
		e = unreceivedError(def)
	}
	if s.Message != e.message && !(e.message == "" && s.Message == def.Title) {
		e.message, e.custom = s.Message, true
	}
	return e
}

// rpcUnknown is the error of a reason the catalog does not define, with the
// HTTP status google/rpc/code.proto gives its code.
func rpcUnknown(s RPCStatus) *Error {
	status := rpcHTTPStatus[s.Code]
	if status == 0 {
		status = 500
	}
	return &Error{
		def: &definition{
			Definition: Definition{Code: Code(s.Reason), Status: status, GRPCCode: s.Code},
			envelope:   fallback.def.envelope,
			unknown:    true,
		},
		message: s.Message,
		custom:  s.Message != "",
		parsed:  true,
		status:  int32(status), // an HTTP status of the table, which an int32 holds
	}
}

// metadataObject is metadata as the JSON object of details struct type t:
// a string field's value as a string, any other's as the JSON text it is.
func metadataObject(t reflect.Type, md map[string]string) []byte {
	b := []byte{'{'}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue // the blank field that makes the type not comparable
		}
		name := jsonName(f)
		v, ok := md[name]
		if !ok {
			continue
		}
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(appendString(b, name), ':')
		if f.Type.Kind() == reflect.String || !validJSON([]byte(v)) {
			b = appendString(b, v) // an any detail's string, or a value that fails as the detail's type
		} else {
			b = append(b, v...)
		}
	}
	return append(b, '}')
}

// rpcHTTPStatus is google/rpc/code.proto's HTTP mapping of each code.
var rpcHTTPStatus = map[string]int{
	"CANCELLED": 499, "UNKNOWN": 500, "INVALID_ARGUMENT": 400, "DEADLINE_EXCEEDED": 504,
	"NOT_FOUND": 404, "ALREADY_EXISTS": 409, "PERMISSION_DENIED": 403, "RESOURCE_EXHAUSTED": 429,
	"FAILED_PRECONDITION": 400, "ABORTED": 409, "OUT_OF_RANGE": 400, "UNIMPLEMENTED": 501,
	"INTERNAL": 500, "UNAVAILABLE": 503, "DATA_LOSS": 500, "UNAUTHENTICATED": 401,
}

// localized returns the language an RPC client asks for in acceptLanguage
// (an Accept-Language value), as a tag, and e's message, or its title when it
// has none, in it: "" and "" for a catalog of one language.
func (e *Error) localized(acceptLanguage string) (locale, message string) {
	if languages == nil {
		return "", ""
	}
	lang := e.languageFor([]string{acceptLanguage})
	return languages[lang], validUTF8(e.in(lang).messageOrTitle())
}
