//go:build errgen_no_field_enums

package fixed

import (
	"net/http/httptest"
	"testing"
)

// fieldEnumsBuilt: this build holds nofieldenums.go, and its stand-in has
// no enum fields (table_no_field_enums.go).
const fieldEnumsBuilt = false

// TestNoFieldEnums: in the package of a catalog without enum fields (the
// stand-in with its object fields made plain strings), an object's fields
// are sent as they are given, whatever they hold, and nothing is reported,
// as fieldenums.go does for a definition without fieldEnums.
func TestNoFieldEnums(t *testing.T) {
	problems := []InvalidInputProblems{{Field: "a", Kind: "anything"}, {Field: "b", Limits: InvalidInputProblemsLimits{Max: 3, Unit: ""}}}
	e := NewWithDetails(InvalidInputDetails{Field: "f", Problems: problems})
	want := `{"error":"Bad Request","code":"INVALID_INPUT","details":{"field":"f","problems":[{"field":"a","kind":"anything"},{"field":"b","limits":{"max":3,"unit":""}}]}}`
	rec := httptest.NewRecorder()
	if reports := recordReports(t, func() { Write(rec, nil, e) }); len(reports) != 0 {
		t.Errorf("reported %v", reports)
	}
	if rec.Code != 400 || rec.Body.String() != want {
		t.Errorf("Write sent %d %s\nwant 400 %s", rec.Code, rec.Body, want)
	}
	if p := ErrInvalidInput.def.prepared(); p.enums != nil {
		t.Errorf("INVALID_INPUT's enum fields: %v", p.enums)
	}
}
