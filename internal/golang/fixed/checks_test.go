package fixed

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// Details the catalog's types forbid but encoding/json would write: an
// object detail that is not a JSON object, an object[] item that is not
// one, an enum value that is not one of the enum's. The detail is left out,
// the error records why, and Write sends the rest with the error's own
// status and code, and reports the breach.
func TestDetailsCheckedAtConstruction(t *testing.T) {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	bad := []struct {
		name string
		d    InvalidInputDetails
		want string
	}{
		{"object is an array", InvalidInputDetails{Field: "f", Schema: raw(`["title"]`)}, `detail "schema" is not a JSON object`},
		{"object is a string", InvalidInputDetails{Field: "f", Schema: raw(` "x"`)}, `detail "schema" is not a JSON object`},
		{"object is null", InvalidInputDetails{Field: "f", Schema: raw(`null`)}, `detail "schema" is not a JSON object`},
		{"object[] item is a number", InvalidInputDetails{Field: "f", Errors: []json.RawMessage{raw(`{}`), raw(`1`)}}, `detail "errors": item 1 is not a JSON object`},
		{"object[] item is nil", InvalidInputDetails{Field: "f", Errors: []json.RawMessage{nil}}, `detail "errors": item 0 is not a JSON object`},
		{"enum value unknown", InvalidInputDetails{Field: "f", Rule: "too_short"}, `detail "rule": "too_short" is not one of its values`},
		{"object is invalid JSON", InvalidInputDetails{Field: "f", Schema: raw(`{"a":`)}, `detail "schema" does not encode as JSON`},
		{"any is invalid JSON", InvalidInputDetails{Field: "f", Value: raw(`[1,`)}, `detail "value" does not encode as JSON`},
	}
	const sent = `{"error":"Bad Request","code":"INVALID_INPUT","details":{"field":"f"}}`
	for _, tt := range bad {
		e := NewWithDetails(tt.d)
		if body, err := e.MarshalJSON(); err != nil || string(body) != sent || !strings.Contains(e.breach(), tt.want) {
			t.Errorf("%s: MarshalJSON = %s, %v, breach %q; want %s and %q", tt.name, body, err, e.breach(), sent, tt.want)
		}
		rec := httptest.NewRecorder()
		got := recordReports(t, func() { Write(rec, nil, e) })
		if rec.Code != 400 || rec.Body.String() != sent {
			t.Errorf("%s: Write sent %d %s, want 400 %s", tt.name, rec.Code, rec.Body, sent)
		}
		if len(got) != 1 || !strings.Contains(got[0].Problem, tt.want) || got[0].Sent != e {
			t.Errorf("%s: reported %v, want the breach %q", tt.name, got, tt.want)
		}
	}
	good := []InvalidInputDetails{
		{Field: "f", Schema: raw(" \n{\"type\": \"string\", \"maxLength\": 80}"), Errors: []json.RawMessage{raw(`{"a":1}`), raw(` {}`)}, Rule: InvalidInputRuleTooLong},
		{Field: "f", Value: raw(`null`), Errors: []json.RawMessage{}},
		{Field: "f", Value: raw(`["title"]`), Rule: InvalidInputRuleFormat},
		{Field: "f"}, // optional details left empty are not written, so not checked
	}
	for _, d := range good {
		checkDetails(t, NewWithDetails(d), d)
	}
}

// What Write sends of the new kinds, Parse gives back.
func TestCheckedDetailsRoundTrip(t *testing.T) {
	d := InvalidInputDetails{
		Field:  "title",
		Value:  json.RawMessage(`"far too long"`),
		Rule:   InvalidInputRuleTooLong,
		Schema: json.RawMessage(`{"type":"string","maxLength":8}`),
		Errors: []json.RawMessage{json.RawMessage(`{"z":1,"a":2}`), json.RawMessage(`{}`)},
	}
	rec := httptest.NewRecorder()
	Write(rec, nil, NewWithDetails(d))
	e, err := Parse(rec.Code, rec.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got, ok := e.Details().(InvalidInputDetails)
	if !ok {
		t.Fatalf("Details() = %#v", e.Details())
	}
	want, _ := json.Marshal(d)
	if back, _ := json.Marshal(got); string(back) != string(want) {
		t.Errorf("round trip gives\n%s\nwant\n%s", back, want)
	}
	if got.Rule != InvalidInputRuleTooLong || !got.Rule.Valid() {
		t.Errorf("Rule = %q", got.Rule)
	}
}

// An object[] detail with fields is a slice of structs, nested ones too:
// written as encoding/json writes it, copied at construction, and decoded
// typed by Parse.
func TestObjectFieldsRoundTrip(t *testing.T) {
	problems := []InvalidInputProblems{
		{Field: "title", Message: "too long", Limits: InvalidInputProblemsLimits{Max: 80, Unit: "chars"}},
		{Field: "tags"},
	}
	e := NewWithDetails(InvalidInputDetails{Field: "title", Problems: problems})
	problems[0].Field = "changed"
	rec := httptest.NewRecorder()
	if got := recordReports(t, func() { Write(rec, nil, e) }); len(got) != 0 {
		t.Errorf("reported %v", got)
	}
	want := `{"error":"Bad Request","code":"INVALID_INPUT","details":{"field":"title","problems":[{"field":"title","message":"too long","limits":{"max":80,"unit":"chars"}},{"field":"tags"}]}}`
	if rec.Body.String() != want {
		t.Errorf("Write\n got %s\nwant %s", rec.Body, want)
	}
	back, err := Parse(rec.Code, rec.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	d, ok := DetailsAs[InvalidInputDetails](back)
	if !ok || len(d.Problems) != 2 || d.Problems[0].Limits.Max != 80 || d.Problems[0].Field != "title" || d.Problems[1].Field != "tags" {
		t.Errorf("Parse: %+v", d)
	}
}
