package fixed

import (
	"errors"
	"fmt"
	"log/slog"
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
