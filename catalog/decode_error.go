package catalog

import (
	"net/textproto"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// error reads one error, or returns nil when it is not a mapping.
func (cr *catalogReader) error(n *yaml.Node) *Error {
	e := &Error{Pos: posOf(n)}
	var messageNode *yaml.Node
	var hasCode, hasStatus bool // the keys every error needs
	what := errorLabel(n)
	var buf [fieldsOnStack]field
	fields := cr.fieldsIn(buf[:0], n, what, errorKeys, movedErrorKeys)
	e.recordKeys(fields)
	for _, f := range fields {
		hasCode, hasStatus = hasCode || f.key == "code", hasStatus || f.key == "status"
		if f.key == "message" {
			messageNode = f.value // read once the error's other keys are
			continue
		}
		cr.errorField(e, f, what)
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for _, k := range [...]struct {
		key string
		has bool
	}{{"code", hasCode}, {"status", hasStatus}} {
		if !k.has {
			cr.probs.add(posOf(n), "%s: missing required key %q: add it", what, k.key)
		}
	}
	if messageNode != nil {
		e.Message = cr.template(messageNode, "message")
	}
	// An error without a format of its own gets the catalog's, already in
	// use, in normalize.
	if e.Envelope != nil && !e.Retired { // a retired error's envelope is never written
		cr.use(e.Envelope)
	}
	return e
}

// errorField reads one key of an error but its message; what is the
// error's label (errorLabel).
func (cr *catalogReader) errorField(e *Error, f field, what string) {
	switch f.key {
	case "code":
		cr.code(e, f.value)
	case "status":
		cr.status(e, f.value)
	case "title":
		e.Title = cr.str(f.value, "title")
	case "description":
		e.Description = cr.str(f.value, "description")
	case "category":
		e.Category = cr.str(f.value, "category")
	case "causes":
		e.Causes = cr.strList(f.value, "causes")
	case "remediation":
		e.Remediation = cr.strList(f.value, "remediation")
	case "troubleshooting":
		e.Troubleshooting = cr.troubleshooting(f.value)
	case "details":
		if what != "error" { // a label without the code names nothing more
			cr.probs.within = what
			defer func() { cr.probs.within = "" }()
		}
		for _, item := range cr.list(f.value, "details") {
			if d := cr.detail(item); d != nil {
				e.Details = append(e.Details, d)
			}
		}
	case "headers":
		e.Headers = cr.headers(f.value)
	case "retryable":
		e.Retryable = cr.boolean(f.value, "retryable")
	case "format":
		e.Envelope = cr.format(f.value, "format")
	case "meta":
		e.Meta = cr.meta(f.value)
	case "challenge":
		e.Challenge = cr.str(f.value, "challenge")
	case "fallback":
		e.Fallback = cr.boolean(f.value, "fallback")
	case "grpc":
		cr.grpcCode(e, f.value)
	case "help":
		e.Help = cr.help(f.value)
	default:
		cr.lifecycleField(e, f)
	}
}

// code reads an error's code, where problems about the error point.
func (cr *catalogReader) code(e *Error, n *yaml.Node) {
	e.Code = cr.str(n, "code")
	e.Pos = posOf(n)
	if e.Code == "" && n.ShortTag() == "!!str" {
		cr.probs.add(e.Pos, "code is empty: give the error a code, such as NOT_FOUND")
	}
}

// status reads an error's HTTP status, one of 400 to 599.
func (cr *catalogReader) status(e *Error, n *yaml.Node) {
	e.Status, _ = cr.integer(n, "status")
	if e.Status != 0 && (e.Status < 400 || e.Status > 599) {
		cr.probs.add(posOf(n), "status %d is not an error status: use one from 400 to 599", e.Status)
	}
}

func (cr *catalogReader) troubleshooting(n *yaml.Node) []Troubleshooting {
	var rows []Troubleshooting
	for _, item := range cr.list(n, "troubleshooting") {
		var t Troubleshooting
		for _, tf := range cr.fields(item, "troubleshooting row", troubleshootKey, nil) {
			if tf.key == "check" {
				t.Check = cr.str(tf.value, "troubleshooting check")
			} else {
				t.Solution = cr.str(tf.value, "troubleshooting solution")
			}
		}
		rows = append(rows, t)
	}
	return rows
}

func (cr *catalogReader) headers(n *yaml.Node) []*Header {
	var hs []*Header
	for _, hf := range cr.fields(n, "headers", nil, nil) {
		name := textproto.CanonicalMIMEHeaderKey(hf.key)
		h := &Header{Name: name, Key: hf.key, Pos: posOf(hf.keyN)}
		h.Value = cr.template(hf.value, "header "+name)
		hs = append(hs, h)
	}
	return hs
}

func (cr *catalogReader) meta(n *yaml.Node) []Meta {
	var ms []Meta
	for _, mf := range cr.fields(n, "meta", nil, nil) {
		if !namePattern.MatchString(mf.key) {
			cr.probs.add(posOf(mf.keyN), "meta name %q must start with an ASCII letter and hold only ASCII letters, digits and _: rename it", mf.key)
		}
		ms = append(ms, Meta{Name: mf.key, Value: cr.str(mf.value, "meta "+mf.key)})
	}
	return ms
}

// template reads a string with {detail} placeholders. Braces that do not
// enclose a name are literal text.
func (r *nodeReader) template(n *yaml.Node, what string) *Template {
	s := r.str(n, what)
	t := &Template{Source: s, Pos: posOf(n)}
	// The parts are gathered on the stack and copied once, as many as
	// there are, where appending to t.Parts grew it part by part.
	var buf [8]TemplatePart
	parts := buf[:0]
	lit := 0 // where the literal part being read starts: literals are slices of s
	for i := 0; i < len(s); i++ {
		if s[i] == '{' {
			if j := strings.IndexByte(s[i+1:], '}'); j > 0 && namePattern.MatchString(s[i+1:i+1+j]) {
				if i > lit {
					parts = append(parts, TemplatePart{Literal: s[lit:i]})
				}
				parts = append(parts, TemplatePart{Detail: s[i+1 : i+1+j]})
				i += j + 1
				lit = i + 1
			}
		}
	}
	if len(s) > lit {
		parts = append(parts, TemplatePart{Literal: s[lit:]})
	}
	t.Parts = append([]TemplatePart(nil), parts...) // nil when there are none, as before
	return t
}

// errorLabel names an error in messages about its keys: by its code when
// it has one, so that a problem reads as being about that error.
func errorLabel(n *yaml.Node) string {
	for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value == "code" && v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value != "" && len(v.Value) <= 100 {
			return "error " + strconv.Quote(v.Value) // fmt's %q, without boxing: a label per error
		}
	}
	return "error"
}
