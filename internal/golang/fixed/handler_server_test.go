package fixed

import (
	"bytes"
	"context"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// serverLog is a server's ErrorLog, which net/http writes from the
// connection's goroutines.
type serverLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *serverLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *serverLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// newLoggedServer starts an HTTP/1.1 server of h whose ErrorLog it returns.
func newLoggedServer(t *testing.T, h http.Handler) (*httptest.Server, *serverLog) {
	t.Helper()
	s := httptest.NewUnstartedServer(h)
	l := &serverLog{}
	s.Config.ErrorLog = log.New(l, "", 0)
	s.Start()
	t.Cleanup(s.Close)
	return s, l
}

// unwrapOnly is a middleware's writer as http.ResponseController asks
// wrappers to be: it has Unwrap, and hides every other interface.
type unwrapOnly struct{ http.ResponseWriter }

func (u unwrapOnly) Unwrap() http.ResponseWriter { return u.ResponseWriter }

// A handler that hijacks the connection through http.ResponseController (a
// WebSocket library's upgrade), then returns an error, gets nothing written:
// Write tells so without touching the connection, which net/http logs,
// whether the server's writer is Handler's w or lies under a middleware's
// writer that hides its Hijack and has Unwrap. The handler's own type
// assertion still finds no Hijacker where the middleware hides it, and the
// controller's deadlines and full duplex still reach the server's writer.
func TestHandlerHijackThroughController(t *testing.T) {
	for _, tt := range []struct {
		name       string
		middleware func(http.ResponseWriter) http.ResponseWriter
	}{
		{"server's writer", func(w http.ResponseWriter) http.ResponseWriter { return w }},
		{"a middleware's, Unwrap only", func(w http.ResponseWriter) http.ResponseWriter { return unwrapOnly{w} }},
		{"two middlewares'", func(w http.ResponseWriter) http.ResponseWriter { return unwrapOnly{unwrapOnly{w}} }},
	} {
		hidden := false
		inner := Handler(func(w http.ResponseWriter, _ *http.Request) error {
			_, asserted := w.(http.Hijacker)
			hidden = !asserted
			rc := http.NewResponseController(w)
			// The controller's other features still reach the server's writer.
			if err := rc.SetWriteDeadline(time.Now().Add(time.Minute)); err != nil {
				return err
			}
			if err := rc.EnableFullDuplex(); err != nil {
				return err
			}
			c, _, err := rc.Hijack()
			if err != nil {
				return err
			}
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi")
			c.Close()
			return errMidway
		})
		done := make(chan struct{})
		s, serverLog := newLoggedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer close(done)
			inner.ServeHTTP(tt.middleware(w), r)
		}))
		var body []byte
		got := recordReports(t, func() {
			resp, err := s.Client().Get(s.URL)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			body, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			<-done // the handler returned, and Write reported
		})
		if string(body) != "hi" || len(got) != 1 || got[0].Problem != "connection hijacked: nothing written" ||
			got[0].Level != slog.LevelError || got[0].Err != errMidway || got[0].Sent != nil {
			t.Errorf("%s: client read %q; reported %v", tt.name, body, got)
		}
		if l := serverLog.String(); l != "" {
			t.Errorf("%s: net/http logged %q", tt.name, l)
		}
		if wantHidden := tt.name != "server's writer"; hidden != wantHidden {
			t.Errorf("%s: the handler's writer is an http.Hijacker: %v, want %v", tt.name, !hidden, !wantHidden)
		}
	}
}

// A handler under http.TimeoutHandler whose response started in the
// timeout's buffer (a status, part of a body), and whose time then passed,
// sent nothing of it: the timeout's 503 went out. An error it returns, or
// writes, once the timeout answered is reported as a timeout's (at debug
// level; a panic at ERROR), as it is where the handler had written nothing,
// not as a response already started. A response started under a timeout
// middleware that is not http.TimeoutHandler (its context's deadline
// passed, the server's writer took the status) stays one already started.
func TestHandlerStartedUnderTimeoutHandler(t *testing.T) {
	const timeout = "http.TimeoutHandler answered first (503): nothing written"
	for _, tt := range []struct {
		name     string
		before   func(http.ResponseWriter) // before the time passes
		after    func(http.ResponseWriter, *http.Request) error
		timeouts bool // under http.TimeoutHandler, else under a context's deadline alone
		status   int
		problem  string
		level    slog.Level
	}{
		{"status after the timeout", nil, func(w http.ResponseWriter, _ *http.Request) error {
			w.WriteHeader(http.StatusCreated)
			_, err := io.WriteString(w, "{}")
			return err
		}, true, 503, timeout, slog.LevelDebug},
		{"body before the timeout", func(w http.ResponseWriter) { io.WriteString(w, "[1,") },
			func(http.ResponseWriter, *http.Request) error { return errMidway }, true, 503, timeout, slog.LevelDebug},
		{"Write after a status before the timeout", func(w http.ResponseWriter) { w.WriteHeader(http.StatusAccepted) },
			func(w http.ResponseWriter, r *http.Request) error { Write(w, r, ErrInternal); return nil }, true, 503, timeout, slog.LevelDebug},
		{"panic after a body before the timeout", func(w http.ResponseWriter) { io.WriteString(w, "[1,") },
			func(http.ResponseWriter, *http.Request) error { panic("nil map") }, true, 503,
			"panic: http.TimeoutHandler answered first (503), nothing written", slog.LevelError},
		{"a deadline's middleware, status before", func(w http.ResponseWriter) {
			w.WriteHeader(http.StatusAccepted)
			w.(http.Flusher).Flush()
		},
			func(http.ResponseWriter, *http.Request) error { return errMidway }, false, 202,
			"response already started: nothing written", slog.LevelError},
	} {
		late, done := make(chan struct{}), make(chan struct{})
		inner := Handler(func(w http.ResponseWriter, r *http.Request) error {
			if tt.before != nil {
				tt.before(w)
			}
			<-late
			<-r.Context().Done()
			return tt.after(w, r)
		})
		var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer close(done)
			defer func() { recover() }() // Handler's http.ErrAbortHandler after the panic
			if !tt.timeouts {
				ctx, cancel := context.WithTimeout(r.Context(), time.Millisecond)
				defer cancel()
				r = r.WithContext(ctx)
			}
			inner.ServeHTTP(w, r)
		})
		if tt.timeouts {
			h = http.TimeoutHandler(h, time.Millisecond, "timed out")
		}
		s, _ := newLoggedServer(t, h)
		var status int
		got := recordReports(t, func() {
			// The response's header arrived: the time passed, and the
			// timeout answered (or the handler's own status went out).
			resp, err := s.Client().Get(s.URL)
			close(late)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			status = resp.StatusCode
			<-done
			resp.Body.Close() // after: closing a body unread cancels the request
		})
		if status != tt.status || len(got) != 1 || got[0].Problem != tt.problem || got[0].Level != tt.level || got[0].Sent != nil {
			t.Errorf("%s: sent %d, reported %v (levels %v); want %d, %q at %v", tt.name, status, got, levels(got), tt.status, tt.problem, tt.level)
		}
	}
}

// levels are the levels of reports, for a test's message.
func levels(reports []Report) []slog.Level {
	var l []slog.Level
	for _, r := range reports {
		l = append(l, r.Level)
	}
	return l
}

// A client that goes away while its handler runs under http.TimeoutHandler
// has the timeout's writer refuse every write with context.Canceled (the
// timeout answered a bodiless 503, to no one): an error the handler then
// returns is reported as nothing written (at debug level: the client left;
// a panic at ERROR), not as the fallback sent, nor, for a catalog error,
// not at all; a write it made, refused so, started no response.
func TestHandlerClientGoneUnderTimeoutHandler(t *testing.T) {
	const gone = "request context canceled, the client most likely gone: nothing written"
	for _, tt := range []struct {
		name    string
		h       func(http.ResponseWriter, *http.Request) error
		problem string
		level   slog.Level
	}{
		{"foreign error", func(_ http.ResponseWriter, r *http.Request) error { return r.Context().Err() }, gone, slog.LevelDebug},
		{"catalog error", func(http.ResponseWriter, *http.Request) error { return NewRateLimited(1, "1s", 1) }, gone, slog.LevelDebug},
		{"sentinel", func(http.ResponseWriter, *http.Request) error { return ErrRateLimited }, gone, slog.LevelDebug},
		{"a write refused first", func(w http.ResponseWriter, _ *http.Request) error {
			w.WriteHeader(http.StatusOK) // refused too, silently
			_, err := io.WriteString(w, "[1,")
			return err
		}, gone, slog.LevelDebug},
		{"panic", func(http.ResponseWriter, *http.Request) error { panic("nil map") },
			"panic: request context canceled, the client most likely gone, nothing written", slog.LevelError},
	} {
		started, answered, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
		timeout := http.TimeoutHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer close(done)
			close(started)
			<-answered // not the context's Done: the timeout answers after it
			Handler(tt.h).ServeHTTP(w, r)
		}), time.Minute, "timed out")
		s, _ := newLoggedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			timeout.ServeHTTP(w, r)
			close(answered)
		}))
		got := recordReports(t, func() {
			ctx, cancel := context.WithCancel(context.Background())
			go func() {
				<-started
				cancel()
			}()
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL, nil)
			if resp, err := s.Client().Do(req); err == nil {
				resp.Body.Close()
				t.Errorf("%s: the request was answered %d", tt.name, resp.StatusCode)
			}
			<-done
		})
		if len(got) != 1 || got[0].Problem != tt.problem || got[0].Level != tt.level || got[0].Sent != nil {
			t.Errorf("%s: reported %v (levels %v, sent %v); want %q at %v, nothing sent", tt.name, got, levels(got), sentOf(got), tt.problem, tt.level)
		}
	}
}

// sentOf are the errors reports say were sent, for a test's message.
func sentOf(reports []Report) []*Error {
	var sent []*Error
	for _, r := range reports {
		sent = append(sent, r.Sent)
	}
	return sent
}
