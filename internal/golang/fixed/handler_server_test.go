package fixed

import (
	"bytes"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
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
// assertion still finds no Hijacker where the middleware hides it.
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
			c, _, err := http.NewResponseController(w).Hijack()
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
