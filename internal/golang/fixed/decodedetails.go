package fixed

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// decodeDetails decodes the details the body carries for def, as json.Unmarshal
// would decode them into its details type, without decoding anything twice: the
// details object, else the members beside the envelope's own and those the
// envelope fills from one detail. members are the details object's, when
// validTop recorded them. A body without any (a details member of null is
// none, and so are a member no detail takes and a detail of null) gives nil
// for an error with required details, which its constructors always send,
// and otherwise the zero details, as its constructor gives them when every
// detail is optional and unset: DetailsAs answers alike on both sides of the wire.
// got, when not nil, marks the details the body carries, by their place in
// the definition's fields, and lacking gets the places of the required
// fields their objects lack (receivednested.go).
func (r *reading) decodeDetails(def *definition, members *objectMembers, got []bool, lacking *[][]string) (any, error) {
	v := reflect.New(reflect.TypeOf(def.zero)).Elem()
	var n int
	var detail string
	var err error
	if members.of(r.details) {
		n, detail, err = decodeMembers(def, v, members, got, lacking)
	} else {
		n, detail, err = decodeObject(def, v, r.details, nil, got, lacking)
	}
	if r.details == nil && err == nil {
		n, detail, err = decodeObject(def, v, r.spread, r.exclude, got, lacking)
	}
	// The details the envelope places by name, which the details object or
	// the spread leaves out.
	for i := 0; r.named && err == nil && i < len(r.env.fields); i++ {
		f := &r.env.fields[i]
		if raw, ok := lookupPath(r.body, f.path); ok && f.ref == "details" && f.arg != "" {
			var taken bool // false for a null, or a detail of another error's
			taken, detail, err = decodeMember(def, v, []byte(f.arg), raw, got, lacking)
			if taken {
				n++
			}
		}
	}
	if err != nil {
		return nil, &ParseError{Kind: ParseBadDetail, Code: def.Code, Detail: detail, Err: err}
	}
	if n == 0 && def.prepared().required {
		return nil, nil
	}
	return v.Addr().Interface(), nil
}

// receivedError is the error of def with details, which a body or a status
// carried, decoded; got marks those it carried, lacking the required fields
// of their objects it lacked. A required detail it lacked
// (absent, or null) beside others is left out, as Write leaves out one it
// cannot send, not read as its zero value: the message and the headers made
// of the details never show a value nobody sent ("Order 0 was not found"),
// and Write, passing the error on, sends it without that detail and reports
// the breach. So is a required field of a detail's objects it lacked.
func receivedError(def *definition, details any, got []bool, lacking [][]string) *Error {
	p := def.prepared()
	// The fields of objects it lacked are left out before newError's checks
	// run, which would report a required enum field's "" as a value outside
	// its enum; the details it lacked after them, as before.
	lackedField := false
	for _, places := range lacking {
		lackedField = lackedField || len(places) > 0
	}
	e := buildError(def, details, !lackedField)
	for _, places := range lacking {
		for _, at := range places {
			e.leaveOut(at, "is required and was not received")
		}
	}
	if lackedField {
		e.encodeDetails(p, true)
	}
	lackedDetail := false
	for i, f := range p.fields {
		if !f.omitEmpty && !got[i] && !e.isMissing(f.name) {
			e.leaveOut(f.name, "is required and was not received")
			lackedDetail = true
		}
	}
	if lackedDetail {
		e.encodeDetails(p, false)
	}
	if (lackedDetail || lackedField) && def.messageTemplate != nil {
		e.message = e.fill(def.messageTemplate)
	}
	return e
}

// unreceivedError is the error of def as a body or a status without its
// details carried it. When def's details are required, Write and RPCStatusOf
// report the breach as details not received: the sentinel's hint (build
// errors with their constructor) misleads a proxy that passes on what an
// upstream sent.
func unreceivedError(def *definition) *Error {
	e := &Error{def: def, message: def.message}
	if def.required {
		e.flawsToSet().breach = []byte("required details were not received")
	}
	return e
}

// decodeObject decodes the members of obj, but those named in exclude, into v,
// the details struct of def. It returns how many details it decoded, and on
// failure the detail at fault. A null obj is none, as an absent one: JSON's
// null for an object is no object, and counted as one it gave an error with
// required details the zero details, which a client read as details the
// server sent. A member no detail takes is not counted either, for the same
// reason: a problem body's extension member ("traceId") made up "Your
// current balance is 0"; nor is a detail of null, JSON's no value
// ({"limit":null} made up "Rate limit of 0 requests"). got, when not nil,
// marks the details decoded and lacking the fields they lack, as decodeMember.
func decodeObject(def *definition, v reflect.Value, obj []byte, exclude []string, got []bool, lacking *[][]string) (n int, detail string, err error) {
	if obj == nil {
		return 0, "", nil
	}
	it, ok := newObjectIter(obj)
	if !ok {
		if obj[skipSpace(obj, 0)] == 'n' {
			return 0, "", nil
		}
		return 0, "", &json.UnmarshalTypeError{Value: jsonKind(obj), Type: v.Type()}
	}
members:
	for key, val, ok := it.next(); ok; key, val, ok = it.next() {
		name := memberName(key)
		for _, x := range exclude {
			if string(name) == x {
				continue members
			}
		}
		taken, detail, err := decodeMember(def, v, name, val, got, lacking)
		if taken {
			n++
		}
		if err != nil {
			return n, detail, err
		}
	}
	return n, "", nil
}

// decodeMembers is decodeObject for an object whose members validTop
// recorded in m.
func decodeMembers(def *definition, v reflect.Value, m *objectMembers, got []bool, lacking *[][]string) (n int, detail string, err error) {
	for k := range m.n {
		taken, detail, err := decodeMember(def, v, memberName(m.key[k]), m.val[k], got, lacking)
		if taken {
			n++
		}
		if err != nil {
			return n, detail, err
		}
	}
	return n, "", nil
}

// memberName returns the text of a member's key, a JSON string.
func memberName(key []byte) []byte {
	if plainString(key) {
		return key[1 : len(key)-1]
	}
	s, _ := stringValue(key)
	return []byte(s)
}

// decodeMember decodes the member name of a details object into v, the details
// struct of def, as encoding/json does: into the field named name, else the
// first named so but for case; a member no field takes is ignored, and
// reported not taken, as is a null one, which encoding/json decodes (into a
// detail a member before it set) but which carries no value of the
// detail's. On failure it returns the detail's name. A detail taken is
// marked in got, when not nil, and the places of the required fields its
// objects lack added to lacking, when not nil.
func decodeMember(def *definition, v reflect.Value, name []byte, raw []byte, got []bool, lacking *[][]string) (taken bool, detail string, err error) {
	fields := def.prepared().fields
	i := 0
	for i < len(fields) && fields[i].name != string(name) {
		i++
	}
	if i == len(fields) {
		for i = 0; i < len(fields) && !strings.EqualFold(fields[i].name, string(name)); i++ {
		}
		if i == len(fields) {
			return false, "", nil
		}
	}
	fv := v.Field(fields[i].index)
	if err := decodeValue(fv, raw); err != nil {
		if te, ok := err.(*json.UnmarshalTypeError); ok && te.Field == "" {
			te.Struct, te.Field = v.Type().Name(), fields[i].name
		}
		return true, fields[i].name, err
	}
	taken = raw[skipSpace(raw, 0)] != 'n'
	if taken && got != nil {
		got[i] = true
		if nested := def.prep.nested; nested != nil && nested[i] != nil && lacking != nil {
			noteLacking(lacking, nested, i, fields[i].name, raw)
		}
	}
	return taken, "", nil
}

// decodeValue decodes a detail's JSON value into its field fv as encoding/json
// does, without it for the scalar kinds; null leaves a scalar as it is.
func decodeValue(fv reflect.Value, raw []byte) error {
	kind := fv.Kind()
	switch {
	case kind != reflect.String && kind != reflect.Int && kind != reflect.Float64 && kind != reflect.Bool:
		return json.Unmarshal(raw, fv.Addr().Interface())
	case raw[0] == 'n':
		return nil
	case kind == reflect.String && raw[0] == '"':
		s, _ := stringValue(raw)
		fv.SetString(s)
		return nil
	case kind == reflect.Bool && (raw[0] == 't' || raw[0] == 'f'):
		fv.SetBool(raw[0] == 't')
		return nil
	case kind == reflect.Int && jsonKind(raw) == "number":
		// OverflowInt: on 386 and arm int has 32 bits, and SetInt would wrap
		// what encoding/json refuses (10737418240 read as -2147483648).
		n, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil || fv.OverflowInt(n) {
			return &json.UnmarshalTypeError{Value: "number " + string(raw), Type: fv.Type()}
		}
		fv.SetInt(n)
		return nil
	case kind == reflect.Float64 && jsonKind(raw) == "number":
		x, err := strconv.ParseFloat(string(raw), 64)
		if err != nil {
			return &json.UnmarshalTypeError{Value: "number " + string(raw), Type: fv.Type()}
		}
		fv.SetFloat(x)
		return nil
	}
	return &json.UnmarshalTypeError{Value: jsonKind(raw), Type: fv.Type()}
}

// jsonKind names the type of a JSON value as encoding/json's errors do.
func jsonKind(raw []byte) string {
	switch raw[skipSpace(raw, 0)] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}
