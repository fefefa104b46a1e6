package fixed

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
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
