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
	"log/slog"
	"net"
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

// serviceClientGone: a client that goes away is answered into the void;
// the report is at DEBUG, not ERROR.
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
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !strings.Contains(printed, "request context canceled"); {
		time.Sleep(10 * time.Millisecond) // Write reports after the handler returns
		printed += logs.take()
	}
	t.Logf("client gone: slog %s", strings.TrimSpace(printed))
	if !strings.Contains(printed, `"level":"DEBUG","msg":"error response: not a catalog error: sent the fallback (request context canceled: the client most likely went away)"`) || strings.Contains(printed, `"level":"ERROR"`) {
		t.Errorf("client gone: reported\n%s", printed)
	}
}

// A request's context canceled while its client waits (the server's
// BaseContext canceled at shutdown, as graceful shutdowns do) is
// answered: the client gets its error, where it got 200 OK and an empty
// body.
func TestServiceShutdownContext(t *testing.T) {
	root, cancel := context.WithCancel(context.Background())
	srv := httptest.NewUnstartedServer(apierrors.Handler(func(_ http.ResponseWriter, r *http.Request) error {
		cancel() // SIGTERM arrives while the request is served
		<-r.Context().Done()
		return apierrors.NewRateLimitExceeded(100, "1m", 9)
	}))
	srv.Config.BaseContext = func(net.Listener) context.Context { return root }
	srv.Start()
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	e, err := apierrors.ParseResponse(resp)
	if err != nil || resp.StatusCode != 429 || e.Code() != apierrors.CodeRateLimitExceeded {
		t.Errorf("got %d, %v, %v; want the 429", resp.StatusCode, e, err)
	}
}
