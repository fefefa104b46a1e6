package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Definition describes one catalog error: its registry entry.
type Definition struct {
	Code      Code   // the error code
	Status    int    // the HTTP status
	Title     string // short title
	Retryable bool   // whether a client may retry the request as is
	DocsURL   string // link to the error's documentation; empty when none
	Category  string // the catalog's category; empty when none
}

// definition is a Definition plus what the runtime needs to write and parse it.
type definition struct {
	Definition
	envelope        *envelope      // the wire format
	typeURI         string         // problem type URI
	message         string         // default message when it has no placeholders
	messageTemplate []templatePart // default message with placeholders; nil when static
	headers         []header       // response headers, in catalog order
	challenge       string         // WWW-Authenticate value; empty when none
	body            string         // pre-encoded body of the error without details; empty when it has details
	zero            any            // the zero <Name>Details, whose type Parse decodes into; nil without details
	once            sync.Once
	prep            prepared // what the runtime works out on first use; see prepared
}

// templatePart is a literal or a {detail} placeholder of a message or header.
type templatePart struct {
	literal string
	detail  string // detail name; empty for a literal
}

// header is a catalog response header: a static value or a template filled from details.
type header struct {
	name     string
	value    string         // static value
	template []templatePart // nil when static
}

// envelope is a wire format: how to write a body and where Parse finds each field.
type envelope struct {
	mediaType  string
	appendBody func([]byte, *Error) []byte
	hasCode    bool // bodies carry the code; otherwise status and title identify the error
	fields     []envelopeField
}

// envelopeField locates one reference in a body; a path step "" is an array's first element.
type envelopeField struct {
	ref     string // what the field holds: code, message, details, spread …
	arg     string // detail or meta name
	path    []string
	exclude []string // spread: the members that are not details
}

// Error is a catalog error. It is immutable: the With methods return copies, so
// sentinels and shared errors are safe to use from many goroutines.
type Error struct {
	def         *definition
	message     string // rendered or overridden message; empty when none
	custom      bool   // message was overridden, so the pre-encoded body does not apply
	details     any    // the <Name>Details value; nil without details
	detailsJSON []byte // details encoded at construction, when they hold what the caller could still change; nil when they are encoded as written
	cause       error  // the underlying error; never written to clients
	requestID   string
	instance    string
	err         error // why the details could not be marshaled
}

// decodeDetails decodes a details object into a value of the type of zero.
func decodeDetails(zero any, raw []byte) (any, error) {
	p := reflect.New(reflect.TypeOf(zero))
	if err := json.Unmarshal(raw, p.Interface()); err != nil {
		return nil, err
	}
	return p.Elem().Interface(), nil
}

// newError builds an error with details, checking that they encode, and renders the
// message from them, the same way errgen rendered the docs.
func newError(def *definition, details any) *Error {
	e := &Error{
		def:     def,
		details: details,
		message: def.message,
	}
	p := def.prepared()
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

// prepared is what the runtime works out once per definition, on first use, so
// that the definitions table stays small, and so does the generated package.
type prepared struct {
	fields  []detailsField // how to encode the details, from their struct tags
	eager   bool           // the details hold slices, maps or raw JSON: newError encodes them
	floats  bool           // the details hold float64s, which may be NaN: newError checks them
	code    string         // the code as a JSON string
	title   string         // the title as a JSON string
	message string         // the catalog's message as a JSON string; "" when it has placeholders
}

// detailsField is how one field of a <Name>Details struct is encoded.
type detailsField struct {
	name      string // the detail's name in the catalog
	key       string // the member's key, quoted, with its colon: "name":
	omitEmpty bool   // optional details are left out when empty
}

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
	var b []byte
	for _, p := range parts {
		if p.detail == "" {
			b = append(b, p.literal...)
		} else {
			b = append(b, e.detailText(p.detail)...)
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

// Error returns the code, the message and the cause, for logs; clients never see it.
func (e *Error) Error() string {
	s := string(e.def.Code) + ": " + e.messageOrTitle()
	if e.cause != nil {
		s += ": " + e.cause.Error()
	}
	return s
}

// Code returns the error code.
func (e *Error) Code() Code {
	return e.def.Code
}

// Status returns the HTTP status.
func (e *Error) Status() int {
	return e.def.Status
}

// Title returns the short title.
func (e *Error) Title() string {
	return e.def.Title
}

// Message returns the message, or "" when the error has none.
func (e *Error) Message() string {
	return e.message
}

// Details returns the <Name>Details value, or nil when the error has no details.
func (e *Error) Details() any {
	return e.details
}

// RequestID returns the request ID set with WithRequestID.
func (e *Error) RequestID() string {
	return e.requestID
}

// Instance returns the instance URI set with WithInstance.
func (e *Error) Instance() string {
	return e.instance
}

// Definition returns the registry entry of the error's code.
func (e *Error) Definition() Definition {
	return e.def.Definition
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *Error) Unwrap() error {
	return e.cause
}

// Is reports whether target is an error of the same code, such as its sentinel.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t != nil && t.def == e.def
}

// WithCause returns a copy of e wrapping cause, which is logged but never written to clients.
func (e *Error) WithCause(cause error) *Error {
	c := *e
	c.cause = cause
	return &c
}

// WithMessage returns a copy of e with another message.
func (e *Error) WithMessage(message string) *Error {
	c := *e
	c.message = message
	c.custom = true
	return &c
}

// WithRequestID returns a copy of e carrying the request ID.
func (e *Error) WithRequestID(id string) *Error {
	c := *e
	c.requestID = id
	return &c
}

// WithInstance returns a copy of e carrying the URI of this occurrence.
func (e *Error) WithInstance(uri string) *Error {
	c := *e
	c.instance = uri
	return &c
}

// MarshalJSON writes the error in its envelope, exactly as Write sends it.
func (e *Error) MarshalJSON() ([]byte, error) {
	if e.err != nil {
		return nil, e.err
	}
	return e.appendJSON(nil), nil
}

// static reports whether the pre-encoded body is the error's body.
func (e *Error) static() bool {
	return e.def.body != "" && e.details == nil && !e.custom && e.requestID == "" && e.instance == ""
}

// appendJSON appends the body to b.
func (e *Error) appendJSON(b []byte) []byte {
	if e.static() {
		return append(b, e.def.body...)
	}
	return e.def.envelope.appendBody(b, e)
}

// messageOrTitle is what a bare $message writes.
func (e *Error) messageOrTitle() string {
	if e.message != "" {
		return e.message
	}
	return e.def.Title
}

// Write writes err as an error response: status, Content-Type, the catalog's
// headers and the envelope. An error that is not a catalog error (nor wraps one)
// is written as the fallback error: its text never reaches the client. The body
// comes from a buffer reused once Write returns, so w must not keep the slice it
// is given, as io.Writer requires; a recorder that copies it is fine.
func Write(w http.ResponseWriter, r *http.Request, err error) {
	e, ok := err.(*Error)
	if !ok {
		var wrapped *Error
		if errors.As(err, &wrapped) {
			e = wrapped
		}
	}
	if e == nil || e.def == nil || e.err != nil {
		e = fallback
	}
	h := w.Header()
	n := 1 + len(e.def.headers)
	if e.def.challenge != "" {
		n++
	}
	values := make([]string, 0, n)
	set := func(name, value string) {
		values = append(values, value)
		n := len(values)
		h[name] = values[n-1 : n : n]
	}
	set("Content-Type", e.def.envelope.mediaType)
	for _, hd := range e.def.headers {
		v := hd.value
		if hd.template != nil && e.details != nil {
			v = e.fill(hd.template)
		}
		if v != "" {
			set(hd.name, v)
		}
	}
	if e.def.challenge != "" {
		set("Www-Authenticate", e.def.challenge)
	}
	w.WriteHeader(e.def.Status)
	if r != nil && r.Method == http.MethodHead {
		return
	}
	if e.static() {
		_, _ = io.WriteString(w, e.def.body)
		return
	}
	buf := bodyBuffers.Get().(*[]byte)
	b := e.appendJSON((*buf)[:0])
	_, _ = w.Write(b)
	if cap(b) <= 65536 {
		*buf = b
		bodyBuffers.Put(buf)
	}
}

// bodyBuffers recycles Write's buffers: a 429 storm writes thousands of bodies a second.
var bodyBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 512)
	return &b
}}

// Parse reads an error response back into its catalog error, details included.
// It matches by code, or by status and title for envelopes without a code.
func Parse(status int, body []byte) (*Error, error) {
	if !json.Valid(body) {
		return nil, errors.New("parse error response: body is not valid JSON")
	}
	for i := range envelopes {
		if e, ok := envelopes[i].parse(status, body); ok {
			return e, nil
		}
	}
	return nil, errors.New("parse error response: no catalog error matches the status and body")
}

// parse reads body in this envelope; ok is false when it does not identify one of
// the envelope's errors.
func (env *envelope) parse(status int, body []byte) (*Error, bool) {
	var (
		code, title, message, requestID, instance string
		hasMessage                                bool
		details                                   json.RawMessage
		members                                   map[string]json.RawMessage
	)
	for _, f := range env.fields {
		raw, ok := lookupPath(body, f.path)
		if !ok {
			continue
		}
		switch f.ref {
		case "code":
			code, _ = stringValue(raw)
		case "title":
			title, _ = stringValue(raw)
		case "message":
			message, hasMessage = stringValue(raw)
		case "request_id":
			requestID, _ = stringValue(raw)
		case "instance":
			instance, _ = stringValue(raw)
		case "details":
			if f.arg == "" {
				details = raw
				break
			}
			if members == nil {
				members = map[string]json.RawMessage{}
			}
			members[f.arg] = raw
		case "spread":
			var all map[string]json.RawMessage
			if json.Unmarshal(raw, &all) != nil {
				break
			}
			for _, k := range f.exclude {
				delete(all, k)
			}
			members = all
		}
	}
	def := env.identify(status, code, title)
	if def == nil {
		return nil, false
	}
	if details == nil && len(members) > 0 {
		details, _ = json.Marshal(members)
	}
	e := &Error{
		def:     def,
		message: def.message,
	}
	if def.zero != nil && details != nil {
		d, err := decodeDetails(def.zero, details)
		if err != nil {
			return nil, false
		}
		e = newError(def, d)
	}
	if hasMessage && message != e.message && !(e.message == "" && message == def.Title) {
		e.message = message
		e.custom = true
	}
	e.requestID = requestID
	e.instance = instance
	return e, true
}

// identify finds the definition a body names: by code, or by status and title.
func (env *envelope) identify(status int, code, title string) *definition {
	k := errorKey{
		code: code,
		env:  env,
	}
	if !env.hasCode {
		k = errorKey{
			env:    env,
			status: status,
			title:  title,
		}
	}
	return index().byKey[k]
}

// errorKey is what identifies an error in a body of its envelope.
type errorKey struct {
	env    *envelope
	code   string // when the envelope carries the code
	status int    // otherwise, the status and the title
	title  string
}

// errorIndex finds definitions without a walk through the table: a catalog may
// have thousands of errors.
type errorIndex struct {
	byKey  map[errorKey]*definition
	byCode map[string]*definition
}

// index returns the errorIndex, built on first use; the first definition of a key
// wins, as a walk in catalog order would find it.
var index = sync.OnceValue(func() *errorIndex {
	x := &errorIndex{
		byCode: make(map[string]*definition, len(definitions)),
		byKey:  make(map[errorKey]*definition, len(definitions)),
	}
	for i := range definitions {
		d := &definitions[i]
		k := errorKey{
			code: string(d.Code),
			env:  d.envelope,
		}
		if !d.envelope.hasCode {
			k = errorKey{
				env:    d.envelope,
				status: d.Status,
				title:  d.Title,
			}
		}
		if _, dup := x.byKey[k]; !dup {
			x.byKey[k] = d
		}
		if _, dup := x.byCode[string(d.Code)]; !dup {
			x.byCode[string(d.Code)] = d
		}
	}
	return x
})

// lookupPath returns the JSON value at path; a step "" is an array's first element.
func lookupPath(body []byte, path []string) ([]byte, bool) {
	cur := body
	for _, step := range path {
		if cur == nil {
			break
		}
		if step == "" {
			cur = firstElement(cur)
		} else {
			cur = member(cur, step)
		}
	}
	return cur, cur != nil
}

// Lookup returns the definition of a code.
func Lookup(code string) (Definition, bool) {
	if d := index().byCode[code]; d != nil {
		return d.Definition, true
	}
	return Definition{}, false
}

// Definitions returns every definition, in catalog order.
func Definitions() []Definition {
	out := make([]Definition, len(definitions))
	for i := range definitions {
		out[i] = definitions[i].Definition
	}
	return out
}

// jsonSafe marks, by ASCII byte, what a JSON string holds as it is: encoding/json
// escapes control characters, quote and backslash, and <, > and & (HTML-safe).
const jsonSafe = "00000000000000000000000000000000110111011111111111111111111101011111111111111111111111111111011111111111111111111111111111111111"

// appendString appends s as a JSON string exactly as encoding/json writes it
// (HTML-safe, U+2028 and U+2029 escaped, invalid UTF-8 replaced), without its cost.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && jsonSafe[s[i]] == '1' {
		i++
	}
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] == '1' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, "\\ufffd"...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&15])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// skipSpace returns the index of the first non-space byte at or after i.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the index just after the JSON value starting at i.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		for i++; i < len(b); i++ {
			switch b[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return i
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipValue(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return i
	}
	for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r' {
		i++
	}
	return i
}

// member returns the value of the named member of a JSON object, the last one
// when it repeats (as encoding/json decides), or nil.
func member(b []byte, name string) []byte {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil
	}
	var found []byte
	i = skipSpace(b, i+1)
	for i < len(b) && b[i] == '"' {
		end := skipValue(b, i)
		key := b[i:end]
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return nil
		}
		i = skipSpace(b, i+1)
		end = skipValue(b, i)
		if keyIs(key, name) {
			found = b[i:end]
		}
		i = skipSpace(b, end)
		if i < len(b) && b[i] == ',' {
			i = skipSpace(b, i+1)
		}
	}
	return found
}

// keyIs reports whether a JSON string is name; plain keys are compared in place.
func keyIs(key []byte, name string) bool {
	if len(key) == len(name)+2 && string(key[1:len(key)-1]) == name {
		return true
	}
	if bytes.IndexByte(key, '\\') < 0 {
		return false
	}
	k, ok := stringValue(key)
	return ok && k == name
}

// firstElement returns the first element of a JSON array, or nil.
func firstElement(b []byte) []byte {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil
	}
	i = skipSpace(b, i+1)
	if i >= len(b) || b[i] == ']' {
		return nil
	}
	return b[i:skipValue(b, i)]
}

// stringValue decodes a JSON string; plain ones are sliced, not decoded.
func stringValue(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	plain := true
	for _, c := range raw[1 : len(raw)-1] {
		if c == '\\' || c == '"' || c < ' ' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return string(raw[1 : len(raw)-1]), true
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err == nil
}
