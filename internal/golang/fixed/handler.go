package fixed

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
)

// Handler adapts a handler that returns an error: a returned error is
// written with Write (nil writes nothing), and a panic is recovered into the
// fallback error and reported with its stack, but http.ErrAbortHandler,
// which is panicked again for net/http to abort the response. The handler
// passes w on untouched, so a handler that wrote its response must return
// nil: Write would write a second one.
func Handler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return handler(h)
}

type handler func(http.ResponseWriter, *http.Request) error

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			recovered(w, r, v)
		}
	}()
	if err := h(w, r); err != nil {
		Write(w, r, err)
	}
}

// recovered writes the fallback for a recovered panic and reports it, with
// the panic's value and stack.
func recovered(w http.ResponseWriter, r *http.Request, v any) {
	rep := Report{Level: slog.LevelError, Problem: "panic: sent the fallback", Err: panicError(v), Request: r, Stack: debug.Stack()}
	if r.Context().Err() != nil && clientGone(r) {
		rep.Problem = "panic: request context done, nothing written"
	} else {
		// The fallback is given the id Write would make, for the report to
		// name it as Write's own reports do (see origin.flush).
		rep.Sent = fallback
		if requestIDHeader != "" {
			if id, _ := requestID(r, w.Header()); id != "" {
				rep.Sent = fallback.withRequestID(id)
			}
		}
		Write(w, r, rep.Sent)
	}
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
