package fixed

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Error returns "CODE: message: cause", for logs (the message without its
// final period, as Go error strings go; a part there is none of left out,
// as the message of an unknown code may be); clients never see it.
func (e *Error) Error() string {
	if e == nil {
		return "<nil>" // as fmt prints a nil pointer
	}
	loadDefinitions()
	s := strings.TrimSuffix(e.messageOrTitle(), ".")
	if code := e.entry().Code; code != "" {
		s = joinText(string(code), s)
	}
	if e.cause != nil {
		s = joinText(s, e.cause.Error())
	}
	if s == "" {
		return "error of no code (made neither by a constructor nor by Parse)"
	}
	return s
}

// noDefinition is the entry of a zero Error, made neither by a constructor
// nor by Parse (&Error{}, or one json.Unmarshal filled, which reads nothing
// into it): an error of no code the catalog does not define, as Write and
// MarshalJSON treat it (they send the fallback). fmt, slog and errors call
// its methods on whatever error they are given, so none may panic.
var noDefinition = definition{unknown: true}

// entry is e's definition, noDefinition for a zero Error.
func (e *Error) entry() *definition {
	if e.def == nil {
		return &noDefinition
	}
	return e.def
}

// joinText joins two parts of an error's text with ": ", or is the one
// that is not empty.
func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ": " + b
}

// Code returns the error code.
func (e *Error) Code() Code {
	e = e.orZero()
	loadDefinitions()
	return e.entry().Code
}

// Status returns the HTTP status: the catalog's, or for an error made by Parse
// the status Parse was given, the response's, whatever the catalog says.
func (e *Error) Status() int {
	e = e.orZero()
	loadDefinitions()
	if e.parsed {
		if e.flaws != nil && e.flaws.status != 0 {
			return e.flaws.status
		}
		return int(e.status)
	}
	return e.entry().Status
}

// Title returns the short title.
func (e *Error) Title() string {
	e = e.orZero()
	loadDefinitions()
	return e.entry().Title
}

// Message returns the message, or "" when the error has none.
func (e *Error) Message() string {
	e = e.orZero()
	loadDefinitions()
	return e.message
}

// Details returns the <Name>Details value, or nil when the error has no details.
// It is a copy, and so are its maps and slices (raw JSON included), made
// afresh for each call: changing them changes neither the error nor later calls.
func (e *Error) Details() any {
	e = e.orZero()
	loadDefinitions()
	if e.details == nil {
		return nil
	}
	v := reflect.ValueOf(e.details)
	switch p := e.def.prepared(); {
	case !p.holds(v.Type()):
		return e.details // details of another type, as given (tests)
	case p.eager:
		return cloneDetails(e.detailsStruct())
	case v.Kind() != reflect.Pointer:
		return e.details // a constructor's: a value no one can change
	}
	return v.Elem().Interface()
}

// RequestID returns the request ID set with WithRequestID, or for an error
// Parse, ParseResponse or RPCError read, the one the response or status
// carried (another server's request; one over 200 bytes is not kept).
func (e *Error) RequestID() string {
	e = e.orZero()
	return e.requestID
}

// Instance returns the instance URI set with WithInstance, or the one the
// body Parse read carried.
func (e *Error) Instance() string {
	e = e.orZero()
	return e.instance
}

// Definition returns the registry entry of the error's code. For an error
// whose code the catalog does not define (see Known) only Code, Status and
// Title are set, as Parse received them.
func (e *Error) Definition() Definition {
	e = e.orZero()
	loadDefinitions()
	return e.entry().Definition
}

// Known reports whether the error is one the catalog defines. It is false only
// for an error Parse read with a code the catalog does not define (or, in an
// envelope without a code, a status and title it does not define), and for
// a zero Error, whose Code is "" and Status 0: Code,
// Message and Status are then what the response said, Details is nil, and
// Lookup does not know the code. Write and MarshalJSON treat such an error as
// any non-catalog error, and write the fallback: a service never sends a code
// its catalog does not document.
func (e *Error) Known() bool {
	e = e.orZero()
	loadDefinitions()
	return !e.entry().unknown
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *Error) Unwrap() error {
	e = e.orZero()
	return e.cause
}

// Is reports whether target is an error of the same code, such as its
// sentinel. Of two errors Parse read with a code the catalog does not
// define, the code is compared; in an envelope without a code, which
// identifies an error by status and title, the envelope, status and title.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok || t == nil || e == nil { // a nil e is no error of a code
		return false
	}
	if t.def == nil || e.def == nil {
		loadDefinitions() // a sentinel, before the table was first used
	}
	return t.def == e.def || t.def != nil && e.def != nil && t.def.unknown && e.def.unknown && sameUnknown(t.def, e.def)
}

// MarshalJSON writes the error in its envelope, exactly as Write sends it
// for a request without headers, but for the request id Write makes for
// one (the error's own is written): an error the catalog does not define
// (see Known) is mapped, or written as the fallback. It reports nothing, for it
// may run inside a logger, a Reporter's among them: Write reports.
func (e *Error) MarshalJSON() ([]byte, error) {
	loadDefinitions()
	e = sendable(e, nil)
	if e.static() {
		return e.appendJSON(nil), nil
	}
	// A body that is not pre-encoded is written into one of Write's
	// buffers, then copied out: one allocation of its size, where growing
	// a slice from nil took four. marshalJSONPlain (error_test.go) is the
	// plain path; TestMarshalJSONBuffer and BenchmarkMarshalJSONBuffer hold
	// the two to one body and measure the difference.
	buf := bodyBuffers.Get().(*[]byte)
	b := e.appendJSON((*buf)[:0])
	body := append([]byte(nil), b...)
	if cap(b) <= 65536 {
		*buf = b
		bodyBuffers.Put(buf)
	}
	return body, nil
}

// static reports whether the pre-encoded body is the error's body.
func (e *Error) static() bool {
	return e.def.body != "" && e.details == nil && !e.custom && e.requestID == "" && e.instance == ""
}

// appendJSON appends the body to b.
func (e *Error) appendJSON(b []byte) []byte {
	if e.static() {
		return append(b, e.def.body...)
	}
	return e.def.envelope.appendBody(b, e)
}

// messageOrTitle is what a bare $message writes.
func (e *Error) messageOrTitle() string {
	if e.message != "" {
		return e.message
	}
	return e.entry().Title
}

// Write writes err as an error response: status, Content-Type, the catalog's
// headers and the envelope. A catalog error is sent as it is, with its own
// status, code and message, even when it lacks required details (a sentinel)
// or held a value the catalog forbids (left out): the breach is reported (see
// Config). Any other error (nil included), or one that Parse read with a code
// the catalog does not define (see Known), is given to Config.Map, and what
// Map does not map is written as the fallback error and reported: its text
// never reaches the client. A Content-Length the handler set is removed: it
// was for another body. A HEAD request gets the headers and Content-Length
// of a GET, and no body. A nil r (no request: a test's, a recorder's) gets
// the default language and no request id but the error's own.
//
// A request whose context was canceled (its client went away, most
// likely) is answered as any other, and what Write reports of it is at
// debug level: a panic's report aside, it is no server error.
//
// Nothing is written, and that is reported with err (what Write would have
// reported of it is not), when the response already started or the
// connection was hijacked, which Write knows of Handler's writer, and of
// another only when its Write refuses the body (net/http's
// http.ErrHijacked, or http.ErrBodyNotAllowed after a 204 or 304): at
// ERROR, for the status cannot change (debug level when the request's
// context was canceled, a client that left mid-body). So it is, at debug
// level, when w is http.TimeoutHandler's and the timeout answered 503
// first (its writer returns http.ErrHandlerTimeout, or context.Canceled
// once the request was canceled), a response Handler's handler began in
// its buffer included, as that never went out. A request whose deadline
// passed (a timeout middleware's context) is answered, for its client
// still waits. Reports are made once the response is written.
//
// The body comes from a buffer reused once Write returns, so w must not keep
// the slice it is given, as io.Writer requires; a recorder that copies it is
// fine.
func Write(w http.ResponseWriter, r *http.Request, err error) {
	write(w, r, err, nil)
}

// write is Write; for a panic Handler recovered, p is its report, which
// write completes (the fallback sent, or why nothing was) in place of its
// own reports, for recovered to make.
func write(w http.ResponseWriter, r *http.Request, err error, p *Report) {
	loadDefinitions()
	canceled := r != nil && r.Context().Err() != nil && clientGone(r)
	if t := tracking(w); t != nil && t.state != responseNew {
		why, level := unwritable(t, w, r, canceled)
		unwritten(p, why, level, err, r)
		return
	}
	// Reports are held until the response is written: they name the
	// request id sent, and claim nothing sent when nothing was. Those of
	// a request whose context was canceled are at debug level.
	held := origin{request: r, hold: true, canceled: canceled}
	at := &held
	if p != nil {
		at = nil // the fallback: nothing to report but the panic
	}
	h := w.Header()
	e, ids := writable(err, r, h, at)
	lang := e.language(r)
	e.setHeaders(h, ids, lang)
	head := r != nil && r.Method == http.MethodHead
	body := ""
	if e.static() {
		body = e.def.body
		if tr := e.def.translation(lang); tr != nil {
			body = tr.body // "" only were it not pre-encoded: then encoded
		}
	}
	var werr error
	if body == "" {
		werr = writeEncoded(w, e, lang, head)
	} else {
		if head {
			setLength(w, len(body))
		}
		w.WriteHeader(e.def.Status)
		if head {
			_, werr = w.Write(nil) // which http.TimeoutHandler's writer refuses once it answered
		} else {
			_, werr = io.WriteString(w, body)
		}
	}
	if werr != nil || held.held != nil || p != nil {
		written(r, err, e, ids, werr, &held, p)
	}
}

// writeEncoded writes e, whose body is not pre-encoded, encoding it in
// lang into one of bodyBuffers (none for a HEAD), and returns what the
// write of the body returned.
func writeEncoded(w http.ResponseWriter, e *Error, lang int, head bool) error {
	buf := bodyBuffers.Get().(*[]byte)
	b := e.in(lang).appendJSON((*buf)[:0])
	if head {
		setLength(w, len(b))
	}
	w.WriteHeader(e.def.Status)
	var err error
	if head {
		_, err = w.Write(nil)
	} else {
		_, err = w.Write(b)
	}
	if cap(b) <= 65536 {
		*buf = b
		bodyBuffers.Put(buf)
	}
	return err
}

// setLength sets, for a HEAD request, the Content-Length of the n bytes of
// body a GET gets: net/http sends none for a HEAD answered without a body,
// for it cannot tell an empty body from one left out (RFC 9110 asks for the
// GET's header fields).
func setLength(w http.ResponseWriter, n int) {
	w.Header()["Content-Length"] = []string{strconv.Itoa(n)}
}

// clientGone reports whether r's client most likely went away: net/http
// cancels a request's context when its connection closes or its stream is
// reset. So does a server's BaseContext canceled at shutdown, or a
// middleware, while the client waits: Write answers all the same (a write
// to a client gone is lost, harmlessly; nothing written would send 200 OK
// with an empty body), and only reports at debug level. A deadline passed
// is not that: it is a timeout middleware's (net/http sets none), its
// client waits, and its error (which Config.Map may map to a 503 or 504)
// is reported as any other.
func clientGone(r *http.Request) bool {
	return r != nil && r.Context().Err() == context.Canceled
}

// writable is the error Write writes for err (see sendable), reporting at
// at, and the request id to send, as a header value (nil for none): the
// error's own, else the request's (see requestID; h is the response's
// header), which also replaces an id the error was read with from another
// server's response (receiveRequestID). The error carries the id when its
// envelope has a place for it.
func writable(err error, r *http.Request, h http.Header, at *origin) (*Error, []string) {
	e := sendable(err, at)
	switch {
	case requestIDHeader == "":
		return e, nil
	case e.requestID != "" && (!e.receivedID || r == nil):
		// An id Parse or ParseResponse read is as the response held it.
		id := sendableID(e.requestID)
		if id != e.requestID {
			e = e.withRequestID(id)
		}
		if id != "" {
			return e, []string{id}
		}
		return e, nil
	case r == nil:
		return e, nil
	}
	id, ids := requestID(r, h)
	// An error read from another server's response names that request:
	// this response names its own, as the client that sent it expects.
	if e.def.prepared().holdsRequestID || e.receivedID {
		e = e.withRequestID(id)
	}
	return e, ids
}

// sendable is the error sent for err: the catalog error it is or wraps, what
// Config.Map makes of any other, else the fallback. Asked for at an origin,
// a catalog error sent with a breach, and the fallback sent for another
// error, are reported.
func sendable(err error, at *origin) *Error {
	e, ok := err.(*Error)
	if !ok || e == nil || e.def == nil || e.def.unknown {
		e = mapped(err, at)
	}
	if at != nil && (e.flaws != nil && len(e.flaws.breach) > 0 || e.def.required && e.details == nil) {
		why := e.breach()
		if why == "" {
			why = "required details missing (a sentinel is for errors.Is; build errors with their constructor)"
		}
		at.report(Report{Level: slog.LevelError, Problem: "sent with a breach: " + why, Err: err, Sent: e})
	}
	return e
}

// mapped is the catalog error sent for err, which is not one itself: the one
// it wraps, else what Config.Map returns, else the fallback, reported; a nil
// *Error, err or wrapped in it, is a bug Map cannot mend: the fallback.
func mapped(err error, at *origin) *Error {
	var e *Error
	found := errors.As(err, &e)
	if found && e != nil && e.def != nil && !e.def.unknown {
		return e
	}
	if err == nil || found && e == nil {
		if at != nil {
			r := Report{Level: slog.LevelError, Problem: "nil error: sent the fallback", Sent: fallback}
			if err != nil { // Go's typed nil: a nil *Error returned as an error
				r.Problem = "nil *Error: sent the fallback (a function declared to return *Error returned nil as an error: declare it to return error)"
				if _, bare := err.(*Error); !bare {
					r.Err = err // the text of what wraps it says where it came from
				}
			}
			at.report(r)
		}
		return fallback
	}
	if m := currentConfig().Map; m != nil {
		if e := m(err); e != nil && e.def != nil && !e.def.unknown {
			return e
		}
	}
	if at != nil {
		at.report(Report{Level: slog.LevelError, Problem: "not a catalog error: sent the fallback", Err: err, Sent: fallback})
	}
	return fallback
}

// bodyBuffers recycles Write's buffers: a 429 storm writes thousands of bodies a second.
var bodyBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 512)
	return &b
}}
