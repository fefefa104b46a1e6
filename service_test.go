package errgen

// The test a service adopting errgen would write (issue 22's "done when"):
// a net/http server of Handler-wrapped handlers and a real client. For each
// case it shows the status and code on the wire, what the reporter received,
// what a JSON slog handler printed, and what ParseResponse returned; run it
// with -v to read them.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
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

	"github.com/errgen/errgen/examples/generic/genericerrors"
	"github.com/errgen/errgen/examples/scopestack/scopestackerrors"
	"github.com/errgen/errgen/examples/stackone/stackoneerrors"
	"github.com/errgen/errgen/generated/apierrors"
)

// serviceCase is one handler of the service and what the client must see.
type serviceCase struct {
	name   string
	h      func(http.ResponseWriter, *http.Request) error
	status int    // on the wire
	code   string // on the wire
	report string // what the reporter received; "" for nothing
	log    string // in what the JSON slog handler printed; "" for nothing to check
}

// logBuffer is the JSON slog handler's output, safe for the server's goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) take() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.b.String()
	l.b.Reset()
	return s
}

var errTicketStore = errors.New("sql: connection refused")

func serviceCases() []serviceCase {
	return []serviceCase{
		{"built by its constructor", func(http.ResponseWriter, *http.Request) error {
			return apierrors.NewRateLimitExceeded(100, "1m", 23)
		}, 429, "RATE_LIMIT_EXCEEDED", "", ""},
		{"sentinel returned: its own status, the breach reported", func(http.ResponseWriter, *http.Request) error {
			return apierrors.ErrNotFound
		}, 404, "NOT_FOUND", "sent with a breach: required details missing", ""},
		{"value outside its enum: left out, reported", func(http.ResponseWriter, *http.Request) error {
			return apierrors.NewWithDetails(apierrors.AccountDisabledDetails{AccountID: "acc_1", Reason: "bogus"})
		}, 412, "ACCOUNT_DISABLED", `sent with a breach: detail \"reason\": \"bogus\" is not one of its values`, ""},
		{"Write(w, r, nil)", func(w http.ResponseWriter, r *http.Request) error {
			apierrors.Write(w, r, nil)
			return nil
		}, 500, "INTERNAL_ERROR", "nil error: sent the fallback", ""},
		{"panic", func(http.ResponseWriter, *http.Request) error {
			var m map[string]int
			m["x"]++
			return nil
		}, 500, "INTERNAL_ERROR", "panic: sent the fallback", `"stack":"goroutine`},
		{"foreign error mapped by Config.Map", func(http.ResponseWriter, *http.Request) error {
			return fmt.Errorf("load ticket: %w", sql.ErrNoRows)
		}, 404, "NOT_FOUND", "", ""},
		{"context.DeadlineExceeded mapped to 504", func(http.ResponseWriter, *http.Request) error {
			return context.DeadlineExceeded
		}, 504, "GATEWAY_TIMEOUT", "", ""},
		{"a timeout middleware's deadline passed, the client waiting: written, mapped to 504", func(w http.ResponseWriter, r *http.Request) error {
			withTimeout(time.Millisecond, apierrors.Handler(func(_ http.ResponseWriter, r *http.Request) error {
				<-r.Context().Done()
				return fmt.Errorf("query tickets: %w", r.Context().Err())
			})).ServeHTTP(w, r)
			return nil
		}, 504, "GATEWAY_TIMEOUT", "", ""},
		{"foreign error unmapped: the fallback, reported with its text", func(http.ResponseWriter, *http.Request) error {
			return errTicketStore
		}, 500, "INTERNAL_ERROR", "not a catalog error: sent the fallback", `"error":"sql: connection refused"`},
		{"context.Canceled while the client waits: a foreign error", func(http.ResponseWriter, *http.Request) error {
			return context.Canceled
		}, 500, "INTERNAL_ERROR", "not a catalog error: sent the fallback", ""},
		{"logged with its cause", func(_ http.ResponseWriter, r *http.Request) error {
			err := apierrors.NewNotFound("ticket", "t_1").WithCause(sql.ErrNoRows)
			slog.ErrorContext(r.Context(), "request failed", "err", err)
			return err
		}, 404, "NOT_FOUND", "", `"err":{"code":"NOT_FOUND","status":404,"message":"Resource not found","details":{"resourceType":"ticket","resourceId":"t_1"},"cause":"sql: no rows in result set"}`},
	}
}

// withTimeout is a service's timeout middleware: h's requests have a
// deadline d from now.
func withTimeout(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

func TestServiceDoneWhen(t *testing.T) {
	logs := &logBuffer{}
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer slog.SetDefault(prev)
	// The default Reporter: slog.Default(), so the reports are in logs too.
	apierrors.Configure(apierrors.Config{Map: func(err error) *apierrors.Error {
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return apierrors.NewNotFound("ticket", "t_1").WithCause(err)
		case errors.Is(err, context.DeadlineExceeded):
			return apierrors.ErrGatewayTimeout.WithCause(err)
		}
		return nil
	}})
	defer apierrors.Configure(apierrors.Config{})
	cases := serviceCases()
	mux := http.NewServeMux()
	for i, c := range cases {
		mux.Handle(fmt.Sprintf("GET /case/%d", i), apierrors.Handler(c.h))
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for i, c := range cases {
		resp, err := http.Get(fmt.Sprintf("%s/case/%d", srv.URL, i))
		if err != nil {
			t.Fatal(err)
		}
		e, perr := apierrors.ParseResponse(resp)
		resp.Body.Close()
		printed := logs.take()
		t.Logf("%s:\n  wire    %d %s, X-Request-Id %s\n  slog    %s\n  parsed  %v, %v", c.name, resp.StatusCode, code(e),
			resp.Header.Get("X-Request-Id"), strings.TrimSpace(printed), e, perr)
		if perr != nil || resp.StatusCode != c.status || string(e.Code()) != c.code {
			t.Errorf("%s: %d %v, %v; want %d %s", c.name, resp.StatusCode, e, perr, c.status, c.code)
			continue
		}
		// Every response carries a request id, made for it; ParseResponse reads it.
		if id := resp.Header.Get("X-Request-Id"); len(id) != 26 || e.RequestID() != id {
			t.Errorf("%s: X-Request-Id %q, parsed %q", c.name, id, e.RequestID())
		}
		reported := strings.Contains(printed, `"msg":"error response: `)
		if c.report == "" && reported || c.report != "" && !strings.Contains(printed, `"msg":"error response: `+c.report) {
			t.Errorf("%s: the reporter received\n%s\nwant %q", c.name, printed, c.report)
		}
		// A report names the id the client was given: support finds the cause by it.
		if c.report != "" && !strings.Contains(printed, `"request_id":"`+resp.Header.Get("X-Request-Id")+`"`) {
			t.Errorf("%s: the report does not name the request id %s:\n%s", c.name, resp.Header.Get("X-Request-Id"), printed)
		}
		if c.log != "" && !strings.Contains(printed, c.log) {
			t.Errorf("%s: slog printed\n%s\nwant %s", c.name, printed, c.log)
		}
	}
	t.Run("client", func(t *testing.T) { serviceClient(t, srv.URL) })
	t.Run("client gone", func(t *testing.T) { serviceClientGone(t, logs) })
	t.Run("typed objects, details in the message", serviceOtherCatalogs)
}

// serviceOtherCatalogs: objects with fields (StackOne's provider_errors)
// travel typed; a detail placed by the message (ScopeStack) reaches the
// client in the message, and ParseResponse leaves it empty.
func serviceOtherCatalogs(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("GET /stackone", stackoneerrors.Handler(func(http.ResponseWriter, *http.Request) error {
		return stackoneerrors.NewWithDetails(stackoneerrors.UnprocessableEntityDetails{
			FieldErrors:    []stackoneerrors.UnprocessableEntityFieldErrors{{Field: "emails[0].value", Message: "is not a valid email address"}},
			ProviderErrors: []stackoneerrors.UnprocessableEntityProviderErrors{{Status: 422, URL: "https://api.provider.example/v1/candidates"}},
		})
	}))
	mux.Handle("GET /scopestack", scopestackerrors.Handler(func(http.ResponseWriter, *http.Request) error {
		return scopestackerrors.NewBadRequest("created-before")
	}))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/stackone")
	if err != nil {
		t.Fatal(err)
	}
	e, err := stackoneerrors.ParseResponse(resp)
	resp.Body.Close()
	d, ok := stackoneerrors.DetailsAs[stackoneerrors.UnprocessableEntityDetails](e)
	t.Logf("stackone: %d %v; details %+v", resp.StatusCode, e, d)
	if err != nil || resp.StatusCode != 422 || !ok || len(d.ProviderErrors) != 1 || d.ProviderErrors[0].Status != 422 || d.FieldErrors[0].Field != "emails[0].value" {
		t.Errorf("stackone: %d %v, %v; details %+v", resp.StatusCode, e, err, d)
	}
	resp, err = http.Get(srv.URL + "/scopestack")
	if err != nil {
		t.Fatal(err)
	}
	s, err := scopestackerrors.ParseResponse(resp)
	resp.Body.Close()
	t.Logf("scopestack: %d %v; details %v", resp.StatusCode, s, s.Details())
	if err != nil || resp.StatusCode != 400 || s.Message() != "Filter not allowed: created-before" || s.Details() != nil {
		t.Errorf("scopestack: %d %v, %v", resp.StatusCode, s, err)
	}
}

func code(e *apierrors.Error) string {
	if e == nil {
		return "-"
	}
	return string(e.Code())
}

// serviceClient: the client reads the status, code, typed details, request
// id and Retry-After of the 429, and errors.Is/As work on it.
func serviceClient(t *testing.T, url string) {
	req, _ := http.NewRequest(http.MethodGet, url+"/case/0", nil)
	req.Header.Set("X-Request-Id", "req_client_1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	e, err := apierrors.ParseResponse(resp)
	if err != nil {
		t.Fatal(err)
	}
	var wrapped error = fmt.Errorf("list tickets: %w", e)
	var as *apierrors.Error
	d, ok := apierrors.DetailsAs[apierrors.RateLimitExceededDetails](wrapped)
	wait, hasWait := e.RetryAfter()
	t.Logf("client: %v; details %+v; Retry-After %v; retryable %v; request id %s", e, d, wait, e.Retryable(), e.RequestID())
	if !errors.Is(wrapped, apierrors.ErrRateLimitExceeded) || !errors.As(wrapped, &as) || as.Status() != 429 ||
		!ok || d.Limit != 100 || d.Window != "1m" || wait != 23*time.Second || !hasWait || !e.Retryable() || e.RequestID() != "req_client_1" {
		t.Errorf("client saw %v, details %+v %v, wait %v %v, id %q", e, d, ok, wait, hasWait, e.RequestID())
	}
	// An envelope with a place for the id carries the generated one in the body too.
	rec := httptest.NewRecorder()
	genericerrors.Write(rec, httptest.NewRequest(http.MethodGet, "/", nil), genericerrors.NewNotFound())
	var body struct {
		Error struct {
			RequestID string `json:"request_id"`
		} `json:"error"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error.RequestID != rec.Header().Get("X-Request-Id") || body.Error.RequestID == "" {
		t.Errorf("nested envelope: %s, header %q", rec.Body, rec.Header().Get("X-Request-Id"))
	}
}

// serviceClientGone: a client that goes away gets nothing written; the
// report is at DEBUG, not ERROR.
func serviceClientGone(t *testing.T, logs *logBuffer) {
	started, done := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(apierrors.Handler(func(_ http.ResponseWriter, r *http.Request) error {
		defer close(done)
		close(started)
		<-r.Context().Done()
		return r.Context().Err()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
	go func() {
		<-started
		cancel()
	}()
	if _, err := http.DefaultClient.Do(req); !errors.Is(err, context.Canceled) {
		t.Errorf("client: %v", err)
	}
	<-done
	var printed string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !strings.Contains(printed, "request context done"); {
		time.Sleep(10 * time.Millisecond) // Write reports after the handler returns
		printed += logs.take()
	}
	t.Logf("client gone: slog %s", strings.TrimSpace(printed))
	if !strings.Contains(printed, `"level":"DEBUG","msg":"error response: request context done: nothing written"`) || strings.Contains(printed, `"level":"ERROR"`) {
		t.Errorf("client gone: reported\n%s", printed)
	}
}

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
		{"wrote, then panicked", "GET", func(w http.ResponseWriter, _ *http.Request) error {
			io.WriteString(w, "partial")
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
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		n := 0
		if c.problem != "" {
			n = 1
		}
		got := logs.take(n)
		t.Logf("%s: %d %q (%v); reported %v", c.name, resp.StatusCode, body, err, got)
		if err != nil || resp.StatusCode != c.status || c.body != "*" && string(body) != c.body {
			t.Errorf("%s: %d %q (%v), want %d %q", c.name, resp.StatusCode, body, err, c.status, c.body)
		}
		if len(got) != n || n == 1 && (got[0].Level != slog.LevelError || got[0].Problem != c.problem || got[0].Sent != nil ||
			c.err != nil && !errors.Is(got[0].Err, c.err) || got[0].Request == nil) {
			t.Errorf("%s: reported %v, want %q at ERROR", c.name, got, c.problem)
		}
		if strings.HasPrefix(c.problem, "panic") && len(got) == 1 && !strings.Contains(string(got[0].Stack), "service_test.go") {
			t.Errorf("%s: no stack", c.name)
		}
	}
	if s := serverLog.take(); s != "" {
		t.Errorf("net/http logged:\n%s", s)
	}
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
