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
// member, so the table lists members in the order the body has them.
func envelopeFields(env *catalog.Envelope, users []*errorData) []field {
	var rows []field
	var walk func(n *catalog.Node, path string)
	walk = func(n *catalog.Node, path string) {
		switch n.Kind {
		case catalog.KindObject:
			if path != "" {
				rows = append(rows, field{path, "object", "Object holding the members below."})
			}
			for _, m := range n.Members {
				if m.Spread {
					rows = append(rows, field{memberPath(path, "{detail}"), "varies",
						"Each of the error's details, as a member of its own; see the error's details table."})
					continue
				}
				walk(m.Value, memberPath(path, m.Key))
			}
		case catalog.KindArray:
			rows = append(rows, field{path, "array", "Array of exactly one element."})
			walk(n.Elem, path+"[]")
		case catalog.KindLiteral:
			rows = append(rows, field{path, literalType(n.Literal), "Always " + codeSpan(string(n.Literal)) + "."})
		case catalog.KindRef:
			typ, desc := refDoc(n.Ref, users)
			if n.Ref.Optional {
				desc += " Omitted when empty."
			}
			rows = append(rows, field{path, typ, desc})
		}
	}
	walk(env.Body, "")
	return rows
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

// refDoc is the JSON type and description of what a reference writes.
func refDoc(r catalog.Ref, users []*errorData) (string, string) {
	switch r.Name {
	case catalog.RefCode:
		return "string", "Machine-readable error code: one of the codes below."
	case catalog.RefMessage:
		if r.Optional {
			return "string", "Human-readable message."
		}
		return "string", "Human-readable message; the error's title when it has no message."
	case catalog.RefTitle:
		return "string", "Short, human-readable summary of the error."
	case catalog.RefStatus:
		return "integer", "HTTP status code."
	case catalog.RefStatusText:
		return "string", "HTTP status code, as a string."
	case catalog.RefType:
		return "string", "URI identifying the kind of error."
	case catalog.RefDetails:
		if r.Arg == "" {
			return "object", "Additional context; see the error's details table."
		}
		return detailJSONType(r.Arg, users), "The error's " + codeSpan(r.Arg) + " detail, for errors that have one."
	case catalog.RefMeta:
		return "string", "The error's " + codeSpan(r.Arg) + " attribute, fixed for each code."
	case catalog.RefRequestID:
		return "string", "Identifier of the request; quote it when you contact support."
	case catalog.RefInstance:
		return "string", "URI identifying this occurrence of the error."
	case catalog.RefDocsURL:
		return "string", "Link to the error's documentation."
	case catalog.RefCategory:
		return "string", "Category of the error."
	}
	return "varies", ""
}

// detailJSONType is the JSON type of the named detail across the errors
// that have it, or "varies" when they disagree.
func detailJSONType(name string, users []*errorData) string {
	typ := ""
	for _, e := range users {
		d := e.Detail(name)
		if d == nil {
			continue
		}
		t := jsonType(d.Type)
		if typ != "" && t != typ {
			return "varies"
		}
		typ = t
	}
	if typ == "" {
		return "varies"
	}
	return typ
}

func jsonType(t catalog.DetailType) string {
	switch t {
	case catalog.TypeStrings, catalog.TypeObjects:
		return "array"
	case catalog.TypeStringMap, catalog.TypeObject:
		return "object"
	case catalog.TypeAny:
		return "varies"
	}
	return string(t)
}
