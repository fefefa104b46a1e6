package fixed

import (
	"bytes"
	"errors"
	"log/slog"
	"testing"
)

// An *Error logs as a group: code, status, message, the details it sends
// (each an attribute), the request id and the cause; Error() reads
// CODE: message: cause, without the message's final period.
func TestLogValue(t *testing.T) {
	cause := errors.New("sql: no rows")
	tests := []struct {
		err  *Error
		log  string // what a JSON handler prints for slog.Error("x", "err", err)
		text string // Error()
	}{
		{ErrOrderNotFound.WithCause(cause).WithRequestID("req_1"),
			`{"level":"ERROR","msg":"x","err":{"code":"ORDER_NOT_FOUND","status":404,"message":"Order not found","request_id":"req_1","cause":"sql: no rows"}}`,
			"ORDER_NOT_FOUND: Order not found: sql: no rows"},
		{NewOutOfCredit(30.5, 50).WithCause(cause),
			`{"level":"ERROR","msg":"x","err":{"code":"OUT_OF_CREDIT","status":403,"message":"Your current balance is 30.5, but that costs 50.","details":{"balance":30.5,"cost":50},"cause":"sql: no rows"}}`,
			"OUT_OF_CREDIT: Your current balance is 30.5, but that costs 50: sql: no rows"},
		{NewWithDetails(InvalidInputDetails{Field: "f", Reasons: []string{"a"}, Rule: "bogus", Value: []byte(`{"z":[1]}`)}),
			`{"level":"ERROR","msg":"x","err":{"code":"INVALID_INPUT","status":400,"message":"Bad Request","details":{"field":"f","reasons":["a"],"value":{"z":[1]}}}}`,
			"INVALID_INPUT: Bad Request"},
		{ErrRateLimited, `{"level":"ERROR","msg":"x","err":{"code":"RATE_LIMITED","status":429,"message":"Too Many Requests"}}`,
			"RATE_LIMITED: Too Many Requests"},
		// A cause of no text, as the gRPC and Connect clients' errors hold
		// the status they received, adds nothing.
		{ErrOrderNotFound.WithCause(silent{cause}),
			`{"level":"ERROR","msg":"x","err":{"code":"ORDER_NOT_FOUND","status":404,"message":"Order not found"}}`,
			"ORDER_NOT_FOUND: Order not found"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		l := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		}}))
		l.Error("x", "err", tt.err)
		if got := bytes.TrimSpace(buf.Bytes()); string(got) != tt.log {
			t.Errorf("logged\n%s\nwant\n%s", got, tt.log)
		}
		if got := tt.err.Error(); got != tt.text {
			t.Errorf("Error() = %q, want %q", got, tt.text)
		}
	}
}

// silent is an error of no text wrapping another.
type silent struct{ err error }

func (silent) Error() string   { return "" }
func (s silent) Unwrap() error { return s.err }
