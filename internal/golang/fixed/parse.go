package fixed

import (
	"bytes"
	"encoding/json"
	"sync"
)

// Parse reads an error response back into an *Error, details typed again;
// status is the response's HTTP status.
//
//   - A body in one of the catalog's envelopes with a code the catalog defines
//     gives that error, with the message, details, request ID (one over 200
//     bytes is not kept) and instance the body carries. Status is status, the response's, even where the catalog
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
	names := topNames()
	var buf [16][]byte
	var top [][]byte
	if len(names.names) <= len(buf) {
		top = buf[:len(names.names)]
	} else {
		top = make([][]byte, len(names.names))
	}
	var details objectMembers
	if !validTop(body, names, top, &details) {
		var v struct{}
		return nil, &ParseError{Kind: ParseNotJSON, Status: status, Err: json.Unmarshal(body, &v), empty: len(bytes.TrimLeft(body, " \t\r\n")) == 0}
	}
	// Each envelope's reading goes into the one of two the best so far is
	// not in: none is copied.
	var readings [2]reading
	best, r := &readings[0], &readings[1]
	for i := range envelopes {
		if read(r, &envelopes[i], names.fields[i], body, top, status) && (best.env == nil || r.rank() > best.rank()) {
			best, r = r, best
		}
	}
	if best.env == nil {
		return nil, &ParseError{Kind: ParseNotEnvelope, Status: status}
	}
	e, err := best.build(&details)
	if pe, ok := err.(*ParseError); ok {
		pe.Status = status
	}
	return e, err
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

// envelopeNames are the names of the top-level members the envelopes read,
// each once, and for each field of each envelope the index of the first name
// of its path among them, -1 for the body itself: validTop files a body's
// members by name as it walks it, and read finds a field's member by index,
// where each member's key was compared to each field's name twice. A body of
// a million members costs no memory for those no envelope reads.
type envelopeNames struct {
	names   []string
	fields  [len(envelopes)][]int
	details int // the name whose value an envelope reads as the details object, whose members validTop records; -1 for none
}

// topNames returns the envelopeNames, worked out on first use.
func topNames() *envelopeNames {
	topNamesOnce.Do(findTopNames)
	return foundTopNames
}

var (
	topNamesOnce  sync.Once
	foundTopNames *envelopeNames // topNames', once found
)

// findTopNames works out topNames' envelopeNames.
func findTopNames() {
	n := &envelopeNames{details: -1}
	for e := range envelopes {
		for _, f := range envelopes[e].fields {
			k := -1
			if len(f.path) > 0 {
				k = indexOfString(n.names, f.path[0])
				if k < 0 {
					k = len(n.names)
					n.names = append(n.names, f.path[0])
				}
			}
			if n.details < 0 && len(f.path) == 1 && f.ref == "details" && f.arg == "" {
				n.details = k
			}
			n.fields[e] = append(n.fields[e], k)
		}
	}
	foundTopNames = n
}

// read reads body into r in env, whose fields' names are the indexes into the
// envelopeNames whose members top holds; ok is false when body lacks what
// identifies an error in env: the code, or without one, the title (an
// empty one identifies none).
func read(r *reading, env *envelope, names []int, body []byte, top [][]byte, status int) (ok bool) {
	*r = reading{env: env, body: body, status: status}
	for i := range env.fields {
		f := &env.fields[i]
		raw := body
		if k := names[i]; k >= 0 {
			if raw = top[k]; len(f.path) > 1 {
				raw, _ = lookupPath(raw, f.path[1:])
			}
		}
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
	// An empty code or title names no error: read as an unknown one, it
	// would have nothing to tell it by, and an empty Error().
	if env.hasCode && len(r.code) <= len(`""`) || !env.hasCode && len(r.title) <= len(`""`) {
		return false
	}
	r.def = r.identify()
	return true
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
		// A null details member is no details, as a missing one: scored,
		// it read a problem body that carried one as the flat envelope,
		// losing the details spread over it and its message.
		return raw[0] != 'n'
	case "status":
		return raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9'
	}
	return raw[0] == '"'
}

// build makes the error the reading identifies; details are the members of
// the details object, when validTop recorded them.
func (r *reading) build(details *objectMembers) (*Error, error) {
	def := r.def
	if def == nil {
		return r.unknown(), nil
	}
	var d any
	var got []bool
	var lacking [][]string
	if def.zero != nil {
		got = make([]bool, len(def.prepared().fields))
		var err error
		if d, err = r.decodeDetails(def, details, got, &lacking); err != nil {
			return nil, err
		}
	}
	var e *Error
	if d != nil {
		e = receivedError(def, d, got, lacking)
	} else {
		e = unreceivedError(def)
	}
	if m := r.message; m != nil && !stringIs(m, e.message) && !(e.message == "" && stringIs(m, def.Title)) && !e.translatedText(m) {
		e.message, _ = stringValue(m)
		e.custom = true
	}
	e.receiveRequestID(stringValue(r.request))
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
	e.receiveRequestID(stringValue(r.request))
	e.instance, _ = stringValue(r.inst)
	return e
}

// sameUnknown reports whether a and b, errors Parse did not know, are read
// as the same error: by code, and without one (every error of an envelope
// without a code has the code ""), by what identifies it there.
func sameUnknown(a, b *definition) bool {
	if a.Code != b.Code {
		return false
	}
	return a.Code != "" || a.envelope == b.envelope && a.Status == b.Status && a.Title == b.Title
}

// validTop reports whether body is valid JSON, as validJSON does, and sets
// top[k] to the value of the last member of the object body holds whose key
// is names.names[k], and details to the members of the last details object:
// one walk through the body where validJSON and an objectIter took two, and
// a third through the details. validTopPlain (parse_fuzz_test.go) is the two,
// FuzzValidTop holds the walk to them, and BenchmarkValidTop measures what it
// buys.
func validTop(body []byte, names *envelopeNames, top [][]byte, details *objectMembers) bool {
	i := skipSpace(body, 0)
	if i >= len(body) || body[i] != '{' {
		return validJSON(body)
	}
	if i = skipSpace(body, i+1); i < len(body) && body[i] == '}' {
		return skipSpace(body, i+1) == len(body)
	}
	for {
		start := i
		if i >= len(body) || body[i] != '"' {
			return false
		}
		// Most keys are plain: the first byte that stops the scan closes them.
		escaped := false
		if i = stringStop(body, i+1); i < len(body) && body[i] == '"' {
			i++
		} else {
			var ok bool
			if i, ok = validString(body, start); !ok {
				return false
			}
			escaped = true
		}
		k := keyIndex(body[start:i], escaped, names.names)
		if i = skipSpace(body, i); i >= len(body) || body[i] != ':' {
			return false
		}
		start = skipSpace(body, i+1)
		var ok bool
		if k >= 0 && k == names.details && start < len(body) && body[start] == '{' {
			i, ok = validNested(body, start, 1, details)
		} else {
			i, ok = validValue(body, start, 1)
		}
		if !ok {
			return false
		}
		if k >= 0 {
			top[k] = body[start:i]
		}
		switch i = skipSpace(body, i); {
		case i < len(body) && body[i] == ',':
			i = skipSpace(body, i+1)
		case i < len(body) && body[i] == '}':
			return skipSpace(body, i+1) == len(body)
		default:
			return false
		}
	}
}

// keyIndex returns the index in names of a valid JSON string key, as keyIs
// compares them, or -1; escaped says the key may hold an escape. A plain
// key's text is compared as it is (FuzzKeyIs holds the two to one answer).
func keyIndex(key []byte, escaped bool, names []string) int {
	if escaped {
		for k, name := range names {
			if keyIs(key, name) {
				return k
			}
		}
		return -1
	}
	text := key[1 : len(key)-1]
	for k, name := range names {
		if len(text) == len(name) && string(text) == name {
			return k
		}
	}
	return -1
}
