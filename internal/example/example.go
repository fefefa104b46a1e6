// Package example renders the bodies that the generated Go code writes,
// without running it: the examples of the OpenAPI document and of the docs
// page, and the pre-encoded bodies of the Go package, all come from here, so
// that every output shows exactly the bytes a service sends.
package example

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
)

// Instance is one occurrence of a catalog error as the generated Go code
// would hold it: Body is, step for step, what the generated MarshalJSON does.
type Instance struct {
	Err       *catalog.Error
	Details   []byte // details object as encoding/json writes the generated struct; nil without details
	Message   string // rendered message; "" when the error has none
	RequestID string // as set by WithRequestID
	URI       string // the problem instance, as set by WithInstance

	// members are Details' members in order, when New wrote Details itself
	// (scalars.go); nil otherwise, when they are read from Details.
	members []member
}

// New builds the error with every detail set to its example (see value):
// a detail without one is its Go zero value, but for a required object
// detail, which the generated constructor refuses to send as null ({}), a
// required enum detail, whose zero value is none of its values (its first
// value), and an object detail with fields, made of its fields' examples.
func New(e *catalog.Error) (*Instance, error) {
	if in, ok := newScalars(e); ok {
		return in, nil
	}
	return newPlain(e)
}

// newPlain is New through reflect and encoding/json, for every catalog:
// the plain path of newScalars.
func newPlain(e *catalog.Error) (*Instance, error) {
	in := &Instance{Err: e}
	if len(e.Details) > 0 {
		obj, err := object(e.Details)
		if err != nil {
			return nil, err
		}
		if in.Details, err = json.Marshal(obj.Interface()); err != nil {
			return nil, err
		}
	}
	if e.Message != nil {
		msg, err := Fill(e.Message, in.Details)
		if err != nil {
			return nil, err
		}
		in.Message = msg
	}
	return in, nil
}

// Body returns the response body the generated Go code writes for e
// constructed with its example details.
func Body(e *catalog.Error) ([]byte, error) {
	in, err := New(e)
	if err != nil {
		return nil, err
	}
	return in.Body(), nil
}

// Documented returns the body the docs show for e (the page's and the
// OpenAPI examples): that of NewDocumented.
func Documented(e *catalog.Error, rid catalog.RequestIDOptions) ([]byte, error) {
	in, err := NewDocumented(e, rid)
	if err != nil {
		return nil, err
	}
	return in.Body(), nil
}

// NewDocumented is New, with the request id rid.ExampleID() when the
// catalog has a request-id header, for Write sends an id with every error
// and writes it where the envelope has $request_id: the instance the docs
// show.
func NewDocumented(e *catalog.Error, rid catalog.RequestIDOptions) (*Instance, error) {
	in, err := New(e)
	if err != nil {
		return nil, err
	}
	if rid.Header != "" {
		in.RequestID = rid.ExampleID()
	}
	return in, nil
}

// GoType is the Go type of a detail type, the same in the generated code;
// an enum detail's named string type (see golang.EnumType) has string's.
func GoType(t catalog.DetailType) reflect.Type {
	switch t {
	case catalog.TypeInteger:
		return reflect.TypeFor[int]()
	case catalog.TypeNumber:
		return reflect.TypeFor[float64]()
	case catalog.TypeBoolean:
		return reflect.TypeFor[bool]()
	case catalog.TypeStrings:
		return reflect.TypeFor[[]string]()
	case catalog.TypeStringMap:
		return reflect.TypeFor[map[string]string]()
	case catalog.TypeObject, catalog.TypeAny:
		return reflect.TypeFor[json.RawMessage]()
	case catalog.TypeObjects:
		return reflect.TypeFor[[]json.RawMessage]()
	}
	return reflect.TypeFor[string]()
}

// Fill fills a template's placeholders from a details object: strings
// unquoted, other values as their JSON text. The generated code does the
// same, so messages and headers agree everywhere.
func Fill(t *catalog.Template, details []byte) (string, error) {
	if t.Static() {
		return t.Source, nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(details, &members); err != nil {
		return "", fmt.Errorf("rendering %q: %w", t.Source, err)
	}
	var b []byte
	for _, p := range t.Parts {
		if p.Detail == "" {
			b = append(b, p.Literal...)
			continue
		}
		b = appendPlaceholder(b, members[p.Detail])
	}
	return string(b), nil
}

// HeaderValue renders a header's value as the generated Write sends it: a
// value filled from details has each control character but HTAB, and DEL,
// replaced with a space, and spaces and tabs at either end trimmed (see
// headerValue in internal/golang/fixed). An empty value is not sent.
func HeaderValue(t *catalog.Template, details []byte) (string, error) {
	v, err := Fill(t, details)
	if err != nil || t.Static() {
		return v, err
	}
	b := []byte(v)
	for i, c := range b {
		if c < ' ' && c != '\t' || c == 0x7f {
			b[i] = ' '
		}
	}
	return string(bytes.Trim(b, " \t")), nil
}

func appendPlaceholder(b []byte, raw json.RawMessage) []byte {
	if len(raw) > 1 && raw[0] == '"' && raw[len(raw)-1] == '"' && bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		return append(b, raw[1:len(raw)-1]...) // nothing to unescape
	}
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return append(b, s...)
		}
	}
	return append(b, raw...)
}

// Body renders the instance in its envelope.
func (in *Instance) Body() []byte {
	return in.appendNode(nil, in.Err.Envelope.Body)
}

func (in *Instance) appendNode(b []byte, n *catalog.Node) []byte {
	switch n.Kind {
	case catalog.KindObject:
		b = append(b, '{')
		mark := len(b)
		for _, m := range n.Members {
			if m.Spread {
				if inner := objectInner(in.detailsObject()); len(inner) > 0 {
					if len(b) > mark {
						b = append(b, ',')
					}
					b = append(b, inner...)
				}
				continue
			}
			start := len(b) // where the member starts, to take an empty optional one back out
			if len(b) > mark {
				b = append(b, ',')
			}
			b = append(appendJSONString(b, m.Key), ':')
			if m.Value.Kind != catalog.KindRef {
				b = in.appendNode(b, m.Value)
				continue
			}
			var empty bool
			if b, empty = in.appendRef(b, m.Value.Ref); empty && m.Value.Ref.Optional {
				b = b[:start]
			}
		}
		return append(b, '}')
	case catalog.KindArray:
		b = append(b, '[')
		b = in.appendNode(b, n.Elem)
		return append(b, ']')
	case catalog.KindLiteral:
		return append(b, n.Literal...)
	}
	b, _ = in.appendRef(b, n.Ref)
	return b
}

// appendRef appends a reference's JSON value to b and reports whether it
// counts as empty: a string straight into b, where it was made on its own
// and then copied for every reference of every error's body.
func (in *Instance) appendRef(b []byte, r catalog.Ref) ([]byte, bool) {
	if s, ok := in.refString(r); ok {
		return appendJSONString(b, s), s == ""
	}
	v, empty := in.ref(r)
	return append(b, v...), empty
}

// refString is the value of a reference to a string: ok is false for the
// others, which ref gives.
func (in *Instance) refString(r catalog.Ref) (s string, ok bool) {
	e := in.Err
	switch r.Name {
	case catalog.RefCode:
		return e.Code, true
	case catalog.RefMessage:
		if in.Message == "" && !r.Optional {
			return e.Title, true
		}
		return in.Message, true
	case catalog.RefTitle:
		return e.Title, true
	case catalog.RefStatusText:
		return strconv.Itoa(e.Status), true
	case catalog.RefType:
		return e.TypeURI, true
	case catalog.RefMeta:
		return e.MetaValue(r.Arg), true
	case catalog.RefRequestID:
		return in.RequestID, true
	case catalog.RefInstance:
		return in.URI, true
	case catalog.RefDocsURL:
		return e.DocsLink, true
	case catalog.RefCategory:
		return e.Category, true
	}
	return "", false
}

// ref returns the JSON value of a reference refString does not give, and
// whether it counts as empty.
func (in *Instance) ref(r catalog.Ref) ([]byte, bool) {
	switch r.Name {
	case catalog.RefStatus:
		return []byte(strconv.Itoa(in.Err.Status)), false
	case catalog.RefDetails:
		if r.Arg == "" {
			obj := in.detailsObject()
			return obj, len(objectInner(obj)) == 0
		}
		if v, ok := in.member(r.Arg); ok {
			return v, false
		}
		return []byte("null"), true
	}
	panic("example: unknown reference " + r.String())
}

// detailsObject is the details object that a whole $details or a spread
// holds: every detail but those the envelope places by name.
func (in *Instance) detailsObject() []byte {
	if in.Details == nil {
		return []byte("{}")
	}
	named := in.Err.Envelope.NamedDetails()
	if len(named) == 0 {
		return in.Details
	}
	member := in.member
	if in.members == nil {
		var members map[string]json.RawMessage
		if err := json.Unmarshal(in.Details, &members); err != nil {
			return in.Details
		}
		member = func(name string) ([]byte, bool) {
			raw, ok := members[name]
			return raw, ok
		}
	}
	b := []byte{'{'}
	for _, d := range in.Err.Details {
		raw, ok := member(d.Name)
		if !ok || slices.Contains(named, d.Name) {
			continue
		}
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(appendJSONString(b, d.Name), ':')
		b = append(b, raw...)
	}
	return append(b, '}')
}

// objectInner strips the braces of a compact JSON object.
func objectInner(obj []byte) []byte {
	return bytes.TrimSuffix(bytes.TrimPrefix(obj, []byte("{")), []byte("}"))
}

// JSONString is a JSON string as encoding/json writes it (HTML-safe), which
// the generated appendString reproduces.
func JSONString(s string) []byte {
	return appendJSONString(nil, s)
}

// jsonStringPlain is JSONString through encoding/json: the plain path of
// appendJSONString.
func jsonStringPlain(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}
