package errgen

// What a generated package lets out: header values filled from details,
// read by Go's own client over a real connection, and details no caller can
// change after construction.

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/testdata/presets/custom/customerrors"
	"github.com/errgen/errgen/testdata/presets/flat/flaterrors"
)

// TestHeaderFromStringDetailOverTheWire: charge.not_found sets
// Kestrel-Charge-Id from its charge_id. Control characters in it become
// spaces, and the ends are trimmed, so Go's client reads every response in
// full, and no detail adds a header.
func TestHeaderFromStringDetailOverTheWire(t *testing.T) {
	tests := []struct{ id, want string }{
		{"ch_1", "ch_1"},
		{"ch_1\x00", "ch_1"},
		{"ch\r\nSet-Cookie: a=b", "ch  Set-Cookie: a=b"},
		{"ch\x7f1", "ch 1"},
		{"\x00\x1f\x7f", ""}, // nothing left: the header is left out
		{"ch\t1\xff", "ch\t1\uFFFD"},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, _ := strconv.Atoi(r.URL.Query().Get("i"))
		customerrors.Write(w, r, customerrors.NewChargeNotFound(tests[i].id))
	}))
	defer srv.Close()
	for i, tt := range tests {
		resp, err := srv.Client().Get(srv.URL + "/?i=" + strconv.Itoa(i))
		if err != nil {
			t.Errorf("%q: %v", tt.id, err)
			continue
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		want, _ := customerrors.NewChargeNotFound(tt.id).MarshalJSON()
		if err != nil || resp.StatusCode != 404 || string(body) != string(want) {
			t.Errorf("%q: %d %s (%v), want 404 %s", tt.id, resp.StatusCode, body, err, want)
		}
		got, ok := resp.Header["Kestrel-Charge-Id"]
		if tt.want == "" && ok || tt.want != "" && !reflect.DeepEqual(got, []string{tt.want}) {
			t.Errorf("%q: Kestrel-Charge-Id = %q, want %q", tt.id, got, tt.want)
		}
		// The docs and the OpenAPI examples render headers by the same rule.
		details, _ := json.Marshal(map[string]string{"charge_id": tt.id})
		tmpl := &catalog.Template{Source: "{charge_id}", Parts: []catalog.TemplatePart{{Detail: "charge_id"}}}
		if v, err := example.HeaderValue(tmpl, details); err != nil || v != tt.want {
			t.Errorf("%q: example.HeaderValue = %q, %v, want %q", tt.id, v, err, tt.want)
		}
		if resp.Header.Get("Set-Cookie") != "" || resp.Header.Get("Content-Type") != "application/json" {
			t.Errorf("%q: headers %v", tt.id, resp.Header)
		}
		e, err := customerrors.Parse(resp.StatusCode, body)
		if err != nil || e.Code() != customerrors.CodeChargeNotFound {
			t.Errorf("%q: Parse: %v, %v", tt.id, e, err)
		}
	}
}

// TestDetailsAreImmutable: changing the maps, slices and raw JSON given to a
// constructor, or those Details returned, changes neither Details nor the body.
func TestDetailsAreImmutable(t *testing.T) {
	raw := json.RawMessage(`{"title":"Title is required"}`)
	granted := []string{"crm", "hris"}
	fields := map[string]string{"email": "is not valid"}
	errs := []interface {
		Details() any
		MarshalJSON() ([]byte, error)
	}{
		apierrors.NewValidationError(raw),
		apierrors.NewWithDetails(apierrors.ProductAccessDeniedDetails{Product: "ats", GrantedProducts: granted}),
		flaterrors.NewWithDetails(flaterrors.InvalidInputDetails{Field: "email", Reasons: granted, FieldErrors: fields}),
	}
	want := []any{
		apierrors.ValidationErrorDetails{Fields: json.RawMessage(`{"title":"Title is required"}`)},
		apierrors.ProductAccessDeniedDetails{Product: "ats", GrantedProducts: []string{"crm", "hris"}},
		flaterrors.InvalidInputDetails{Field: "email", Reasons: []string{"crm", "hris"}, FieldErrors: map[string]string{"email": "is not valid"}},
	}
	var bodies []string
	for _, e := range errs {
		b, _ := e.MarshalJSON()
		bodies = append(bodies, string(b))
	}
	check := func(when string) {
		t.Helper()
		for i, e := range errs {
			if got := e.Details(); !reflect.DeepEqual(got, want[i]) {
				t.Errorf("%s: Details() = %#v, want %#v", when, got, want[i])
			}
			if b, _ := e.MarshalJSON(); string(b) != bodies[i] {
				t.Errorf("%s: body %s, was %s", when, b, bodies[i])
			}
		}
	}
	copy(raw, `{"title":"Xxxxx xx xxxxxxxx"}`)
	granted[0] = "changed"
	fields["email"] = "changed"
	fields["name"] = "added"
	check("after the caller changed its values")
	errs[0].Details().(apierrors.ValidationErrorDetails).Fields[2] = 'X'
	errs[1].Details().(apierrors.ProductAccessDeniedDetails).GrantedProducts[0] = "changed"
	errs[2].Details().(flaterrors.InvalidInputDetails).FieldErrors["email"] = "changed"
	check("after changing what Details returned")
}
