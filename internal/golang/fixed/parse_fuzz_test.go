package fixed

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"reflect"
	"testing"
)

// FuzzDecodeDetails holds Parse's decoding of details to encoding/json's: the
// same details from the same object, or an error from both.
func FuzzDecodeDetails(f *testing.F) {
	loadDefinitions()
	f.Add(uint8(0), []byte(`{"field":"a","reasons":["x"],"fieldErrors":{"a":"b"},"value":{"k":[1]}}`))
	f.Add(uint8(0), []byte(`{"fieldErrors":{"a":"b"},"FieldErrors":{"c":"d"},"reasons":null,"value":null}`))
	f.Add(uint8(1), []byte(`{"limit":1,"LIMIT":2,"window":"\u00e9\ud800","retryAfter":-0}`))
	f.Add(uint8(1), []byte(`{"limit":1e2,"window":1}`))
	// Past a 32-bit int (on 386 and arm, where int is): encoding/json refuses them.
	f.Add(uint8(1), []byte(`{"limit":2147483648}`))
	f.Add(uint8(1), []byte(`{"retryAfter":-2147483649}`))
	f.Add(uint8(2), []byte(`{"balance":1e400,"cost":9223372036854775808,"currency":null,"overdraft":true}`))
	f.Add(uint8(2), []byte(` null `))
	f.Add(uint8(2), []byte(`[]`))
	f.Fuzz(func(t *testing.T, which uint8, raw []byte) {
		if !json.Valid(raw) {
			return
		}
		def := []*definition{&definitions[1], &definitions[2], &definitions[4]}[int(which)%3]
		want := reflect.New(reflect.TypeOf(def.zero))
		wantErr := json.Unmarshal(raw, want.Interface())
		got := reflect.New(reflect.TypeOf(def.zero)).Elem()
		_, _, err := decodeObject(def, got, raw, nil, nil, nil)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("decodeObject: %v; encoding/json: %v", err, wantErr)
		}
		if err == nil && !reflect.DeepEqual(got.Interface(), want.Elem().Interface()) {
			t.Fatalf("decodeObject: %#v\nencoding/json: %#v", got.Interface(), want.Elem().Interface())
		}
	})
}

// FuzzParse feeds hostile bodies to Parse: a *ParseError or an error, never a
// panic; the status is the one given; what Parse accepts with a catalog code,
// MarshalJSON writes back in a form Parse reads as the same code, and an
// unknown code is written as the fallback.
func FuzzParse(f *testing.F) {
	for _, e := range sampleErrors() {
		body, _ := e.MarshalJSON()
		f.Add(e.Status(), body)
	}
	f.Add(400, []byte(`{"error":"x","code":"INVALID_INPUT","details":{"field":1}}`))
	f.Add(500, []byte(`{"code":"INTERNAL","details":null,"error":{}}`))
	f.Add(403, []byte(`{"code":"OUT_OF_CREDIT","balance":1e400}`))
	f.Add(403, []byte(`{"code":"OUT_OF_CREDIT","balance":"lots","cost":true}`))
	f.Add(429, []byte(`{"code":"RATE_LIMITED","details":{"limit":1.5,"retryAfter":"soon"}}`))
	f.Add(400, []byte(`{"code":"INVALID_INPUT","details":{"value":{"\u0061":"\ud800"}}}`))
	f.Add(404, []byte(`{"error":"Gone","code":"NO_SUCH_CODE","details":{"id":1}}`))
	f.Add(409, []byte(`{"type":"about:blank","title":"Conflict","status":409,"code":"STALE"}`))
	f.Add(0, []byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`))
	f.Add(429, []byte("\xff\xfe"))
	f.Add(502, []byte(`<html><body>Bad Gateway</body></html>`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e, err := Parse(status, body)
		if err != nil {
			var pe *ParseError
			if e != nil || !errors.As(err, &pe) || pe.Kind < ParseNotJSON || pe.Kind > ParseBadDetail {
				t.Fatalf("Parse = %v, %#v", e, err)
			}
			return
		}
		if e.Status() != status {
			t.Fatalf("Status() = %d, Parse was given %d", e.Status(), status)
		}
		if _, ok := Lookup(e.Code()); ok != e.Known() {
			t.Fatalf("Known() = %v, Lookup(%q) = %v", e.Known(), e.Code(), ok)
		}
		out, err := e.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON of a parsed error: %v", err)
		}
		want := e.Code()
		if !e.Known() {
			want = fallback.Code()
		}
		again, err := Parse(e.Status(), out)
		if err != nil {
			t.Fatalf("Parse(MarshalJSON()) failed: %v\nbody %s", err, out)
		}
		if again.Code() != want {
			t.Fatalf("round trip changed the code: %s → %s", want, again.Code())
		}
		rec := httptest.NewRecorder()
		Write(rec, nil, e)
		wantStatus := again.Definition().Status // a body lacking required details too
		if rec.Code != wantStatus || !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("Write: %d %s", rec.Code, rec.Body)
		}
	})
}

// validTopPlain is validTop's plain path: validJSON, then an objectIter, and
// keyIs for each key and name; it records no members.
func validTopPlain(body []byte, names *envelopeNames, top [][]byte) bool {
	if !validJSON(body) {
		return false
	}
	it, _ := newObjectIter(body)
	for key, val, ok := it.next(); ok; key, val, ok = it.next() {
		for k, name := range names.names {
			if keyIs(key, name) {
				top[k] = val
				break
			}
		}
	}
	return true
}

// FuzzValidTop holds validTop to its plain path, and the details' members it
// records to an objectIter's.
func FuzzValidTop(f *testing.F) {
	for _, e := range sampleErrors() {
		body, _ := e.MarshalJSON()
		f.Add(body)
	}
	for _, s := range []string{`{}`, ` { } `, `[]`, `{"code":1,}`, `{"code" 1}`, `{"error":"x","code":"A"} x`, `{"details":{"a":[1,{"b":null}]},"code":"B"}`, `"str"`, `{"a":1`,
		`{"c\u006fde":"A","code":"B","\u0063ode":"C"}`, "{\"co\x01de\":1}", `{"code`, `{"code\`, `{"t\u0069tle":{"x":1},"detail":"d"}`,
		`{"details":{"a":1},"details":2}`, `{"details":{"a":1},"d\u0065tails":{ "b" : 2 , "c":{"d":3}}}`, `{"details":{}}`, `{"details":{"a":1,}}`,
		`{"details":{"1":1,"2":2,"3":3,"4":4,"5":5,"6":6,"7":7,"8":8}}`, `{"details":{"1":1,"2":2,"3":3,"4":4,"5":5,"6":6,"7":7,"8":8,"9":9}}`} {
		f.Add([]byte(s))
	}
	names := topNames()
	f.Fuzz(func(t *testing.T, body []byte) {
		got, want := make([][]byte, len(names.names)), make([][]byte, len(names.names))
		var details objectMembers
		ok := validTop(body, names, got, &details)
		wantOK := validTopPlain(body, names, want)
		if ok != wantOK || ok && !reflect.DeepEqual(got, want) {
			t.Fatalf("validTop(%q) = %q, %v; plain %q, %v", body, got, ok, want, wantOK)
		}
		if !ok || names.details < 0 {
			return
		}
		obj := got[names.details]
		var keys, vals [][]byte
		if it, isObject := newObjectIter(obj); isObject {
			for key, val, ok := it.next(); ok; key, val, ok = it.next() {
				keys, vals = append(keys, key), append(vals, val)
			}
		}
		recorded := details.of(obj)
		if fits := len(obj) > 0 && obj[0] == '{' && len(keys) <= len(details.key); recorded != fits {
			t.Fatalf("validTop(%q): details recorded %v, want %v", body, recorded, fits)
		}
		if recorded && (details.n != len(keys) || len(keys) > 0 && (!reflect.DeepEqual(details.key[:details.n], keys) || !reflect.DeepEqual(details.val[:details.n], vals))) {
			t.Fatalf("validTop(%q): details %q %q, an objectIter's %q %q", body, details.key[:details.n], details.val[:details.n], keys, vals)
		}
	})
}
