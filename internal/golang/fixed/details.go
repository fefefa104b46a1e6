package fixed

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// newError builds an error with details, checking that they encode, and renders the
// message from them, the same way errgen rendered the docs.
func newError(def *definition, details any) *Error {
	p := def.prepared()
	if p.eager && reflect.TypeOf(details) == reflect.TypeOf(def.zero) {
		// The caller keeps its maps, slices and raw JSON: the error holds
		// copies, so that nothing done to them afterwards changes it.
		details = cloneDetails(details)
	}
	e := &Error{
		def:     def,
		details: details,
		message: def.message,
	}
	if p.checks {
		if err := checkValues(p, details); err != nil {
			e.err = err
			return e
		}
	}
	switch {
	case p.eager || reflect.TypeOf(details) != reflect.TypeOf(def.zero):
		raw, err := appendDetailsObject(make([]byte, 0, 128), def, details)
		if err != nil {
			e.err = err
			return e
		}
		e.detailsJSON = raw
	case p.floats:
		if _, err := appendDetailsObject(nil, def, details); err != nil {
			e.err = err
			return e
		}
	}
	if def.messageTemplate != nil {
		e.message = e.fill(def.messageTemplate)
	}
	return e
}

// cloneDetails returns a copy of a details struct sharing no map or slice
// (raw JSON included) with the original.
func cloneDetails(details any) any {
	v := reflect.ValueOf(details)
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	for i := range c.NumField() {
		if f := c.Field(i); f.CanSet() {
			f.Set(deepCopy(f))
		}
	}
	return c.Interface()
}

// deepCopy returns a copy of a map or slice, and of the maps and slices it
// holds; nil stays nil, and empty stays empty, as json.Marshal tells them apart.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		if k := v.Type().Elem().Kind(); k != reflect.Slice && k != reflect.Map {
			reflect.Copy(c, v)
			return c
		}
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return c
	}
	return v
}

// prepared is what the runtime works out once per definition, on first use, so
// that the definitions table stays small, and so does the generated package.
type prepared struct {
	fields  []detailsField // how to encode the details, from their struct tags
	eager   bool           // the details hold slices, maps or raw JSON: newError copies and encodes them
	floats  bool           // the details hold float64s, which may be NaN: newError checks them
	checks  bool           // the details hold JSON objects or enum values: newError checks them
	code    string         // the code as a JSON string
	title   string         // the title as a JSON string
	message string         // the catalog's message as a JSON string; "" when it has placeholders
}

// detailsField is how one field of a <Name>Details struct is encoded.
type detailsField struct {
	name      string // the detail's name in the catalog
	key       string // the member's key, quoted, with its colon: "name":
	omitEmpty bool   // optional details are left out when empty
	check     check  // what newError checks of its value
}

// check is what newError checks of a detail beyond what encoding/json does.
type check uint8

const (
	checkNone   check = iota
	checkObject       // object: a json.RawMessage holding a JSON object
	checkArray        // object[]: a []json.RawMessage whose items are JSON objects
	checkEnum         // an enum: a string type whose Valid method knows its values
)

// enumType is what the generated type of an enum detail implements.
var enumType = reflect.TypeFor[interface{ Valid() bool }]()

// prepared returns what the runtime works out once per definition.
func (def *definition) prepared() *prepared {
	def.once.Do(func() {
		p := &def.prep
		p.code = string(appendString(nil, string(def.Code)))
		p.title = string(appendString(nil, def.Title))
		if def.message != "" {
			p.message = string(appendString(nil, def.message))
		}
		if def.zero == nil {
			return
		}
		t := reflect.TypeOf(def.zero)
		p.fields = make([]detailsField, t.NumField())
		for i := range p.fields {
			sf := t.Field(i)
			name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
			p.fields[i] = detailsField{
				key:       string(appendString(nil, name)) + ":",
				name:      name,
				omitEmpty: opts == "omitempty",
			}
			switch {
			case slices.Contains(def.objects, name) && sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.Slice:
				p.fields[i].check = checkArray
			case slices.Contains(def.objects, name):
				p.fields[i].check = checkObject
			case sf.Type.Kind() == reflect.String && sf.Type.Implements(enumType):
				p.fields[i].check = checkEnum
			}
			p.checks = p.checks || p.fields[i].check != checkNone
			switch sf.Type.Kind() {
			case reflect.String, reflect.Int, reflect.Bool:
			case reflect.Float64:
				p.floats = true
			default:
				p.eager = true
			}
		}
	})
	return &def.prep
}

// checkValues checks what encoding/json would let through but the catalog
// forbids: an object detail that is not a JSON object (null included), an
// object[] item that is not one, an enum detail that is not one of its
// values. An optional detail left empty is not written, so not checked.
func checkValues(p *prepared, details any) error {
	v := reflect.ValueOf(details)
	if !v.IsValid() || v.Kind() != reflect.Struct || v.NumField() != len(p.fields) {
		return nil
	}
	for i, f := range p.fields {
		fv := v.Field(i)
		if f.check == checkNone || (f.omitEmpty && isEmptyValue(fv)) {
			continue
		}
		switch f.check {
		case checkObject:
			if !isJSONObject(fv.Bytes()) {
				return errors.New("detail " + strconv.Quote(f.name) + " is not a JSON object")
			}
		case checkArray:
			for j := range fv.Len() {
				if !isJSONObject(fv.Index(j).Bytes()) {
					return errors.New("detail " + strconv.Quote(f.name) + ": item " + strconv.Itoa(j) + " is not a JSON object")
				}
			}
		case checkEnum:
			if !fv.Interface().(interface{ Valid() bool }).Valid() {
				return errors.New("detail " + strconv.Quote(f.name) + ": " + strconv.Quote(fv.String()) + " is not one of its values")
			}
		}
	}
	return nil
}

// isJSONObject reports whether raw JSON starts as an object does; whether it
// is valid JSON is encoding/json's to check, when newError encodes it.
func isJSONObject(raw []byte) bool {
	for _, c := range raw {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		return c == '{'
	}
	return false
}

// appendDetailsObject appends details as json.Marshal writes them, and fails where
// it fails, with its error.
func appendDetailsObject(b []byte, def *definition, details any) ([]byte, error) {
	v := reflect.ValueOf(details)
	if !v.IsValid() || v.Type() != reflect.TypeOf(def.zero) {
		raw, err := json.Marshal(details)
		return append(b, raw...), err
	}
	b = append(b, '{')
	start := len(b)
	for i, f := range def.prepared().fields {
		fv := v.Field(i)
		if f.omitEmpty && isEmptyValue(fv) {
			continue
		}
		if len(b) > start {
			b = append(b, ',')
		}
		b = append(b, f.key...)
		var ok bool
		if b, ok = appendValue(b, fv); !ok {
			// encoding/json's own error, which names the field.
			_, err := json.Marshal(details)
			return b, err
		}
	}
	return append(b, '}'), nil
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

// isEmptyValue is encoding/json's omitempty test, for the kinds details have.
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
	v := reflect.ValueOf(e.details)
	if !v.IsValid() {
		return false
	}
	for i, f := range e.def.prepared().fields {
		if !f.omitEmpty || !isEmptyValue(v.Field(i)) {
			return true
		}
	}
	return false
}

// detailField returns a detail's value, and whether the body carries it: optional
// details are left out when empty.
func (e *Error) detailField(name string) (reflect.Value, bool) {
	v := reflect.ValueOf(e.details)
	if !v.IsValid() {
		return reflect.Value{}, false
	}
	for i, f := range e.def.prepared().fields {
		if f.name == name {
			fv := v.Field(i)
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

// appendMessage appends what a bare $message writes: the message, else the title.
func (e *Error) appendMessage(b []byte) []byte {
	p := e.def.prepared()
	switch {
	case e.message == "":
		return append(b, p.title...)
	case p.message != "" && e.message == e.def.message:
		return append(b, p.message...)
	}
	return appendString(b, e.message)
}

// fill renders a message or header template from the details.
func (e *Error) fill(parts []templatePart) string {
	if len(parts) == 1 && parts[0].detail != "" {
		// A lone placeholder, as in Retry-After: no buffer needed.
		return e.detailText(parts[0].detail)
	}
	var buf [128]byte // most messages fit: one allocation, the string
	b := buf[:0]
	for _, p := range parts {
		if p.detail == "" {
			b = append(b, p.literal...)
			continue
		}
		v, ok := e.detailField(p.detail)
		switch {
		case !ok:
		case v.Kind() == reflect.String:
			b = appendValidUTF8(b, v.String())
		case v.Kind() == reflect.Int:
			b = strconv.AppendInt(b, v.Int(), 10)
		default:
			b, _ = appendValue(b, v)
		}
	}
	return string(b)
}

// detailText is a detail as templates show it: a string as it is (invalid UTF-8
// replaced, as in the body), any other value as its JSON text; "" when absent.
func (e *Error) detailText(name string) string {
	v, ok := e.detailField(name)
	if !ok {
		return ""
	}
	switch v.Kind() {
	case reflect.String:
		return validUTF8(v.String())
	case reflect.Int:
		return strconv.FormatInt(v.Int(), 10)
	}
	b, _ := appendValue(nil, v)
	return string(b)
}

// appendValidUTF8 appends s, each invalid byte replaced with U+FFFD.
func appendValidUTF8(b []byte, s string) []byte {
	if utf8.ValidString(s) {
		return append(b, s...)
	}
	for _, r := range s {
		b = utf8.AppendRune(b, r)
	}
	return b
}

// validUTF8 replaces each invalid byte of s with U+FFFD, as encoding/json does.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for _, r := range s {
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
