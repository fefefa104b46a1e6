package fixed

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Handler writes a returned error, recovers a panic into the fallback, and
// reports both; Config.Map maps foreign errors; a request whose context was
// canceled (its client most likely went away; a shutdown's or a
// middleware's cancel leaves it waiting) gets its error all the same,
// reported at debug level but for a panic, where it got nothing (200 OK,
// empty, when the client still waited); one whose deadline passed (a
// middleware's timeout: the client waits) gets its error.
func TestHandler(t *testing.T) {
	Configure(Config{Reporter: recordReport, Map: func(err error) *Error {
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return ErrOrderNotFound.WithCause(err)
		case errors.Is(err, context.DeadlineExceeded):
			return ErrRateLimited // stands in for a 503/504 the catalog would have
		}
		return nil
	}})
	defer Configure(Config{Reporter: recordReport})
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancelExpired := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancelExpired()
	tests := []struct {
		name    string
		h       func(http.ResponseWriter, *http.Request) error
		ctx     context.Context
		status  int    // 0: nothing written
		code    string // in the body
		problem string // reported; "" for nothing
		level   slog.Level
	}{
		{"catalog error", func(http.ResponseWriter, *http.Request) error { return NewRateLimited(1, "1s", 1) }, nil, 429, "RATE_LIMITED", "", 0},
		{"nil", func(w http.ResponseWriter, _ *http.Request) error { w.WriteHeader(204); return nil }, nil, 204, "", "", 0},
		{"mapped", func(http.ResponseWriter, *http.Request) error { return fmt.Errorf("load: %w", sql.ErrNoRows) }, nil, 404, "ORDER_NOT_FOUND", "", 0},
		{"deadline mapped", func(http.ResponseWriter, *http.Request) error { return context.DeadlineExceeded }, nil, 429, "RATE_LIMITED", "required details missing", slog.LevelError},
		{"foreign", func(http.ResponseWriter, *http.Request) error { return errors.New("boom") }, nil, 500, "INTERNAL", "not a catalog error", slog.LevelError},
		{"canceled, client still there", func(http.ResponseWriter, *http.Request) error { return context.Canceled }, nil, 500, "INTERNAL", "not a catalog error", slog.LevelError},
		{"client gone", func(http.ResponseWriter, *http.Request) error { return context.Canceled }, canceled, 500, "INTERNAL", "not a catalog error: sent the fallback (request context canceled: the client most likely went away)", slog.LevelDebug},
		// a server's BaseContext canceled at shutdown, or a middleware's
		// cancel: the client still waits, and gets its error, not 200 OK
		{"canceled, catalog error", func(http.ResponseWriter, *http.Request) error { return NewRateLimited(1, "1s", 1) }, canceled, 429, "RATE_LIMITED", "", 0},
		{"canceled, sentinel without its details", func(http.ResponseWriter, *http.Request) error { return ErrRateLimited }, canceled, 429, "RATE_LIMITED", "required details missing", slog.LevelDebug},
		{"panic, canceled", func(http.ResponseWriter, *http.Request) error { panic("nil map") }, canceled, 500, "INTERNAL", "panic: sent the fallback", slog.LevelError},
		{"deadline passed, client still there", func(_ http.ResponseWriter, r *http.Request) error {
			return fmt.Errorf("query: %w", r.Context().Err())
		}, expired, 429, "RATE_LIMITED", "required details missing", slog.LevelError},
		{"deadline passed, unmapped", func(http.ResponseWriter, *http.Request) error { return errors.New("boom") }, expired, 500, "INTERNAL", "not a catalog error", slog.LevelError},
		{"panic after the deadline", func(http.ResponseWriter, *http.Request) error { panic("nil map") }, expired, 500, "INTERNAL", "panic: sent the fallback", slog.LevelError},
		{"panic", func(http.ResponseWriter, *http.Request) error { panic("nil map") }, nil, 500, "INTERNAL", "panic: sent the fallback", slog.LevelError},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		if tt.ctx != nil {
			req = req.WithContext(tt.ctx)
		}
		rec := httptest.NewRecorder()
		rec.Code = 0
		got := recordReports(t, func() { Handler(tt.h).ServeHTTP(rec, req) })
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.code) {
			t.Errorf("%s: sent %d %s, want %d %s", tt.name, rec.Code, rec.Body, tt.status, tt.code)
		}
		if tt.problem == "" && len(got) > 0 || tt.problem != "" && (len(got) != 1 || !strings.Contains(got[0].Problem, tt.problem) || got[0].Level != tt.level) {
			t.Errorf("%s: reported %v, want %q at %v", tt.name, got, tt.problem, tt.level)
		}
		if strings.HasPrefix(tt.name, "panic") && (len(got) != 1 || !strings.Contains(string(got[0].Stack), "handler_test.go")) {
			t.Errorf("panic: no stack reported")
		}
	}
}

// http.ErrAbortHandler is panicked again, for net/http to abort the response.
func TestHandlerAbort(t *testing.T) {
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	Handler(func(http.ResponseWriter, *http.Request) error { panic(http.ErrAbortHandler) }).
		ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
	t.Error("no panic")
}

// errMidway is what a streaming handler returns when its source fails.
var errMidway = errors.New("cursor: connection reset")

// A handler that started its response (a final status, body, a flush, a
// copy) or hijacked the connection, then returns an error, calls Write or
// panics, gets nothing more written: the status cannot change, and JSON
// after its body would corrupt it. It is reported at ERROR, with the error;
// after a panic, Handler panics with http.ErrAbortHandler for net/http to
// abort the response, which would otherwise pass for a whole one.
// Copying nothing starts nothing. So does an informational status (103
// Early Hints), which httptest's recorder takes for the final one:
// TestServiceStartedResponse, at the module's root, sends one through a
// real server.
func TestHandlerStartedResponse(t *testing.T) {
	tests := []struct {
		name    string
		h       func(http.ResponseWriter, *http.Request) error
		status  int
		body    string
		problem string // "" for nothing reported
	}{
		{"wrote", func(w http.ResponseWriter, _ *http.Request) error {
			io.WriteString(w, "[1,")
			return errMidway
		}, 200, "[1,", "response already started: nothing written"},
		{"wrote nothing, but wrote", func(w http.ResponseWriter, _ *http.Request) error {
			w.Write(nil) // net/http sends 200 all the same
			return errMidway
		}, 200, "", "response already started: nothing written"},
		{"flushed", func(w http.ResponseWriter, _ *http.Request) error {
			w.(http.Flusher).Flush()
			return errMidway
		}, 200, "", "response already started: nothing written"},
		{"204", func(w http.ResponseWriter, _ *http.Request) error {
			w.WriteHeader(http.StatusNoContent)
			return ErrInternal
		}, 204, "", "response already started: nothing written"},
		{"copied", func(w http.ResponseWriter, _ *http.Request) error {
			w.(io.ReaderFrom).ReadFrom(strings.NewReader("abc"))
			return errMidway
		}, 200, "abc", "response already started: nothing written"},
		{"Write called after writing", func(w http.ResponseWriter, r *http.Request) error {
			io.WriteString(w, "[1,")
			Write(w, r, ErrInternal)
			return nil
		}, 200, "[1,", "response already started: nothing written"},
		{"panic after writing: aborted", func(w http.ResponseWriter, _ *http.Request) error {
			io.WriteString(w, "[1,")
			panic("nil map")
		}, 200, "[1,", "panic: response already started, nothing written"},
		{"copied nothing", func(w http.ResponseWriter, _ *http.Request) error {
			w.(io.ReaderFrom).ReadFrom(strings.NewReader(""))
			return ErrOrderNotFound
		}, 404, "*", ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		var aborted any
		got := recordReports(t, func() {
			defer func() { aborted = recover() }()
			Handler(tt.h).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		})
		if wantAbort := strings.HasSuffix(tt.name, "aborted"); wantAbort != (aborted == http.ErrAbortHandler) || !wantAbort && aborted != nil {
			t.Errorf("%s: Handler panicked with %v; want http.ErrAbortHandler: %v", tt.name, aborted, wantAbort)
		}
		if rec.Code != tt.status || tt.body != "*" && rec.Body.String() != tt.body || tt.body == "*" && !strings.Contains(rec.Body.String(), "ORDER_NOT_FOUND") {
			t.Errorf("%s: sent %d %q, want %d %q", tt.name, rec.Code, rec.Body, tt.status, tt.body)
		}
		if tt.problem == "" && len(got) != 0 || tt.problem != "" && (len(got) != 1 || got[0].Problem != tt.problem ||
			got[0].Level != slog.LevelError || got[0].Sent != nil || got[0].Err == nil || got[0].Request == nil) {
			t.Errorf("%s: reported %v, want %q", tt.name, got, tt.problem)
		}
	}
}

// A client that leaves mid-body (the handler wrote part of its response,
// then its context is canceled and it returns the context's error) is no
// server error: nothing more is written, reported at debug level, as a
// client that left before the response started is; a panic stays at
// ERROR.
func TestHandlerClientGoneMidBody(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	wrote := Handler(func(w http.ResponseWriter, r *http.Request) error {
		io.WriteString(w, "partial")
		return r.Context().Err()
	})
	got := recordReports(t, func() {
		wrote.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil).WithContext(ctx))
	})
	if len(got) != 1 || got[0].Level != slog.LevelDebug || got[0].Problem != "response already started: nothing written" {
		t.Errorf("reported %v, want one report at DEBUG", got)
	}
}

// hijackRecorder is a recorder whose connection can be hijacked, as
// net/http's HTTP/1 writer's can.
type hijackRecorder struct {
	*httptest.ResponseRecorder
	hijacked bool
}

func (h *hijackRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	h.hijacked = true
	c, _ := net.Pipe()
	return c, nil, nil
}

// The writer Handler gives a handler has the server's Flush and Hijack
// where the server's writer has them, and no others, reaches it through
// Unwrap, and hijacked tells Write so.
func TestHandlerWriter(t *testing.T) {
	type writer struct {
		http.ResponseWriter
	}
	type flusher struct {
		http.ResponseWriter
		http.Flusher
	}
	type hijacker struct {
		http.ResponseWriter
		http.Hijacker
	}
	rec := &hijackRecorder{ResponseRecorder: httptest.NewRecorder()}
	for _, w := range []http.ResponseWriter{writer{rec}, flusher{rec, rec}, hijacker{rec, rec}, rec} {
		got := fmt.Sprint(recordReports(t, func() {
			Handler(func(tw http.ResponseWriter, r *http.Request) error {
				_, f := tw.(http.Flusher)
				_, h := tw.(http.Hijacker)
				_, wantF := w.(http.Flusher)
				_, wantH := w.(http.Hijacker)
				if f != wantF || h != wantH || tw.(interface{ Unwrap() http.ResponseWriter }).Unwrap() != w {
					t.Errorf("%T: Flusher %v, Hijacker %v; want %v, %v", w, f, h, wantF, wantH)
				}
				if err := tw.(http.Pusher).Push("/app.css", nil); err != http.ErrNotSupported {
					t.Errorf("%T: Push: %v", w, err)
				}
				if !h {
					return nil
				}
				c, _, err := tw.(http.Hijacker).Hijack()
				if err != nil {
					return err
				}
				c.Close()
				return errMidway
			}).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
		}))
		if _, h := w.(http.Hijacker); h && got != "[connection hijacked: nothing written: cursor: connection reset [GET /]]" {
			t.Errorf("%T: reported %s", w, got)
		}
	}
	if rec.Code != 200 || rec.Body.Len() != 0 || !rec.hijacked {
		t.Errorf("sent %d %q, hijacked %v", rec.Code, rec.Body, rec.hijacked)
	}
}

// Once http.TimeoutHandler answered 503, a handler's error, or the fallback
// for its panic, goes nowhere: its writer returns http.ErrHandlerTimeout.
// Write reports that at debug level (a panic stays at ERROR), claiming
// nothing sent, and reports nothing else (a breach, the fallback sent).
func TestWriteAfterTimeoutHandler(t *testing.T) {
	for _, tt := range []struct {
		name    string
		method  string
		h       http.Handler
		problem string
		level   slog.Level
	}{
		{"returned", http.MethodGet, Handler(func(http.ResponseWriter, *http.Request) error { return errMidway }),
			"http.TimeoutHandler answered first (503): nothing written", slog.LevelDebug},
		{"sentinel", http.MethodGet, Handler(func(http.ResponseWriter, *http.Request) error { return ErrRateLimited }),
			"http.TimeoutHandler answered first (503): nothing written", slog.LevelDebug},
		{"written, HEAD", http.MethodHead, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { Write(w, r, NewRateLimited(1, "1s", 1)) }),
			"http.TimeoutHandler answered first (503): nothing written", slog.LevelDebug},
		{"written after a write", http.MethodGet, Handler(func(w http.ResponseWriter, r *http.Request) error {
			_, err := io.WriteString(w, "[1,")
			return err // http.ErrHandlerTimeout
		}), "http.TimeoutHandler answered first (503): nothing written", slog.LevelDebug},
		{"panic", http.MethodGet, Handler(func(http.ResponseWriter, *http.Request) error { panic("nil map") }),
			"panic: http.TimeoutHandler answered first (503), nothing written", slog.LevelError},
	} {
		late, done := make(chan struct{}), make(chan struct{})
		h := http.TimeoutHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer close(done)
			<-late
			tt.h.ServeHTTP(w, r)
		}), time.Millisecond, "timed out")
		rec := httptest.NewRecorder()
		got := recordReports(t, func() {
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, "/", nil))
			close(late)
			<-done
		})
		if rec.Code != 503 {
			t.Errorf("%s: sent %d %q", tt.name, rec.Code, rec.Body)
		}
		if len(got) != 1 || got[0].Problem != tt.problem || got[0].Level != tt.level || got[0].Sent != nil || got[0].Err == nil {
			t.Errorf("%s: reported %v, want %q at %v", tt.name, got, tt.problem, tt.level)
		}
	}
}

// failingWriter's Write returns err, as net/http's does on a hijacked
// connection, or after a status without a body.
type failingWriter struct {
	*httptest.ResponseRecorder
	err error
}

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// A writer Handler does not track says nothing was written when its Write
// says so: the connection was hijacked, or the response started with a
// status that has no body. What Write held (a breach) is not reported.
func TestWriteRefused(t *testing.T) {
	for err, want := range map[error]string{
		http.ErrHijacked:                         "connection hijacked: nothing written",
		fmt.Errorf("%w", http.ErrBodyNotAllowed): "response already started: nothing written",
	} {
		got := recordReports(t, func() {
			Write(failingWriter{httptest.NewRecorder(), err}, httptest.NewRequest(http.MethodGet, "/", nil), ErrRateLimited)
		})
		if len(got) != 1 || got[0].Problem != want || got[0].Level != slog.LevelError || got[0].Sent != nil || got[0].Err != ErrRateLimited {
			t.Errorf("%v: reported %v, want %q", err, got, want)
		}
	}
	// Any other error is the writer's business: the reports stand.
	got := recordReports(t, func() {
		Write(failingWriter{httptest.NewRecorder(), io.ErrShortWrite}, httptest.NewRequest(http.MethodGet, "/", nil), ErrRateLimited)
	})
	if len(got) != 1 || !strings.HasPrefix(got[0].Problem, "sent with a breach") {
		t.Errorf("short write: reported %v", got)
	}
}
