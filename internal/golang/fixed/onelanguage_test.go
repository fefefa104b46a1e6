//go:build errgen_one_language

package fixed

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// setLanguageHeadersPlain is setLanguageHeaders' plain path: a catalog of
// one language sends no language headers.
func setLanguageHeadersPlain(h http.Header, lang int, maybeVary bool, set func(name, value string)) {}

// TestOneLanguageWrite: the package of a catalog of one language (the
// stand-in in English alone, table_one_language.go) sends every error in
// its default language whatever the request's Accept-Language, without
// Content-Language or Vary, as language.go does when languages is nil;
// LocalizedMessage is Message, and Parse keeps a body's message.
func TestOneLanguageWrite(t *testing.T) {
	if languages != nil {
		t.Fatalf("languages = %q in the build of one language", languages)
	}
	for _, e := range []*Error{ErrUnauthorized, NewRateLimited(100, "1m", 23), ErrOrderNotFound, NewInvalidInput("email"), ErrInternal} {
		for _, accept := range []string{"", "de", "de-CH, fr;q=0.5", "*"} {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.Header.Set("X-Request-Id", "req_1")
			if accept != "" {
				r.Header.Set("Accept-Language", accept)
			}
			w := httptest.NewRecorder()
			Write(w, r, e)
			plain, pr := httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil)
			pr.Header.Set("X-Request-Id", "req_1")
			Write(plain, pr, e)
			if got, want := w.Body.String(), plain.Body.String(); got != want {
				t.Errorf("%s, Accept-Language %q: body\n%s\nwant the default language's\n%s", e.Code(), accept, got, want)
			}
			for _, h := range []string{"Content-Language", "Vary"} {
				if v, ok := w.Header()[h]; ok {
					t.Errorf("%s, Accept-Language %q: %s: %q, want none", e.Code(), accept, h, v)
				}
			}
			if got := e.LocalizedMessage(accept); got != e.Message() {
				t.Errorf("%s: LocalizedMessage(%q) = %q, want Message %q", e.Code(), accept, got, e.Message())
			}
			p, err := Parse(w.Code, w.Body.Bytes())
			if err != nil || p.Code() != e.Code() || p.Message() != e.Message() {
				t.Errorf("%s: Parse gave %v (%v), message %q", e.Code(), p.Code(), err, p.Message())
			}
		}
	}
}
