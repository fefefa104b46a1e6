package names

// The Go identifiers a catalog error declares in the generated package. The
// error's own Go name (catalog.Error.Name, from its code) and its details'
// field names (catalog.Detail.GoName) are the catalog's: its rules refuse
// two codes with one Go name. What is built from them is spelled here only.

import (
	"strings"

	"github.com/errgen/errgen/catalog"
)

// Code is the constant of an error's code: CodeNotFound.
func Code(e *catalog.Error) string { return "Code" + e.Name }

// Sentinel is the error's sentinel, for errors.Is: ErrNotFound.
func Sentinel(e *catalog.Error) string { return "Err" + e.Name }

// New is the error's constructor, whose parameters are its required
// details: NewNotFound.
func New(e *catalog.Error) string { return "New" + e.Name }

// Details is the struct type of the error's details, declared for errors
// with details: NotFoundDetails.
func Details(e *catalog.Error) string { return e.Name + "Details" }

// Enum is the string type of an enum detail: the error's Go name followed
// by the detail's, CardDeclinedDeclineCode.
func Enum(e *catalog.Error, d *catalog.Detail) string { return e.Name + d.GoName }

// EnumValue is the constant of one value of an enum detail: its type's name
// followed by the value's Go name, CardDeclinedDeclineCodeExpiredCard.
func EnumValue(e *catalog.Error, d *catalog.Detail, v catalog.EnumValue) string {
	return Enum(e, d) + v.GoName
}

// Object is the struct type of the objects of an object or object[] detail
// with fields: its parent's name (the error's Go name, or the enclosing
// object's type) followed by the detail's, ValidationErrorFieldErrors.
func Object(parent string, d *catalog.Detail) string { return parent + d.GoName }

// FieldEnum is the string type of an enum field of an object: its struct
// type's name followed by the field's, ValidationErrorFieldErrorsCode.
func FieldEnum(parent string, f *catalog.Detail) string { return parent + f.GoName }

// FieldEnumValue is the constant of one value of an enum field: its type's
// name followed by the value's Go name, ValidationErrorFieldErrorsCodeTooLong.
func FieldEnumValue(parent string, f *catalog.Detail, v catalog.EnumValue) string {
	return FieldEnum(parent, f) + v.GoName
}

// objects lists the types of an object detail with fields: the enum types
// and constants of its fields and the struct types of its nested objects,
// then its own struct type, as the generated file declares them.
func objects(parent string, d *catalog.Detail, ids []Ident) []Ident {
	if len(d.Fields) == 0 {
		return ids
	}
	typ := Object(parent, d)
	for _, f := range d.Fields {
		if len(f.Enum) > 0 {
			ids = enum(FieldEnum(typ, f), f, func(v catalog.EnumValue) string { return FieldEnumValue(typ, f, v) }, ids)
			continue
		}
		ids = objects(typ, f, ids)
	}
	return append(ids, Ident{Name: typ, Pos: d.Pos, Detail: d})
}

// enum lists the type typ of an enum detail or field d and its constants,
// named by value. A value without a Go name of its own, or with one another
// value of d has, declares no constant of its own: the catalog reports both.
func enum(typ string, d *catalog.Detail, value func(catalog.EnumValue) string, ids []Ident) []Ident {
	ids = append(ids, Ident{Name: typ, Pos: d.Pos, Detail: d})
	seen := map[string]bool{"": true}
	for i, v := range d.Enum {
		if !seen[v.GoName] {
			seen[v.GoName] = true
			ids = append(ids, Ident{Name: value(v), Pos: v.Pos, Detail: d, Value: &d.Enum[i]})
		}
	}
	return ids
}

// Param is the unexported constructor parameter of a required detail:
// resourceId → resourceID, ID → id, URLPath → urlPath.
func Param(detail string) string {
	ws := strings.Split(catalog.Kebab(detail), "-") // its words, lower case
	return ws[0] + catalog.GoName(strings.Join(ws[1:], "_"))
}

// Ident is a Go identifier an error declares, and what declares it: the
// error itself, one of its details or fields (an enum's type, an object's
// struct type) or one of their enum values.
type Ident struct {
	Name   string
	Pos    catalog.Pos        // where the catalog declares it
	Detail *catalog.Detail    // the enum or object detail or field; nil for the error's own identifiers
	Value  *catalog.EnumValue // the enum value; nil for the error's and the type's
}

// Declared lists the Go identifiers an error declares: its code constant,
// sentinel, constructor, details type, then per detail the types of its
// objects (when it has fields: their enum fields' types and constants, their
// struct types) or its enum type and constants. An error without a Name (its
// code is at fault) declares nothing, and a value without a Go name of its
// own, or with one another value of its detail has, declares no constant of
// its own: the catalog reports both.
func Declared(e *catalog.Error) []Ident { return AppendDeclared(nil, e) }

// AppendDeclared appends what Declared lists to ids: a caller listing every
// error's identifiers, errgen's Go rules, reuses one slice. The error's own
// four names are slices of one string, an allocation rather than four
// (TestDeclared holds them to Code, Sentinel, New and Details).
func AppendDeclared(ids []Ident, e *catalog.Error) []Ident {
	if e.Name == "" {
		return ids
	}
	n := len(e.Name)
	own := "Code" + e.Name + "Err" + e.Name + "New" + e.Name + e.Name + "Details"
	code, own := own[:4+n], own[4+n:]
	sentinel, own := own[:3+n], own[3+n:]
	ctor, details := own[:3+n], own[3+n:]
	ids = append(ids, Ident{Name: code, Pos: e.Pos}, Ident{Name: sentinel, Pos: e.Pos}, Ident{Name: ctor, Pos: e.Pos})
	if len(e.Details) > 0 {
		ids = append(ids, Ident{Name: details, Pos: e.Pos})
	}
	for _, d := range e.Details {
		ids = objects(e.Name, d, ids)
		if len(d.Enum) > 0 {
			ids = enum(Enum(e, d), d, func(v catalog.EnumValue) string { return EnumValue(e, d, v) }, ids)
		}
	}
	return ids
}
