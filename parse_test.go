package errgen

import (
	"errors"
	"testing"

	"github.com/errgen/errgen/examples/scopestack/scopestackerrors"
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
