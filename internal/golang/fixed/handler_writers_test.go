package fixed

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

// emptyWrites counts the empty writes made to the writer under it: the
// question Write asks a writer whose response started once the request's
// context is done (see startDropped).
type emptyWrites struct {
	http.ResponseWriter
	n int
}

func (e *emptyWrites) Write(p []byte) (int, error) {
	if len(p) == 0 {
		e.n++
	}
	return e.ResponseWriter.Write(p)
}

func (e *emptyWrites) Unwrap() http.ResponseWriter { return e.ResponseWriter }

// writerCase is what a handler did before it returned, and what became of
// its request's context meanwhile.
type writerCase struct {
	name    string
	respond func(http.ResponseWriter)
	started bool   // the response started: the error returned is not written
	ctx     string // "", "canceled" or "deadline"
}

var writerCases = func() []writerCase {
	respond := []struct {
		name    string
		f       func(http.ResponseWriter)
		started bool
	}{
		{"headers only", func(w http.ResponseWriter) { w.Header().Set("X-Kept", "1") }, false},
		{"a status", func(w http.ResponseWriter) {
			w.Header().Set("X-Kept", "1")
			w.WriteHeader(http.StatusAccepted)
		}, true},
		{"part of a body", func(w http.ResponseWriter) { io.WriteString(w, "[1,") }, true},
		{"part of a declared length", func(w http.ResponseWriter) {
			w.Header().Set("Content-Length", "10")
			io.WriteString(w, "[1,")
		}, true},
	}
	var cases []writerCase
	for _, ctx := range []string{"", "canceled", "deadline"} {
		for _, r := range respond {
			cases = append(cases, writerCase{r.name + ", context " + ctx, r.f, r.started, ctx})
		}
	}
	return cases
}()

// writersHandler serves writerCases[X-Case] on the server's writer,
// counted, sending the count on counts once served: the handler returns
// errMidway with X-Fail, else nil, the response as it began.
func writersHandler(counts chan<- int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, _ := strconv.Atoi(r.Header.Get("X-Case"))
		tt, fail := writerCases[i], r.Header.Get("X-Fail") != ""
		ctx, cancel := context.WithCancel(r.Context())
		if tt.ctx == "deadline" {
			ctx, cancel = context.WithDeadline(r.Context(), time.Now().Add(-time.Second))
		}
		defer cancel()
		ew := &emptyWrites{ResponseWriter: w}
		Handler(func(w http.ResponseWriter, r *http.Request) error {
			tt.respond(w)
			if tt.ctx == "canceled" {
				cancel()
			}
			if fail {
				return errMidway
			}
			return nil
		}).ServeHTTP(ew, r.WithContext(ctx))
		counts <- ew.n
	})
}

// serveCase is what a client sees of writerCases[i] served by s, or by a
// recorder where s is nil.
func serveCase(t *testing.T, s *httptest.Server, counts chan int, i int, fail bool) string {
	t.Helper()
	url := "/"
	if s != nil {
		url = s.URL
	}
	r := httptest.NewRequest(http.MethodGet, url, nil)
	r.Header.Set("X-Case", strconv.Itoa(i))
	if fail {
		r.Header.Set("X-Fail", "1")
	}
	var resp *http.Response
	if s == nil {
		rec := httptest.NewRecorder()
		writersHandler(counts).ServeHTTP(rec, r)
		resp = rec.Result()
	} else {
		r.RequestURI = ""
		var err error
		if resp, err = s.Client().Do(r); err != nil {
			t.Fatal(err)
		}
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	h := resp.Header.Clone()
	h.Del("Date")
	return fmt.Sprintf("%s %d %v length %d %v body %q read failed %v",
		resp.Proto, resp.StatusCode, h, resp.ContentLength, resp.TransferEncoding, body, err != nil)
}

// The empty write that asks whether http.TimeoutHandler dropped a response
// begun is made only once the request's context is done, and only to a
// writer whose response started: on net/http's writers (HTTP/1.1, HTTP/2)
// and httptest's recorder it changes nothing the client sees (status,
// headers, length, framing, body), as the response of the same handler
// returning nil shows.
func TestHandlerEmptyWriteChangesNothing(t *testing.T) {
	counts := make(chan int, 1)
	h1 := httptest.NewServer(writersHandler(counts))
	defer h1.Close()
	h2 := httptest.NewUnstartedServer(writersHandler(counts))
	h2.EnableHTTP2 = true
	h2.StartTLS()
	defer h2.Close()
	for _, server := range []struct {
		name string
		s    *httptest.Server
	}{{"HTTP/1.1", h1}, {"HTTP/2", h2}, {"recorder", nil}} {
		for i, tt := range writerCases {
			var seen [2]string
			var asked [2]int
			var got []Report
			for j, fail := range []bool{false, true} {
				got = recordReports(t, func() {
					seen[j] = serveCase(t, server.s, counts, i, fail)
					asked[j] = <-counts
				})
			}
			name := server.name + ", " + tt.name
			wantAsked, problem, level := 0, "", slog.LevelError
			if tt.started {
				problem = "response already started: nothing written"
				if tt.ctx != "" {
					wantAsked = 1
				}
				if tt.ctx == "canceled" {
					level = slog.LevelDebug
				}
				if seen[0] != seen[1] {
					t.Errorf("%s: the client saw\n%s\nwhere the handler returning nil sends\n%s", name, seen[1], seen[0])
				}
			}
			if asked != [2]int{0, wantAsked} {
				t.Errorf("%s: empty writes %v, want [0 %d]", name, asked, wantAsked)
			}
			if problem != "" && (len(got) != 1 || got[0].Problem != problem || got[0].Level != level) {
				t.Errorf("%s: reported %v (levels %v); want %q at %v", name, got, levels(got), problem, level)
			}
		}
	}
}
