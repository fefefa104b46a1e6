package fixed

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
)

// appendDetailsObject appends details as json.Marshal writes them, and fails where
// it fails, with its error. Strings and ints, most details, are read with
// the kind prepared found (no Kind, no isEmptyValue, no appendValue per
// field); appendDetailsObjectPlain (detailsjson_test.go) is the plain path,
// FuzzDetailsEncoding holds the two to encoding/json, and
// BenchmarkAppendDetails measures the difference.
func appendDetailsObject(b []byte, def *definition, details any) ([]byte, error) {
	p := def.prepared()
	v := reflect.ValueOf(details)
	if !v.IsValid() || !p.holds(v.Type()) {
		raw, err := json.Marshal(details)
		return append(b, raw...), err
	}
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	b = append(b, '{')
	start := len(b)
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.Field(f.index)
		switch f.kind {
		case reflect.String:
			s := fv.String()
			if s == "" && f.omitEmpty {
				continue
			}
			b = appendKey(b, start, f.key)
			b = appendString(b, s)
		case reflect.Int:
			x := fv.Int()
			if x == 0 && f.omitEmpty {
				continue
			}
			b = appendKey(b, start, f.key)
			b = appendInt(b, x)
		default:
			if f.omitEmpty && isEmptyValue(fv) {
				continue
			}
			b = appendKey(b, start, f.key)
			var ok bool
			if b, ok = appendValue(b, fv); !ok {
				// encoding/json's own error, which names the field.
				_, err := json.Marshal(details)
				return b, err
			}
		}
	}
	return append(b, '}'), nil
}

// appendInt appends x in decimal, as strconv.AppendInt(b, x, 10) does,
// without strconv's calls (a third of appendDetailsObject's time) for the
// values details mostly hold, 0 to 999,999: up to three digits appended
// as they are worked out, more through a buffer. TestAppendInt and
// BenchmarkAppendInt hold it to strconv.
func appendInt(b []byte, x int64) []byte {
	switch {
	case x < 0 || x > 999_999:
		return strconv.AppendInt(b, x, 10)
	case x < 10:
		return append(b, byte('0'+x))
	case x < 100:
		return append(b, byte('0'+x/10), byte('0'+x%10))
	case x < 1000:
		return append(b, byte('0'+x/100), byte('0'+x/10%10), byte('0'+x%10))
	}
	var buf [6]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + x%10)
		x /= 10
		if x == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

// appendKey appends a member's key, after a comma unless it is the first
// of the object that starts at start.
func appendKey(b []byte, start int, key string) []byte {
	if len(b) > start {
		b = append(b, ',')
	}
	return append(b, key...)
}

// appendValue appends a detail's JSON value; ok is false for a value encoding/json refuses.
func appendValue(b []byte, v reflect.Value) ([]byte, bool) {
	switch v.Kind() {
	case reflect.String:
		return appendString(b, v.String()), true
	case reflect.Int:
		return strconv.AppendInt(b, v.Int(), 10), true
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool()), true
	case reflect.Float64:
		x := v.Float()
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return b, false
		}
		return appendFloat(b, x), true
	}
	raw, err := json.Marshal(v.Interface())
	return append(b, raw...), err == nil
}

// isEmptyValue is encoding/json's omitempty test, for the kinds details
// have, and its omitzero test for structs.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String, reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Int:
		return v.Int() == 0
	case reflect.Float64:
		return v.Float() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Struct: // omitzero, on the objects of a detail with fields
		return v.IsZero()
	}
	return false
}

// appendFloat writes a finite float64 as encoding/json does: like ES6, with an
// exponent only for very small or very large values, and no leading zero in it.
func appendFloat(b []byte, x float64) []byte {
	format := byte('f')
	if abs := math.Abs(x); abs != 0 && (abs < 1e-06 || abs >= 1e+21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, x, format, -1, 64)
	if n := len(b); format == 'e' && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		// e-07 becomes e-7.
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b
}

// appendDetails appends the details object, {} when there are none.
func (e *Error) appendDetails(b []byte) []byte {
	if e.detailsJSON != nil {
		return append(b, e.detailsJSON...)
	}
	if e.details == nil {
		return append(b, "{}"...)
	}
	// newError checked that they encode.
	b, _ = appendDetailsObject(b, e.def, e.details)
	return b
}

// appendDetailMembers appends the members of the details object without its braces: a spread.
func (e *Error) appendDetailMembers(b []byte) []byte {
	start := len(b)
	b = e.appendDetails(b)
	copy(b[start:], b[start+1:len(b)-1])
	return b[:len(b)-2]
}

// hasDetails reports whether the details object has members.
func (e *Error) hasDetails() bool {
	if e.detailsJSON != nil {
		return len(e.detailsJSON) > 2
	}
	if e.details == nil {
		return false
	}
	p := e.def.prepared()
	if p.required {
		return true
	}
	v := e.detailsStruct()
	for _, f := range p.fields {
		if !isEmptyValue(v.Field(f.index)) {
			return true
		}
	}
	return false
}

// detailField returns a detail's value, and whether the body carries it: optional
// details are left out when empty.
func (e *Error) detailField(name string) (reflect.Value, bool) {
	if e.details == nil || e.isMissing(name) {
		return reflect.Value{}, false
	}
	v := e.detailsStruct()
	for _, f := range e.def.prepared().fields {
		if f.name == name {
			fv := v.Field(f.index)
			return fv, !(f.omitEmpty && isEmptyValue(fv))
		}
	}
	return reflect.Value{}, false
}

// hasDetail reports whether the body carries the named detail.
func (e *Error) hasDetail(name string) bool {
	if e.detailsJSON != nil {
		return member(e.detailsJSON, name) != nil
	}
	_, ok := e.detailField(name)
	return ok
}

// appendDetail appends the named detail's JSON value, or null when the body leaves it out.
func (e *Error) appendDetail(b []byte, name string) []byte {
	if e.detailsJSON != nil {
		if raw := member(e.detailsJSON, name); raw != nil {
			return append(b, raw...)
		}
		return append(b, "null"...)
	}
	fv, ok := e.detailField(name)
	if !ok {
		return append(b, "null"...)
	}
	b, _ = appendValue(b, fv)
	return b
}
