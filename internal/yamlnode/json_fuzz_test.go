package yamlnode

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzJSONRoundTrip: whatever the bytes, ReadJSON accepts exactly what
// encoding/json does, and a tree it reads is written back (WriteJSON, and
// WriteJSONLine as a YAML flow collection) and as block YAML (Encode) as a
// text that encoding/json, or yaml.v3, reads as the same value: the JSON
// spec errgen augments, and what it inserts into a YAML one.
func FuzzJSONRoundTrip(f *testing.F) {
	for _, s := range []string{
		`{"b":1,"a":[1.5,-2,3e+21,true,false,null],"c":{"z":"\u003ctag\u003e \"q\" é","y":{}},"d":[]}`,
		`"404"`, `0`, `[{"x":"line\nbreak \u007f \u0085 \ud83d\ude00"}]`, `{"a":1e400}`, `{"a":1,"a":2}`,
		" [ ] ", `{"x": "\/"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		n, err := ReadJSON(data)
		if (err == nil) != json.Valid(data) {
			t.Fatalf("%q: ReadJSON says %v, json.Valid %v", data, err, json.Valid(data))
		}
		if err != nil {
			return
		}
		want, ok := jsonValue(data)
		if !ok {
			return // a number encoding/json cannot hold (1e400), kept as written
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, n, "  ", false); err != nil {
			t.Fatalf("%q: WriteJSON: %v", data, err)
		}
		if got, _ := jsonValue(b.Bytes()); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q written as %q reads %#v, not %#v", data, b.Bytes(), got, want)
		}
		b.Reset()
		if err := WriteJSONLine(&b, n, ": ", ", "); err != nil {
			t.Fatalf("%q: WriteJSONLine: %v", data, err)
		}
		line := b.String()
		if got, _ := jsonValue(b.Bytes()); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q written on a line as %q reads %#v, not %#v", data, line, got, want)
		}
		var asIs any
		if yaml.Unmarshal(data, &asIs) != nil {
			return // YAML refuses duplicate keys
		}
		block, err := Encode(n, 2)
		if err != nil {
			t.Fatalf("%q: Encode: %v", data, err)
		}
		var fromBlock any
		if err := yaml.Unmarshal(block, &fromBlock); err != nil || !sameAsYAML(fromBlock, want) {
			t.Fatalf("%q written as block YAML %q reads %#v (%v), not %#v", data, block, fromBlock, err, want)
		}
		if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
			var asYAML, asJSON any
			if err := yaml.Unmarshal([]byte("v: "+line+"\n"), &struct{ V *any }{&asYAML}); err != nil {
				t.Fatalf("%q written on a line as %q is no YAML: %v", data, line, err)
			}
			_ = json.Unmarshal(b.Bytes(), &asJSON)
			if !sameAsYAML(asYAML, asJSON) {
				t.Fatalf("%q written on a line as %q reads in YAML %#v, not %#v", data, line, asYAML, asJSON)
			}
		}
	})
}

// jsonValue is data as encoding/json reads it, the last of duplicate keys
// kept; ok is false for a number out of float64's range.
func jsonValue(data []byte) (v any, ok bool) {
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, false
	}
	return v, true
}

// sameAsYAML reports whether y, a value yaml.v3 read, is j, the value
// encoding/json read from the same text: numbers compared as numbers (YAML
// reads 1 as an int, JSON as a float64), maps by their keys as strings.
func sameAsYAML(y, j any) bool {
	switch j := j.(type) {
	case map[string]any:
		m, ok := y.(map[string]any)
		if !ok || len(m) != len(j) {
			return false
		}
		for k, v := range j {
			if !sameAsYAML(m[k], v) {
				return false
			}
		}
		return true
	case []any:
		s, ok := y.([]any)
		if !ok || len(s) != len(j) {
			return false
		}
		for i := range j {
			if !sameAsYAML(s[i], j[i]) {
				return false
			}
		}
		return true
	case float64:
		switch y := y.(type) {
		case int:
			return float64(y) == j
		case uint64:
			return float64(y) == j
		case float64:
			return y == j
		}
		return false
	case string:
		s, ok := y.(string)
		return ok && s == j
	}
	return reflect.DeepEqual(y, j)
}

// An integer beyond 64 bits, which a catalog's number example may be, is
// written as block YAML that yaml.v3 decodes, as the float JSON reads it.
// Before, it was spelled !!int 100000000000000000000, which yaml.v3 cannot
// decode: an augmented YAML spec holding such an example broke.
func TestBigIntegerAsYAML(t *testing.T) {
	for _, in := range []string{"100000000000000000000", "-9223372036854775809", "18446744073709551615", "9223372036854775807"} {
		n, err := FromJSON([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		out, err := Encode(n, 2)
		if err != nil {
			t.Fatal(err)
		}
		var got, want any
		if err := yaml.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s written as %q does not decode: %v", in, out, err)
		}
		_ = json.Unmarshal([]byte(in), &want)
		if !sameAsYAML(got, want) {
			t.Errorf("%s written as %q reads %#v, not %#v", in, out, got, want)
		}
	}
}
