//go:build !errgen_one_language

package fixed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// The stand-in speaks English, German (every error but OUT_OF_CREDIT;
// INTERNAL's title stays English) and French (UNAUTHORIZED only); see
// standInCatalog in internal/golang.

// languageServer serves the error of each path: /CODE, with example
// details for the errors that have some.
func languageServer(t *testing.T) *httptest.Server {
	t.Helper()
	errs := map[string]any{
		"/UNAUTHORIZED":    ErrUnauthorized,
		"/INVALID_INPUT":   NewInvalidInput("email"),
		"/RATE_LIMITED":    NewRateLimited(100, "1m", 23),
		"/ORDER_NOT_FOUND": ErrOrderNotFound,
		"/OUT_OF_CREDIT":   NewOutOfCredit(3.5, 10),
		"/INTERNAL":        errors.New("db password wrong"),
		"/CUSTOM":          ErrUnauthorized.WithMessage("Token revoked"),
		"/VARY": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Vary", "Origin")
			Write(w, r, ErrUnauthorized)
		}),
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch h := errs[r.URL.Path].(type) {
		case http.Handler:
			h.ServeHTTP(w, r)
		case error:
			Write(w, r, h)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// response is what a client got.
type response struct {
	status           int
	contentLanguage  []string
	vary             []string
	body             map[string]any
	raw              string
	retryAfter, auth string
}

func get(t *testing.T, url string, acceptLanguage ...string) response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range acceptLanguage {
		req.Header.Add("Accept-Language", v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, contentLanguage: resp.Header.Values("Content-Language"), vary: resp.Header.Values("Vary"),
		raw: string(raw), retryAfter: resp.Header.Get("Retry-After"), auth: resp.Header.Get("WWW-Authenticate")}
	if err := json.Unmarshal(raw, &r.body); err != nil {
		t.Fatalf("%s: body %s: %v", url, raw, err)
	}
	return r
}

// TestWriteNegotiatesLanguage sends real-world Accept-Language fields to a
// server and checks the language chosen, its headers, and that the status,
// code, details and other headers are the default language's.
func TestWriteNegotiatesLanguage(t *testing.T) {
	s := languageServer(t)
	var long strings.Builder
	for long.Len() < 4096 {
		long.WriteString("xx-Yyyy-ZZ;q=0.5, ")
	}
	long.WriteString("de;q=0.6")
	var many []string
	for i := 0; i < 199; i++ {
		many = append(many, "x-private;q=0.9")
	}
	many = append(many, "fr;q=0.8")
	tests := []struct {
		path, header string
		lang         string // Content-Language
		text         string // the message, or the title, in it
	}{
		{"/UNAUTHORIZED", "", "en", "Authentication required"},
		{"/UNAUTHORIZED", "de-CH,de;q=0.9,en;q=0.8", "de", "Anmeldung erforderlich"},
		{"/UNAUTHORIZED", "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr", "Authentification requise"},
		{"/UNAUTHORIZED", "*", "en", "Authentication required"},
		{"/UNAUTHORIZED", "fr;q=0", "en", "Authentication required"},
		{"/UNAUTHORIZED", "fr;q=0, *", "en", "Authentication required"},
		{"/UNAUTHORIZED", "en;q=0, *", "de", "Anmeldung erforderlich"},
		{"/UNAUTHORIZED", "DE-ch", "de", "Anmeldung erforderlich"},
		{"/UNAUTHORIZED", "fr;q=1.000, de;q=0.999", "fr", "Authentification requise"},
		{"/UNAUTHORIZED", "fr;q=1.5, de;q=0.1", "de", "Anmeldung erforderlich"},
		{"/UNAUTHORIZED", "}{~~ garbage ;;q=", "en", "Authentication required"},
		{"/UNAUTHORIZED", long.String(), "de", "Anmeldung erforderlich"},
		{"/UNAUTHORIZED", strings.Join(many, ","), "fr", "Authentification requise"},
		{"/RATE_LIMITED", "de", "de", "Höchstens 100 Anfragen pro 1m"},
		{"/RATE_LIMITED", "fr", "en", "Rate limit of 100 requests per 1m exceeded"}, // untranslated in French
		{"/RATE_LIMITED", "fr, de;q=0.5", "de", "Höchstens 100 Anfragen pro 1m"},
		{"/OUT_OF_CREDIT", "de", "en", "Your current balance is 3.5, but that costs 10."},
		{"/INVALID_INPUT", "de", "de", "Ungültige Eingabe"},
		{"/ORDER_NOT_FOUND", "de", "de", "Bestellung nicht gefunden"},
		{"/INTERNAL", "de", "de", "Ein unerwarteter Fehler ist aufgetreten"},
		{"/CUSTOM", "de", "en", "Token revoked"},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.header[:min(len(tt.header), 40)], func(t *testing.T) {
			got := get(t, s.URL+tt.path, tt.header)
			if !slicesEqual(got.contentLanguage, tt.lang) || !slicesEqual(got.vary, "Accept-Language") {
				t.Errorf("Content-Language %q, Vary %q; want %s, Accept-Language", got.contentLanguage, got.vary, tt.lang)
			}
			if text := bodyText(got.body); text != tt.text {
				t.Errorf("text %q, want %q; body %s", text, tt.text, got.raw)
			}
			base := get(t, s.URL+tt.path)
			if got.status != base.status || got.retryAfter != base.retryAfter || got.auth != base.auth {
				t.Errorf("status %d, Retry-After %q, WWW-Authenticate %q; in English %d %q %q", got.status, got.retryAfter, got.auth, base.status, base.retryAfter, base.auth)
			}
			for _, m := range []map[string]any{got.body, base.body} {
				for _, k := range []string{"error", "title", "detail", "request_id"} {
					delete(m, k)
				}
			}
			if !reflect.DeepEqual(got.body, base.body) {
				t.Errorf("the rest of the body differs from English:\n%v\n%v", got.body, base.body)
			}
		})
	}
}

// bodyText is the text of a body in the flat envelope (error) or the
// problem envelope (detail, else title).
func bodyText(body map[string]any) string {
	for _, k := range []string{"error", "detail", "title"} {
		if s, ok := body[k].(string); ok {
			return s
		}
	}
	return ""
}

func slicesEqual(got []string, want ...string) bool {
	return reflect.DeepEqual(got, want)
}

func TestWriteLanguageHeaders(t *testing.T) {
	s := languageServer(t)
	if got := get(t, s.URL+"/VARY", "de"); !slicesEqual(got.vary, "Origin", "Accept-Language") {
		t.Errorf("Vary = %q: the handler's Origin is lost", got.vary)
	}
	if got := get(t, s.URL+"/UNAUTHORIZED", "xx", "fr;q=0.5", "de;q=0.4"); !slicesEqual(got.contentLanguage, "fr") {
		t.Errorf("three field lines: Content-Language %q, want fr", got.contentLanguage)
	}
	rec := httptest.NewRecorder()
	rec.Header().Set("Vary", "accept-language, Origin")
	r := httptest.NewRequest("HEAD", "/", nil)
	r.Header.Set("Accept-Language", "de")
	Write(rec, r, ErrUnauthorized)
	if got := rec.Header().Values("Vary"); !slicesEqual(got, "accept-language, Origin") || rec.Header().Get("Content-Language") != "de" || rec.Body.Len() != 0 {
		t.Errorf("HEAD: Vary %q, Content-Language %q, body %q", got, rec.Header().Get("Content-Language"), rec.Body)
	}
}

// TestOneLanguage: a catalog of one language sends neither header, and the
// bodies it sent before translations, whatever the request asks for.
func TestOneLanguage(t *testing.T) {
	defer func(l []string) { languages = l }(languages)
	languages = nil
	s := languageServer(t)
	for _, path := range []string{"/UNAUTHORIZED", "/RATE_LIMITED", "/ORDER_NOT_FOUND", "/INTERNAL"} {
		got := get(t, s.URL+path, "de")
		if got.contentLanguage != nil || got.vary != nil {
			t.Errorf("%s: Content-Language %q, Vary %q", path, got.contentLanguage, got.vary)
		}
		if text := bodyText(got.body); strings.Contains(text, "Anfragen") || strings.Contains(text, "Anmeldung") || strings.Contains(text, "Bestellung") {
			t.Errorf("%s: %s", path, got.raw)
		}
	}
	if m := NewRateLimited(1, "1s", 1).LocalizedMessage("de"); m != "Rate limit of 1 requests per 1s exceeded" {
		t.Errorf("LocalizedMessage = %q", m)
	}
	if s := RPCStatusFor(ErrUnauthorized, "de"); s.Locale != "" || s.LocalizedMessage != "" {
		t.Errorf("RPCStatusFor: %+v", s)
	}
}

func TestLocalizedMessage(t *testing.T) {
	e := NewRateLimited(100, "1m", 23)
	for lang, want := range map[string]string{
		"de": "Höchstens 100 Anfragen pro 1m", "de-CH": "Höchstens 100 Anfragen pro 1m", "fr-CA, de;q=0.5": "Höchstens 100 Anfragen pro 1m",
		"fr": "Rate limit of 100 requests per 1m exceeded", "": "Rate limit of 100 requests per 1m exceeded", "not a tag": "Rate limit of 100 requests per 1m exceeded",
	} {
		if got := e.LocalizedMessage(lang); got != want {
			t.Errorf("LocalizedMessage(%q) = %q, want %q", lang, got, want)
		}
	}
	if e.Message() != "Rate limit of 100 requests per 1m exceeded" || !strings.Contains(e.Error(), "Rate limit") {
		t.Errorf("Message %q, Error %q: not English", e.Message(), e.Error())
	}
	if body, _ := e.MarshalJSON(); !bytes.Contains(body, []byte("Rate limit")) {
		t.Errorf("MarshalJSON is not English: %s", body)
	}
	for _, tt := range []struct {
		e    *Error
		want string
	}{
		{ErrUnauthorized, "Authentification requise"},
		{ErrUnauthorized.WithMessage("Token revoked"), "Token revoked"},
		{NewInvalidInput("x"), ""}, // no message: the title is no message
		{ErrRateLimited, ""},       // a sentinel whose message has placeholders has none
		{&Error{}, ""},
	} {
		if got := tt.e.LocalizedMessage("fr"); got != tt.want {
			t.Errorf("%v: LocalizedMessage(fr) = %q, want %q", tt.e.Code(), got, tt.want)
		}
	}
}

func TestRPCStatusForLanguage(t *testing.T) {
	tests := []struct {
		err                    error
		acceptLanguage         string
		locale, message, plain string
	}{
		{NewRateLimited(1, "1s", 2), "de-AT, en;q=0.5", "de", "Höchstens 1 Anfragen pro 1s", "Rate limit of 1 requests per 1s exceeded"},
		{NewRateLimited(1, "1s", 2), "fr", "en", "Rate limit of 1 requests per 1s exceeded", "Rate limit of 1 requests per 1s exceeded"},
		{NewInvalidInput("x"), "de", "de", "Ungültige Eingabe", "Bad Request"},
		{errors.New("secret"), "de", "de", "Ein unerwarteter Fehler ist aufgetreten", "An unexpected error occurred"},
		{ErrUnauthorized.WithMessage("Token revoked"), "fr", "en", "Token revoked", "Token revoked"},
		{ErrUnauthorized, "", "en", "Authentication required", "Authentication required"},
	}
	for _, tt := range tests {
		s := RPCStatusFor(tt.err, tt.acceptLanguage)
		if s.Locale != tt.locale || s.LocalizedMessage != tt.message || s.Message != tt.plain {
			t.Errorf("RPCStatusFor(%v, %q) = %q %q %q, want %q %q %q", tt.err, tt.acceptLanguage, s.Locale, s.LocalizedMessage, s.Message, tt.locale, tt.message, tt.plain)
		}
	}
}

// TestTranslatedStaticBodies holds each pre-encoded body of another
// language to what its envelope writes for the error in that language.
func TestTranslatedStaticBodies(t *testing.T) {
	loadDefinitions()
	n := 0
	for i := range definitions {
		d := &definitions[i]
		for lang := 1; lang < len(languages); lang++ {
			tr := d.translation(lang)
			if tr == nil || d.body == "" {
				continue
			}
			e := (&Error{def: d, message: d.message}).in(lang)
			if got := d.envelope.appendBody(nil, e); string(got) != tr.body {
				t.Errorf("%s in %s: envelope writes\n%s\nbody is\n%s", d.Code, languages[lang], got, tr.body)
			}
			n++
		}
	}
	if n < 4 {
		t.Errorf("only %d translated static bodies: is the stand-in translated?", n)
	}
}

// TestTranslatedDefinition: the definition in another language is the
// row, every field but the texts (and the lazily prepared state) equal.
func TestTranslatedDefinition(t *testing.T) {
	loadDefinitions()
	d := &definitions[2] // RATE_LIMITED: headers, details, template
	ld := d.translation(1).definition(d)
	if ld.Title != "Zu viele Anfragen" || ld.messageTemplate[0].literal != "Höchstens " || ld.translations != nil {
		t.Errorf("texts: %q %v %v", ld.Title, ld.messageTemplate, ld.translations)
	}
	dv, lv := reflect.ValueOf(d).Elem(), reflect.ValueOf(ld).Elem()
	texts := map[string]bool{"Definition": true, "message": true, "messageTemplate": true, "body": true, "translations": true, "once": true, "prep": true}
	for i := range dv.NumField() {
		name := dv.Type().Field(i).Name
		if !texts[name] && fmt.Sprintf("%#v", dv.Field(i)) != fmt.Sprintf("%#v", lv.Field(i)) {
			t.Errorf("field %s differs", name)
		}
	}
	if ld.Code != d.Code || ld.Status != d.Status || ld.envelope != d.envelope || len(ld.headers) != len(d.headers) || reflect.TypeOf(ld.zero) != reflect.TypeOf(d.zero) {
		t.Error("the registry entry or wire format differs")
	}
	if d.translation(1).definition(d) != ld {
		t.Error("made twice")
	}
}

// TestParseTranslatedBodies: Parse reads a body in any of the catalog's
// languages back into the error as it was built, its message in the
// default language.
func TestParseTranslatedBodies(t *testing.T) {
	for _, err := range []*Error{NewRateLimited(5, "1h", 9), ErrUnauthorized, NewInvalidInput("x"), ErrOrderNotFound, ErrInternal} {
		rec := httptest.NewRecorder()
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", "de")
		Write(rec, r, err)
		if rec.Header().Get("Content-Language") != "de" {
			t.Fatalf("%s: not sent in German", err.Code())
		}
		got, perr := Parse(rec.Code, rec.Body.Bytes())
		if perr != nil || got.Code() != err.Code() || got.Message() != err.Message() || got.LocalizedMessage("de") != err.LocalizedMessage("de") {
			t.Errorf("%s: Parse(%s) = %v, %v: message %q", err.Code(), rec.Body, got, perr, got.Message())
		}
	}
}

// TestLanguagesConcurrently writes in every language from many goroutines:
// the translated definitions are made once; run it with -race.
func TestLanguagesConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				r := httptest.NewRequest("GET", "/", nil)
				r.Header.Set("Accept-Language", []string{"de", "fr", "en"}[(g+i)%3])
				rec := httptest.NewRecorder()
				Write(rec, r, NewRateLimited(i, "1m", g))
				if !json.Valid(rec.Body.Bytes()) {
					t.Errorf("bad body %s", rec.Body)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// setLanguageHeadersPlain is setLanguageHeaders' plain path, with set.
func setLanguageHeadersPlain(h http.Header, lang int, maybeVary bool, set func(name, value string)) {
	if lang < 0 {
		return
	}
	set("Content-Language", languages[lang])
	var vary []string
	if maybeVary {
		vary = h["Vary"]
	}
	if len(vary) == 0 {
		set("Vary", "Accept-Language")
		return
	}
	for _, v := range vary {
		if hasToken(v, "Accept-Language") || hasToken(v, "*") {
			return
		}
	}
	h["Vary"] = append(vary[:len(vary):len(vary)], "Accept-Language")
}

// TestParseMessageNotOfTheCatalog: a message the catalog does not write in
// any of its languages (a newer server's rewording, or a language added
// since) is kept as sent, in every language, as docs/go.md says: Parse
// cannot tell which of its texts it stands for.
func TestParseMessageNotOfTheCatalog(t *testing.T) {
	err := NewRateLimited(5, "1h", 9)
	rec := httptest.NewRecorder()
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept-Language", "de")
	Write(rec, r, err)
	sent := err.LocalizedMessage("de")
	if sent == err.Message() || !strings.Contains(rec.Body.String(), sent) {
		t.Fatalf("the body %s lacks the German message %q", rec.Body, sent)
	}
	for _, reworded := range []string{"Zu viele Anfragen, neu formuliert.", "Trop de requêtes."} {
		body := strings.Replace(rec.Body.String(), sent, reworded, 1)
		got, perr := Parse(rec.Code, []byte(body))
		if perr != nil || got.Code() != err.Code() || !got.Known() {
			t.Fatalf("Parse(%s) = %v, %v", body, got, perr)
		}
		for _, lang := range []string{"", "de", "en", "fr"} {
			if msg := got.LocalizedMessage(lang); lang == "" && got.Message() != reworded || lang != "" && msg != reworded {
				t.Errorf("%q: LocalizedMessage(%q) = %q, Message() = %q: want the message as sent", reworded, lang, msg, got.Message())
			}
		}
	}
}
