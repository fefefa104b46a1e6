package errgen

import (
	"errors"
	"reflect"
	"strconv"
	"testing"

	"github.com/errgen/errgen/examples/scopestack/scopestackerrors"
	"github.com/errgen/errgen/generated/apierrors"
)

// TestParseNeedsAnIdentifier: an empty code, or in an envelope without a
// code an empty title, identifies no error: the body is in none of the
// catalog's envelopes, as one without them is. Before, Parse made an
// unknown error of it whose Error() was "", which a log shows as nothing.
func TestParseNeedsAnIdentifier(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		want       string // Error() of the error parsed; "" for ParseNotEnvelope
	}{
		{"JSON:API, a title", `{"errors":[{"status":"418","title":"Teapot"}]}`, "Teapot"},
		{"JSON:API, an empty title", `{"errors":[{"status":"418","title":""}]}`, ""},
		{"JSON:API, an empty title and a detail", `{"errors":[{"status":"418","title":"","detail":"No tea"}]}`, ""},
		{"OAuth 2.0, a code", `{"error":"slow_down"}`, "slow_down"},
		{"OAuth 2.0, an empty code", `{"error":"","error_description":""}`, ""},
		{"OAuth 2.0, an empty code and a description", `{"error":"","error_description":"No tea"}`, ""},
	} {
		e, err := scopestackerrors.Parse(418, []byte(tt.body))
		var pe *scopestackerrors.ParseError
		switch {
		case tt.want == "" && (!errors.As(err, &pe) || pe.Kind != scopestackerrors.ParseNotEnvelope):
			t.Errorf("%s: Parse = %q, %v; want ParseNotEnvelope", tt.name, e, err)
		case tt.want != "" && (err != nil || e.Error() != tt.want):
			t.Errorf("%s: Parse = %v, %v; want %q", tt.name, e, err, tt.want)
		}
	}
}

// TestParseNullDetails: a details member of null is absent details, for
// every error of the bundled catalog: Parse reads the body as it reads one
// that leaves details out, as Write sends a sentinel (no details for an
// error with required ones; the zero details, as its constructor gives
// them, for one whose details are all optional). Before, null gave the zero
// details even for an error with required ones, which a client then read as
// if the server had sent them (a limit of 0).
func TestParseNullDetails(t *testing.T) {
	for _, def := range apierrors.Definitions() {
		// Without a message, one the catalog fills from details is filled
		// from none, as a sentinel's is: not from zero details.
		for _, message := range []string{`"error":"m",`, ""} {
			t.Run(string(def.Code)+"/"+message, func(t *testing.T) {
				code := strconv.Quote(string(def.Code))
				omitted, err := apierrors.Parse(def.Status, []byte(`{`+message+`"code":`+code+`}`))
				if err != nil {
					t.Fatal(err)
				}
				null, err := apierrors.Parse(def.Status, []byte(`{`+message+`"code":`+code+`,"details":null}`))
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(null.Details(), omitted.Details()) || null.Message() != omitted.Message() {
					t.Errorf("details null: %#v, %q; details left out: %#v, %q", null.Details(), null.Message(), omitted.Details(), omitted.Message())
				}
			})
		}
	}
}
