package errgen

// The generated package in a net/http service at net/http's edges: a
// handler that started its response, Handler's writer, http.TimeoutHandler,
// and Write where net/http refuses what it writes.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/errgen/errgen/generated/apierrors"
)

// reportLog keeps the reports a server's goroutines make.
type reportLog struct {
	mu  sync.Mutex
	got []apierrors.Report
}

func (l *reportLog) add(r apierrors.Report) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got = append(l.got, r)
}

// take returns the reports made so far, once there are at least n (or 5
// seconds passed), and forgets them. Reports made after a response reached
// the client (http.TimeoutHandler's) come a moment later.
func (l *reportLog) take(n int) []apierrors.Report {
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		l.mu.Lock()
		if len(l.got) >= n || time.Now().After(deadline) {
			got := l.got
			l.got = nil
			l.mu.Unlock()
			return got
		}
		l.mu.Unlock()
	}
}

// errStream is what a streaming handler returns when its source fails
// midway.
var errStream = errors.New("cursor: connection reset")

// TestServiceStartedResponse: a handler that already started its response
// (wrote, flushed, set a final status, hijacked the connection), then
// returns an error, calls Write itself or panics, gets nothing more written
// after what it sent: the status cannot change. The reporter is told, at
// ERROR, with the error. A 1xx (103 Early Hints) starts nothing.
func TestServiceStartedResponse(t *testing.T) {
	logs := &reportLog{}
	apierrors.Configure(apierrors.Config{Reporter: logs.add})
	defer apierrors.Configure(apierrors.Config{})
	var serverLog logBuffer
	mux := http.NewServeMux()
	srv := httptest.NewUnstartedServer(mux)
	srv.Config.ErrorLog = log.New(&serverLog, "", 0)
	srv.Start()
	defer srv.Close()
	cases := []struct {
		name    string
		method  string
		h       func(http.ResponseWriter, *http.Request) error
		status  int
		body    string // exactly; "*" for any
		problem string // reported at ERROR; "" for nothing reported
		err     error  // the report's Err, for errors.Is; nil for any
	}{
		{"wrote, then returned a catalog error", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			io.WriteString(w, `{"items":[`)
			return apierrors.NewNotFound("ticket", "t_1")
		}, 200, `{"items":[`, "response already started: nothing written", apierrors.ErrNotFound},
		{"flushed, then returned a foreign error", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			io.WriteString(w, "a,b\n")
			w.(http.Flusher).Flush()
			return fmt.Errorf("next row: %w", errStream)
		}, 200, "a,b\n", "response already started: nothing written", errStream},
		{"flushed through ResponseController, nothing written before", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			if err := http.NewResponseController(w).Flush(); err != nil {
				return err
			}
			return errStream
		}, 200, "", "response already started: nothing written", errStream},
		{"204 set, then returned an error", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			w.WriteHeader(http.StatusNoContent)
			return errStream
		}, 204, "", "response already started: nothing written", errStream},
		{"wrote, then called Write itself", "GET", func(w http.ResponseWriter, r *http.Request) error {
			io.WriteString(w, "partial")
			apierrors.Write(w, r, apierrors.NewNotFound("ticket", "t_1"))
			return nil
		}, 200, "partial", "response already started: nothing written", apierrors.ErrNotFound},
		{"wrote through ReadFrom, then returned an error", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			io.Copy(w, strings.NewReader("from a file"))
			return errStream
		}, 200, "from a file", "response already started: nothing written", errStream},
		{"wrote, then panicked: aborted", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			io.WriteString(w, "partial")
			panic("nil map")
		}, 0, "", "panic: response already started, nothing written", nil},
		{"wrote and flushed, then panicked: aborted", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			io.WriteString(w, "partial")
			w.(http.Flusher).Flush()
			panic("nil map")
		}, 200, "partial", "panic: response already started, nothing written", nil},
		{"103 Early Hints, then an error: written", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			w.Header().Set("Link", "</app.css>; rel=preload")
			w.WriteHeader(http.StatusEarlyHints)
			return apierrors.NewNotFound("ticket", "t_1")
		}, 404, "*", "", nil},
		{"HEAD, nothing written yet: the error's headers", "HEAD", func(http.ResponseWriter, *http.Request) error {
			return apierrors.NewNotFound("ticket", "t_1")
		}, 404, "", "", nil},
		{"hijacked, then returned an error", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			conn, brw, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return err
			}
			defer conn.Close()
			brw.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
			brw.Flush()
			return errStream
		}, 200, "ok", "connection hijacked: nothing written", errStream},
		{"hijacked through ResponseController, then called Write itself", "GET", func(w http.ResponseWriter, r *http.Request) error {
			conn, brw, err := http.NewResponseController(w).Hijack()
			if err != nil {
				return err
			}
			defer conn.Close()
			brw.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
			brw.Flush()
			apierrors.Write(w, r, errStream)
			return nil
		}, 200, "ok", "connection hijacked: nothing written", errStream},
	}
	for i, c := range cases {
		mux.Handle(fmt.Sprintf("/started/%d", i), apierrors.Handler(c.h))
	}
	for i, c := range cases {
		req, _ := http.NewRequest(c.method, fmt.Sprintf("%s/started/%d", srv.URL, i), nil)
		srv.Client().CloseIdleConnections() // a GET on a reused connection that closes is sent again
		status, body, err := fetch(srv.Client(), req)
		n := 0
		if c.problem != "" {
			n = 1
		}
		got := logs.take(n)
		t.Logf("%s: %d %q (%v); reported %v", c.name, status, body, err, got)
		// an aborted response fails the client's read: before the status
		// when nothing was flushed, in the body after it
		if aborted := strings.HasSuffix(c.name, "aborted"); aborted != (err != nil) || status != c.status || c.body != "*" && string(body) != c.body {
			t.Errorf("%s: %d %q (%v), want %d %q, failing: %v", c.name, status, body, err, c.status, c.body, aborted)
		}
		if len(got) != n || n == 1 && (got[0].Level != slog.LevelError || got[0].Problem != c.problem || got[0].Sent != nil ||
			c.err != nil && !errors.Is(got[0].Err, c.err) || got[0].Request == nil) {
			t.Errorf("%s: reported %v, want %q at ERROR", c.name, got, c.problem)
		}
		if strings.HasPrefix(c.problem, "panic") && len(got) == 1 && !strings.Contains(string(got[0].Stack), "service_edges_test.go") {
			t.Errorf("%s: no stack", c.name)
		}
	}
	if s := serverLog.take(); s != "" {
		t.Errorf("net/http logged:\n%s", s)
	}
}

// fetch sends req and reads the response: its status (0 when none came),
// the body read and the error that stopped the exchange, if any.
func fetch(client *http.Client, req *http.Request) (int, []byte, error) {
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

// TestServiceHandlerWriter: the writer Handler gives the handler flushes,
// hijacks (where the server's writer does), copies a file through the
// server's ReadFrom, and reaches the server's writer through
// http.ResponseController (deadlines, full duplex).
func TestServiceHandlerWriter(t *testing.T) {
	h := apierrors.Handler(func(w http.ResponseWriter, r *http.Request) error {
		_, flusher := w.(http.Flusher)
		_, hijacker := w.(http.Hijacker)
		_, readerFrom := w.(io.ReaderFrom)
		rc := http.NewResponseController(w)
		deadline := rc.SetWriteDeadline(time.Now().Add(time.Minute))
		read := rc.SetReadDeadline(time.Now().Add(time.Minute))
		var unwrapped bool
		if u, ok := w.(interface{ Unwrap() http.ResponseWriter }); ok {
			_, unwrapped = u.Unwrap().(http.Flusher)
		}
		fmt.Fprintf(w, "flusher %v hijacker %v readerFrom %v unwrap %v deadlines %v %v", flusher, hijacker, readerFrom, unwrapped, deadline, read)
		return nil
	})
	for _, proto := range []string{"HTTP/1.1", "HTTP/2.0"} {
		srv := httptest.NewUnstartedServer(h)
		want := "flusher true hijacker true readerFrom true unwrap true deadlines <nil> <nil>"
		if proto == "HTTP/2.0" {
			srv.EnableHTTP2 = true
			srv.StartTLS()
			want = "flusher true hijacker false readerFrom true unwrap true deadlines <nil> <nil>"
		} else {
			srv.Start()
		}
		resp, err := srv.Client().Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		srv.Close()
		if resp.Proto != proto || string(body) != want {
			t.Errorf("%s: %s %s, want %s", proto, resp.Proto, body, want)
		}
	}
}

// TestServiceTimeoutHandler: once http.TimeoutHandler answered 503, what
// the handler then writes goes nowhere (its writer returns
// http.ErrHandlerTimeout). Write says so, at DEBUG, claiming nothing sent:
// the 503 is TimeoutHandler's. A panic then is still reported at ERROR.
func TestServiceTimeoutHandler(t *testing.T) {
	logs := &reportLog{}
	apierrors.Configure(apierrors.Config{Reporter: logs.add, Map: func(err error) *apierrors.Error {
		if errors.Is(err, context.DeadlineExceeded) {
			return apierrors.ErrGatewayTimeout.WithCause(err)
		}
		return nil
	}})
	defer apierrors.Configure(apierrors.Config{})
	late := func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		time.Sleep(10 * time.Millisecond) // TimeoutHandler's 503 goes first
	}
	cases := []struct {
		name    string
		h       http.Handler
		level   slog.Level
		problem string
	}{
		{"a deadline error returned", apierrors.Handler(func(w http.ResponseWriter, r *http.Request) error {
			late(w, r)
			return fmt.Errorf("query: %w", r.Context().Err())
		}), slog.LevelDebug, "http.TimeoutHandler answered first (503): nothing written"},
		{"a foreign error returned", apierrors.Handler(func(w http.ResponseWriter, r *http.Request) error {
			late(w, r)
			return errStream
		}), slog.LevelDebug, "http.TimeoutHandler answered first (503): nothing written"},
		{"Write called", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			late(w, r)
			apierrors.Write(w, r, apierrors.NewNotFound("ticket", "t_1"))
		}), slog.LevelDebug, "http.TimeoutHandler answered first (503): nothing written"},
		{"Write called for a HEAD", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			late(w, r)
			apierrors.Write(w, r, apierrors.NewNotFound("ticket", "t_1"))
		}), slog.LevelDebug, "http.TimeoutHandler answered first (503): nothing written"},
		{"a panic", apierrors.Handler(func(w http.ResponseWriter, r *http.Request) error {
			late(w, r)
			panic("nil map")
		}), slog.LevelError, "panic: http.TimeoutHandler answered first (503), nothing written"},
	}
	for _, c := range cases {
		srv := httptest.NewServer(http.TimeoutHandler(c.h, 20*time.Millisecond, "timed out"))
		method := "GET"
		if strings.Contains(c.name, "HEAD") {
			method = "HEAD"
		}
		req, _ := http.NewRequest(method, srv.URL, nil)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := logs.take(1)
		srv.Close()
		t.Logf("%s: %d %q; reported %v", c.name, resp.StatusCode, body, got)
		if resp.StatusCode != 503 || method == "GET" && string(body) != "timed out" {
			t.Errorf("%s: %d %q", c.name, resp.StatusCode, body)
		}
		if len(got) != 1 || got[0].Level != c.level || got[0].Problem != c.problem || got[0].Sent != nil || got[0].Err == nil {
			t.Errorf("%s: reported %v, want %q at %v", c.name, got, c.problem, c.level)
		}
	}
}

// TestServiceWriteWithoutHandler: Write in a plain http.HandlerFunc cannot
// know the response started, but net/http's writer tells it when it takes
// nothing: after a status without a body (http.ErrBodyNotAllowed), or a
// hijack (http.ErrHijacked, once net/http logged the attempt).
func TestServiceWriteWithoutHandler(t *testing.T) {
	logs := &reportLog{}
	apierrors.Configure(apierrors.Config{Reporter: logs.add})
	defer apierrors.Configure(apierrors.Config{})
	var serverLog logBuffer
	mux := http.NewServeMux()
	mux.HandleFunc("/204", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
		apierrors.Write(w, r, errStream)
	})
	mux.HandleFunc("/hijacked", func(w http.ResponseWriter, r *http.Request) {
		conn, brw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		brw.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
		brw.Flush()
		conn.Close()
		apierrors.Write(w, r, errStream)
	})
	srv := httptest.NewUnstartedServer(mux)
	srv.Config.ErrorLog = log.New(&serverLog, "", 0)
	srv.Start()
	defer srv.Close()
	for _, c := range []struct{ path, problem, log string }{
		{"/204", "response already started: nothing written", "http: superfluous response.WriteHeader call from github.com/errgen/errgen/generated/apierrors.write"},
		{"/hijacked", "connection hijacked: nothing written", "http: response.WriteHeader on hijacked connection from github.com/errgen/errgen/generated/apierrors.write"},
	} {
		resp, err := srv.Client().Get(srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := logs.take(1)
		printed := serverLog.take()
		t.Logf("%s: %d %q; reported %v; net/http logged %q", c.path, resp.StatusCode, body, got, printed)
		if len(body) > 2 || len(got) != 1 || got[0].Problem != c.problem || got[0].Level != slog.LevelError || got[0].Sent != nil ||
			!errors.Is(got[0].Err, errStream) || !strings.Contains(printed, c.log) {
			t.Errorf("%s: %d %q; reported %v, want %q; net/http logged %q", c.path, resp.StatusCode, body, got, c.problem, printed)
		}
	}
}
