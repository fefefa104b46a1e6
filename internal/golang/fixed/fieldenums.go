//go:build !errgen_no_field_enums

package fixed

import (
	"reflect"
	"strconv"
	"strings"
)

// The fields of an object detail may be enums: string types with constants,
// as enum details are, but without a Valid method each, which would cost a
// big catalog compile time. newError checks their values from the
// definitions table instead. A value outside its enum (or the empty value
// of a required field) is set to "", which the field's omitempty tag leaves
// out of the body, and the breach is recorded for Write to report; the rest
// of the object, and of the details, is sent.
//
// Only the package of a catalog with such fields holds this file; the others
// hold nofieldenums.go in its place, which does what this does when no
// definition has fieldEnums (see fixed.go in internal/golang).

// enumField is a fieldEnum located in the details struct.
type enumField struct {
	*fieldEnum
	names []string // the path's names
	index []int    // the struct field of each name, from the details struct down
	omit  []bool   // whether the field of each name is left out when empty (omitempty, omitzero)
}

// resolveFieldEnums locates the enum fields in t, the details struct type.
// A path that names no field (the emitter writes both, so none does) is
// left out.
func resolveFieldEnums(t reflect.Type, enums []fieldEnum) []enumField {
	var out []enumField
	for i := range enums {
		f := enumField{fieldEnum: &enums[i], names: strings.Split(enums[i].path, ".")}
		typ := t
		for _, name := range f.names {
			for typ.Kind() == reflect.Slice {
				typ = typ.Elem()
			}
			j := fieldByJSONName(typ, name)
			if j < 0 {
				break
			}
			_, opts, _ := strings.Cut(typ.Field(j).Tag.Get("json"), ",")
			f.index, f.omit = append(f.index, j), append(f.omit, opts != "")
			typ = typ.Field(j).Type
		}
		if len(f.index) == len(f.names) {
			out = append(out, f)
		}
	}
	return out
}

// checkFieldEnums checks the enum fields of v, the error's own details. When
// one holds a value outside its enum, it sets every such value to "" and
// records the breach. Its slices are newError's copies: setting their items
// changes no caller's.
func (e *Error) checkFieldEnums(v reflect.Value, enums []enumField) {
	ok := true
	for i := 0; ok && i < len(enums); i++ {
		ok = enums[i].valid(v, 0)
	}
	if ok {
		return
	}
	for i := range enums {
		enums[i].leaveOut(e, v, 0, "")
	}
}

// allowed reports whether s may be sent: one of the values, or nothing at
// all for an optional field.
func (f *enumField) allowed(s string) bool {
	return s == "" && !f.required || containsString(f.values, s)
}

// valid reports whether every value of the field in v, the value of the
// path's name at depth (the details struct at 0), is allowed: through every
// item of a list, skipping the objects the body leaves out.
func (f *enumField) valid(v reflect.Value, depth int) bool {
	switch {
	case v.Kind() == reflect.Slice:
		for j := range v.Len() {
			if !f.valid(v.Index(j), depth) {
				return false
			}
		}
		return true
	case depth == len(f.index):
		return f.allowed(v.String())
	}
	fv := v.Field(f.index[depth])
	if depth+1 < len(f.index) && f.omit[depth] && isEmptyValue(fv) {
		return true // an object left out of the body
	}
	return f.valid(fv, depth+1)
}

// leaveOut is valid, setting each value not allowed to "" and recording the
// breach with the value's place, at: problems[1].kind.
func (f *enumField) leaveOut(e *Error, v reflect.Value, depth int, at string) {
	switch {
	case v.Kind() == reflect.Slice:
		for j := range v.Len() {
			f.leaveOut(e, v.Index(j), depth, at+"["+strconv.Itoa(j)+"]")
		}
		return
	case depth == len(f.index):
		if s := v.String(); !f.allowed(s) {
			v.SetString("")
			if s == "" && e.isMissing(at) {
				return // reported as not received
			}
			e.addBreach("field " + strconv.Quote(at) + ": " + strconv.Quote(s) + " is not one of its values")
		}
		return
	}
	fv := v.Field(f.index[depth])
	if depth+1 < len(f.index) && f.omit[depth] && isEmptyValue(fv) {
		return
	}
	if depth > 0 {
		at += "."
	}
	f.leaveOut(e, fv, depth+1, at+f.names[depth])
}
