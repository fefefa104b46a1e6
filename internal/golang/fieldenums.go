package golang

import (
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// An enum field of an object (a field of an object or object[] detail with
// enum:) is a string type with one constant per value, as an enum detail
// is, but without a Valid method: newError checks its values from the
// definitions table's fieldEnums rows, data the runtime reads, so that a big
// catalog compiles no method per field.

// enumConstants writes an enum's string type typ, documented by doc, and one
// constant per value of d, named by value.
func (w declWriter) enumConstants(e *catalog.Error, typ, doc string, d *catalog.Detail, value func(catalog.EnumValue) string) {
	w.docComment(doc)
	w.deprecatedLink("", e, replacementNew(e))
	w.str("type ", typ, " string\n\n")
	w.str("// The values of ", typ, ".\nconst (\n")
	for _, v := range d.Enum {
		// A comment on every value, so that gofmt aligns no two specs.
		name, lit := value(v), goString(v.Value)
		w.specComment(name + " is " + lit + ". " + v.Description)
		w.deprecatedLink("\t", e, replacementNew(e))
		w.str("\t", name, " ", typ, " = ", lit, "\n")
	}
	w.str(")\n\n")
}

// fieldEnum writes the type and constants of the enum field f of the objects
// of struct type parent.
func (w declWriter) fieldEnum(e *catalog.Error, parent string, f *catalog.Detail) {
	typ := names.FieldEnum(parent, f)
	doc := typ + " is the " + f.Name + " field of " + parent + ", in " + e.Code +
		" errors: one of the constants below; a value outside them is left out of the body, and Write reports it. " + f.Description
	w.enumConstants(e, typ, doc, f, func(v catalog.EnumValue) string { return names.FieldEnumValue(parent, f, v) })
}

// memberTag is the struct tag of an object's field: jsonTag's, but omitempty
// for a required enum field too. Its zero value "" is none of its values, and
// newError sets a value outside them to "": either way it is left out of the
// body, never sent, and the breach reported.
func memberTag(f *catalog.Detail) string {
	if len(f.Enum) > 0 && f.Required {
		optional := *f
		optional.Required = false
		return jsonTag(&optional)
	}
	return jsonTag(f)
}

// fieldEnumsOf returns the enum fields of e's object details, each with
// its path of JSON names from its detail (problems.kind,
// problems.limits.unit), in the order the row lists them.
func fieldEnumsOf(e *catalog.Error) (paths []string, enums []*catalog.Detail) {
	var walk func(path string, fields []*catalog.Detail)
	walk = func(path string, fields []*catalog.Detail) {
		for _, f := range fields {
			if len(f.Enum) > 0 {
				paths, enums = append(paths, path+"."+f.Name), append(enums, f)
			}
			walk(path+"."+f.Name, f.Fields)
		}
	}
	for _, d := range e.Details {
		walk(d.Name, d.Fields)
	}
	return paths, enums
}

// fieldEnums writes the row's enum fields of object details: each one's
// path, its values and whether it is required.
func (w declWriter) fieldEnums(e *catalog.Error) {
	paths, enums := fieldEnumsOf(e)
	if len(enums) == 0 {
		return
	}
	w.str(", fieldEnums: []fieldEnum{")
	for i, f := range enums {
		if i > 0 {
			w.str(", ")
		}
		w.str("{path: ", goString(paths[i]), ", values: []string{")
		for j, v := range f.Enum {
			if j > 0 {
				w.str(", ")
			}
			w.str(goString(v.Value))
		}
		w.str("}")
		if f.Required {
			w.str(", required: true")
		}
		w.str("}")
	}
	w.str("}")
}

// textFieldEnums writes what fieldEnums writes, as definitionsText's
// enum=PATH:VALUE,VALUE fields (enum.required= for a required field).
func (w declWriter) textFieldEnums(e *catalog.Error) {
	paths, enums := fieldEnumsOf(e)
	for i, f := range enums {
		key := " enum="
		if f.Required {
			key = " enum.required="
		}
		w.str(key)
		w.text(paths[i])
		w.str(":")
		for j, v := range f.Enum {
			if j > 0 {
				w.str(",")
			}
			w.text(v.Value)
		}
	}
}
