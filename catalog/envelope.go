package catalog

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Envelope is a wire format: a JSON template whose string leaves may be
// references to the error ($code, $message?, $details …). The same compiled
// envelope drives the Go marshaler and parser, the OpenAPI schema and the
// examples in the docs.
type Envelope struct {
	Name      string // preset name, or "custom" (custom2 … for more than one)
	MediaType string // Content-Type of responses
	Body      *Node  // the template
	Index     int    // position in Catalog.Envelopes
}

// NodeKind is the kind of an envelope template node.
type NodeKind int

// The kinds of envelope template nodes.
const (
	KindObject  NodeKind = iota // a JSON object with ordered members
	KindArray                   // a one-element array wrapping its element (JSON:API)
	KindLiteral                 // any JSON value written as is
	KindRef                     // a reference to a property of the error
)

// Node is one node of an envelope template.
type Node struct {
	Kind    NodeKind // which of the fields below is set
	Members []Member // KindObject, in order
	Elem    *Node    // KindArray
	Literal []byte   // KindLiteral: compact JSON
	Ref     Ref      // KindRef
}

// Member is one member of an object node. A spread member ("...": "$details")
// writes the details' members into the enclosing object (problem extension
// members).
type Member struct {
	Key    string // JSON member name; "..." for a spread
	Value  *Node  // the member's template
	Spread bool   // the value's members are written in place
}

// RefName names what a reference refers to.
type RefName string

// The references an envelope may use.
const (
	RefCode       RefName = "code"        // the error code
	RefMessage    RefName = "message"     // the message; a bare $message falls back to the title
	RefTitle      RefName = "title"       // the title
	RefStatus     RefName = "status"      // the HTTP status as a number
	RefStatusText RefName = "status_text" // the HTTP status as a string, "404"
	RefType       RefName = "type"        // the problem type URI
	RefDetails    RefName = "details"     // the details object, or one detail with Arg
	RefMeta       RefName = "meta"        // one meta attribute, named by Arg
	RefRequestID  RefName = "request_id"  // the request ID set with WithRequestID
	RefInstance   RefName = "instance"    // the instance URI set with WithInstance
	RefDocsURL    RefName = "docs_url"    // the error's docs link
	RefCategory   RefName = "category"    // the error's category
)

var refNames = []string{"code", "message", "title", "status", "status_text", "type", "details", "meta", "request_id", "instance", "docs_url", "category"}

// Ref is a reference in an envelope template.
type Ref struct {
	Name     RefName // what it refers to
	Arg      string  // detail or meta name after the dot, if any
	Optional bool    // trailing "?": omit the member when the value is empty
}

// String returns the reference as written, e.g. "$details.param?".
func (r Ref) String() string {
	s := "$" + string(r.Name)
	if r.Arg != "" {
		s += "." + r.Arg
	}
	if r.Optional {
		s += "?"
	}
	return s
}

// Refs returns every reference in the envelope, depth first, in order.
func (e *Envelope) Refs() []Ref {
	var refs []Ref
	var walk func(n *Node)
	walk = func(n *Node) {
		switch n.Kind {
		case KindObject:
			for _, m := range n.Members {
				walk(m.Value)
			}
		case KindArray:
			walk(n.Elem)
		case KindRef:
			refs = append(refs, n.Ref)
		}
	}
	walk(e.Body)
	return refs
}

// anyRef reports whether f holds for some reference in n, taken in Refs'
// order: Has, NamedDetails and Carries, which every emitter asks of every
// error, walk the envelope without building Refs' list.
func anyRef(n *Node, f func(Ref) bool) bool {
	switch n.Kind {
	case KindObject:
		for _, m := range n.Members {
			if anyRef(m.Value, f) {
				return true
			}
		}
	case KindArray:
		return anyRef(n.Elem, f)
	case KindRef:
		return f(n.Ref)
	}
	return false
}

// Has reports whether the envelope refers to name (with any argument).
func (e *Envelope) Has(name RefName) bool {
	return anyRef(e.Body, func(r Ref) bool { return r.Name == name })
}

// NamedDetails lists the details the envelope places by name ($details.NAME),
// in order of first reference. A whole $details, or a spread, holds the
// other details: none is written twice.
func (e *Envelope) NamedDetails() []string {
	var names []string
	anyRef(e.Body, func(r Ref) bool {
		if r.Name == RefDetails && r.Arg != "" && !contains(names, r.Arg) {
			names = append(names, r.Arg)
		}
		return false
	})
	return names
}

// Carries reports whether the envelope has a place for the named detail: a
// whole $details, a spread, or $details.NAME.
func (e *Envelope) Carries(detail string) bool {
	return anyRef(e.Body, func(r Ref) bool { return r.Name == RefDetails && (r.Arg == "" || r.Arg == detail) })
}

// MessagePlaces reports whether the error's message names the detail and
// its envelope writes the message: the detail's value is then on the wire,
// in the message, even where the envelope has no other place for it. Parse
// cannot take it back out of the text, and leaves such a detail empty.
func (e *Error) MessagePlaces(detail string) bool {
	if e.Message == nil || e.Envelope == nil || !e.Envelope.Has(RefMessage) {
		return false
	}
	for _, p := range e.Message.Parts {
		if p.Detail == detail {
			return true
		}
	}
	return false
}

// HasSpread reports whether the envelope spreads the details into an object.
func (e *Envelope) HasSpread() bool {
	var walk func(n *Node) bool
	walk = func(n *Node) bool {
		switch n.Kind {
		case KindObject:
			for _, m := range n.Members {
				if m.Spread || walk(m.Value) {
					return true
				}
			}
		case KindArray:
			return walk(n.Elem)
		}
		return false
	}
	return walk(e.Body)
}

// SpreadKeys returns the member names of the object holding the spread: a
// detail with one of these names would clash with the envelope.
func (e *Envelope) SpreadKeys() []string {
	var keys []string
	var walk func(n *Node)
	walk = func(n *Node) {
		switch n.Kind {
		case KindObject:
			spread := false
			for _, m := range n.Members {
				spread = spread || m.Spread
			}
			for _, m := range n.Members {
				if spread && !m.Spread {
					keys = append(keys, m.Key)
				}
				walk(m.Value)
			}
		case KindArray:
			walk(n.Elem)
		}
	}
	walk(e.Body)
	return keys
}

// Presets are the bundled envelopes, by name.
var presets = map[string]struct{ mediaType, body string }{
	"problem": {"application/problem+json", `{"type": "$type", "title": "$title", "status": "$status", "detail": "$message?", "instance": "$instance?", "code": "$code", "request_id": "$request_id?", "...": "$details"}`},
	"flat":    {"application/json", `{"error": "$message", "code": "$code", "details": "$details?"}`},
	"jsonapi": {"application/vnd.api+json", `{"errors": [{"status": "$status_text", "code": "$code", "title": "$title", "detail": "$message?", "meta": "$details?"}]}`},
	"nested":  {"application/json", `{"error": {"code": "$code", "message": "$message", "type": "$meta.type?", "param": "$details.param?", "...": "$details", "request_id": "$request_id?"}}`},
	"oauth2":  {"application/json", `{"error": "$code", "error_description": "$message?", "error_uri": "$docs_url?", "...": "$details"}`},
}

// PresetNames lists the preset envelopes, sorted.
func PresetNames() []string {
	names := make([]string, 0, len(presets))
	for n := range presets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// preset compiles a bundled envelope.
func preset(name string) *Envelope {
	p, ok := presets[name]
	if !ok {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(p.body), &doc); err != nil {
		panic(fmt.Sprintf("catalog: preset %s: %v", name, err))
	}
	probs := &problems{file: name}
	body := compileNode(doc.Content[0], probs, true)
	if err := probs.err(); err != nil {
		panic(fmt.Sprintf("catalog: preset %s: %v", name, err))
	}
	return &Envelope{Name: name, MediaType: p.mediaType, Body: body}
}

// compileNode turns a YAML node of an envelope body into a template node,
// reporting malformed references. top is true for the body itself.
func compileNode(n *yaml.Node, probs *problems, top bool) *Node {
	switch n.Kind {
	case yaml.MappingNode:
		obj := &Node{Kind: KindObject}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				probs.add(posOf(k), "envelope member names must be strings")
				continue
			}
			if seen[k.Value] {
				probs.add(posOf(k), "envelope: member %q appears twice: keep one", k.Value)
				continue
			}
			seen[k.Value] = true
			if k.Value == "..." {
				if v.Kind != yaml.ScalarNode || v.Value != "$details" {
					probs.add(posOf(v), `envelope: a spread member ("...") must be "$details"`)
					continue
				}
				obj.Members = append(obj.Members, Member{Key: "...", Value: &Node{Kind: KindRef, Ref: Ref{Name: RefDetails}}, Spread: true})
				continue
			}
			obj.Members = append(obj.Members, Member{Key: k.Value, Value: compileNode(v, probs, false)})
		}
		return obj
	case yaml.SequenceNode:
		if len(n.Content) != 1 {
			probs.add(posOf(n), "envelope: an array must hold exactly one element, which it wraps (as JSON:API does), not %d", len(n.Content))
			return &Node{Kind: KindLiteral, Literal: []byte("[]")}
		}
		return &Node{Kind: KindArray, Elem: compileNode(n.Content[0], probs, false)}
	case yaml.ScalarNode:
		if top {
			probs.add(posOf(n), "envelope body must be a mapping, such as {code: $code, message: $message}")
		}
		if n.ShortTag() == "!!str" && strings.HasPrefix(n.Value, "$") {
			ref, msg, hint := parseRef(n.Value)
			if msg != "" {
				probs.hint(posOf(n), hint, "envelope: %s", msg)
				return &Node{Kind: KindLiteral, Literal: []byte("null")}
			}
			return &Node{Kind: KindRef, Ref: ref}
		}
		var v any
		if err := n.Decode(&v); err != nil {
			probs.add(posOf(n), "envelope: %v", err)
			return &Node{Kind: KindLiteral, Literal: []byte("null")}
		}
		lit, err := json.Marshal(v)
		if err != nil {
			probs.add(posOf(n), "envelope: literal %q is not JSON: %v", n.Value, err)
			return &Node{Kind: KindLiteral, Literal: []byte("null")}
		}
		return &Node{Kind: KindLiteral, Literal: lit}
	}
	probs.add(posOf(n), "envelope: unexpected %s", kindName(n))
	return &Node{Kind: KindLiteral, Literal: []byte("null")}
}

// parseRef parses "$name", "$name.arg" and either with a trailing "?". For
// a malformed reference it returns what is wrong and, for an unknown name,
// a hint: the diagnostic's Msg and Hint.
func parseRef(s string) (Ref, string, string) {
	var r Ref
	body := strings.TrimPrefix(s, "$")
	if strings.HasSuffix(body, "?") {
		r.Optional = true
		body = strings.TrimSuffix(body, "?")
	}
	name, arg, dotted := strings.Cut(body, ".")
	if !contains(refNames, name) {
		hint := suggest("$"+name, prefixAll("$", refNames))
		if hint == "" {
			hint = "; the references are " + strings.Join(prefixAll("$", refNames), ", ") + " (a literal text must not start with $)"
		}
		return r, fmt.Sprintf("unknown reference %q", s), hint
	}
	r.Name, r.Arg = RefName(name), arg
	switch {
	case dotted && r.Name != RefDetails && r.Name != RefMeta:
		return r, fmt.Sprintf("reference %q: only $details and $meta take a .name: write $%s", s, name), ""
	case r.Name == RefMeta && arg == "":
		return r, fmt.Sprintf("reference %q: $meta needs a name, as in $meta.type", s), ""
	case dotted && !namePattern.MatchString(arg):
		return r, fmt.Sprintf("reference %q: %q is not a valid name (letters, digits and _, starting with a letter)", s, arg), ""
	}
	return r, "", ""
}

func prefixAll(prefix string, list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = prefix + s
	}
	return out
}
