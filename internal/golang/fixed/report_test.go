package fixed

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
)

// The tests of this package write many errors that are reported: they go to
// reports, not to the test's output; recordReports shows them to a test.
var reports struct {
	sync.Mutex
	got []Report
}

func TestMain(m *testing.M) {
	Configure(Config{Reporter: recordReport})
	os.Exit(m.Run())
}

// recordReport is the Reporter of this package's tests.
func recordReport(r Report) {
	reports.Lock()
	reports.got = append(reports.got, r)
	reports.Unlock()
}

// recordReports returns what was reported while f ran. Tests that use it
// must not run in parallel.
func recordReports(t *testing.T, f func()) []Report {
	t.Helper()
	reports.Lock()
	reports.got = nil
	reports.Unlock()
	f()
	reports.Lock()
	defer reports.Unlock()
	got := reports.got
	reports.got = nil
	return got
}

// Write never changes an error's meaning: a sentinel lacking its required
// details is sent with its own status and code and reported; MarshalJSON
// writes the same body, and reports nothing; a nil error and an error that
// is not a catalog error are the fallback, reported.
func TestWriteReports(t *testing.T) {
	tests := []struct {
		name    string
		err     error
		status  int
		problem string // "" when nothing is reported
	}{
		{"built by its constructor", NewRateLimited(1, "1s", 1), 429, ""},
		{"sentinel", ErrRateLimited, 429, "sent with a breach: required details missing"},
		{"enum value outside the enum", NewWithDetails(InvalidInputDetails{Field: "f", Rule: "bogus"}), 400, `sent with a breach: detail "rule": "bogus" is not one of its values`},
		{"nil", nil, 500, "nil error: sent the fallback"},
		{"nil *Error", (*Error)(nil), 500, "nil *Error: sent the fallback (a function declared to return *Error"},
		{"foreign", errors.New("sql: no rows"), 500, "not a catalog error: sent the fallback"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		got := recordReports(t, func() { Write(rec, nil, tt.err) })
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, rec.Code, tt.status)
		}
		if tt.problem == "" && len(got) != 0 || tt.problem != "" && (len(got) != 1 || !strings.HasPrefix(got[0].Problem, tt.problem) || got[0].Level != slog.LevelError) {
			t.Errorf("%s: reported %v, want %q", tt.name, got, tt.problem)
		}
		if e, ok := tt.err.(*Error); ok {
			var body []byte
			if got := recordReports(t, func() { body, _ = e.MarshalJSON() }); len(got) != 0 {
				t.Errorf("%s: MarshalJSON reported %v", tt.name, got)
			}
			if string(body) != rec.Body.String() {
				t.Errorf("%s: MarshalJSON %s, Write sent %s", tt.name, body, rec.Body)
			}
		}
	}
}

// Strict fails a test for each report at level ERROR, not for one at DEBUG.
func TestStrict(t *testing.T) {
	var failures []string
	strict := Strict(func(format string, args ...any) { failures = append(failures, fmt.Sprintf(format, args...)) })
	strict(Report{Level: slog.LevelDebug, Problem: "request context done"})
	strict(Report{Level: slog.LevelError, Problem: "nil error: sent the fallback", Sent: fallback})
	if len(failures) != 1 || failures[0] != "error response: nil error: sent the fallback (sent 500 INTERNAL)" {
		t.Errorf("failures %q", failures)
	}
}

// A report names the request id its response carries (Sent.RequestID, and
// so the default log's sent.request_id): the id a client quotes to support
// finds the failure's log line, its cause and stack, even an id made for
// the response.
func TestReportsNameRequestID(t *testing.T) {
	tests := []struct {
		name     string
		incoming string // the request's X-Request-Id; "" for none
		h        func(http.ResponseWriter, *http.Request) error
	}{
		{"foreign error, an id made", "", func(http.ResponseWriter, *http.Request) error { return errors.New("boom") }},
		{"foreign error, the request's id", "req_1", func(http.ResponseWriter, *http.Request) error { return errors.New("boom") }},
		{"nil error", "req_1", func(w http.ResponseWriter, r *http.Request) error { Write(w, r, nil); return nil }},
		{"breach, flat envelope", "req_1", func(http.ResponseWriter, *http.Request) error { return ErrRateLimited }},
		{"breach, problem envelope", "", func(http.ResponseWriter, *http.Request) error { return ErrOutOfCredit }},
		{"breach with an id of its own", "req_1", func(http.ResponseWriter, *http.Request) error { return ErrRateLimited.WithRequestID("own") }},
		{"panic, an id made", "", func(http.ResponseWriter, *http.Request) error { panic("nil map") }},
		{"panic, the request's id", "req_1", func(http.ResponseWriter, *http.Request) error { panic("nil map") }},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		if tt.incoming != "" {
			req.Header.Set("X-Request-Id", tt.incoming)
		}
		rec := httptest.NewRecorder()
		got := recordReports(t, func() { Handler(tt.h).ServeHTTP(rec, req) })
		id := rec.Header().Get("X-Request-Id")
		if len(got) != 1 || got[0].Sent == nil || id == "" || got[0].Sent.RequestID() != id {
			t.Errorf("%s: reported %v, sent X-Request-Id %q", tt.name, got, id)
			continue
		}
		if v := got[0].Sent.LogValue().String(); !strings.Contains(v, "request_id="+id) {
			t.Errorf("%s: Sent logs as %s, without the request id", tt.name, v)
		}
		want, _ := got[0].Sent.MarshalJSON() // the body names the id where its envelope holds it
		if rec.Body.String() != string(want) {
			t.Errorf("%s: sent %s, Sent writes %s", tt.name, rec.Body, want)
		}
	}
}
