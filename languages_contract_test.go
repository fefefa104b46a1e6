package errgen

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/example"
)

// Each language's page shows what Write sends a request asking for that
// language: for every error of every catalog with languages, the example
// body of the catalog as it reads in the language is the body the generated
// package writes for Accept-Language: LANG, with Content-Language naming
// the language when the error is sent translated (its message, or without
// one its title: catalog.Error.SentTranslated), else the default language,
// in which the body is then written whole.
func TestLanguagePagesShowWhatWriteSends(t *testing.T) {
	tested := 0
	for _, tc := range catalogtest.All(t) {
		if len(tc.C.Languages) == 0 {
			continue
		}
		pkg := contractPkgs[tc.Name]
		for _, lang := range tc.C.Languages {
			lc := tc.C.In(lang)
			for i, e := range tc.C.Errors {
				le := lc.Errors[i]
				body, err := example.Body(e)
				if err != nil {
					t.Fatal(err)
				}
				sent, wantLang := le, lang // Write sends the error whole in the default language unless its message (or title) is translated
				if !le.SentTranslated() {
					sent, wantLang = e, tc.C.Language
				}
				want, err := example.Body(sent)
				if err != nil {
					t.Fatal(err)
				}
				goErr, err := exampleError(pkg, tc.Name, e, body)
				if err != nil {
					t.Fatalf("%s: %v", e.Code, err)
				}
				req := httptest.NewRequest(http.MethodGet, "/", nil)
				req.Header.Set("Accept-Language", lang)
				rec := httptest.NewRecorder()
				pkg.write(rec, req, goErr)
				if got := rec.Body.Bytes(); !bytes.Equal(got, want) {
					t.Errorf("%s %s in %s: Write sends\n%s\nthe page shows\n%s", tc.Name, e.Code, lang, got, want)
				}
				if got := rec.Header().Get("Content-Language"); got != wantLang {
					t.Errorf("%s %s in %s: Content-Language %q, want %q", tc.Name, e.Code, lang, got, wantLang)
				}
				tested++
			}
		}
	}
	if tested == 0 {
		t.Fatal("no catalog with languages among the test catalogs")
	}
}
