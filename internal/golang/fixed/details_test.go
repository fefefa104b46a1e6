package fixed

// The runtime encodes details itself, without encoding/json, for speed. These
// tests hold it to encoding/json's bytes and errors.

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

var hostileStrings = []string{
	"", "plain", `quote " backslash \ slash /`, "control \x00\x01\x1f\x7f \b\f\n\r\t",
	`<script>&amp;</script>`, "line\u2028para\u2029", "bad utf8 \xff\xfe end \xe2\x82",
	"emoji 🎉 and é", "bidi \u202e reversed", "\ufffd",
}

var hostileFloats = []float64{
	0, math.Copysign(0, -1), 1, -1.5, 49.99, 1e-6, 9.99e-7, 1e-7, 1.5e-300, 5e-324,
	1e20, 1e21, 123456789e15, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
	0.1 + 0.2, 1.0 / 3,
}

// checkDetails asserts that e's details are written as json.Marshal writes d,
// in the object and, for the problem envelope, in the spread; or that both
// fail with the same error.
func checkDetails(t *testing.T, e *Error, d any) {
	t.Helper()
	want, wantErr := json.Marshal(d)
	body, err := e.MarshalJSON()
	if wantErr != nil {
		// What encoding/json refuses is left out, and the breach recorded.
		if err != nil || e.breach() == "" || !json.Valid(body) {
			t.Fatalf("%#v: %s, %v, breach %q; want a body and the breach of %v", d, body, err, e.breach(), wantErr)
		}
		return
	}
	if err != nil {
		t.Fatalf("%#v: %v", d, err)
	}
	if got := e.appendDetails(nil); !bytes.Equal(got, want) {
		t.Fatalf("%#v\n got %s\nwant %s", d, got, want)
	}
	if e.hasDetails() != (string(want) != "{}") {
		t.Fatalf("%#v: hasDetails() = %v for %s", d, e.hasDetails(), want)
	}
	if !json.Valid(body) {
		t.Fatalf("%#v: invalid JSON %s", d, body)
	}
	var members []byte
	switch e.def.envelope {
	case &envelopes[0]:
		members = member(body, "details")
		if members == nil {
			members = []byte("{}")
		}
	case &envelopes[1]:
		// The spread follows the code, the last envelope member.
		_, after, _ := bytes.Cut(body, []byte(`"code":`+e.def.prepared().code))
		members = append([]byte("{"), bytes.TrimPrefix(after, []byte(","))...)
	}
	if !bytes.Equal(members, want) {
		t.Fatalf("%#v: body carries\n%s\nwant %s", d, members, want)
	}
}

func TestDetailsEncodeAsEncodingJSON(t *testing.T) {
	for i, s := range hostileStrings {
		d := InvalidInputDetails{Field: s, Reasons: []string{s, ""}, FieldErrors: map[string]string{s: s, "b": "<"}}
		if i%2 == 0 {
			d.Value = json.RawMessage(` { "s" : "<` + "\u2028" + `>" , "n" : [ 1 , 2e3 ] } `)
		}
		checkDetails(t, NewWithDetails(d), d)
		r := RateLimitedDetails{Limit: i - 5, Window: s, RetryAfter: math.MaxInt - i}
		checkDetails(t, NewRateLimited(r.Limit, r.Window, r.RetryAfter), r)
		o := OutOfCreditDetails{Balance: hostileFloats[i%len(hostileFloats)], Currency: s, Overdraft: i%2 == 1}
		checkDetails(t, NewWithDetails(o), o)
	}
	for i, f := range hostileFloats {
		o := OutOfCreditDetails{Balance: f, Cost: math.MinInt + i, Overdraft: i%2 == 0}
		checkDetails(t, NewWithDetails(o), o)
		checkDetails(t, NewOutOfCredit(-f, 0), OutOfCreditDetails{Balance: -f})
	}
	for _, d := range []InvalidInputDetails{
		{},
		{Field: "title", Reasons: []string{}, FieldErrors: map[string]string{}, Value: json.RawMessage{}},
		{Reasons: []string{"a"}},
		{FieldErrors: map[string]string{"z": "<1>", "a": "\u2028", "\xff": "x"}},
		{Value: json.RawMessage(`null`)},
		{Value: json.RawMessage(`"unterminated`)},
		{Value: json.RawMessage(`{} {}`)},
	} {
		checkDetails(t, NewWithDetails(d), d)
	}
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		o := OutOfCreditDetails{Balance: x}
		checkDetails(t, NewWithDetails(o), o)
	}
}

// TestDetailsOfAnotherType: a details value of the wrong type (which a
// generated constructor never passes) is encoded by encoding/json.
func TestDetailsOfAnotherType(t *testing.T) {
	for _, d := range []any{map[string]int{"b": 1, "a": 2}, struct{ X string }{"<"}, []int{1}} {
		e := newError(1, d)
		if got, want := e.appendDetails(nil), mustMarshal(t, d); !bytes.Equal(got, want) {
			t.Errorf("%#v: got %s, want %s", d, got, want)
		}
	}
	if e := newError(1, func() {}); e.breach() == "" || e.details != nil {
		t.Error("newError accepted a func")
	}
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTemplatesFromDetails(t *testing.T) {
	loadDefinitions()
	tests := []struct {
		err  *Error
		want string
	}{
		{NewRateLimited(-1, "", 0), "Rate limit of -1 requests per  exceeded"},
		{NewRateLimited(1, "a\xffb", 0), "Rate limit of 1 requests per a\ufffdb exceeded"},
		{NewOutOfCredit(1e-7, 2), "Your current balance is 1e-7, but that costs 2."},
		{NewOutOfCredit(1.0/3, 2), "Your current balance is 0.3333333333333333, but that costs 2."},
		{NewOutOfCredit(math.Copysign(0, -1), 0), "Your current balance is -0, but that costs 0."},
	}
	for _, tt := range tests {
		if got := tt.err.Message(); got != tt.want {
			t.Errorf("Message() = %q, want %q", got, tt.want)
		}
	}
	e := NewRateLimited(100, "1m", 42)
	if got := e.fill(definitions[2].headers[0].template); got != "42" {
		t.Errorf("Retry-After = %q", got)
	}
	if got := e.detailText("nope"); got != "" {
		t.Errorf("detailText(nope) = %q", got)
	}
	o := NewWithDetails(OutOfCreditDetails{Balance: 1, Overdraft: true})
	if got := o.detailText("overdraft"); got != "true" {
		t.Errorf("detailText(overdraft) = %q", got)
	}
	if got := o.detailText("currency"); got != "" {
		t.Errorf("detailText(currency), absent = %q", got)
	}
}

// TestSingleDetails covers the accessors envelopes use to write one detail.
func TestSingleDetails(t *testing.T) {
	eager := NewWithDetails(InvalidInputDetails{Field: "f", Reasons: []string{"<"}})
	lazy := NewWithDetails(OutOfCreditDetails{Balance: 1.5, Currency: "€"})
	tests := []struct {
		e    *Error
		name string
		has  bool
		want string
	}{
		{eager, "field", true, `"f"`},
		{eager, "reasons", true, `["\u003c"]`},
		{eager, "fieldErrors", false, `null`},
		{eager, "nope", false, `null`},
		{lazy, "balance", true, `1.5`},
		{lazy, "cost", true, `0`},
		{lazy, "currency", true, `"€"`},
		{lazy, "overdraft", false, `null`},
		{ErrOutOfCredit, "balance", false, `null`},
	}
	for _, tt := range tests {
		if got := tt.e.hasDetail(tt.name); got != tt.has {
			t.Errorf("%s hasDetail(%s) = %v", tt.e.Code(), tt.name, got)
		}
		if got := tt.e.appendDetail(nil, tt.name); string(got) != tt.want {
			t.Errorf("%s appendDetail(%s) = %s, want %s", tt.e.Code(), tt.name, got, tt.want)
		}
	}
}

// FuzzDetailsEncoding compares the runtime's encoder with encoding/json, and
// appendDetailsObject with its plain path, on arbitrary values, both when details are encoded at construction
// (InvalidInputDetails holds a slice, a map and raw JSON) and when they are
// encoded as written (OutOfCreditDetails and RateLimitedDetails hold scalars).
func FuzzDetailsEncoding(f *testing.F) {
	f.Add("insufficient_funds", 49.99, true, 2, []byte(`{"a":[1,2]}`))
	f.Add("\xff<\u2028>", math.Copysign(0, -1), false, -1, []byte(` "x" `))
	f.Add("", 1e21, false, math.MinInt, []byte(`{`))
	f.Add("\ufffd", 1e-7, true, 0, []byte(nil))
	f.Fuzz(func(t *testing.T, s string, x float64, flag bool, n int, raw []byte) {
		invalid := InvalidInputDetails{Field: s, Reasons: []string{s}, FieldErrors: map[string]string{s: s}, Value: raw}
		if flag {
			invalid.Reasons = nil
		}
		credit := OutOfCreditDetails{Balance: x, Cost: n, Currency: s, Overdraft: flag}
		limited := RateLimitedDetails{Limit: n, Window: s, RetryAfter: -n}
		checkDetails(t, NewWithDetails(invalid), invalid)
		checkDetails(t, NewWithDetails(credit), credit)
		checkDetails(t, NewRateLimited(limited.Limit, limited.Window, limited.RetryAfter), limited)
		checkDetailsObject(t, NewWithDetails(invalid).def, &invalid)
		checkDetailsObject(t, NewWithDetails(credit).def, &credit)
		checkDetailsObject(t, ErrRateLimited.def, &limited)
	})
}

// An envelope placing some details by name holds the others in its whole
// $details or spread: each detail is written once.
func TestDetailsExcept(t *testing.T) {
	e := NewWithDetails(InvalidInputDetails{Field: "tags", Reasons: []string{"a"}, FieldErrors: map[string]string{"k": "v"}})
	tests := []struct {
		named []string
		want  string
	}{
		{nil, `{"field":"tags","reasons":["a"],"fieldErrors":{"k":"v"}}`},
		{[]string{"reasons"}, `{"field":"tags","fieldErrors":{"k":"v"}}`},
		{[]string{"field", "fieldErrors"}, `{"reasons":["a"]}`},
		{[]string{"field", "reasons", "fieldErrors", "value"}, `{}`},
	}
	for _, tt := range tests {
		if got := string(e.appendDetailsExcept(nil, tt.named)); got != tt.want {
			t.Errorf("except %v: %s, want %s", tt.named, got, tt.want)
		}
		members := strings.TrimSuffix(strings.TrimPrefix(tt.want, "{"), "}")
		if got := string(e.appendDetailMembersExcept([]byte("x"), tt.named)); got != "x"+members {
			t.Errorf("members except %v: %s, want x%s", tt.named, got, members)
		}
		if got := e.hasDetailsExcept(tt.named); got != (tt.want != "{}") {
			t.Errorf("hasDetailsExcept(%v) = %v", tt.named, got)
		}
	}
	if NewInvalidInput("x").WithMessage("m").hasDetailsExcept([]string{"field"}) {
		t.Error("only the named detail: nothing left")
	}
}

// preparedPlain is prepared's plain path: sync.Once.Do on every call, a
// call its closure kept from being inlined.
func (def *definition) preparedPlain() *prepared {
	def.once.Do(def.makePrepared)
	return &def.prep
}

// TestPreparedOnce: goroutines asking a fresh definition at once all get
// what its plain path makes of another.
func TestPreparedOnce(t *testing.T) {
	loadDefinitions()
	fresh := func() *definition { return headerDefinition(RateLimitedDetails{}, ErrRateLimited.def.headers) }
	def, plain := fresh(), fresh()
	want := plain.preparedPlain()
	got := make([]*prepared, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = def.prepared() })
	}
	wg.Wait()
	for _, p := range got {
		if p != &def.prep || !reflect.DeepEqual(*p, *want) {
			t.Fatalf("prepared %+v, plain path %+v", *p, *want)
		}
	}
}

// BenchmarkPrepared measures prepared's inlined fast path against its plain path.
func BenchmarkPrepared(b *testing.B) {
	loadDefinitions()
	def := ErrRateLimited.def
	var sink *prepared
	benchpair.Run(b, func() {
		for range 1000 {
			sink = def.prepared()
		}
	}, func() {
		for range 1000 {
			sink = def.preparedPlain()
		}
	}, nil)
	_ = sink
}
