package markdown

import (
	"github.com/errgen/errgen/catalog"
)

// field is one row of an envelope's field table.
type field struct {
	Path        string // member path: error.code, errors[].status, {detail}
	Type        string // JSON type
	Description string // Markdown
}

// envelopeFields walks the envelope template depth first, one row per
// member, so the table lists members in the order the body has them; the
// descriptions are the page's words w.
func envelopeFields(env *catalog.Envelope, users []*errorData, w words) []field {
	var rows []field
	var walk func(n *catalog.Node, path string)
	walk = func(n *catalog.Node, path string) {
		switch n.Kind {
		case catalog.KindObject:
			if path != "" {
				rows = append(rows, field{path, "object", w["field_object"]})
			}
			for _, m := range n.Members {
				if m.Spread {
					rows = append(rows, field{memberPath(path, "{detail}"), w["varies"], w["field_spread"]})
					continue
				}
				walk(m.Value, memberPath(path, m.Key))
			}
		case catalog.KindArray:
			rows = append(rows, field{path, "array", w["field_array"]})
			walk(n.Elem, path+"[]")
		case catalog.KindLiteral:
			rows = append(rows, field{path, literalType(n.Literal), fill(w["field_literal"], "value", codeSpan(string(n.Literal)))})
		case catalog.KindRef:
			typ, desc := refDoc(n.Ref, users, w)
			if n.Ref.Optional {
				desc = w.spaced(desc, w["field_optional"])
			}
			rows = append(rows, field{path, typ, desc})
		}
	}
	walk(env.Body, "")
	return rows
}

// refPath is the path of the first member of env that writes the reference
// name (error.code, errors[].title), as the field table writes it; "" when
// no member does.
func refPath(env *catalog.Envelope, name catalog.RefName) string {
	var walk func(n *catalog.Node, path string) (string, bool)
	walk = func(n *catalog.Node, path string) (string, bool) {
		switch n.Kind {
		case catalog.KindObject:
			for _, m := range n.Members {
				if m.Spread {
					continue
				}
				if p, ok := walk(m.Value, memberPath(path, m.Key)); ok {
					return p, true
				}
			}
		case catalog.KindArray:
			return walk(n.Elem, path+"[]")
		case catalog.KindRef:
			return path, n.Ref.Name == name
		}
		return "", false
	}
	p, _ := walk(env.Body, "")
	return p
}

func memberPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// literalType is the JSON type of a compact JSON literal.
func literalType(lit []byte) string {
	if len(lit) == 0 {
		return "null"
	}
	switch lit[0] {
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	case '[':
		return "array"
	case '{':
		return "object"
	}
	return "number"
}

// refDoc is the JSON type and description of what a reference writes,
// in the page's words w.
func refDoc(r catalog.Ref, users []*errorData, w words) (string, string) {
	switch r.Name {
	case catalog.RefCode:
		return "string", w["field_code"]
	case catalog.RefMessage:
		if r.Optional {
			return "string", w["field_message_optional"]
		}
		return "string", w["field_message"]
	case catalog.RefTitle:
		return "string", w["field_title"]
	case catalog.RefStatus:
		return "integer", w["field_status"]
	case catalog.RefStatusText:
		return "string", w["field_status_text"]
	case catalog.RefType:
		return "string", w["field_type"]
	case catalog.RefDetails:
		if r.Arg == "" {
			return "object", w["field_details"]
		}
		return detailJSONType(r.Arg, users, w), fill(w["field_detail"], "detail", codeSpan(r.Arg))
	case catalog.RefMeta:
		return "string", fill(w["field_meta"], "name", codeSpan(r.Arg))
	case catalog.RefRequestID:
		return "string", w["field_request_id"]
	case catalog.RefInstance:
		return "string", w["field_instance"]
	case catalog.RefDocsURL:
		return "string", w["field_docs_url"]
	case catalog.RefCategory:
		return "string", w["field_category"]
	}
	return w["varies"], ""
}

// detailJSONType is the JSON type of the named detail across the errors
// that have it, or the word varies when they disagree.
func detailJSONType(name string, users []*errorData, w words) string {
	typ := ""
	for _, e := range users {
		d := e.Detail(name)
		if d == nil {
			continue
		}
		t := jsonType(d.Type, w)
		if typ != "" && t != typ {
			return w["varies"]
		}
		typ = t
	}
	if typ == "" {
		return w["varies"]
	}
	return typ
}

// jsonType is the JSON type of a detail type, the word varies for any.
func jsonType(t catalog.DetailType, w words) string {
	switch t {
	case catalog.TypeStrings, catalog.TypeObjects:
		return "array"
	case catalog.TypeStringMap, catalog.TypeObject:
		return "object"
	case catalog.TypeAny:
		return w["varies"]
	}
	return string(t)
}
