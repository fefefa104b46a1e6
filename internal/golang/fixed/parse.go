package fixed

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Parse reads an error response back into an *Error, details typed again;
// status is the response's HTTP status.
//
//   - A body in one of the catalog's envelopes with a code the catalog defines
//     gives that error, with the message, details, request ID and instance the
//     body carries. Status is status, the response's, even where the catalog
//     says another; Definition().Status is the catalog's.
//   - A code the catalog does not define gives an error whose Known is false,
//     with that code, the received message and the given status, and a nil
//     error. An envelope without a code identifies an error by status and
//     title: a pair the catalog does not define gives such an error with an
//     empty code and the received title and message.
//   - Anything else fails with a *ParseError: ParseNotJSON (e.g. a proxy's
//     HTML page), ParseNotEnvelope (JSON in none of the catalog's envelopes) or
//     ParseBadDetail (a catalog error whose detail has the wrong type).
//
// A catalog with several envelopes reads a body in the one it fits best: the
// one whose members it has most of (of the JSON type the envelope writes),
// among those it carries the code of (or, without a code, the title of); on a
// tie, the envelope of the error it names, else the first in catalog order.
func Parse(status int, body []byte) (*Error, error) {
	loadDefinitions()
	var buf [16]jsonMember
	top, ok := validTop(body, buf[:0])
	if !ok {
		var v struct{}
		return nil, &ParseError{Kind: ParseNotJSON, Err: json.Unmarshal(body, &v)}
	}
	var best reading
	for i := range envelopes {
		if r, ok := read(&envelopes[i], body, top, status); ok && (best.env == nil || r.rank() > best.rank()) {
			best = r
		}
	}
	if best.env == nil {
		return nil, &ParseError{Kind: ParseNotEnvelope}
	}
	return best.build()
}

// ParseError is why Parse could not read a body; Kind tells the cases apart.
type ParseError struct {
	Kind   ParseErrorKind
	Code   Code   // ParseBadDetail: the code of the error
	Detail string // ParseBadDetail: the detail of the wrong type; "" when the details are not an object
	Err    error  // the error of encoding/json, when there is one
}

// ParseErrorKind is the kind of a ParseError.
type ParseErrorKind int

// The kinds of ParseError.
const (
	ParseNotJSON     ParseErrorKind = iota + 1 // the body is not JSON, e.g. a proxy's HTML error page
	ParseNotEnvelope                           // the body is JSON, but in none of the catalog's envelopes
	ParseBadDetail                             // a catalog error whose detail has the wrong type
	ParseTooLarge                              // ParseResponse: the body is over its limit
	ParseReadFailed                            // ParseResponse: reading the body failed
)

// Error describes the failure.
func (e *ParseError) Error() string {
	s := "parse error response: "
	switch e.Kind {
	case ParseNotJSON:
		s += "body is not JSON"
	case ParseNotEnvelope:
		s += "body is not in an error envelope of this API"
	case ParseBadDetail:
		s += string(e.Code) + ": "
		if e.Detail == "" {
			s += "details are not an object"
		} else {
			s += "detail " + strconv.Quote(e.Detail) + " has the wrong type"
		}
	case ParseTooLarge:
		s += "body over " + strconv.Itoa(maxResponseBody) + " bytes"
	case ParseReadFailed:
		s += "reading the body failed"
	default:
		s += "kind " + strconv.Itoa(int(e.Kind))
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the error of encoding/json, if any.
func (e *ParseError) Unwrap() error {
	return e.Err
}

// reading is a body read in one envelope: the raw JSON of each field found.
type reading struct {
	env     *envelope
	body    []byte
	status  int
	def     *definition // the error the body names; nil when the catalog does not define it
	score   int         // how many of the envelope's fields the body has, of the JSON type the envelope writes
	code    []byte      // the JSON strings of the fields; nil when absent
	title   []byte
	message []byte
	request []byte
	inst    []byte
	details []byte   // the details object
	spread  []byte   // the object whose members, but exclude, are the details
	exclude []string // the spread object's members that are not details
	named   bool     // the body has a member the envelope fills from one detail
}

// someEnvelopeReads reports whether a top-level member may hold a field of
// some envelope: the others are never looked at, and a body of a million
// members costs no memory for them.
func someEnvelopeReads(m *jsonMember) bool {
	for i := range envelopes {
		for _, f := range envelopes[i].fields {
			if len(f.path) > 0 && m.is(f.path[0]) {
				return true
			}
		}
	}
	return false
}

// jsonMember is a member of a JSON object: its key, as a JSON string, and
// value. plain says the key has no escape, as most have not: it is looked for
// once, where keyIs looked for one at each of the key's compares.
type jsonMember struct {
	key, val []byte
	plain    bool
}

// is reports whether the member's key is name, as keyIs does; BenchmarkMemberIs
// measures what plain buys, and FuzzKeyIs holds the two to the same answer.
func (m *jsonMember) is(name string) bool {
	if m.plain {
		return len(m.key) == len(name)+2 && string(m.key[1:len(m.key)-1]) == name
	}
	return keyIs(m.key, name)
}

// read reads body, whose members are top, in env; ok is false when body lacks
// what identifies an error in env: the code, or without one, the title.
func read(env *envelope, body []byte, top []jsonMember, status int) (r reading, ok bool) {
	r = reading{env: env, body: body, status: status}
	var slots [16][]byte
	vals := slots[:0]
	if len(env.fields) <= len(slots) {
		vals = slots[:len(env.fields)]
	} else {
		vals = make([][]byte, len(env.fields))
	}
	locate(env.fields, body, top, vals)
	for i, f := range env.fields {
		raw := vals[i]
		if len(raw) == 0 {
			continue
		}
		if f.ref == "spread" {
			r.spread, r.exclude = raw, f.exclude
			continue
		}
		if !fits(f.ref, raw) {
			continue
		}
		r.score++
		switch f.ref {
		case "code":
			r.code = raw
		case "title":
			r.title = raw
		case "message":
			r.message = raw
		case "request_id":
			r.request = raw
		case "instance":
			r.inst = raw
		case "details":
			if f.arg == "" {
				r.details = raw
			} else {
				r.named = true
			}
		}
	}
	if env.hasCode && r.code == nil || !env.hasCode && r.title == nil {
		return r, false
	}
	r.def = r.identify()
	return r, true
}

// locate sets vals[i] to the value of fields[i] in body, whose members are
// top, or to nil: what lookupPath finds, without a walk through body for each.
func locate(fields []envelopeField, body []byte, top []jsonMember, vals [][]byte) {
	for i := range fields {
		if len(fields[i].path) == 0 {
			vals[i] = body
		}
	}
	for j := range top {
		m := &top[j]
		for i := range fields {
			// The last member of a name wins, as in lookupPath.
			if p := fields[i].path; len(p) > 0 && m.is(p[0]) {
				vals[i], _ = lookupPath(m.val, p[1:])
			}
		}
	}
}

// rank orders the readings of a body: by score, then whether the envelope is
// the one of the error the body names.
func (r *reading) rank() int {
	if r.def != nil && r.def.envelope == r.env {
		return 2*r.score + 1
	}
	return 2 * r.score
}

// fits reports whether a field's value has the JSON type the envelope writes.
func fits(ref string, raw []byte) bool {
	switch ref {
	case "details":
		return true
	case "status":
		return raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9'
	}
	return raw[0] == '"'
}

// build makes the error the reading identifies.
func (r *reading) build() (*Error, error) {
	def := r.def
	if def == nil {
		return r.unknown(), nil
	}
	var d any
	if def.zero != nil {
		var err error
		if d, err = r.decodeDetails(def); err != nil {
			return nil, err
		}
	}
	var e *Error
	if d != nil {
		e = buildError(def, d, true)
	} else {
		e = &Error{
			def:     def,
			message: def.message,
		}
	}
	if m := r.message; m != nil && !stringIs(m, e.message) && !(e.message == "" && stringIs(m, def.Title)) && !e.translatedText(m) {
		e.message, _ = stringValue(m)
		e.custom = true
	}
	e.requestID, _ = stringValue(r.request)
	e.instance, _ = stringValue(r.inst)
	e.setStatus(r.status)
	return e, nil
}

// identify finds the definition the reading names: by code, whatever the
// envelope the catalog writes it in, or by status and title.
func (r *reading) identify() *definition {
	x := index()
	if r.env.hasCode {
		if c := r.code; plainString(c) {
			return x.byCode[string(c[1:len(c)-1])]
		}
		code, _ := stringValue(r.code)
		return x.byCode[code]
	}
	title, _ := stringValue(r.title)
	return x.byKey[errorKey{env: r.env, status: r.status, title: title}]
}

// unknown makes the error of a code the catalog does not define.
func (r *reading) unknown() *Error {
	code, _ := stringValue(r.code)
	title, _ := stringValue(r.title)
	e := &Error{
		def: &definition{
			Definition: Definition{Code: Code(code), Status: r.status, Title: title},
			envelope:   r.env,
			unknown:    true,
		},
	}
	e.setStatus(r.status)
	e.message, _ = stringValue(r.message)
	e.custom = e.message != ""
	e.requestID, _ = stringValue(r.request)
	e.instance, _ = stringValue(r.inst)
	return e
}

// validTop reports whether body is valid JSON, as validJSON does, and
// appends to top the members of the object it holds that some envelope
// reads: one walk through the body where validJSON and an objectIter took
// two. validTopPlain (parse_test.go) is the two, FuzzValidTop holds the
// walk to them, and BenchmarkValidTop measures what it buys.
func validTop(body []byte, top []jsonMember) ([]jsonMember, bool) {
	i := skipSpace(body, 0)
	if i >= len(body) || body[i] != '{' {
		return top, validJSON(body)
	}
	if i = skipSpace(body, i+1); i < len(body) && body[i] == '}' {
		return top, skipSpace(body, i+1) == len(body)
	}
	for {
		start := i
		if i >= len(body) || body[i] != '"' {
			return top, false
		}
		var ok bool
		if i, ok = validString(body, i); !ok {
			return top, false
		}
		key := body[start:i]
		if i = skipSpace(body, i); i >= len(body) || body[i] != ':' {
			return top, false
		}
		start = skipSpace(body, i+1)
		if i, ok = validValue(body, start, 1); !ok {
			return top, false
		}
		if m := (jsonMember{key, body[start:i], bytes.IndexByte(key, '\\') < 0}); someEnvelopeReads(&m) {
			top = append(top, m)
		}
		switch i = skipSpace(body, i); {
		case i < len(body) && body[i] == ',':
			i = skipSpace(body, i+1)
		case i < len(body) && body[i] == '}':
			return top, skipSpace(body, i+1) == len(body)
		default:
			return top, false
		}
	}
}
