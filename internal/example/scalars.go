package example

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
)

// New's shortcut: the details of an error whose details are all strings,
// integers, numbers or booleans (with or without an enum) are written
// straight into their JSON, member by member, as encoding/json writes the
// struct that object builds with reflect (field order, omitempty, HTML
// escaping), and the message is filled from those members without reading
// the JSON back. newPlain, beside it, is the plain path; TestNewIsPlain
// holds the two to the same instance for every shipped catalog, the
// synthetic, hostile and scale ones, and FuzzScalarDetails for any scalar
// examples; BenchmarkNew measures what it buys.

// member is one member of an example's details object.
type member struct {
	name string
	raw  []byte // its JSON value
}

// member returns the JSON value of the details' member name.
func (in *Instance) member(name string) ([]byte, bool) {
	if in.members == nil {
		var members map[string]json.RawMessage
		_ = json.Unmarshal(in.Details, &members)
		raw, ok := members[name]
		return raw, ok
	}
	for _, m := range in.members {
		if m.name == name {
			return m.raw, true
		}
	}
	return nil, false
}

// newScalars is New for an error whose details are all scalars; ok is
// false, and newPlain must build the instance, for any other.
func newScalars(e *catalog.Error) (*Instance, bool) {
	in := &Instance{Err: e}
	if len(e.Details) == 0 && e.Message != nil && !e.Message.Static() {
		return nil, false // Fill's error, which newPlain reports
	}
	if len(e.Details) > 0 {
		b := append(make([]byte, 0, 32*len(e.Details)), '{')
		type span struct {
			name       string
			start, end int
		}
		spans := make([]span, 0, len(e.Details))
		for _, d := range e.Details {
			if len(d.Fields) > 0 || len(d.Enum) > 0 && d.Type != catalog.TypeString || !plainName(d.Name) {
				return nil, false
			}
			key := len(b)
			if len(b) > 1 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = append(b, d.Name...)
			b = append(b, '"', ':')
			start := len(b)
			var empty, ok bool
			if b, empty, ok = appendScalar(b, d); !ok {
				return nil, false
			}
			if empty && !d.Required {
				b = b[:key] // omitempty
				continue
			}
			spans = append(spans, span{d.Name, start, len(b)})
		}
		b = append(b, '}')
		in.Details, in.members = b, make([]member, len(spans))
		for i, s := range spans {
			in.members[i] = member{name: s.name, raw: b[s.start:s.end:s.end]}
		}
	}
	if e.Message != nil {
		in.Message = in.fill(e.Message)
	}
	return in, true
}

// plainName reports whether a detail's name is written by encoding/json as
// it is, with nothing to escape: ASCII letters, digits and underscores.
func plainName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// appendScalar appends the JSON of d's example value (see value) when d is
// a string, integer, number or boolean, and reports whether it is its Go
// zero value, which omitempty leaves out; ok is false for any other detail.
func appendScalar(b []byte, d *catalog.Detail) (_ []byte, empty, ok bool) {
	var v any
	switch {
	case d.Example != nil:
		v = d.Example
	case d.Required && len(d.Enum) > 0 && d.Type == catalog.TypeString:
		v = d.Enum[0].Value
	}
	switch d.Type {
	case catalog.TypeString:
		s := ""
		if v != nil {
			x, isString := v.(string)
			if !isString {
				return b, false, false
			}
			s = x
		}
		return appendJSONString(b, s), s == "", true
	case catalog.TypeInteger:
		var n int64
		switch x := v.(type) {
		case nil:
		case int64:
			n = x
		default:
			return b, false, false
		}
		return strconv.AppendInt(b, n, 10), n == 0, true
	case catalog.TypeNumber:
		var f float64
		switch x := v.(type) {
		case nil:
		case float64:
			f = x
		case int64:
			f = float64(x)
		default:
			return b, false, false
		}
		raw, err := json.Marshal(f)
		if err != nil {
			return b, false, false
		}
		return append(b, raw...), f == 0, true
	case catalog.TypeBoolean:
		var t bool
		switch x := v.(type) {
		case nil:
		case bool:
			t = x
		default:
			return b, false, false
		}
		return strconv.AppendBool(b, t), !t, true
	}
	return b, false, false
}

// fill is Fill from the instance's members.
func (in *Instance) fill(t *catalog.Template) string {
	if t.Static() {
		return t.Source
	}
	var b []byte
	for _, p := range t.Parts {
		if p.Detail == "" {
			b = append(b, p.Literal...)
			continue
		}
		raw, _ := in.member(p.Detail)
		b = appendPlaceholder(b, raw)
	}
	return string(b)
}

// appendJSONString appends s as a JSON string as encoding/json writes it
// (HTML-safe): a string of printable ASCII with nothing to escape is
// written as it is, any other through encoding/json (jsonStringPlain, the
// plain path; FuzzJSONString holds them together).
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return append(b, jsonStringPlain(s)...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
