package fixed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestStaticBodies holds table.go to the runtime: each pre-encoded body is what
// its envelope writes for the error without details.
func TestStaticBodies(t *testing.T) {
	loadDefinitions()
	for i := range definitions {
		d := &definitions[i]
		if d.body == "" {
			continue
		}
		e := &Error{def: d, message: d.message}
		if got := d.envelope.appendBody(nil, e); string(got) != d.body {
			t.Errorf("%s: envelope writes\n%s\nbody is\n%s", d.Code, got, d.body)
		}
	}
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name    string
		method  string
		err     error
		status  int
		ctype   string
		headers map[string]string // "" means absent
		body    string
	}{
		{"static body with challenge", "GET", ErrUnauthorized, 401, "application/json",
			map[string]string{"WWW-Authenticate": "Bearer", "Retry-After": ""},
			`{"error":"Authentication required","code":"UNAUTHORIZED"}`},
		{"template message and headers", "GET", NewRateLimited(100, "1m", 23), 429, "application/json",
			map[string]string{"Retry-After": "23", "Cache-Control": "no-store", "WWW-Authenticate": ""},
			`{"error":"Rate limit of 100 requests per 1m exceeded","code":"RATE_LIMITED","details":{"limit":100,"window":"1m","retryAfter":23}}`},
		{"a sentinel lacking its required details keeps its status and code, the details and their headers left out", "GET", ErrRateLimited, 429, "application/json",
			map[string]string{"Retry-After": "", "Cache-Control": "no-store"},
			`{"error":"Too Many Requests","code":"RATE_LIMITED"}`},
		{"wrapped, too", "GET", fmt.Errorf("limit: %w", ErrRateLimited), 429, "application/json", nil,
			`{"error":"Too Many Requests","code":"RATE_LIMITED"}`},
		{"no message writes the title", "GET", NewInvalidInput("title"), 400, "application/json", nil,
			`{"error":"Bad Request","code":"INVALID_INPUT","details":{"field":"title"}}`},
		{"optional details", "GET", NewWithDetails(InvalidInputDetails{Field: "tags", Reasons: []string{"too many", "<b>"},
			FieldErrors: map[string]string{"z": "last", "a": "first"}, Value: json.RawMessage(` [1, 2] `)}), 400, "application/json", nil,
			`{"error":"Bad Request","code":"INVALID_INPUT","details":{"field":"tags","reasons":["too many","\u003cb\u003e"],"fieldErrors":{"a":"first","z":"last"},"value":[1,2]}}`},
		{"problem static body", "GET", NewOrderNotFound(), 404, "application/problem+json", nil,
			`{"type":"https://example.com/probs/order-not-found","title":"Order not found","status":404,"code":"ORDER_NOT_FOUND"}`},
		{"problem spread of details", "GET", NewWithDetails(OutOfCreditDetails{Balance: 30.5, Cost: 50, Currency: "EUR"}).WithInstance("/orders/7"),
			403, "application/problem+json", nil,
			`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30.5, but that costs 50.","instance":"/orders/7","code":"OUT_OF_CREDIT","balance":30.5,"cost":50,"currency":"EUR"}`},
		{"problem sentinel lacking its required details: its own status and code", "GET", ErrOutOfCredit, 403, "application/problem+json", nil,
			`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"code":"OUT_OF_CREDIT"}`},
		{"custom message drops the static body", "GET", ErrUnauthorized.WithMessage("Token \"revoked\""), 401, "application/json",
			map[string]string{"WWW-Authenticate": "Bearer"},
			`{"error":"Token \"revoked\"","code":"UNAUTHORIZED"}`},
		{"wrapped catalog error", "GET", fmt.Errorf("handler: %w", NewRateLimited(1, "1s", 2)), 429, "application/json",
			map[string]string{"Retry-After": "2"},
			`{"error":"Rate limit of 1 requests per 1s exceeded","code":"RATE_LIMITED","details":{"limit":1,"window":"1s","retryAfter":2}}`},
		{"plain error becomes the fallback", "GET", errors.New("db password wrong"), 500, "application/json", nil,
			`{"error":"An unexpected error occurred","code":"INTERNAL"}`},
		{"nil error becomes the fallback", "GET", nil, 500, "application/json", nil,
			`{"error":"An unexpected error occurred","code":"INTERNAL"}`},
		{"nil *Error becomes the fallback", "GET", (*Error)(nil), 500, "application/json", nil,
			`{"error":"An unexpected error occurred","code":"INTERNAL"}`},
		{"zero Error becomes the fallback", "GET", &Error{}, 500, "application/json", nil,
			`{"error":"An unexpected error occurred","code":"INTERNAL"}`},
		{"an unencodable detail is left out, the rest sent", "GET", NewOutOfCredit(math.NaN(), 1), 403, "application/problem+json", nil,
			`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is , but that costs 1.","code":"OUT_OF_CREDIT","cost":1}`},
		{"HEAD sends headers but no body", "HEAD", NewRateLimited(100, "1m", 23), 429, "application/json",
			map[string]string{"Retry-After": "23"}, ``},
		{"HEAD of a static body", "HEAD", ErrUnauthorized, 401, "application/json",
			map[string]string{"WWW-Authenticate": "Bearer"}, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			Write(rec, httptest.NewRequest(tt.method, "/orders/7", nil), tt.err)
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d", rec.Code, tt.status)
			}
			if got := rec.Header().Values("Content-Type"); len(got) != 1 || got[0] != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			for k, v := range tt.headers {
				if got := rec.Header().Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			// The problem envelope holds the request's id, made for it.
			id := rec.Header().Get("X-Request-Id")
			if got := strings.Replace(rec.Body.String(), `,"request_id":"`+id+`"`, "", 1); got != tt.body {
				t.Errorf("body\n got %s\nwant %s", got, tt.body)
			}
		})
	}
}

func TestWriteWithoutRequest(t *testing.T) {
	loadDefinitions()
	rec := httptest.NewRecorder()
	Write(rec, nil, ErrOrderNotFound)
	if rec.Code != 404 || rec.Body.String() != definitions[3].body {
		t.Errorf("Write(nil request): %d %s", rec.Code, rec.Body)
	}
}

func TestWriteNeverLeaksText(t *testing.T) {
	const secret = "db password wrong"
	for _, err := range []error{
		errors.New(secret),
		fmt.Errorf("query: %w", errors.New(secret)),
		ErrOrderNotFound.WithCause(errors.New(secret)),
		fmt.Errorf("%s: %w", secret, NewInvalidInput("x")),
		NewRateLimited(1, "1m", 1).WithCause(errors.New(secret)),
	} {
		rec := httptest.NewRecorder()
		Write(rec, httptest.NewRequest("GET", "/", nil), err)
		if strings.Contains(rec.Body.String(), secret) || strings.Contains(fmt.Sprint(rec.Header()), secret) {
			t.Errorf("Write(%v) leaked the error text: %s", err, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Errorf("Write(%v) wrote invalid JSON: %s", err, rec.Body)
		}
	}
}

// TestWriteHeadersDoNotAlias checks that the header values Write sets in one
// allocation stay independent when a later handler adds to them.
func TestWriteHeadersDoNotAlias(t *testing.T) {
	rec := httptest.NewRecorder()
	Write(rec, httptest.NewRequest("GET", "/", nil), NewRateLimited(100, "1m", 23))
	rec.Header().Add("Content-Type", "text/plain")
	rec.Header().Add("Retry-After", "99")
	if got := rec.Header().Values("Retry-After"); len(got) != 2 || got[0] != "23" {
		t.Errorf("Retry-After = %q", got)
	}
	if got := rec.Header().Values("Content-Type"); len(got) != 2 || got[0] != "application/json" {
		t.Errorf("Content-Type = %q", got)
	}
	if got := rec.Header().Values("Cache-Control"); len(got) != 1 || got[0] != "no-store" {
		t.Errorf("Cache-Control = %q", got)
	}
}

// TestWriteReusesNoBody writes a large body, then a small one: the recycled
// buffer must not leak the first into the second.
func TestWriteReusesNoBody(t *testing.T) {
	big := NewWithDetails(InvalidInputDetails{Field: strings.Repeat("x", 100000)})
	for _, err := range []error{big, NewRateLimited(1, "1s", 1), big, NewInvalidInput("a")} {
		rec := httptest.NewRecorder()
		Write(rec, nil, err)
		want, _ := err.(*Error).MarshalJSON()
		if !bytes.Equal(rec.Body.Bytes(), want) {
			t.Fatalf("body %.100s, want %.100s", rec.Body, want)
		}
	}
}

// TestConcurrentUse shares sentinels and constructed errors between many
// goroutines that copy, wrap and write them; run it with -race.
func TestConcurrentUse(t *testing.T) {
	shared := NewRateLimited(100, "1m", 23)
	sharedOptional := NewWithDetails(InvalidInputDetails{Field: "f", Reasons: []string{"r"}})
	const secret = "connection refused: password=hunter2"
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				var err error
				switch i % 5 {
				case 0:
					err = shared.WithRequestID(fmt.Sprint("req_", g, "_", i))
				case 1:
					err = fmt.Errorf("handler: %w", ErrOrderNotFound.WithCause(errors.New(secret)))
				case 2:
					err = errors.New(secret)
				case 3:
					err = sharedOptional.WithMessage(fmt.Sprint("edited ", i))
				default:
					err = NewOutOfCredit(float64(i)/3, g).WithInstance("/x")
				}
				rec := httptest.NewRecorder()
				Write(rec, httptest.NewRequest("GET", "/", nil), err)
				if strings.Contains(rec.Body.String(), "hunter2") || !json.Valid(rec.Body.Bytes()) {
					t.Errorf("bad body %s", rec.Body)
					return
				}
				if _, err := Parse(rec.Code, rec.Body.Bytes()); err != nil {
					t.Errorf("Parse(%s): %v", rec.Body, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	body, _ := shared.MarshalJSON()
	want := `{"error":"Rate limit of 100 requests per 1m exceeded","code":"RATE_LIMITED","details":{"limit":100,"window":"1m","retryAfter":23}}`
	if string(body) != want || shared.RequestID() != "" {
		t.Errorf("shared error changed: %s %q", body, shared.RequestID())
	}
}
