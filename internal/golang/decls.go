package golang

import (
	"bytes"
	"strconv"
	"text/tabwriter"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/internal/names"
)

// The per-error declarations (code constants, sentinels, details structs,
// constructors and the definitions table) are most of the generated file:
// about 1 KB per error. Formatting them through jennifer's go/format pass was
// most of a big catalog's generation time, so they are written here directly
// in gofmt's layout; jennifer writes everything else. Their shapes are few
// and fixed: one-line specs and rows, one-statement functions, structs of
// one-line fields (aligned with text/tabwriter configured as go/printer
// configures it), and doc comments formatted with go/doc/comment as gofmt
// formats them. TestGoDeclsAreGofmt and FuzzGenerate hold the output to
// gofmt.

// declWriter appends declarations to a buffer.
type declWriter struct {
	b *bytes.Buffer
	// formatEvery sends every doc comment through go/doc/comment: the
	// plain path beside plainDoc's shortcut (comment.go).
	formatEvery bool
	// translated holds each error as it reads in the catalog's other
	// languages; nil for a catalog of one (languages.go).
	translated map[*catalog.Error][]*catalog.Error
	// cols is what fieldLines keeps from struct to struct; nil for none.
	cols *columns
}

func (w declWriter) str(ss ...string) {
	for _, s := range ss {
		w.b.WriteString(s)
	}
}

// goString is a Go string literal, as jennifer's Lit writes it.
func goString(s string) string { return strconv.Quote(s) }

// codes writes the Code type and one constant per error.
func (w declWriter) codes(c *catalog.Catalog) {
	w.str("// Code is a machine-readable error code, stable across releases.\ntype Code string\n\n")
	w.docLines([]string{"The error codes of " + oneLine(c.API) + ", in catalog order."})
	w.str("const (\n")
	for _, e := range c.Errors {
		name := names.Code(e)
		w.specComment(name + " is " + e.Code + " (" + strconv.Itoa(e.Status) + " " + e.Title + ")." + sinceSentence(e))
		w.deprecated("\t", e, names.Code)
		w.str("\t", name, " Code = ", goString(e.Code), "\n")
	}
	w.str(")\n")
}

// sentinels writes one sentinel per error: the address of its place in the
// sentinels table, static data and no init code, which loadDefinitions
// fills in with the definitions.
func (w declWriter) sentinels(c *catalog.Catalog) {
	w.str("// Sentinels, one per code, for errors.Is. Every error of a code matches its\n",
		"// sentinel, whatever its details, message or cause.\nvar (\n")
	for i, e := range c.Errors {
		name := names.Sentinel(e)
		if len(e.Details) == 0 {
			w.specComment(name + " is the " + e.Code + " error, and matches every copy of it.")
		} else {
			w.specComment(name + " matches every " + e.Code + " error; build them with " + names.New(e) + ".")
		}
		w.deprecated("\t", e, names.Sentinel)
		w.str("\t", name, " = &sentinels[", strconv.Itoa(i), "]\n")
	}
	w.str(")\n")
}

// jsonTag is a details field's struct tag, as jennifer's Tag writes it.
func jsonTag(d *catalog.Detail) string {
	name := d.Name
	switch {
	case d.Required:
	case len(d.Fields) > 0 && d.Type == catalog.TypeObject:
		name += ",omitzero" // a struct: omitempty never omits one
	default:
		name += ",omitempty"
	}
	tag := "json:" + strconv.Quote(name)
	if strconv.CanBackquote(tag) {
		return "`" + tag + "`"
	}
	return strconv.Quote(tag)
}

// errorDecls writes what is per error: the details struct and the
// constructor; index is the error's place in the definitions table. The
// details struct is not comparable (a blank doNotCompare field): the
// compiler made an equality function for each, which cost about a quarter
// of a 10,000-error package's build, and the runtime compares details to
// nil only. NewWithDetails, one generic function, takes the place of a
// constructor per error with all its details, which cost as much again.
func (w declWriter) errorDecls(e *catalog.Error, index int) {
	if len(e.Details) == 0 {
		// Errors are immutable, so the sentinel itself is the error.
		ctor, sentinel := names.New(e), names.Sentinel(e)
		w.docComment(ctor + " returns the " + e.Code + " error (" + strconv.Itoa(e.Status) + " " + e.Title + "): " + sentinel + ". " + e.Description)
		w.deprecated("", e, names.New)
		w.str("func ", ctor, "() *Error {\n\treturn ", sentinel, "\n}\n\n")
		return
	}
	for _, d := range e.Details {
		if len(d.Enum) > 0 {
			w.enum(e, d)
		}
		w.objectType(e, e.Name, d)
	}
	details := names.Details(e)
	w.str("// ", details, " are the details of ", e.Code, " errors.\n")
	w.deprecatedLink("", e, replacementDetails(e))
	w.str("type ", details, " struct {\n\t_ doNotCompare\n\n")
	w.fields(e)
	w.str("}\n\n")
	required := e.RequiredDetails()
	ctor := names.New(e)
	w.docComment(ctor + " returns the " + e.Code + " error (" + strconv.Itoa(e.Status) + " " + e.Title + "). " + e.Description)
	w.deprecated("", e, names.New)
	w.str("func ", ctor, "(")
	params := make([]string, len(required))
	for i, d := range required {
		if i > 0 {
			w.str(", ")
		}
		params[i] = names.Param(d.Name)
		w.str(params[i], " ", fieldType(e, d))
	}
	w.str(") *Error {\n\treturn newError(", strconv.Itoa(index), ", ", details, "{")
	for i, d := range required {
		if i > 0 {
			w.str(", ")
		}
		w.str(d.GoName, ": ", params[i])
	}
	w.str("})\n}\n\n")
}

// fieldType is the Go type of a detail: its enum type, its objects' struct
// type, or its type's.
func fieldType(e *catalog.Error, d *catalog.Detail) string {
	if len(d.Enum) > 0 {
		return names.Enum(e, d)
	}
	return memberType(e.Name, d)
}

// memberType is the Go type of a detail or a field of an object, parent
// naming its struct types and its fields' enum types.
func memberType(parent string, d *catalog.Detail) string {
	switch {
	case len(d.Enum) > 0:
		return names.FieldEnum(parent, d)
	case len(d.Fields) > 0 && d.Type == catalog.TypeObjects:
		return "[]" + names.Object(parent, d)
	case len(d.Fields) > 0:
		return names.Object(parent, d)
	}
	return example.GoType(d.Type).String()
}

// objectType writes the struct type of an object detail with fields, after
// the types of its fields: their enums' and their nested objects'. Its
// blank doNotCompare field makes it not comparable, as details structs are
// (errorDecls).
func (w declWriter) objectType(e *catalog.Error, parent string, d *catalog.Detail) {
	if len(d.Fields) == 0 {
		return
	}
	typ := names.Object(parent, d)
	for _, f := range d.Fields {
		if len(f.Enum) > 0 {
			w.fieldEnum(e, typ, f)
			continue
		}
		w.objectType(e, typ, f)
	}
	w.docComment(typ + " is an object of the " + d.Name + " detail of " + e.Code + " errors. " + d.Description)
	w.deprecatedLink("", e, replacementNew(e))
	w.str("type ", typ, " struct {\n\t_ doNotCompare\n\n")
	w.members(typ, d.Fields)
	w.str("}\n\n")
}

// enum writes an enum detail's string type, one constant per value and the
// Valid method, with which newError refuses any other value.
func (w declWriter) enum(e *catalog.Error, d *catalog.Detail) {
	typ := names.Enum(e, d)
	doc := typ + " is the " + d.Name + " detail of " + e.Code + " errors: one of the constants below. " + d.Description
	w.enumConstants(e, typ, doc, d, func(v catalog.EnumValue) string { return names.EnumValue(e, d, v) })
	w.str("// Valid reports whether v is one of the values of ", typ, ".\n")
	w.deprecatedLink("", e, replacementNew(e))
	w.str("func (v ", typ, ") Valid() bool {\n\tswitch v {\n\tcase ")
	for i, v := range d.Enum {
		if i > 0 {
			w.str(", ")
		}
		w.str(names.EnumValue(e, d, v))
	}
	w.str(":\n\t\treturn true\n\t}\n\treturn false\n}\n\n")
}

// fields writes a struct's fields aligned in columns as gofmt aligns them:
// go/printer's tabwriter settings, a cell per name, type and tag, the tag a
// cell only when a comment follows it.
func (w declWriter) fields(e *catalog.Error) {
	w.fieldLines(e.Details, func(d *catalog.Detail) string { return fieldType(e, d) }, jsonTag)
}

// members writes the fields of an object's struct type, typ.
func (w declWriter) members(typ string, fields []*catalog.Detail) {
	w.fieldLines(fields, func(d *catalog.Detail) string { return memberType(typ, d) }, memberTag)
}

// fieldLines writes struct fields, one per detail, aligned as gofmt aligns them.
func (w declWriter) fieldLines(ds []*catalog.Detail, goType, tag func(*catalog.Detail) string) {
	cols := w.cols
	if cols == nil {
		cols = new(columns)
	}
	tw := cols.tw.Init(w.b, 0, 8, 1, ' ', tabwriter.DiscardEmptyColumns|tabwriter.TabIndent)
	for _, d := range ds {
		line := append(cols.line[:0], '\t')
		line = append(append(append(append(append(line, d.GoName...), '\v'), goType(d)...), '\v'), tag(d)...)
		if c := oneLine(d.Description); c != "" {
			line = append(append(line, "\t// "...), c...)
		}
		_, _ = tw.Write(append(line, '\n'))
		cols.line = line
	}
	_ = tw.Flush() // a bytes.Buffer does not fail
}

// columns are fieldLines' tabwriter and line, kept from struct to struct
// (Init and Flush empty the one, each line the other): a tabwriter, its
// buffers and a string per line for each struct took a tenth of the Go
// emitter at 10,000 errors.
type columns struct {
	tw    tabwriter.Writer
	line  []byte
	lines []string // declWriter.wrap's
}

// definitionsLiteral writes the definitions table as a Go composite
// literal: the plain path beside definitionsText (table.go).
func (w declWriter) definitionsLiteral(c *catalog.Catalog, metaNames []string) {
	w.str("// definitions is the registry: everything the runtime needs to know about each\n",
		"// code, in catalog order. Sentinels and constructors point into it.\n",
		"var definitions = [", strconv.Itoa(len(c.Errors)), "]definition{\n")
	for _, e := range c.Errors {
		w.definition(e, metaNames)
	}
	w.str("}\n\n// definitionsText is empty: the table is the literal above.\nconst definitionsText = \"\"\n")
}

// catalogSettings writes the constants and variables of the catalog's
// top-level settings.
func (w declWriter) catalogSettings(c *catalog.Catalog) {
	w.str("\n// fallback stands in for every error that is not a catalog error.\nvar fallback = ", names.Sentinel(c.Fallback), "\n")
	w.str("\n// requestIDHeader carries request ids in and out (the catalog's request_id.header);\n",
		"// empty when the catalog sets none.\nconst requestIDHeader = ", goString(c.RequestID.Header), "\n")
	if hasRPC(c) { // the RPC bridge (rpcFiles) is its only reader
		w.str("\n// rpcDomain is the domain of every ErrorInfo (the catalog's grpc.domain).\nconst rpcDomain = ", goString(c.GRPC.Domain), "\n")
	}
}

// rpc writes the ErrorInfo reason of a definitions row, when it is not the
// code, its detail sent as BadRequest field violations, and its help links.
func (w declWriter) rpc(e *catalog.Error) {
	if e.GRPCReason != e.Code {
		w.str(", reason: ", goString(e.GRPCReason))
	}
	if d := e.BadRequest(); d != nil {
		w.str(", badRequest: ", goString(d.Name))
	}
	if len(e.Help) == 0 {
		return
	}
	w.str(", help: []RPCLink{")
	for i, l := range e.Help {
		if i > 0 {
			w.str(", ")
		}
		w.str("{Description: ", goString(l.Description), ", URL: ", goString(l.URL), "}")
	}
	w.str("}")
}

// definition writes one row of the definitions table. Fields are set in a
// fixed order, zero values left out: the table is most of the package, so it
// should read well and stay small.
func (w declWriter) definition(e *catalog.Error, metaNames []string) {
	w.str("\t{")
	w.registryEntry(e)
	w.str(", envelope: &envelopes[", strconv.Itoa(e.Envelope.Index), "]")
	if e.Envelope.Has(catalog.RefType) {
		w.str(", typeURI: ", goString(e.TypeURI))
	}
	if e.Message != nil {
		if e.Message.Static() {
			w.str(", message: ", goString(e.Message.Source))
		} else {
			w.str(", messageTemplate: ")
			w.templateParts(e.Message)
		}
	}
	w.headers(e)
	if e.Challenge != "" {
		w.str(", challenge: ", goString(e.Challenge))
	}
	w.meta(e, metaNames)
	w.detailsOrBody(e)
	w.rpc(e)
	w.translations(e)
	w.str("},\n")
}

// registryEntry writes the row's Definition: what Lookup tells.
func (w declWriter) registryEntry(e *catalog.Error) {
	w.str("Definition: Definition{Code: ", names.Code(e), ", Status: ", strconv.Itoa(e.Status), ", Title: ", goString(e.Title))
	if e.Retryable {
		w.str(", Retryable: true")
	}
	for _, f := range [...]struct{ field, value string }{
		{"DocsURL", e.DocsLink}, {"Category", e.Category},
		{"GRPCCode", e.GRPCCode}, {"Deprecated", e.Deprecated}, {"ReplacedBy", e.ReplacedBy}, {"Since", e.Since},
	} {
		if f.value != "" {
			w.str(", ", f.field, ": ", goString(f.value))
		}
	}
	w.str("}")
}

// headers writes the row's response headers, static or templates.
func (w declWriter) headers(e *catalog.Error) {
	if len(e.Headers) == 0 {
		return
	}
	w.str(", headers: []header{")
	for i, h := range e.Headers {
		if i > 0 {
			w.str(", ")
		}
		w.str("{name: ", goString(h.Name))
		if h.Value.Static() {
			w.str(", value: ", goString(h.Value.Source))
		} else {
			w.str(", template: ")
			w.templateParts(h.Value)
		}
		w.str("}")
	}
	w.str("}")
}

// meta writes the row's values of the meta names envelopes reference, in
// the order of metaNames.
func (w declWriter) meta(e *catalog.Error, metaNames []string) {
	if len(metaNames) == 0 {
		return
	}
	w.str(", meta: []string{")
	for i, name := range metaNames {
		if i > 0 {
			w.str(", ")
		}
		w.str(goString(e.MetaValue(name)))
	}
	w.str("}")
}

// detailsOrBody writes what the row needs of the error's details (their
// type is zeroDetails'): whether some are required, which must be objects
// and the enums of their objects' fields; or, without details, the
// pre-encoded body.
func (w declWriter) detailsOrBody(e *catalog.Error) {
	if len(e.Details) > 0 {
		if e.HasRequiredDetails() {
			w.str(", required: true")
		}
		w.objects(e)
		w.fieldEnums(e)
		return
	}
	w.str(", body: ", goString(staticBody(e)))
}

// staticBody is the pre-encoded body of an error without details.
func staticBody(e *catalog.Error) string {
	in := &example.Instance{Err: e}
	if e.Message != nil {
		in.Message = e.Message.Source
	}
	return string(in.Body())
}

// isRawObject reports whether a detail is an object or object[] without
// fields, whose values newError checks are JSON objects; objects with
// fields are structs, encoding/json's to check.
func isRawObject(d *catalog.Detail) bool {
	return (d.Type == catalog.TypeObject || d.Type == catalog.TypeObjects) && len(d.Fields) == 0
}

// objects writes the names of the object and object[] details, whose values
// newError checks are JSON objects.
func (w declWriter) objects(e *catalog.Error) {
	n := 0
	for _, d := range e.Details {
		if !isRawObject(d) {
			continue
		}
		if n == 0 {
			w.str(", objects: []string{")
		} else {
			w.str(", ")
		}
		w.str(goString(d.Name))
		n++
	}
	if n > 0 {
		w.str("}")
	}
}

// templateParts writes a message or header template as []templatePart.
func (w declWriter) templateParts(t *catalog.Template) {
	w.str("[]templatePart{")
	for i, p := range t.Parts {
		if i > 0 {
			w.str(", ")
		}
		if p.Detail != "" {
			w.str("{detail: ", goString(p.Detail), "}")
		} else {
			w.str("{literal: ", goString(p.Literal), "}")
		}
	}
	w.str("}")
}
