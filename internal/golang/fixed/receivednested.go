package fixed

import (
	"reflect"
	"strconv"
	"strings"
)

// A detail's objects (an object or object[] detail with fields) have
// required fields of their own. encoding/json decodes a field an object
// lacks as its zero value, which Write would pass on as sent
// ({"field":"","limits":{"max":0}}): Parse and RPCError read which arrived
// from the JSON itself, and a required one that did not is left out of what
// Write and RPCStatusOf send, as a required detail is, and reported with its
// place, problems[0].field.

// nestedField is a field of a detail's objects that a received body is
// checked for: a required one, or an object holding one.
type nestedField struct {
	name     string        // its JSON name
	required bool          // absent or null, it is reported
	fields   []nestedField // those of its own objects, for an object or object[] field
}

// nestedFields are those of t's objects, t a detail's or a field's type (a
// struct, or a list of them) and path its JSON names from the detail
// (problems.limits); nil when no field at any depth is required. A required
// enum field's tag is omitempty (its "" is no value), so the definition's
// enums say it is required.
func nestedFields(t reflect.Type, path string, enums []fieldEnum) []nestedField {
	for t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []nestedField
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		f := nestedField{name: name, required: opts == "", fields: nestedFields(sf.Type, path+"."+name, enums)}
		for j := 0; j < len(enums) && !f.required; j++ {
			f.required = enums[j].required && enums[j].path == path+"."+name
		}
		if f.required || f.fields != nil {
			out = append(out, f)
		}
	}
	return out
}

// nestedOfFields is, by details field, the nestedFields of its objects; nil
// when none has any. It lies beside prepared.fields, not in detailsField,
// so that Parse's loops over the fields of the catalogs without objects
// with fields stay as short as they were.
func nestedOfFields(t reflect.Type, fields []detailsField, enums []fieldEnum) [][]nestedField {
	var out [][]nestedField
	for i, f := range fields {
		if nested := nestedFields(t.Field(f.index).Type, f.name, enums); nested != nil {
			if out == nil {
				out = make([][]nestedField, len(fields))
			}
			out[i] = nested
		}
	}
	return out
}

// noteLacking sets (*lacking)[i] to the places of the required fields raw,
// the JSON of detail i, named name, lacks, nested[i] naming those fields; a
// detail decoded again (a repeated member) replaces what its previous value
// lacked, as it replaces its value. The places are kept by detail, so that
// replacing them costs nothing of the other details' (a body repeating one
// member thousands of times beside another lacking thousands of fields),
// and *lacking, one entry per detail as nested, is made only once a detail
// lacks one. (A slice of its own, not a field of a struct beside
// decodeMember's got: escape analysis would move got to the heap with it.)
func noteLacking(lacking *[][]string, nested [][]nestedField, i int, name string, raw []byte) {
	places := lackedFields(raw, nested[i], name, nil)
	if *lacking == nil {
		if places == nil {
			return
		}
		*lacking = make([][]string, len(nested))
	}
	(*lacking)[i] = places
}

// lackedFields appends to out the places of the required fields the
// objects of raw (an object, a list of them, or null) lack, absent or null,
// raw being at the place at. A member is the field encoding/json decodes
// it into: its name, else its name but for case.
func lackedFields(raw []byte, fields []nestedField, at string, out []string) []string {
	i := skipSpace(raw, 0)
	if i >= len(raw) {
		return out
	}
	if raw[i] == '[' {
		i = skipSpace(raw, i+1)
		for j := 0; i < len(raw) && raw[i] != ']'; j++ {
			end := skipValue(raw, i)
			out = lackedFields(raw[i:end], fields, at+"["+strconv.Itoa(j)+"]", out)
			if i = skipSpace(raw, end); i < len(raw) && raw[i] == ',' {
				i = skipSpace(raw, i+1)
			}
		}
		return out
	}
	for _, f := range fields {
		var val []byte
		it, _ := newObjectIter(raw)
		for key, v, ok := it.next(); ok; key, v, ok = it.next() {
			if v[0] != 'n' && strings.EqualFold(string(memberName(key)), f.name) {
				val = v
			}
		}
		switch {
		case val == nil && f.required:
			out = append(out, at+"."+f.name)
		case val != nil && f.fields != nil:
			out = lackedFields(val, f.fields, at+"."+f.name, out)
		}
	}
	return out
}

// holdingOf records the places holding the place at (problems[0].limits,
// problems[0], problems for problems[0].limits.max), each once: where a
// place is already recorded, so are those holding it.
func (f *flaws) holdingOf(at string) {
	for {
		i := strings.LastIndexAny(at, ".[")
		if i <= 0 || f.holding[at[:i]] {
			return
		}
		if f.holding == nil {
			f.holding = make(map[string]bool)
		}
		at = at[:i]
		f.holding[at] = true
	}
}

// lacksWithin reports whether a field the error left out is inside the place at.
func (e *Error) lacksWithin(at string) bool {
	return e.flaws != nil && e.flaws.holding[at]
}

// appendWithout is appendValue for v, at the place at, without the fields
// of its objects the error left out; encoding/json's for the rest.
func (e *Error) appendWithout(b []byte, v reflect.Value, at string) ([]byte, bool) {
	if !e.lacksWithin(at) {
		return appendValue(b, v)
	}
	var ok bool
	if v.Kind() == reflect.Slice {
		b = append(b, '[')
		for j := range v.Len() {
			if j > 0 {
				b = append(b, ',')
			}
			if b, ok = e.appendWithout(b, v.Index(j), at+"["+strconv.Itoa(j)+"]"); !ok {
				return b, false
			}
		}
		return append(b, ']'), true
	}
	b = append(b, '{')
	first := len(b)
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || opts != "" && isEmptyValue(v.Field(i)) || e.isMissing(at+"."+name) {
			continue
		}
		if len(b) > first {
			b = append(b, ',')
		}
		if b, ok = e.appendWithout(append(appendString(b, name), ':'), v.Field(i), at+"."+name); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}
