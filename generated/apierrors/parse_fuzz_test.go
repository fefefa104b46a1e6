package apierrors_test

// Hand-written tests beside the generated package (errgen's golden test
// leaves _test.go files alone).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/errgen/errgen/generated/apierrors"
)

// FuzzParse feeds hostile bodies to Parse: a *ParseError or an error, never a
// panic; the status is the one given; what Parse accepts with a catalog code,
// MarshalJSON writes back in a form Parse reads as the same code, and an
// unknown code is written as the fallback, never as itself.
func FuzzParse(f *testing.F) {
	for _, e := range []*apierrors.Error{
		apierrors.NewRateLimitExceeded(100, "1m", 23),
		apierrors.NewNotFound("ticket", "tkt_1"),
		apierrors.NewValidationError(json.RawMessage(`{"title":"Title is required"}`)),
		apierrors.ErrInternalError,
		apierrors.ErrUnauthorized.WithMessage("<script>\u2028"),
	} {
		body, _ := e.MarshalJSON()
		f.Add(e.Status(), body)
	}
	f.Add(404, []byte(`{"error":"x","code":"NOT_FOUND","details":{"resourceType":1}}`))
	f.Add(429, []byte(`{"error":"x","code":"RATE_LIMIT_EXCEEDED","details":{"limit":"100","window":1,"retryAfter":2.5}}`))
	f.Add(422, []byte(`{"error":"x","code":"VALIDATION_ERROR","details":{"fields":[1]}}`))
	f.Add(404, []byte(`{"error":"No such widget","code":"WIDGET_NOT_FOUND","details":{"id":7}}`))
	f.Add(418, []byte(`{"error":"\u00e9","code":"\u0054EAPOT"}`))
	f.Add(500, []byte(`{"code":"INTERNAL_ERROR","details":null,"error":{}}`))
	f.Add(0, []byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`))
	f.Add(429, []byte("\xff\xfe"))
	f.Add(502, []byte(`<html><body><h1>502 Bad Gateway</h1></body></html>`))
	fallback, _ := apierrors.ErrInternalError.MarshalJSON()
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e, err := apierrors.Parse(status, body)
		if err != nil {
			var pe *apierrors.ParseError
			if e != nil || !errors.As(err, &pe) || pe.Kind < apierrors.ParseNotJSON || pe.Kind > apierrors.ParseBadDetail {
				t.Fatalf("Parse = %v, %#v", e, err)
			}
			return
		}
		if e.Status() != status {
			t.Fatalf("Status() = %d, Parse was given %d", e.Status(), status)
		}
		if _, ok := apierrors.Lookup(e.Code()); ok != e.Known() {
			t.Fatalf("Known() = %v, Lookup(%q) = %v", e.Known(), e.Code(), ok)
		}
		out, err := e.MarshalJSON()
		if err != nil {
			return // details that cannot be written (e.g. invalid JSON kept raw) are refused at write time
		}
		if !e.Known() && !bytes.Equal(out, fallback) {
			t.Fatalf("MarshalJSON of an unknown code: %s", out)
		}
		again, err := apierrors.Parse(e.Status(), out)
		if err != nil {
			t.Fatalf("Parse(MarshalJSON()) failed: %v\nbody %s", err, out)
		}
		if e.Known() && again.Code() != e.Code() {
			t.Fatalf("round trip changed the code: %s → %s", e.Code(), again.Code())
		}
		rec := httptest.NewRecorder()
		apierrors.Write(rec, httptest.NewRequest("GET", "/", nil), e)
		// A body without the details its error requires parses, but Write
		// answers such an error, like its sentinel, with the fallback.
		sentinelLike := e.Details() == nil && bytes.Equal(rec.Body.Bytes(), fallback)
		if !json.Valid(rec.Body.Bytes()) || rec.Code != again.Definition().Status && !sentinelLike {
			t.Fatalf("Write: %d %s", rec.Code, rec.Body)
		}
	})
}

// TestConcurrentUse shares sentinels and constructed errors between many
// goroutines that copy, wrap and write them; run it with -race.
func TestConcurrentUse(t *testing.T) {
	shared := apierrors.NewRateLimitExceeded(100, "1m", 23)
	const secret = "connection refused: password=hunter2"
	var wg sync.WaitGroup
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				var err error
				switch i % 4 {
				case 0:
					err = shared.WithRequestID(fmt.Sprint("req_", g, "_", i))
				case 1:
					err = fmt.Errorf("handler: %w", apierrors.ErrNotFound.WithCause(errors.New(secret)))
				case 2:
					err = errors.New(secret)
				default:
					err = apierrors.NewConflict("v3", fmt.Sprint("v", i)).WithMessage("edited")
				}
				rec := httptest.NewRecorder()
				apierrors.Write(rec, httptest.NewRequest("GET", "/", nil), err)
				if strings.Contains(rec.Body.String(), "hunter2") || !json.Valid(rec.Body.Bytes()) {
					t.Errorf("bad body %s", rec.Body)
					return
				}
			}
		}()
	}
	wg.Wait()
	// The shared error is unchanged by all the copies made from it.
	body, _ := shared.MarshalJSON()
	want := `{"error":"Rate limit exceeded","code":"RATE_LIMIT_EXCEEDED","details":{"limit":100,"window":"1m","retryAfter":23}}`
	if !bytes.Equal(body, []byte(want)) || shared.RequestID() != "" {
		t.Errorf("shared error changed: %s %q", body, shared.RequestID())
	}
}
