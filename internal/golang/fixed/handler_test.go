package fixed

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Handler writes a returned error, recovers a panic into the fallback, and
// reports both; Config.Map maps foreign errors; a request whose context was
// canceled (its client went away) gets nothing, reported at debug level,
// and one whose deadline passed (a middleware's timeout: the client waits)
// gets its error.
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
		{"client gone", func(http.ResponseWriter, *http.Request) error { return context.Canceled }, canceled, 0, "", "request context done", slog.LevelDebug},
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
