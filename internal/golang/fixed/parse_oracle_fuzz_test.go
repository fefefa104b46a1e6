package fixed

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// parseOracle is what Parse should read of body, worked out from
// encoding/json's reading of it (a map: the last of duplicate keys wins)
// and the envelopes table as the docs describe the choice: the envelope
// whose fields the body has most of, of the JSON type it writes, among
// those whose code it carries; on a tie the envelope of the error it
// names, then the first.
type parseOracle struct {
	kind      ParseErrorKind // 0 when Parse reads an error
	code      Code
	def       *definition // nil for a code the catalog does not define
	message   string      // the chosen envelope's message member, when a string
	requestID string      // its request id member, when a string of at most 200 bytes
	instance  string
	env       *envelope // the envelope chosen
}

// oracleParse reads body as parseOracle describes. The stand-in's
// envelopes place every field at the top level, or spread the details
// over it, and carries the code: ok is false for another envelope table.
func oracleParse(body []byte) (want parseOracle, ok bool) {
	if !json.Valid(body) {
		return parseOracle{kind: ParseNotJSON}, true
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return parseOracle{kind: ParseNotEnvelope}, true // JSON, not an object
	}
	str := func(name string) (string, bool) {
		raw, found := m[name]
		var s string
		if !found || len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
			return "", false
		}
		return s, true
	}
	bestRank := -1
	for i := range envelopes {
		env := &envelopes[i]
		var o parseOracle
		score, hasCode := 0, false
		for _, f := range env.fields {
			if len(f.path) > 1 || f.arg != "" {
				return parseOracle{}, false
			}
			if f.ref == "spread" {
				continue
			}
			raw, found := m[f.path[0]]
			if !found {
				continue
			}
			s, isString := str(f.path[0])
			switch f.ref {
			case "details":
				if string(raw) != "null" { // a null details member is no details (docs/go.md)
					score++
				}
				continue
			case "status":
				if raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9' {
					score++
				}
				continue
			}
			if !isString {
				continue
			}
			score++
			switch f.ref {
			case "code":
				o.code, hasCode = Code(s), s != ""
			case "message":
				o.message = s
			case "request_id":
				if len(s) <= 200 {
					o.requestID = s
				}
			case "instance":
				o.instance = s
			}
		}
		if !env.hasCode {
			return parseOracle{}, false // identified by title: not the stand-in's
		}
		if !hasCode {
			continue
		}
		if d, known := index().byCode[string(o.code)]; known {
			o.def = d
		}
		o.env = env
		rank := 2 * score
		if o.def != nil && o.def.envelope == env {
			rank++
		}
		if rank > bestRank {
			want, bestRank = o, rank
		}
	}
	if bestRank < 0 {
		return parseOracle{kind: ParseNotEnvelope}, true
	}
	return want, true
}

// FuzzParseOracle holds what Parse reads of a hostile body (duplicate
// keys, members of the wrong type, escapes, bytes that are not UTF-8, a
// request id of any length) to oracleParse, encoding/json's reading: the
// failure's kind, else the code, whether it is known, and the request id
// and instance; for a code the catalog does not define, the message too
// (a known code's is the catalog's text unless the body's differs); for
// a known code, the details (see oracleDetails), which fail to decode,
// with ParseBadDetail, where encoding/json's fail.
func FuzzParseOracle(f *testing.F) {
	for _, e := range sampleErrors() {
		body, _ := e.MarshalJSON()
		f.Add(body)
	}
	f.Add([]byte(`{"error":"x","code":"RATE_LIMITED","code":"NO_SUCH","error":"y"}`))
	f.Add([]byte(`{"type":"t","title":"T","status":402,"detail":"d","code":"NO_SUCH","request_id":"r1","request_id":7}`))
	f.Add([]byte(`{"error":"x","code":"ORDER_NOT_FOUND","request_id":"` + string(bytes.Repeat([]byte("i"), 201)) + `"}`))
	f.Add([]byte(`{"detail":"\ud800 x","code":"N\u00e9","instance":"/o/\u0000","request_id":"a\u2028b"}`))
	f.Add([]byte("{\"error\":\"\xff\",\"code\":\"X\xfe\"}"))
	f.Add([]byte(`{"error":null,"code":"","details":[]}`))
	f.Add([]byte(`[{"code":"X"}]`))
	f.Add([]byte(`{"error":"x","code":"RATE_LIMITED","details":{}}`))
	f.Add([]byte(`{"code":"OUT_OF_CREDIT","balance":2,"cost":3,"details":null}`))
	f.Add([]byte(`{"code":"OUT_OF_CREDIT","traceId":"abc"}`))
	f.Add([]byte(`{"error":"x","code":"RATE_LIMITED","details":{"extra":1}}`))
	f.Add([]byte(`{"error":"x","code":"RATE_LIMITED","details":null}`))
	f.Add([]byte(`{"error":"x","code":"RATE_LIMITED","details":{"limit":1,"limit":"x"}}`))
	f.Add([]byte(`{"error":"x","code":"RATE_LIMITED","details":{"LIMIT":2},"details":{"window":"w","Window":"v"}}`))
	f.Add([]byte(`{"type":"t","title":"T","status":403,"code":"OUT_OF_CREDIT","Balance":1,"balance":2,"code":"OUT_OF_CREDIT"}`))
	f.Add([]byte(`{"error":"x","code":"RATE_LIMITED","details":{"limit":null}}`))
	f.Add([]byte(`{"error":"x","code":"RATE_LIMITED","details":{"limit":5,"LIMIT":null}}`))
	f.Add([]byte(`{"code":"OUT_OF_CREDIT","balance":null,"cost":null,"traceId":"abc"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		want, ok := oracleParse(body)
		if !ok {
			t.Skip("an envelope with nested fields")
		}
		e, err := Parse(418, body)
		var pe *ParseError
		switch {
		case want.kind != 0:
			if !errors.As(err, &pe) || pe.Kind != want.kind {
				t.Fatalf("Parse(%q) = %v, %v; want a ParseError of kind %v", body, e, err, want.kind)
			}
			return
		case errors.As(err, &pe) && pe.Kind == ParseBadDetail && want.def != nil && want.def.zero != nil && pe.Code == want.code:
			if _, decodeErr := oracleDetails(want, body); decodeErr == nil {
				t.Fatalf("Parse(%q): %v; encoding/json reads the details", body, err)
			}
			return
		case err != nil:
			t.Fatalf("Parse(%q): %v; want %s", body, err, want.code)
		}
		if e.Code() != want.code || e.Known() != (want.def != nil) {
			t.Fatalf("Parse(%q) read %q (known %v); want %q (known %v)", body, e.Code(), e.Known(), want.code, want.def != nil)
		}
		if e.RequestID() != want.requestID || e.Instance() != want.instance {
			t.Fatalf("Parse(%q): request id %q, instance %q; want %q, %q", body, e.RequestID(), e.Instance(), want.requestID, want.instance)
		}
		if want.def == nil && e.Message() != want.message {
			t.Fatalf("Parse(%q): message %q; want %q", body, e.Message(), want.message)
		}
		if want.def != nil && want.def.zero != nil {
			d, decodeErr := oracleDetails(want, body)
			if decodeErr != nil {
				t.Fatalf("Parse(%q) read details %#v; encoding/json fails: %v", body, e.Details(), decodeErr)
			}
			if !reflect.DeepEqual(e.Details(), d) {
				t.Fatalf("Parse(%q) read details %#v; want %#v", body, e.Details(), d)
			}
		}
	})
}

// oracleDetails is what encoding/json reads of the details of body, which
// names want.def, in want.env: the details member, else (a spread) the
// members but the envelope's own; nil when there are none and the error
// has required details, else its zero details for none. A null details
// member is none, as an empty object is, and so are a member no detail
// takes (a problem body's extension member) and a detail of null: no
// details the server sent.
func oracleDetails(want parseOracle, body []byte) (any, error) {
	v := reflect.New(reflect.TypeOf(want.def.zero))
	n := 0
	for _, f := range want.env.fields {
		switch {
		case f.ref == "details":
			var m map[string]json.RawMessage
			_ = json.Unmarshal(body, &m)
			raw, found := m[f.path[0]]
			if !found {
				continue
			}
			if err := json.Unmarshal(raw, v.Interface()); err != nil {
				return nil, err
			}
			for _, name := range valuedMembers(raw) {
				if takesMember(v.Elem().Type(), name) {
					n++
					break
				}
			}
		case f.ref == "spread":
			if err := json.Unmarshal(body, v.Interface()); err != nil {
				return nil, err
			}
			for _, name := range valuedMembers(body) {
				if !containsString(f.exclude, name) && takesMember(v.Elem().Type(), name) {
					n++
				}
			}
		}
	}
	if n == 0 && want.def.prepared().required {
		return nil, nil
	}
	return v.Elem().Interface(), nil
}

// valuedMembers returns the names of the members of the JSON object obj
// whose value is not null, duplicates each time: a null one is JSON's no
// value, which encoding/json decodes by leaving a detail as it is, and a
// duplicate before it that is not null still set the detail. Nothing for
// obj not an object.
func valuedMembers(obj []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	var names []string
	for dec.More() {
		key, err := dec.Token()
		var val json.RawMessage
		if err != nil || dec.Decode(&val) != nil {
			return names
		}
		if string(val) != "null" {
			names = append(names, key.(string))
		}
	}
	return names
}

// takesMember reports whether encoding/json decodes a member called name
// into a field of the details struct typ: its JSON name, case ignored.
func takesMember(typ reflect.Type, name string) bool {
	for i := range typ.NumField() {
		tag, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if tag != "" && tag != "-" && strings.EqualFold(tag, name) {
			return true
		}
	}
	return false
}
