package golang

import (
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// The definitions table as data: a line per error in one string constant,
// definitionsText, which the runtime decodes on first use (the format is
// fixed/definitions.go's). A composite literal of thousands of rows, with
// their template and header slices, cost the compiler about a tenth of a
// 10,000-error package's build, and go vet more (BenchmarkCompile, variant
// literal-table); one string costs it almost nothing. definitionsLiteral
// (decls.go) is the plain path, and TestDefinitionsText holds the two to
// the same table.

// definitionsTable writes the definitions, sentinels and zeroDetails tables.
func (w declWriter) definitionsTable(c *catalog.Catalog, metaNames []string, literal bool) {
	n := strconv.Itoa(len(c.Errors))
	if literal {
		w.definitionsLiteral(c, metaNames)
	} else {
		w.str("// definitions is the registry: everything the runtime needs to know about each\n",
			"// code, in catalog order, decoded from definitionsText on first use.\n",
			"// Sentinels and constructors point into it.\nvar definitions [", n, "]definition\n\n")
		w.str("// definitionsText is the definitions table as data, a line per error (see\n",
			"// decodeDefinitions).\nconst definitionsText = `\n")
		for _, e := range c.Errors {
			w.textRow(e, metaNames)
		}
		w.str("`\n")
	}
	w.str("\n// sentinels are the errors the Err variables point to, filled in from the\n",
		"// definitions on first use.\nvar sentinels [", n, "]Error\n\n")
	w.str("// zeroDetails holds the zero details of each error with details, by its\n",
		"// place in the definitions: the type Parse decodes them into.\nvar zeroDetails = [", n, "]any{\n")
	for _, e := range c.Errors {
		if len(e.Details) > 0 {
			w.str("\t", names.Details(e), "{},\n")
		} else {
			w.str("\tnil,\n")
		}
	}
	w.str("}\n")
}

// textRow writes an error's line of definitionsText: what definition
// writes as a composite literal, field for field.
func (w declWriter) textRow(e *catalog.Error, metaNames []string) {
	w.text(e.Code)
	w.str(" status=", strconv.Itoa(e.Status))
	w.textField("title", e.Title)
	if e.Retryable {
		w.str(" retryable")
	}
	w.textField("docs", e.DocsLink)
	w.textField("category", e.Category)
	w.textField("grpc", e.GRPCCode)
	w.textField("deprecated", e.Deprecated)
	w.textField("replaced", e.ReplacedBy)
	w.textField("since", e.Since)
	w.str(" env=", strconv.Itoa(e.Envelope.Index))
	if e.Envelope.Has(catalog.RefType) {
		w.textField("type", e.TypeURI)
	}
	if e.Message != nil {
		w.str(" message=")
		w.textTemplate(e.Message)
	}
	for _, h := range e.Headers {
		w.str(" header=")
		w.text(h.Name)
		w.str(":")
		w.textTemplate(h.Value)
	}
	w.textField("challenge", e.Challenge)
	for _, name := range metaNames {
		w.str(" meta=")
		w.text(e.MetaValue(name))
	}
	w.textDetailsOrBody(e)
	if e.GRPCReason != e.Code {
		w.str(" reason=")
		w.text(e.GRPCReason)
	}
	if d := e.BadRequest(); d != nil {
		w.str(" badrequest=")
		w.text(d.Name)
	}
	for _, l := range e.Help {
		w.str(" help=")
		w.text(l.Description)
		w.str(":")
		w.text(l.URL)
	}
	w.textTranslations(e)
	w.str("\n")
}

// textField writes a field with a string value, unless it is empty.
func (w declWriter) textField(key, value string) {
	if value != "" {
		w.str(" ", key, "=")
		w.text(value)
	}
}

// textDetailsOrBody writes what detailsOrBody writes.
func (w declWriter) textDetailsOrBody(e *catalog.Error) {
	if len(e.Details) == 0 {
		w.str(" body=")
		w.text(staticBody(e))
		return
	}
	if e.HasRequiredDetails() {
		w.str(" required")
	}
	for _, d := range e.Details {
		if isRawObject(d) {
			w.str(" object=")
			w.text(d.Name)
		}
	}
	w.textFieldEnums(e)
}

// textTemplate writes a template: its literal parts as values, its
// placeholders as {name}, side by side.
func (w declWriter) textTemplate(t *catalog.Template) {
	if len(t.Parts) == 0 {
		w.str(`""`)
	}
	for _, p := range t.Parts {
		if p.Detail != "" {
			w.str("{", p.Detail, "}")
		} else {
			w.text(p.Literal)
		}
	}
}

// textValue is a value of definitionsText: bare when it is letters,
// digits, '_', '.' and '-' only, else a Go string literal, with each
// backquote escaped, for the raw string that holds it.
func textValue(s string) string {
	if bareText(s) {
		return s
	}
	return strings.ReplaceAll(strconv.Quote(s), "`", `\x60`)
}

// bareText reports whether textValue leaves s bare.
func bareText(s string) bool {
	bare := s != ""
	for i := 0; bare && i < len(s); i++ {
		c := s[i]
		bare = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-'
	}
	return bare
}

// text writes textValue(s). A value without a backquote is quoted straight
// into the buffer rather than into a string of its own: the table quotes
// most titles, messages and descriptions, a string each.
func (w declWriter) text(s string) {
	if bareText(s) || strings.IndexByte(s, '`') >= 0 {
		w.b.WriteString(textValue(s))
		return
	}
	w.b.Write(strconv.AppendQuote(w.b.AvailableBuffer(), s))
}
