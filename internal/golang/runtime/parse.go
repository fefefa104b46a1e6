package runtime

import (
	"encoding/json"
	"errors"
	"sync"
)

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
			if members == nil {
				members = all
				break
			}
			for k, v := range all { // beside details placed by name
				members[k] = v
			}
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
