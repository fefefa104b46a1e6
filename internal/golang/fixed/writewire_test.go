package fixed

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// TestWriteOnTheWire holds Write to what a client of a real net/http server
// receives, which a recorder does not show: a Content-Length the handler set
// for the body it meant to send is not the error's (net/http would cut the
// body short, or the client wait for bytes that never come, as http.Error
// knows), and a HEAD request gets the Content-Length its GET's body has,
// with no body (net/http sends none for a HEAD answered with nothing).
func TestWriteOnTheWire(t *testing.T) {
	tests := []struct {
		name          string
		err           error
		contentLength string // the handler's, set before the error; "" for none
		language      string // Accept-Language
	}{
		{"static body", ErrUnauthorized, "", ""},
		{"details, a header filled from them", NewRateLimited(100, "1m", 23), "", ""},
		{"problem envelope with a request id made for it", NewOutOfCredit(3.5, 10), "", ""},
		{"translated static body", ErrUnauthorized, "", "de"},
		{"translated template", NewRateLimited(100, "1m", 23), "", "de"},
		{"a handler's longer Content-Length", NewRateLimited(100, "1m", 23), "5000", ""},
		{"a handler's shorter Content-Length", ErrUnauthorized, "10", ""},
		{"a handler's Content-Length, translated", ErrUnauthorized, "5000", "de"},
	}
	for _, tt := range tests {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if tt.contentLength != "" {
				w.Header().Set("Content-Length", tt.contentLength)
			}
			Write(w, r, tt.err)
		}))
		get := wireResponse(t, srv.URL, http.MethodGet, tt.language)
		head := wireResponse(t, srv.URL, http.MethodHead, tt.language)
		srv.Close()
		want := recordedBody(tt.err, tt.language)
		if get.err != nil || len(get.body) != len(want) {
			t.Errorf("%s: GET read %d bytes (%v), want %d: %s", tt.name, len(get.body), get.err, len(want), get.body)
		}
		if head.contentLength != strconv.Itoa(len(get.body)) || len(head.body) != 0 || head.err != nil {
			t.Errorf("%s: HEAD Content-Length %q, body %q, %v; want Content-Length %d, no body",
				tt.name, head.contentLength, head.body, head.err, len(get.body))
		}
	}
}

// wireRead is what a client read of a response.
type wireRead struct {
	contentLength string
	body          []byte
	err           error // reading the body
}

func wireResponse(t *testing.T, url, method, language string) wireRead {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	if language != "" {
		req.Header.Set("Accept-Language", language)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return wireRead{resp.Header.Get("Content-Length"), body, err}
}

// recordedBody is the body Write sends for err to a request asking for language.
func recordedBody(err error, language string) []byte {
	rec := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	if language != "" {
		r.Header.Set("Accept-Language", language)
	}
	Write(rec, r, err)
	return rec.Body.Bytes()
}

// The headers a handler set for the body it meant to send are not the
// error's: its Content-Disposition would have a browser save the error as
// that file, its ETag and Last-Modified let a cache revalidate the error
// as that body. Write removes them; Cache-Control and Content-Encoding,
// which middleware sets for every response, stay, as http.Error keeps them.
func TestWriteRemovesRepresentationHeaders(t *testing.T) {
	set := map[string]string{
		"Content-Disposition": `attachment; filename="report.csv"`,
		"ETag":                `"v42"`,
		"Last-Modified":       "Mon, 07 Dec 2026 05:00:00 GMT",
		"Cache-Control":       "no-store",
		"X-Frame-Options":     "DENY",
	}
	for _, err := range []error{ErrUnauthorized, NewRateLimited(100, "1m", 23)} {
		rec := httptest.NewRecorder()
		for k, v := range set {
			rec.Header().Set(k, v)
		}
		Write(rec, httptest.NewRequest(http.MethodGet, "/", nil), err)
		for _, gone := range []string{"Content-Disposition", "ETag", "Last-Modified"} {
			if v := rec.Header().Values(gone); v != nil {
				t.Errorf("%v: %s %q sent with the error", err, gone, v)
			}
		}
		for _, kept := range []string{"Cache-Control", "X-Frame-Options"} {
			if v := rec.Header().Get(kept); v != set[kept] {
				t.Errorf("%v: %s %q, want the handler's %q", err, kept, v, set[kept])
			}
		}
	}
}
