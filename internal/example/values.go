package example

import (
	"encoding/json"
	"reflect"

	"github.com/errgen/errgen/catalog"
)

// The details of an example are built with reflect as a struct of the same
// shape as the generated <Name>Details, nested objects included, so that
// encoding/json writes both alike (field order, omitempty and omitzero, HTML
// escaping, float formatting). An example given as JSON (an object's, a
// list's, an any's) keeps its bytes, compacted, as the generated code keeps
// a json.RawMessage's.

// object is the struct of the example values of details, or of an object's
// fields, in catalog order.
func object(ds []*catalog.Detail) (reflect.Value, error) {
	fields := make([]reflect.StructField, len(ds))
	values := make([]reflect.Value, len(ds))
	for i, d := range ds {
		v, err := value(d)
		if err != nil {
			return reflect.Value{}, err
		}
		values[i] = v
		fields[i] = reflect.StructField{Name: d.GoName, Type: v.Type(), Tag: tag(d, v.Type())}
	}
	s := reflect.New(reflect.StructOf(fields)).Elem()
	for i, v := range values {
		s.Field(i).Set(v)
	}
	return s, nil
}

// value is the example value of a detail or field: its example; else, for
// an object with fields that is required or whose fields (nested ones
// included) have examples, the object of its fields' values (a list of one
// for an object[]); else, when it is required, {} for a free-form object and
// the first value of an enum (its Go zero value is none of its values); else
// its Go zero value, which is left out of the body when it is optional.
func value(d *catalog.Detail) (reflect.Value, error) {
	switch {
	case d.Example != nil:
		return exampleValue(d)
	case len(d.Fields) > 0 && (d.Required || hasExamples(d.Fields)):
		obj, err := object(d.Fields)
		if err != nil || d.Type != catalog.TypeObjects {
			return obj, err
		}
		list := reflect.MakeSlice(reflect.SliceOf(obj.Type()), 1, 1)
		list.Index(0).Set(obj)
		return list, nil
	case d.Required && d.Type == catalog.TypeObject:
		return reflect.ValueOf(json.RawMessage("{}")), nil
	case d.Required && len(d.Enum) > 0:
		return reflect.ValueOf(d.Enum[0].Value), nil
	}
	return reflect.Zero(GoType(d.Type)), nil
}

// exampleValue is a detail's own example as the generated code holds it: an
// object's or any's JSON as a json.RawMessage, an object[]'s as a
// []json.RawMessage, a scalar's, list's or map's as its Go type.
func exampleValue(d *catalog.Detail) (reflect.Value, error) {
	raw, ok := d.Example.(catalog.ExampleJSON)
	switch {
	case ok && d.Type == catalog.TypeObjects:
		var items []json.RawMessage
		err := json.Unmarshal(raw, &items)
		return reflect.ValueOf(items), err
	case ok:
		return reflect.ValueOf(json.RawMessage(raw)), nil
	}
	return reflect.ValueOf(d.Example).Convert(GoType(d.Type)), nil
}

// hasExamples reports whether some field, or a field of a nested object,
// has an example.
func hasExamples(fields []*catalog.Detail) bool {
	for _, f := range fields {
		if f.Example != nil || hasExamples(f.Fields) {
			return true
		}
	}
	return false
}

// tag is the struct tag of a detail or field holding values of type t:
// required ones are always written, optional ones left out when empty
// (omitzero for an object's struct, as the generated code's).
func tag(d *catalog.Detail, t reflect.Type) reflect.StructTag {
	name := d.Name
	switch {
	case d.Required:
	case t.Kind() == reflect.Struct:
		name += ",omitzero"
	default:
		name += ",omitempty"
	}
	return reflect.StructTag(`json:"` + name + `"`)
}

// DetailJSON is the example of a detail or field as the example bodies carry
// it, for the docs and the OpenAPI schemas: its own example, or, for an
// object with fields without one, the value made of its fields' examples
// (see value). It is nil when there is neither.
func DetailJSON(d *catalog.Detail) ([]byte, error) {
	switch {
	case d.Example == nil && !hasExamples(d.Fields):
		return nil, nil
	case d.Example == nil:
		v, err := value(d)
		if err != nil {
			return nil, err
		}
		return json.Marshal(v.Interface())
	}
	switch x := d.Example.(type) {
	case catalog.ExampleJSON:
		return x, nil
	case string:
		return appendJSONString(nil, x), nil // as json.Marshal writes it
	}
	return json.Marshal(d.Example)
}
