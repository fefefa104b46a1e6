package errgen

// Behaviour of the generated packages: the committed outputs of the bundled
// catalog and of each preset catalog, compiled into this test and exercised.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/testdata/presets/custom/customerrors"
	"github.com/errgen/errgen/testdata/presets/flat/flaterrors"
	"github.com/errgen/errgen/testdata/presets/jsonapi/jsonapierrors"
	"github.com/errgen/errgen/testdata/presets/nested/nestederrors"
	"github.com/errgen/errgen/testdata/presets/oauth2/oauth2errors"
	"github.com/errgen/errgen/testdata/presets/problem/problemerrors"
)

// roundTripper is what the round trip needs of every generated Error
// beyond error (contractPkgs adapts the packages).
type roundTripper interface {
	json.Marshaler
	Status() int
	Message() string
	Details() any
	Known() bool
}

// TestEnvelopeBytes pins, for every preset, the exact bytes written for an
// error with details and one without.
func TestEnvelopeBytes(t *testing.T) {
	tests := []struct {
		name string
		err  json.Marshaler
		want string
	}{
		{"problem/details", problemerrors.NewOutOfCredit(30, 50).WithInstance("/account/12345/msgs/abc"),
			`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","code":"OUT_OF_CREDIT","balance":30,"cost":50}`},
		{"problem/static", problemerrors.ErrOrderNotFound,
			`{"type":"https://example.com/probs/order-not-found","title":"Order not found","status":404,"code":"ORDER_NOT_FOUND"}`},
		{"flat/details", flaterrors.NewTooManyRequests(23),
			`{"error":"Rate limit exceeded","code":"TOO_MANY_REQUESTS","details":{"retryAfter":23}}`},
		{"flat/static", flaterrors.ErrTaskNotFound,
			`{"error":"Task Not Found","code":"TASK_NOT_FOUND"}`},
		{"jsonapi/details", jsonapierrors.NewBadRequest("created-before"),
			`{"errors":[{"status":"400","code":"BAD_REQUEST","title":"Bad Request","detail":"Filter not allowed: created-before","meta":{"filter":"created-before"}}]}`},
		{"jsonapi/static", jsonapierrors.ErrUnauthorized,
			`{"errors":[{"status":"401","code":"UNAUTHORIZED","title":"Unauthorized"}]}`},
		{"nested/details", nestederrors.NewInvalidRequest("activity_type").WithRequestID("req_abc123"),
			`{"error":{"code":"invalid_request","message":"Missing required field: activity_type","type":"invalid_request_error","param":"activity_type","request_id":"req_abc123"}}`},
		{"nested/static", nestederrors.ErrAuthenticationFailed,
			`{"error":{"code":"authentication_failed","message":"Authentication Failed","type":"authentication_error"}}`},
		{"oauth2/details", oauth2errors.NewInvalidRequest("grant_type"),
			`{"error":"invalid_request","error_description":"The request is missing the required parameter grant_type.","error_uri":"https://auth.example.com/docs/errors#invalid-request","parameter":"grant_type"}`},
		{"oauth2/static", oauth2errors.ErrInvalidClient,
			`{"error":"invalid_client","error_uri":"https://auth.example.com/docs/errors#invalid-client"}`},
		{"custom/details", customerrors.NewChargeNotFound("ch_123").WithRequestID("tr_1"),
			`{"ok":false,"error":{"id":"charge.not_found","text":"No such charge: ch_123","info":{"charge_id":"ch_123"},"trace":"tr_1"},"status":404}`},
		{"custom/static", customerrors.ErrAuthRequired,
			`{"ok":false,"error":{"id":"auth.required","text":"Authentication Required"},"status":401}`},
		{"flat/object detail keeps member order", apierrors.NewValidationError(json.RawMessage(`{"title":"Title is required","priority":"Must be one of: low, medium, high, critical"}`)),
			`{"error":"Validation failed","code":"VALIDATION_ERROR","details":{"fields":{"title":"Title is required","priority":"Must be one of: low, medium, high, critical"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.err.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("MarshalJSON\n got %s\nwant %s", got, tt.want)
			}
			if !json.Valid(got) {
				t.Errorf("invalid JSON: %s", got)
			}
		})
	}
}

// TestEveryErrorRoundTrips builds every catalog error from its example body
// (errgen's own rendering), and checks that the generated code writes exactly
// those bytes back, and that Parse recovers the same error.
func TestEveryErrorRoundTrips(t *testing.T) {
	for _, tc := range catalogtest.All(t) {
		pkg, ok := contractPkgs[tc.Name]
		if !ok {
			t.Fatalf("no generated package for %s", tc.Name)
		}
		parse := func(status int, body []byte) (roundTripper, error) {
			e, err := pkg.parse(status, body)
			if err != nil {
				return nil, err
			}
			return e.(roundTripper), nil
		}
		for _, ce := range tc.C.Errors {
			t.Run(tc.Name+"/"+ce.Code, func(t *testing.T) {
				want, err := example.Body(ce)
				if err != nil {
					t.Fatal(err)
				}
				e, err := parse(ce.Status, want)
				if err != nil {
					t.Fatalf("Parse(%d, %s): %v", ce.Status, want, err)
				}
				if !strings.HasPrefix(fmt.Sprint(e), ce.Code+": ") {
					t.Errorf("Parse gave %v, want code %s", e, ce.Code)
				}
				if e.Status() != ce.Status {
					t.Errorf("Status() = %d, want %d", e.Status(), ce.Status)
				}
				got, err := e.MarshalJSON()
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != string(want) {
					t.Errorf("MarshalJSON of the parsed error\n got %s\nwant %s", got, want)
				}
				again, err := parse(ce.Status, got)
				if err != nil {
					t.Fatal(err)
				}
				if again.Message() != e.Message() || !reflect.DeepEqual(again.Details(), e.Details()) {
					t.Errorf("second round trip differs: %q %#v vs %q %#v", again.Message(), again.Details(), e.Message(), e.Details())
				}
				// (An error whose details are all optional and without an
				// example, such as StackOne's provider_errors on most of its
				// errors, has an example body without details.)
				if in, err := example.New(ce); err == nil && len(in.Details) > len("{}") && carriesDetails(ce.Envelope) && e.Details() == nil {
					t.Errorf("Details() = nil, though the envelope carries the details")
				}
				// Written by Write and parsed back: the same error.
				rec := httptest.NewRecorder()
				pkg.write(rec, httptest.NewRequest("GET", "/", nil), e.(error))
				w, err := parse(rec.Code, rec.Body.Bytes())
				if err != nil {
					t.Fatalf("Parse(Write()): %v", err)
				}
				if callString(w, "Code") != ce.Code || !w.Known() || w.Status() != ce.Status || w.Message() != e.Message() || !reflect.DeepEqual(w.Details(), e.Details()) {
					t.Errorf("Parse(Write()) = %s %v %d %q %#v\nwant %s true %d %q %#v", callString(w, "Code"), w.Known(), w.Status(), w.Message(), w.Details(),
						ce.Code, ce.Status, e.Message(), e.Details())
				}
				// Status is the response's (envelopes without a code identify by it).
				if w, err := parse(599, rec.Body.Bytes()); ce.Envelope.Has(catalog.RefCode) && (err != nil || w.Status() != 599 || callString(w, "Code") != ce.Code) {
					t.Errorf("Parse(599, Write()) = %v, %v", w, err)
				}
			})
		}
	}
}

// TestEveryEnvelopeParsesUnknownCodes rewrites the example body of every
// catalog error with a code (or, without one, a title) the catalog does not
// define: Parse gives an error that is not Known, with the received code and
// the given status, read in the right envelope, and Write sends the fallback.
func TestEveryEnvelopeParsesUnknownCodes(t *testing.T) {
	for _, tc := range catalogtest.All(t) {
		pkg := contractPkgs[tc.Name]
		for _, ce := range tc.C.Errors {
			t.Run(tc.Name+"/"+ce.Code, func(t *testing.T) {
				body, err := example.Body(ce)
				if err != nil {
					t.Fatal(err)
				}
				old, unknown, wantCode := ce.Code, "NOT_IN_THE_CATALOG", "NOT_IN_THE_CATALOG"
				if !ce.Envelope.Has(catalog.RefCode) {
					old, unknown, wantCode = ce.Title, "Not In The Catalog", ""
				}
				q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
				key := q(memberKey(ce.Envelope.Body, catalog.RefCode)) + ":"
				if !ce.Envelope.Has(catalog.RefCode) {
					key = q(memberKey(ce.Envelope.Body, catalog.RefTitle)) + ":"
				}
				if strings.Count(string(body), key+q(old)) != 1 {
					t.Fatalf("%s is not once in %s", key+q(old), body)
				}
				body = []byte(strings.Replace(string(body), key+q(old), key+q(unknown), 1))
				got, err := pkg.parse(ce.Status, body)
				if err != nil {
					t.Fatalf("Parse(%s): %v", body, err)
				}
				e := got.(roundTripper)
				if e.Known() || callString(e, "Code") != wantCode || e.Status() != ce.Status {
					t.Errorf("Parse(%s) = known %v, code %q, status %d", body, e.Known(), callString(e, "Code"), e.Status())
				}
				if e.Message() != "" && !strings.Contains(string(body), q(e.Message())) {
					t.Errorf("message %q is not the body's: read in another envelope? %s", e.Message(), body)
				}
				rec := httptest.NewRecorder()
				pkg.write(rec, httptest.NewRequest("GET", "/", nil), got)
				if rec.Code != tc.C.Fallback.Status || strings.Contains(rec.Body.String(), unknown) {
					t.Errorf("Write sent %d %s, want the fallback", rec.Code, rec.Body)
				}
			})
		}
	}
}

// memberKey is the key of the envelope member holding the reference.
func memberKey(n *catalog.Node, ref catalog.RefName) string {
	switch n.Kind {
	case catalog.KindObject:
		for _, m := range n.Members {
			if m.Value.Kind == catalog.KindRef && m.Value.Ref.Name == ref {
				return m.Key
			}
			if k := memberKey(m.Value, ref); k != "" {
				return k
			}
		}
	case catalog.KindArray:
		return memberKey(n.Elem, ref)
	}
	return ""
}

// carriesDetails reports whether an envelope writes the whole details
// object; others (oauth2) cannot give them back to Parse.
func carriesDetails(env *catalog.Envelope) bool {
	for _, r := range env.Refs() {
		if r.Name == catalog.RefDetails && r.Arg == "" {
			return true
		}
	}
	return false
}

func TestErrorsIs(t *testing.T) {
	e := apierrors.NewNotFound("ticket", "tkt_1").WithCause(errors.New("sql: no rows"))
	wrapped := fmt.Errorf("loading ticket: %w", e)
	if !errors.Is(wrapped, apierrors.ErrNotFound) {
		t.Error("errors.Is(wrapped, ErrNotFound) = false")
	}
	if errors.Is(wrapped, apierrors.ErrConflict) {
		t.Error("errors.Is(wrapped, ErrConflict) = true")
	}
	var got *apierrors.Error
	if !errors.As(wrapped, &got) || got.Code() != apierrors.CodeNotFound {
		t.Errorf("errors.As gave %v", got)
	}
	if got.Unwrap() == nil || got.Unwrap().Error() != "sql: no rows" {
		t.Errorf("Unwrap() = %v", got.Unwrap())
	}
	if want := "NOT_FOUND: Resource not found: sql: no rows"; got.Error() != want {
		t.Errorf("Error() = %q, want %q", got.Error(), want)
	}
	d, ok := got.Details().(apierrors.NotFoundDetails)
	if !ok || d.ResourceType != "ticket" || d.ResourceID != "tkt_1" {
		t.Errorf("Details() = %#v", got.Details())
	}
}

func TestWithCopies(t *testing.T) {
	base := apierrors.NewConflict("v3", "v1")
	msg := base.WithMessage("Ticket has been modified by another user")
	if base.Message() == msg.Message() {
		t.Fatal("WithMessage changed nothing")
	}
	if base.Message() != "Resource has been modified by another user" {
		t.Errorf("WithMessage modified the original: %q", base.Message())
	}
	body, _ := msg.MarshalJSON()
	want := `{"error":"Ticket has been modified by another user","code":"CONFLICT","details":{"currentVersion":"v3","submittedVersion":"v1"}}`
	if string(body) != want {
		t.Errorf("got %s\nwant %s", body, want)
	}
	if id := base.WithRequestID("req_1"); id.RequestID() != "req_1" || base.RequestID() != "" {
		t.Error("WithRequestID is not a copy")
	}
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name    string
		err     error
		status  int
		ctype   string
		headers map[string]string
		body    string
	}{
		{"with Retry-After from details", apierrors.NewRateLimitExceeded(100, "1m", 23), 429, "application/json",
			map[string]string{"Retry-After": "23"},
			`{"error":"Rate limit exceeded","code":"RATE_LIMIT_EXCEEDED","details":{"limit":100,"window":"1m","retryAfter":23}}`},
		{"401 challenge", apierrors.ErrUnauthorized, 401, "application/json",
			map[string]string{"WWW-Authenticate": "Bearer"}, ""},
		{"wrapped catalog error", fmt.Errorf("handler: %w", apierrors.NewNotFound("ticket", "tkt_nonexistent")), 404, "application/json", nil,
			`{"error":"Resource not found","code":"NOT_FOUND","details":{"resourceType":"ticket","resourceId":"tkt_nonexistent"}}`},
		{"plain error becomes the fallback", errors.New("db password wrong"), 500, "application/json", nil, ""},
		{"nil error becomes the fallback", nil, 500, "application/json", nil, ""},
		{"problem media type", problemerrors.ErrOrderNotFound, 404, "application/problem+json", nil, ""},
		{"jsonapi media type", jsonapierrors.ErrForbidden, 403, "application/vnd.api+json", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			r := httptest.NewRequest("GET", "/tickets/1", nil)
			switch tt.err.(type) {
			case *problemerrors.Error:
				problemerrors.Write(rec, r, tt.err)
			case *jsonapierrors.Error:
				jsonapierrors.Write(rec, r, tt.err)
			default:
				apierrors.Write(rec, r, tt.err)
			}
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d", rec.Code, tt.status)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			for k, v := range tt.headers {
				if got := rec.Header().Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if tt.body != "" && rec.Body.String() != tt.body {
				t.Errorf("body\n got %s\nwant %s", rec.Body, tt.body)
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Errorf("body is not JSON: %s", rec.Body)
			}
		})
	}
}

func TestWriteNeverLeaksText(t *testing.T) {
	secret := "db password wrong"
	for _, err := range []error{
		errors.New(secret),
		fmt.Errorf("query: %w", errors.New(secret)),
		apierrors.ErrConflict.WithCause(errors.New(secret)),
		fmt.Errorf("%s: %w", secret, apierrors.ErrForbidden),
	} {
		rec := httptest.NewRecorder()
		apierrors.Write(rec, httptest.NewRequest("GET", "/", nil), err)
		if strings.Contains(rec.Body.String(), secret) || strings.Contains(fmt.Sprint(rec.Header()), secret) {
			t.Errorf("Write(%v) leaked the error text: %s", err, rec.Body)
		}
	}
	rec := httptest.NewRecorder()
	apierrors.Write(rec, httptest.NewRequest("GET", "/", nil), errors.New(secret))
	if want := `{"error":"An unexpected error occurred","code":"INTERNAL_ERROR"}`; rec.Body.String() != want {
		t.Errorf("fallback body %s, want %s", rec.Body, want)
	}
}

func TestWriteHeadHasNoBody(t *testing.T) {
	rec := httptest.NewRecorder()
	apierrors.Write(rec, httptest.NewRequest("HEAD", "/", nil), apierrors.NewNotFound("ticket", "t_1"))
	if rec.Code != 404 || rec.Body.Len() != 0 {
		t.Errorf("HEAD: status %d, body %q", rec.Code, rec.Body)
	}
}

func TestRegistry(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	defs := apierrors.Definitions()
	if len(defs) != len(c.Errors) {
		t.Fatalf("%d definitions, want %d", len(defs), len(c.Errors))
	}
	for i, e := range c.Errors {
		d := defs[i]
		if string(d.Code) != e.Code || d.Status != e.Status || d.Title != e.Title || d.Retryable != e.Retryable || d.DocsURL != e.DocsLink {
			t.Errorf("definition %d = %+v, catalog says %s %d %q", i, d, e.Code, e.Status, e.Title)
		}
		if got, ok := apierrors.Lookup(apierrors.Code(e.Code)); !ok || got != d {
			t.Errorf("Lookup(%s) = %+v, %v", e.Code, got, ok)
		}
	}
	if _, ok := apierrors.Lookup("NOPE"); ok {
		t.Error("Lookup(NOPE) found something")
	}
}

// TestStringEscaping checks the generated appendString against
// encoding/json on text that needs every kind of escape.
func TestStringEscaping(t *testing.T) {
	for _, s := range []string{
		`plain`, `quote " backslash \ slash /`, "control \x00\x01\x1f \b\f\n\r\t", `<script>&amp;</script>`,
		"line\u2028para\u2029", "bad utf8 \xff\xfe end", "emoji 🎉 and é", "bidi \u202e reversed",
	} {
		e := apierrors.ErrNotFound.WithMessage(s)
		got, _ := e.MarshalJSON()
		msg, _ := json.Marshal(s)
		want := `{"error":` + string(msg) + `,"code":"NOT_FOUND"}`
		if string(got) != want {
			t.Errorf("message %q\n got %s\nwant %s", s, got, want)
		}
	}
}

// TestWriteHeadersDoNotAlias checks that the header values Write sets in one
// allocation stay independent when a later handler adds to them.
func TestWriteHeadersDoNotAlias(t *testing.T) {
	rec := httptest.NewRecorder()
	apierrors.Write(rec, httptest.NewRequest("GET", "/", nil), apierrors.NewRateLimitExceeded(100, "1m", 23))
	rec.Header().Add("Content-Type", "text/plain")
	rec.Header().Add("Retry-After", "99")
	if got := rec.Header().Values("Retry-After"); len(got) != 2 || got[0] != "23" {
		t.Errorf("Retry-After = %q", got)
	}
	if got := rec.Header().Values("Content-Type"); len(got) != 2 || got[0] != "application/json" {
		t.Errorf("Content-Type = %q", got)
	}
}
