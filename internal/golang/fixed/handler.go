package fixed

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
)

// Handler adapts a handler that returns an error: a returned error is
// written with Write (nil writes nothing), and a panic is recovered into the
// fallback error and reported with its stack, but http.ErrAbortHandler,
// which is panicked again for net/http to abort the response.
//
// The handler's writer is w, tracked: once the handler started its
// response (a final status, a byte of body, a flush) or hijacked the
// connection, an error it returns, writes with Write or panics with is not
// written (the status cannot change, and a body of JSON after its own would
// corrupt it): it is reported at ERROR. After an error returned or
// written, the response ends as the handler left it, which net/http ends
// cleanly; a handler whose client must see the failure panics with
// http.ErrAbortHandler. After a panic, reported, Handler panics with
// http.ErrAbortHandler, as net/http would abort the response of a handler
// without Handler that panicked: the client's read fails. The writer is an
// http.Flusher and an http.Hijacker where w is one, copies and writes
// strings with w's own ReadFrom and WriteString where w has them, and
// http.ResponseController reaches w through its Unwrap, a hijack through a
// middleware's writer that hides its Hijacker tracked too. It costs a
// request one allocation.
//
// Handler panics if h is nil, as http.Handle does for a nil handler: at
// start-up, where a handler that panicked in every request would answer
// each with the fallback.
func Handler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	if h == nil {
		panic("Handler: nil handler function")
	}
	return handler(h)
}

type handler func(http.ResponseWriter, *http.Request) error

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tw, t := track(w)
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			recovered(handlerWriter(t, tw), r, v)
			if t.state == responseStarted {
				// The body begun must not pass for a whole one: net/http
				// aborts the response, as it does for a panic without
				// Handler, and logs nothing more.
				panic(http.ErrAbortHandler)
			}
		}
	}()
	if err := h(tw, r); err != nil {
		Write(handlerWriter(t, tw), r, err)
	}
}

// handlerWriter is what Handler writes to once its handler returned, tw
// being the tracked writer t is: the server's own while nothing was sent,
// which spares a Write the tracking's calls; else tw, for Write to tell.
//
// It, markStarted and hijack are functions, not methods of
// responseWriter: each of its methods is promoted to the three variants,
// a function the compiler makes for each.
func handlerWriter(t *responseWriter, tw http.ResponseWriter) http.ResponseWriter {
	if t.state == responseNew {
		return t.w
	}
	return tw
}

// recovered writes the fallback for a recovered panic, unless the response
// started (see write), and reports it, with the panic's value and stack.
func recovered(w http.ResponseWriter, r *http.Request, v any) {
	rep := Report{Level: slog.LevelError, Problem: "panic: sent the fallback", Err: panicError(v), Request: r, Stack: debug.Stack()}
	write(w, r, fallback, &rep)
	report(rep)
}

// panicError is the error a report gives for a panic's value v, here and
// in RPCPanic: one wrapping v when it is an error, for the reporter's
// errors.Is and As.
func panicError(v any) error {
	if err, ok := v.(error); ok {
		return fmt.Errorf("panic: %w", err)
	}
	return errors.New("panic: " + fmt.Sprint(v))
}

// A responseWriter is the writer Handler gives its handler: the server's,
// w, and what became of the response, which Write reads (see unwritable).
// Its variants add Flush and Hijack where w has them, for a handler's
// type assertions to tell what the server supports, as they do without
// Handler. It costs a request through Handler one allocation (see
// BenchmarkHandler).
//
// Its first field makes it, and its variants, not comparable: the compiler
// makes no equality function for each (see doNotCompare).
type responseWriter struct {
	_     doNotCompare
	w     http.ResponseWriter
	state responseState
}

// responseState is what became of a response.
type responseState uint8

const (
	responseNew      responseState = iota // nothing sent: an error can still be
	responseStarted                       // a final status, or body, went out
	responseHijacked                      // the handler took the connection over
)

type (
	flushWriter       struct{ responseWriter }
	hijackWriter      struct{ responseWriter }
	flushHijackWriter struct{ responseWriter }
)

// track is w tracked, as a responseWriter of the variant w's methods need,
// and the responseWriter in it.
func track(w http.ResponseWriter) (http.ResponseWriter, *responseWriter) {
	_, flusher := w.(http.Flusher)
	_, hijacker := w.(http.Hijacker)
	switch {
	case flusher && hijacker:
		t := &flushHijackWriter{responseWriter{w: w}}
		return t, &t.responseWriter
	case flusher:
		t := &flushWriter{responseWriter{w: w}}
		return t, &t.responseWriter
	case hijacker:
		t := &hijackWriter{responseWriter{w: w}}
		return t, &t.responseWriter
	}
	t := &responseWriter{w: w}
	return t, t
}

func (w *responseWriter) Header() http.Header { return w.w.Header() }

// Unwrap returns the server's writer, for http.ResponseController. Where
// that writer is no http.Hijacker but one lies under it (a middleware's
// writer with only Unwrap, as the controller asks of wrappers), the
// controller would hijack past the tracking, and Write would then write to
// the hijacked connection, which net/http logs: Unwrap returns the writer
// seen through a controllerView instead, which tracks the hijack.
func (w *responseWriter) Unwrap() http.ResponseWriter {
	if _, ok := w.w.(http.Hijacker); !ok && hijackerUnder(w.w) {
		return &controllerView{ResponseWriter: w.w, tracked: w}
	}
	return w.w
}

// hijackerUnder reports whether w, or a writer its Unwrap chain reaches, is
// an http.Hijacker, as http.ResponseController looks for one.
func hijackerUnder(w http.ResponseWriter) bool {
	for {
		switch u := w.(type) {
		case http.Hijacker:
			return true
		case interface{ Unwrap() http.ResponseWriter }:
			w = u.Unwrap()
		default:
			return false
		}
	}
}

// A controllerView is the writer Handler's Unwrap gives where a hijacker
// lies under the writer it tracks: http.ResponseController finds its
// Hijack first, and its Unwrap next for every other feature.
type controllerView struct {
	http.ResponseWriter
	tracked *responseWriter
}

func (v *controllerView) Unwrap() http.ResponseWriter { return v.ResponseWriter }

// Hijack takes the connection over through the writers under v, as the
// controller would, and tells Write so.
func (v *controllerView) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	c, rw, err := http.NewResponseController(v.ResponseWriter).Hijack()
	if err == nil {
		v.tracked.state = responseHijacked
	}
	return c, rw, err
}

// WriteHeader sends the status: a final one, or 101 Switching Protocols,
// starts the response; an informational one (103 Early Hints) does not.
func (w *responseWriter) WriteHeader(code int) {
	w.w.WriteHeader(code)
	if code >= 200 || code == http.StatusSwitchingProtocols {
		markStarted(w, nil)
	}
}

func (w *responseWriter) Write(b []byte) (int, error) {
	n, err := w.w.Write(b)
	markStarted(w, err)
	return n, err
}

// WriteString is the server's, where it has one: a static body is written
// without a copy.
func (w *responseWriter) WriteString(s string) (int, error) {
	n, err := io.WriteString(w.w, s)
	markStarted(w, err)
	return n, err
}

// ReadFrom copies src as the server does (net/http sends a file with
// sendfile); nothing copied starts nothing.
func (w *responseWriter) ReadFrom(src io.Reader) (int64, error) {
	n, err := io.Copy(w.w, src)
	if n > 0 {
		markStarted(w, nil)
	}
	return n, err
}

// FlushError flushes w as http.ResponseController does, its own Unwrap
// included; a flush starts the response. The controller calls it first.
func (w *responseWriter) FlushError() error {
	err := http.NewResponseController(w.w).Flush()
	if err == nil {
		markStarted(w, nil)
	}
	return err
}

// Push is w's, or http.ErrNotSupported, as Pusher allows.
func (w *responseWriter) Push(target string, opts *http.PushOptions) error {
	if p, ok := w.w.(http.Pusher); ok {
		return p.Push(target, opts)
	}
	return http.ErrNotSupported
}

// markStarted records that the response started, when a write to w
// returned err: http.TimeoutHandler's writer, once it answered, takes nothing.
func markStarted(w *responseWriter, err error) {
	if w.state == responseNew && err != http.ErrHandlerTimeout {
		w.state = responseStarted
	}
}

// hijack takes the connection over for a variant's Hijack.
func hijack(w *responseWriter) (net.Conn, *bufio.ReadWriter, error) {
	c, rw, err := w.w.(http.Hijacker).Hijack()
	if err == nil {
		w.state = responseHijacked
	}
	return c, rw, err
}

func (w *flushWriter) Flush() { _ = w.FlushError() }

func (w *hijackWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return hijack(&w.responseWriter)
}

func (w *flushHijackWriter) Flush() { _ = w.FlushError() }

func (w *flushHijackWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return hijack(&w.responseWriter)
}

// tracking is the responseWriter of w when w is Handler's, else nil. The
// type switch on the variants costs a static Write a few comparisons,
// where asserting an interface that they have cost it a lookup; a call,
// were it not inlined, costs it more.
func tracking(w http.ResponseWriter) *responseWriter {
	switch w := w.(type) {
	case *flushHijackWriter:
		return &w.responseWriter
	case *flushWriter:
		return &w.responseWriter
	case *hijackWriter:
		return &w.responseWriter
	case *responseWriter:
		return w
	}
	return nil
}

// unwritable is why nothing can be written to w, Handler's writer t whose
// response started or was hijacked, and the level to report it at: ERROR,
// for the status cannot change; DEBUG when the request's context was
// canceled (a client that left mid-body), or the response the handler
// began went nowhere (see startDropped).
func unwritable(t *responseWriter, w http.ResponseWriter, r *http.Request, canceled bool) (string, slog.Level) {
	level := slog.LevelError
	if canceled {
		level = slog.LevelDebug
	}
	if t.state == responseHijacked {
		return whyHijacked, level
	}
	if why := startDropped(w, r); why != "" {
		return why, slog.LevelDebug
	}
	return whyStarted, level
}

// Why nothing was written, as reports say it.
const (
	whyStarted  = "response already started"
	whyHijacked = "connection hijacked"
	whyTimeout  = "http.TimeoutHandler answered first (503)"
	whyGone     = "request context canceled, the client most likely gone"
)

// startDropped is why the response Handler's writer w began (a status,
// part of a body) never started: "" when it did. http.TimeoutHandler's
// writer keeps it in a buffer, which it drops when it answers 503 itself,
// at its timeout or its request's cancel; its context is done then. A
// write of nothing asks the writer, which refuses it with
// http.ErrHandlerTimeout or context.Canceled, where net/http's and
// HTTP/2's, their response begun, take nothing and send nothing. The
// timeout answers from its own goroutine, woken by the same context: asked
// before that, the writer takes the write, and the response passes for
// started.
func startDropped(w http.ResponseWriter, r *http.Request) string {
	if r == nil || r.Context().Err() == nil {
		return ""
	}
	switch _, err := w.Write(nil); {
	case errors.Is(err, http.ErrHandlerTimeout):
		return whyTimeout
	case errors.Is(err, context.Canceled):
		return whyGone
	}
	return ""
}

// written makes the reports of e, written for err, whose body's write
// returned werr (ids is the request id header sent): those held, or for a
// panic p's Sent. When the writer took nothing (http.TimeoutHandler's once
// it answered, at its timeout or its request's cancel; net/http's once the
// connection was hijacked, or a status without a body, 204 or 304, was
// sent outside Handler), they are one report that nothing was written.
func written(r *http.Request, err error, e *Error, ids []string, werr error, held *origin, p *Report) {
	why := ""
	level := slog.LevelError
	switch {
	case werr == nil:
	case errors.Is(werr, http.ErrHandlerTimeout):
		why, level = whyTimeout, slog.LevelDebug
	case errors.Is(werr, context.Canceled):
		// http.TimeoutHandler's writer, once the request's context was
		// canceled: it answered a bodiless 503 to a client most likely gone.
		why, level = whyGone, slog.LevelDebug
	case errors.Is(werr, http.ErrHijacked):
		why = whyHijacked
	case errors.Is(werr, http.ErrBodyNotAllowed):
		why = whyStarted
	}
	switch {
	case why != "":
		unwritten(p, why, level, err, r)
	case p != nil:
		p.Sent = sentWithID(e, ids)
	default:
		held.flush(ids)
	}
}

// unwritten reports that nothing was written for err, and why: at level;
// for a panic, in its report p, which stays at ERROR.
func unwritten(p *Report, why string, level slog.Level, err error, r *http.Request) {
	if p != nil {
		p.Problem = "panic: " + why + ", nothing written"
		p.Sent = nil
		return
	}
	report(Report{Level: level, Problem: why + ": nothing written", Err: err, Request: r})
}
