package fixed

import (
	"bufio"
	"errors"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// opaque is a middleware's writer with no Unwrap: http.ResponseController
// reaches nothing under it.
type opaque struct{ http.ResponseWriter }

// ownHijack is a middleware's writer with a Hijack of its own, which the
// controller must call rather than the server's.
type ownHijack struct {
	http.ResponseWriter
	calls *int
}

func (o ownHijack) Unwrap() http.ResponseWriter { return o.ResponseWriter }

func (o ownHijack) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	*o.calls++
	return http.NewResponseController(o.ResponseWriter).Hijack()
}

// http.ResponseController, given Handler's writer over a chain of
// middlewares' writers, finds what it finds without Handler, in the same
// order: the first Hijack down the Unwrap chain (a middleware's own
// included), the deadlines and full duplex of the server's writer, and
// nothing past a writer without Unwrap, nor a Hijack on HTTP/2. Write knows
// of the hijack it made (net/http logs no write to a hijacked connection),
// and answers the error of one that failed.
func TestHandlerControllerChains(t *testing.T) {
	var calls int
	for _, tt := range []struct {
		name       string
		h2         bool
		middleware func(http.ResponseWriter) http.ResponseWriter
		hijacks    bool
		ownCalls   int
	}{
		{"three Unwrap only", false, func(w http.ResponseWriter) http.ResponseWriter {
			return unwrapOnly{unwrapOnly{unwrapOnly{w}}}
		}, true, 0},
		{"a middle one without Unwrap", false, func(w http.ResponseWriter) http.ResponseWriter {
			return unwrapOnly{opaque{unwrapOnly{w}}}
		}, false, 0},
		{"a middle one with its own Hijack", false, func(w http.ResponseWriter) http.ResponseWriter {
			return unwrapOnly{ownHijack{unwrapOnly{w}, &calls}}
		}, true, 1},
		{"HTTP/2, Unwrap only", true, func(w http.ResponseWriter) http.ResponseWriter { return unwrapOnly{w} }, false, 0},
		{"HTTP/2, two Unwrap only", true, func(w http.ResponseWriter) http.ResponseWriter {
			return unwrapOnly{unwrapOnly{w}}
		}, false, 0},
	} {
		calls = 0
		var hijackErr, deadlineErr error
		inner := Handler(func(w http.ResponseWriter, _ *http.Request) error {
			rc := http.NewResponseController(w)
			deadlineErr = rc.SetWriteDeadline(time.Now().Add(time.Minute))
			c, _, err := rc.Hijack()
			if hijackErr = err; err != nil {
				return err
			}
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi")
			c.Close()
			return errMidway
		})
		done := make(chan struct{})
		s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer close(done)
			inner.ServeHTTP(tt.middleware(w), r)
		}))
		serverLog := &serverLog{}
		s.Config.ErrorLog = log.New(serverLog, "", 0)
		s.EnableHTTP2 = tt.h2
		s.StartTLS()
		var status int
		got := recordReports(t, func() {
			resp, err := s.Client().Get(s.URL)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			status = resp.StatusCode
			resp.Body.Close()
			<-done
		})
		s.Close()
		if l := serverLog.String(); l != "" {
			t.Errorf("%s: net/http logged %q", tt.name, l)
		}
		reached := tt.name != "a middle one without Unwrap"
		if (deadlineErr == nil) != reached {
			t.Errorf("%s: SetWriteDeadline: %v; want the server's reached: %v", tt.name, deadlineErr, reached)
		}
		if (hijackErr == nil) != tt.hijacks || (!tt.hijacks && !errors.Is(hijackErr, http.ErrNotSupported)) || calls != tt.ownCalls {
			t.Errorf("%s: Hijack: %v, the middleware's %d times; want hijacked %v, %d times", tt.name, hijackErr, calls, tt.hijacks, tt.ownCalls)
		}
		want, wantStatus := "connection hijacked: nothing written", 200
		if !tt.hijacks {
			want, wantStatus = "not a catalog error: sent the fallback", 500
		}
		if status != wantStatus || len(got) != 1 || got[0].Level != slog.LevelError || got[0].Problem != want {
			t.Errorf("%s: sent %d, reported %v; want %d, %q", tt.name, status, got, wantStatus, want)
		}
	}
}
