package errgen

// The generated packages encode details themselves, without encoding/json,
// for speed. These tests hold them to encoding/json's bytes and errors.

import (
	"encoding/json"
	"math"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/errgen/errgen/examples/scopestack/scopestackerrors"
	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/testdata/presets/custom/customerrors"
	"github.com/errgen/errgen/testdata/presets/flat/flaterrors"
	"github.com/errgen/errgen/testdata/presets/problem/problemerrors"
)

// customInfo returns the details a custom-envelope body carries.
func customInfo(t *testing.T, body []byte) string {
	t.Helper()
	var v struct {
		Error struct {
			Info json.RawMessage `json:"info"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return string(v.Error.Info)
}

// wantInfo is the info member encoding/json would write, absent when empty.
func wantInfo(t *testing.T, d any) string {
	t.Helper()
	raw, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(raw) == "{}" {
		return ""
	}
	return string(raw)
}

var hostileStrings = []string{
	"", "plain", `quote " backslash \ slash /`, "control \x00\x01\x1f\x7f \b\f\n\r\t",
	`<script>&amp;</script>`, "line\u2028para\u2029", "bad utf8 \xff\xfe end \xe2\x82",
	"emoji 🎉 and é", "bidi \u202e reversed",
}

var hostileFloats = []float64{
	0, math.Copysign(0, -1), 1, -1.5, 49.99, 1e-6, 9.99e-7, 1e-7, 1.5e-300, 5e-324,
	1e20, 1e21, 123456789e15, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
	0.1 + 0.2, 1.0 / 3,
}

func TestDetailsEncodeAsEncodingJSON(t *testing.T) {
	var cases []customerrors.PaymentDeclinedDetails
	for i, s := range hostileStrings {
		cases = append(cases, customerrors.PaymentDeclinedDetails{DeclineCode: s, Amount: hostileFloats[i%len(hostileFloats)]})
	}
	for i, f := range hostileFloats {
		cases = append(cases, customerrors.PaymentDeclinedDetails{
			DeclineCode: "x", Amount: f, RetryPossible: i%2 == 0, AttemptsLeft: i - 5,
		})
	}
	cases = append(cases,
		customerrors.PaymentDeclinedDetails{AttemptsLeft: math.MaxInt, SuggestedMethods: []string{}},
		customerrors.PaymentDeclinedDetails{AttemptsLeft: math.MinInt, SuggestedMethods: []string{"<a>", "\xff", ""}},
	)
	for _, d := range cases {
		got, err := customerrors.NewWithDetails(d).MarshalJSON()
		if err != nil {
			t.Fatalf("%#v: %v", d, err)
		}
		if info, want := customInfo(t, got), wantInfo(t, d); info != want {
			t.Errorf("%#v\n got %s\nwant %s", d, info, want)
		}
	}
	// Scalar-only details are encoded as they are written, not at construction.
	for i, f := range hostileFloats {
		d := customerrors.AmountTooLargeDetails{Amount: f, Limit: -f, Raisable: i%2 == 1}
		got, err := customerrors.NewWithDetails(d).MarshalJSON()
		if err != nil {
			t.Fatalf("%#v: %v", d, err)
		}
		if info, want := customInfo(t, got), wantInfo(t, d); info != want {
			t.Errorf("%#v\n got %s\nwant %s", d, info, want)
		}
	}
	// Maps and empty slices: left out when optional and empty, as omitempty does.
	for _, d := range []flaterrors.InvalidInputDetails{
		{Field: "title"},
		{Field: "title", Reasons: []string{}, FieldErrors: map[string]string{}},
		{Field: "t", Reasons: []string{"a"}, MaxLength: -1, FieldErrors: map[string]string{"z": "<1>", "a": "\u2028"}},
	} {
		got, err := flaterrors.NewWithDetails(d).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Details json.RawMessage `json:"details"`
		}
		if err := json.Unmarshal(got, &body); err != nil {
			t.Fatal(err)
		}
		if want := wantInfo(t, d); string(body.Details) != want {
			t.Errorf("%#v\n got %s\nwant %s", d, body.Details, want)
		}
	}
}

// FuzzDetailsEncoding compares the generated encoder with encoding/json on
// arbitrary scalars, both when details are encoded at construction
// (PaymentDeclined holds a slice) and when they are encoded as written.
func FuzzDetailsEncoding(f *testing.F) {
	f.Add("insufficient_funds", 49.99, true, 2, 1e21)
	f.Add("\xff<\u2028>", math.Copysign(0, -1), false, -1, 1e-7)
	f.Fuzz(func(t *testing.T, s string, x float64, flag bool, n int, y float64) {
		declined := customerrors.PaymentDeclinedDetails{DeclineCode: s, Amount: x, RetryPossible: flag, AttemptsLeft: n, SuggestedMethods: []string{s}}
		tooLarge := customerrors.AmountTooLargeDetails{Amount: x, Limit: y, Raisable: flag}
		for _, tc := range []struct {
			err     *customerrors.Error
			details any
		}{
			{customerrors.NewWithDetails(declined), declined},
			{customerrors.NewWithDetails(tooLarge), tooLarge},
		} {
			want, wantErr := json.Marshal(tc.details)
			got, err := tc.err.MarshalJSON()
			if wantErr != nil {
				if err == nil || err.Error() != wantErr.Error() {
					t.Fatalf("%#v: error %v, want %v", tc.details, err, wantErr)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%#v: %v", tc.details, err)
			}
			if info := customInfo(t, got); info != string(want) && !(info == "" && string(want) == "{}") {
				t.Fatalf("%#v\n got %s\nwant %s", tc.details, info, want)
			}
			if !json.Valid(got) {
				t.Fatalf("invalid JSON: %s", got)
			}
		}
	})
}

// Details that encoding/json refuses are left out: MarshalJSON writes the
// rest, and Write sends it with the error's own status and code (and
// reports the breach), never NaN.
func TestUnencodableDetails(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  *customerrors.Error
	}{
		{"NaN, encoded at construction", customerrors.NewPaymentDeclined("x", math.NaN())},
		{"+Inf, encoded as written", customerrors.NewAmountTooLarge(math.Inf(1), 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, err := tc.err.MarshalJSON()
			if err != nil || !json.Valid(body) || strings.Contains(string(body), "NaN") {
				t.Errorf("MarshalJSON = %s, %v", body, err)
			}
			rec := httptest.NewRecorder()
			customerrors.Write(rec, nil, tc.err)
			if rec.Code != tc.err.Status() || rec.Body.String() != string(body) {
				t.Errorf("Write: %d %s, want %d %s", rec.Code, rec.Body, tc.err.Status(), body)
			}
		})
	}
	bad := apierrors.NewValidationError(json.RawMessage(`{"title":`))
	if body, err := bad.MarshalJSON(); err != nil || strings.Contains(string(body), "title") {
		t.Errorf("invalid raw JSON details: MarshalJSON = %s, %v", body, err)
	}
}

// An error is immutable: changing a slice or raw JSON after construction
// does not change what it writes.
func TestDetailsAreSnapshot(t *testing.T) {
	methods := []string{"card"}
	e := customerrors.NewWithDetails(customerrors.PaymentDeclinedDetails{DeclineCode: "x", Amount: 1, SuggestedMethods: methods})
	before, _ := e.MarshalJSON()
	methods[0] = "changed"
	raw := json.RawMessage(`{"title":"Title is required"}`)
	v := apierrors.NewValidationError(raw)
	vBefore, _ := v.MarshalJSON()
	copy(raw, `{"title":"Xxxxx xx xxxxxxxx"}`)
	after, _ := e.MarshalJSON()
	vAfter, _ := v.MarshalJSON()
	if string(before) != string(after) || string(vBefore) != string(vAfter) {
		t.Errorf("the body changed with the caller's data:\n%s\n%s\n%s\n%s", before, after, vBefore, vAfter)
	}
}

// Templates show details as the docs do: strings as they are (invalid UTF-8
// replaced, as the body does), numbers as their JSON text.
func TestTemplatesFromDetails(t *testing.T) {
	tests := []struct {
		err  interface{ Message() string }
		want string
	}{
		{customerrors.NewAmountTooLarge(25000.5, 1e21), "The amount 25000.5 is above the limit of 1e+21"},
		{customerrors.NewAmountTooLarge(1e-7, 0), "The amount 1e-7 is above the limit of 0"},
		{customerrors.NewChargeNotFound("ch_\xff<1>"), "No such charge: ch_\uFFFD<1>"},
		{problemerrors.NewOutOfCredit(-30, 50), "Your current balance is -30, but that costs 50."},
	}
	for _, tt := range tests {
		if got := tt.err.Message(); got != tt.want || !utf8.ValidString(got) {
			t.Errorf("Message() = %q, want %q", got, tt.want)
		}
	}
	rec := httptest.NewRecorder()
	customerrors.Write(rec, nil, customerrors.NewRateLimited(1234567))
	if got := rec.Header().Get("Retry-After"); got != "1234567" {
		t.Errorf("Retry-After = %q", got)
	}
	// A sentinel has no details: the header they fill is left out.
	rec = httptest.NewRecorder()
	customerrors.Write(rec, nil, customerrors.ErrRateLimited)
	if got, ok := rec.Header()["Retry-After"]; ok {
		t.Errorf("Retry-After = %q on the sentinel", got)
	}
}

// TestStringEscapingEveryByte holds the generated string encoder to
// encoding/json for every byte, alone and between others.
func TestStringEscapingEveryByte(t *testing.T) {
	for c := range 256 {
		for _, s := range []string{string(rune(c)), string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "é\u2028"} {
			got, _ := apierrors.ErrNotFound.WithMessage(s).MarshalJSON()
			msg, _ := json.Marshal(s)
			if want := `{"error":` + string(msg) + `,"code":"NOT_FOUND"}`; string(got) != want {
				t.Errorf("message %q\n got %s\nwant %s", s, got, want)
			}
		}
	}
}

// A detail the message names is on the wire in the message only (ScopeStack's
// envelope has no place for details): Parse reads the message, and leaves the
// detail empty.
func TestMessagePlacedDetails(t *testing.T) {
	rec := httptest.NewRecorder()
	scopestackerrors.Write(rec, nil, scopestackerrors.NewBadRequest("created-before"))
	want := `{"errors":[{"status":"400","title":"Bad Request","detail":"Filter not allowed: created-before"}]}`
	if rec.Code != 400 || rec.Body.String() != want {
		t.Errorf("Write: %d %s, want 400 %s", rec.Code, rec.Body, want)
	}
	e, err := scopestackerrors.Parse(rec.Code, rec.Body.Bytes())
	if err != nil || e.Code() != scopestackerrors.CodeBadRequest || e.Message() != "Filter not allowed: created-before" || e.Details() != nil {
		t.Errorf("Parse: %v, %v; message %q, details %#v", e, err, e.Message(), e.Details())
	}
}
