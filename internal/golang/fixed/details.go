package fixed

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// newError builds an error with details and renders the message from them, the
// same way errgen rendered the docs. A detail the catalog forbids (a value
// outside its enum, an object that is not one, a number JSON cannot hold) is
// left out, as if it were missing, and the breach recorded: Write sends the
// error with its own status and code, and reports it.
//
// A constructor passes its error's place in the definitions table: an
// index costs the compiler less than &definitions[i] in each of thousands
// of constructors. newError is not inlined: inlined into every
// constructor, it cost 10% more compile time at 10,000 errors (14.3
// against 15.9 s of CPU, measured).
//
// details is the constructor's <Name>Details, passed by value: the call
// boxes it, one allocation the error keeps (see Error.details). A pointer,
// &<Name>Details{…}, cost each constructor an allocation and a write
// barrier of its own: 4% more CPU to compile 1,000 errors, measured.
//
//go:noinline
func newError(i int, details any) *Error {
	loadDefinitions()
	return buildError(&definitions[i], details, true)
}

// NewWithDetails returns the error whose details type is D, with all its
// details, optional ones included, as the struct literal gives them:
//
//	err := NewWithDetails(<Name>Details{<Detail>: …})
//
// One generic function rather than a constructor per error: a catalog of
// thousands of errors compiles faster for it. D must be one of the
// package's <Name>Details types; for any other type it returns the
// fallback error, with a breach that Write reports.
func NewWithDetails[D any](d D) *Error {
	loadDefinitions()
	if def := index().byType[reflect.TypeFor[D]()]; def != nil {
		return buildError(def, d, true)
	}
	e := *fallback
	e.flaws = &flaws{breach: []byte("NewWithDetails: " + reflect.TypeFor[D]().String() + " is the details type of no error")}
	return &e
}

// buildError is newError; check is false for details Parse decoded, which
// keep a value outside its enum (a newer server's) as the response said it.
// details is a <Name>Details, or a pointer to one, the error may keep (or,
// in tests, a value of another type, which encoding/json encodes).
func buildError(def *definition, details any, check bool) *Error {
	p := def.prepared()
	same := p.holds(reflect.TypeOf(details))
	e := &Error{
		def:     def,
		details: details,
		message: def.message,
	}
	if p.eager && same {
		// The caller keeps its maps, slices and raw JSON: the error holds
		// copies, so that nothing done to them afterwards changes it.
		deepCopyFields(e.settableDetails())
	}
	switch {
	case !same:
		raw, err := json.Marshal(details)
		if err != nil {
			e.details = nil
			e.flawsToSet().breach = []byte("details do not encode: " + err.Error())
			break
		}
		e.detailsJSON = raw
	case check && (p.checks || p.floats) || p.eager:
		e.encodeDetails(p, check)
	}
	if def.messageTemplate != nil {
		e.message = e.fill(def.messageTemplate)
	}
	return e
}

// encodeDetails checks the details (when check is set) and encodes them into
// detailsJSON when they hold what the caller could change, or when some are
// left out; a detail encoding/json refuses is left out too.
func (e *Error) encodeDetails(p *prepared, check bool) {
	v := e.detailsStruct()
	if check && len(p.enums) > 0 {
		e.checkFieldEnums(v, p.enums)
	}
	if check {
		for _, f := range p.fields {
			if why := f.problem(v.Field(f.index)); why != "" {
				e.leaveOut(f.name, why)
			}
		}
	}
	if e.flaws != nil && e.flaws.missing != nil {
		// Details() shows what was sent: the details left out are zero.
		v = e.settableDetails()
		for _, f := range p.fields {
			if e.isMissing(f.name) {
				v.Field(f.index).SetZero()
			}
		}
	} else if !p.eager {
		return
	}
	b := append(make([]byte, 0, 128), '{')
	for i, f := range p.fields {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmptyValue(fv) || e.isMissing(f.name) {
			continue
		}
		n := len(b)
		if n > 1 {
			b = append(b, ',')
		}
		b = append(b, f.key...)
		var ok bool
		if e.flaws != nil && p.nested != nil && p.nested[i] != nil {
			b, ok = e.appendWithout(b, fv, f.name)
		} else {
			b, ok = appendValue(b, fv)
		}
		if !ok {
			b = b[:n]
			e.leaveOut(f.name, "does not encode as JSON")
		}
	}
	e.detailsJSON = append(b, '}')
}

// leaveOut records a detail left out of the error, or a field of its
// objects at its place, and why.
func (e *Error) leaveOut(name, why string) {
	f := e.flawsToSet()
	if f.missing == nil {
		f.missing = make(map[string]bool)
	}
	f.missing[name] = true
	f.holdingOf(name)
	if why[0] != ':' {
		why = " " + why
	}
	e.addBreach("detail " + strconv.Quote(name) + why)
}

// holds reports whether t, the type of an error's details, is its
// definition's details type or the pointer to it: the two forms
// Error.details takes. It is true for a nil t of a definition without details.
func (p *prepared) holds(t reflect.Type) bool {
	return t == p.value || t == p.pointer
}

// detailsStruct is the error's <Name>Details, whichever form it holds
// them in, for reading; the details must be of its definition's type.
func (e *Error) detailsStruct() reflect.Value {
	v := reflect.ValueOf(e.details)
	if v.Kind() == reflect.Pointer {
		return v.Elem()
	}
	return v
}

// settableDetails is detailsStruct, settable: the value a constructor
// boxed, which reflect cannot change, is first copied into a
// <Name>Details of the error's own, which it then holds by pointer. Only
// while the error is built, and only for details it must change (copies
// of maps and slices, details left out): not on the path of most errors.
func (e *Error) settableDetails() reflect.Value {
	v := reflect.ValueOf(e.details)
	if v.Kind() == reflect.Pointer {
		return v.Elem()
	}
	c := reflect.New(v.Type())
	c.Elem().Set(v)
	e.details = c.Interface()
	return c.Elem()
}

// isMissing reports whether a detail was left out by leaveOut.
func (e *Error) isMissing(name string) bool {
	return e.flaws != nil && e.flaws.missing[name]
}

// cloneDetails returns a copy of a details struct, v, sharing no map or
// slice (raw JSON included) with it.
func cloneDetails(v reflect.Value) any {
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	deepCopyFields(c)
	return c.Interface()
}

// deepCopyFields replaces the maps and slices of the details struct v with
// copies.
func deepCopyFields(v reflect.Value) {
	for i := range v.NumField() {
		if f := v.Field(i); f.CanSet() {
			f.Set(deepCopy(f))
		}
	}
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
		if k := v.Type().Elem().Kind(); k != reflect.Slice && k != reflect.Map && k != reflect.Struct {
			reflect.Copy(c, v)
			return c
		}
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Struct: // an object of a detail with fields
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i := range c.NumField() {
			if f := c.Field(i); f.CanSet() {
				f.Set(deepCopy(f))
			}
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
	fields   []detailsField  // how to encode the details, from their struct tags
	eager    bool            // the details hold slices, maps or raw JSON: newError copies and encodes them
	floats   bool            // the details hold float64s, which may be NaN: newError checks them
	checks   bool            // the details hold JSON objects or enum values: newError checks them
	required bool            // some details are required: the details object is never empty
	value    reflect.Type    // the details type, which errors of constructors hold
	pointer  reflect.Type    // the pointer to it, which errors of Parse hold
	enums    []enumField     // the enum fields of the details' objects, which newError checks
	nested   [][]nestedField // by field, those of its objects a received body is checked for; nil when none has any
	code     string          // the code as a JSON string
	title    string          // the title as a JSON string
	message  string          // the catalog's message as a JSON string; "" when it has placeholders

	holdsRequestID bool       // bodies of the envelope carry the request id
	contentType    []string   // the Content-Type header's value, shared by every response
	headerValues   [][]string // the catalog's static header values, by header; nil for a template or none
	headerInts     []int      // by header, for a template of one placeholder of an int detail, its index in fields; -1 for any other
	delayHeader    int        // the index of the Retry-After header, whose negative value is sent as 0 (notNegative); -1 for none
	setsVary       bool       // one of the catalog's headers is Vary
	challenge      []string   // the WWW-Authenticate header's value; nil when none
}

// detailsField is how one field of a <Name>Details struct is encoded.
type detailsField struct {
	_         doNotCompare
	index     int          // the field's index in the struct
	kind      reflect.Kind // the field's kind
	name      string       // the detail's name in the catalog
	key       string       // the member's key, quoted, with its colon: "name":
	omitEmpty bool         // optional details are left out when empty
	check     check        // what newError checks of its value
}

// check is what newError checks of a detail beyond what encoding/json does.
type check uint8

const (
	checkNone   check = iota
	checkObject       // object: a json.RawMessage holding a JSON object
	checkArray        // object[]: a []json.RawMessage whose items are JSON objects
	checkEnum         // an enum: a string type whose Valid method knows its values
)

// enumType is what the generated type of an enum detail implements
// (reflect.TypeOf, not the generic reflect.TypeFor: see index).
var enumType = reflect.TypeOf((*interface{ Valid() bool })(nil)).Elem()

// prepared returns what the runtime works out once per definition. A Write
// asks for it about eight times: its fast path, one atomic load, is inlined
// where sync.Once.Do's closure kept it a call. preparedPlain
// (details_test.go) is the plain path; TestPreparedOnce and
// BenchmarkPrepared hold the two to one result and measure the difference.
func (def *definition) prepared() *prepared {
	if !def.ready.Load() {
		def.prepare()
	}
	return &def.prep
}

// prepare works out def.prep, once, before prepared's fast path may take it.
func (def *definition) prepare() {
	def.once.Do(def.makePrepared)
	def.ready.Store(true)
}

// makePrepared works out def.prep.
func (def *definition) makePrepared() {
	p := &def.prep
	p.code = string(appendString(nil, string(def.Code)))
	p.title = string(appendString(nil, def.Title))
	if def.message != "" {
		p.message = string(appendString(nil, def.message))
	}
	if def.zero == nil {
		def.prepareHeaders(p)
		return
	}
	t := reflect.TypeOf(def.zero)
	p.value, p.pointer = t, reflect.PointerTo(t)
	p.enums = resolveFieldEnums(t, def.fieldEnums)
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue // the blank field that makes the type not comparable
		}
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		f := detailsField{
			index:     i,
			kind:      sf.Type.Kind(),
			key:       string(appendString(nil, name)) + ":",
			name:      name,
			omitEmpty: opts == "omitempty" || opts == "omitzero",
		}
		switch {
		case containsString(def.objects, name) && sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.Slice:
			f.check = checkArray
		case containsString(def.objects, name):
			f.check = checkObject
		case sf.Type.Kind() == reflect.String && sf.Type.Implements(enumType):
			f.check = checkEnum
		}
		p.fields = append(p.fields, f)
		p.required = p.required || !f.omitEmpty
		p.checks = p.checks || f.check != checkNone
		switch sf.Type.Kind() {
		case reflect.String, reflect.Int, reflect.Bool:
		case reflect.Float64:
			p.floats = true
		default:
			p.eager = true
		}
	}
	p.nested = nestedOfFields(t, p.fields, def.fieldEnums)
	def.prepareHeaders(p)
}

// problem says what the catalog forbids of a detail's value, though
// encoding/json may let it through: an object detail that is not a JSON
// object (null included), an object[] item that is not one, an enum value
// outside the enum, a float64 JSON cannot hold; "" when it is fine. An
// optional detail left empty is not written, so not checked.
func (f *detailsField) problem(fv reflect.Value) string {
	if f.omitEmpty && isEmptyValue(fv) {
		return ""
	}
	switch f.check {
	case checkObject:
		if !isJSONObject(fv.Bytes()) {
			return "is not a JSON object"
		}
	case checkArray:
		for j := range fv.Len() {
			if !isJSONObject(fv.Index(j).Bytes()) {
				return ": item " + strconv.Itoa(j) + " is not a JSON object"
			}
		}
	case checkEnum:
		if !fv.Interface().(interface{ Valid() bool }).Valid() {
			return ": " + strconv.Quote(fv.String()) + " is not one of its values"
		}
	}
	if fv.Kind() == reflect.Float64 && (math.IsNaN(fv.Float()) || math.IsInf(fv.Float(), 0)) {
		return "is not a finite number"
	}
	return ""
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

// fieldByJSONName is the index of t's field of that JSON name; -1 for none.
func fieldByJSONName(t reflect.Type, name string) int {
	if t.Kind() != reflect.Struct {
		return -1
	}
	for i := range t.NumField() {
		if jsonName(t.Field(i)) == name {
			return i
		}
	}
	return -1
}

// jsonName is a details field's JSON name.
func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i]
		}
	}
	return tag
}
