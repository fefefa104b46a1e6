package golang

import (
	"github.com/dave/jennifer/jen"
)

// emitRuntime writes the catalog-independent half of the generated package:
// the types and the behaviour (marshal, write, parse, lookup) that the
// definitions and envelopes tables drive.
func emitRuntime(f *jen.File, metaNames []string) {
	runtimeTypes(f, metaNames)
	runtimeConstruct(f)
	runtimeDetails(f)
	runtimeAccessors(f)
	runtimeMarshal(f)
	runtimeWrite(f)
	runtimeParse(f)
	runtimeRegistry(f)
	runtimeJSON(f)
	runtimeScan(f)
}

// Shorthands for the identifiers the runtime code uses over and over.
func id(name string) *jen.Statement     { return jen.Id(name) }
func eDot(name string) *jen.Statement   { return jen.Id("e").Dot(name) }
func defDot(name string) *jen.Statement { return jen.Id("e").Dot("def").Dot(name) }
func errPtr() *jen.Statement            { return jen.Op("*").Id("Error") }
func bytesT() *jen.Statement            { return jen.Index().Byte() }

func runtimeTypes(f *jen.File, metaNames []string) {
	f.Comment("Definition describes one catalog error: its registry entry.")
	f.Type().Id("Definition").Struct(
		id("Code").Id("Code").Comment("the error code"),
		id("Status").Int().Comment("the HTTP status"),
		id("Title").String().Comment("short title"),
		id("Retryable").Bool().Comment("whether a client may retry the request as is"),
		id("DocsURL").String().Comment("link to the error's documentation; empty when none"),
		id("Category").String().Comment("the catalog's category; empty when none"),
	)
	f.Line()
	f.Comment("definition is a Definition plus what the runtime needs to write and parse it.")
	f.Type().Id("definition").StructFunc(func(g *jen.Group) {
		g.Id("Definition")
		g.Id("envelope").Op("*").Id("envelope").Comment("the wire format")
		g.Id("typeURI").String().Comment("problem type URI")
		g.Id("message").String().Comment("default message when it has no placeholders")
		g.Id("messageTemplate").Index().Id("templatePart").Comment("default message with placeholders; nil when static")
		g.Id("headers").Index().Id("header").Comment("response headers, in catalog order")
		g.Id("challenge").String().Comment("WWW-Authenticate value; empty when none")
		if len(metaNames) > 0 {
			g.Id("meta").Index().String().Comment("meta values referenced by envelopes: " + joinNames(metaNames))
		}
		g.Id("body").String().Comment("pre-encoded body of the error without details; empty when it has details")
		g.Id("zero").Any().Comment("the zero <Name>Details, whose type Parse decodes into; nil without details")
		g.Id("once").Qual("sync", "Once")
		g.Id("prep").Id("prepared").Comment("what the runtime works out on first use; see prepared")
	})
	f.Line()
	f.Comment("templatePart is a literal or a {detail} placeholder of a message or header.")
	f.Type().Id("templatePart").Struct(
		id("literal").String(),
		id("detail").String().Comment("detail name; empty for a literal"),
	)
	f.Line()
	f.Comment("header is a catalog response header: a static value or a template filled from details.")
	f.Type().Id("header").Struct(
		id("name").String(),
		id("value").String().Comment("static value"),
		id("template").Index().Id("templatePart").Comment("nil when static"),
	)
	f.Line()
	f.Comment("envelope is a wire format: how to write a body and where Parse finds each field.")
	f.Type().Id("envelope").Struct(
		id("mediaType").String(),
		id("appendBody").Func().Params(bytesT(), errPtr()).Add(bytesT()),
		id("hasCode").Bool().Comment("bodies carry the code; otherwise status and title identify the error"),
		id("fields").Index().Id("envelopeField"),
	)
	f.Line()
	f.Comment("envelopeField locates one reference in a body; a path step \"\" is an array's first element.")
	f.Type().Id("envelopeField").Struct(
		id("ref").String().Comment("what the field holds: code, message, details, spread …"),
		id("arg").String().Comment("detail or meta name"),
		id("path").Index().String(),
		id("exclude").Index().String().Comment("spread: the members that are not details"),
	)
	f.Line()
	f.Comment("Error is a catalog error. It is immutable: the With methods return copies, so")
	f.Comment("sentinels and shared errors are safe to use from many goroutines.")
	f.Type().Id("Error").Struct(
		id("def").Op("*").Id("definition"),
		id("message").String().Comment("rendered or overridden message; empty when none"),
		id("custom").Bool().Comment("message was overridden, so the pre-encoded body does not apply"),
		id("details").Any().Comment("the <Name>Details value; nil without details"),
		id("detailsJSON").Add(bytesT()).Comment("details encoded at construction, when they hold what the caller could still change; nil when they are encoded as written"),
		id("cause").Error().Comment("the underlying error; never written to clients"),
		id("requestID").String(),
		id("instance").String(),
		id("err").Error().Comment("why the details could not be marshaled"),
	)
	f.Line()
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

func runtimeConstruct(f *jen.File) {
	f.Comment("decodeDetails decodes a details object into a value of the type of zero.")
	f.Func().Id("decodeDetails").Params(id("zero").Any(), id("raw").Add(bytesT())).Params(jen.Any(), jen.Error()).Block(
		id("p").Op(":=").Qual("reflect", "New").Call(jen.Qual("reflect", "TypeOf").Call(id("zero"))),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(id("raw"), id("p").Dot("Interface").Call()), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(id("p").Dot("Elem").Call().Dot("Interface").Call(), jen.Nil()),
	)
	f.Line()
}

// method starts a method on *Error.
func method(f *jen.File, doc string, name string) *jen.Statement {
	f.Comment(doc)
	return f.Func().Params(id("e").Add(errPtr())).Id(name)
}

func runtimeAccessors(f *jen.File) {
	method(f, "Error returns the code, the message and the cause, for logs; clients never see it.", "Error").Params().String().Block(
		id("s").Op(":=").String().Call(defDot("Code")).Op("+").Lit(": ").Op("+").Add(eDot("messageOrTitle").Call()),
		jen.If(eDot("cause").Op("!=").Nil()).Block(
			id("s").Op("+=").Lit(": ").Op("+").Add(eDot("cause").Dot("Error").Call()),
		),
		jen.Return(id("s")),
	)
	f.Line()
	simple := []struct {
		doc, name string
		typ       *jen.Statement
		val       *jen.Statement
	}{
		{"Code returns the error code.", "Code", jen.Id("Code"), defDot("Code")},
		{"Status returns the HTTP status.", "Status", jen.Int(), defDot("Status")},
		{"Title returns the short title.", "Title", jen.String(), defDot("Title")},
		{"Message returns the message, or \"\" when the error has none.", "Message", jen.String(), eDot("message")},
		{"Details returns the <Name>Details value, or nil when the error has no details.", "Details", jen.Any(), eDot("details")},
		{"RequestID returns the request ID set with WithRequestID.", "RequestID", jen.String(), eDot("requestID")},
		{"Instance returns the instance URI set with WithInstance.", "Instance", jen.String(), eDot("instance")},
		{"Definition returns the registry entry of the error's code.", "Definition", jen.Id("Definition"), defDot("Definition")},
		{"Unwrap returns the cause, for errors.Is and errors.As.", "Unwrap", jen.Error(), eDot("cause")},
	}
	for _, m := range simple {
		method(f, m.doc, m.name).Params().Add(m.typ).Block(jen.Return(m.val))
		f.Line()
	}
	method(f, "Is reports whether target is an error of the same code, such as its sentinel.", "Is").Params(id("target").Error()).Bool().Block(
		jen.List(id("t"), id("ok")).Op(":=").Id("target").Assert(errPtr()),
		jen.Return(id("ok").Op("&&").Id("t").Op("!=").Nil().Op("&&").Id("t").Dot("def").Op("==").Add(eDot("def"))),
	)
	f.Line()
	with := []struct {
		doc, name, param, field string
		typ                     *jen.Statement
		extra                   jen.Code
	}{
		{"WithCause returns a copy of e wrapping cause, which is logged but never written to clients.", "WithCause", "cause", "cause", jen.Error(), nil},
		{"WithMessage returns a copy of e with another message.", "WithMessage", "message", "message", jen.String(), eDot("custom").Op("=").True()},
		{"WithRequestID returns a copy of e carrying the request ID.", "WithRequestID", "id", "requestID", jen.String(), nil},
		{"WithInstance returns a copy of e carrying the URI of this occurrence.", "WithInstance", "uri", "instance", jen.String(), nil},
	}
	for _, w := range with {
		method(f, w.doc, w.name).Params(id(w.param).Add(w.typ)).Add(errPtr()).BlockFunc(func(g *jen.Group) {
			g.Id("c").Op(":=").Op("*").Id("e")
			g.Id("c").Dot(w.field).Op("=").Id(w.param)
			if w.extra != nil {
				g.Id("c").Dot("custom").Op("=").True()
			}
			g.Return(jen.Op("&").Id("c"))
		})
		f.Line()
	}
}

func runtimeMarshal(f *jen.File) {
	method(f, "MarshalJSON writes the error in its envelope, exactly as Write sends it.", "MarshalJSON").Params().Params(bytesT(), jen.Error()).Block(
		jen.If(eDot("err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), eDot("err"))),
		jen.Return(eDot("appendJSON").Call(jen.Nil()), jen.Nil()),
	)
	f.Line()
	method(f, "static reports whether the pre-encoded body is the error's body.", "static").Params().Bool().Block(
		jen.Return(defDot("body").Op("!=").Lit("").Op("&&").Add(eDot("details")).Op("==").Nil().Op("&&").
			Op("!").Add(eDot("custom")).Op("&&").Add(eDot("requestID")).Op("==").Lit("").Op("&&").Add(eDot("instance")).Op("==").Lit("")),
	)
	f.Line()
	method(f, "appendJSON appends the body to b.", "appendJSON").Params(id("b").Add(bytesT())).Add(bytesT()).Block(
		jen.If(eDot("static").Call()).Block(jen.Return(jen.Append(id("b"), defDot("body").Op("...")))),
		jen.Return(defDot("envelope").Dot("appendBody").Call(id("b"), id("e"))),
	)
	f.Line()
	method(f, "messageOrTitle is what a bare $message writes.", "messageOrTitle").Params().String().Block(
		jen.If(eDot("message").Op("!=").Lit("")).Block(jen.Return(eDot("message"))),
		jen.Return(defDot("Title")),
	)
	f.Line()
}

func runtimeWrite(f *jen.File) {
	f.Comment("Write writes err as an error response: status, Content-Type, the catalog's")
	f.Comment("headers and the envelope. An error that is not a catalog error (nor wraps one)")
	f.Comment("is written as the fallback error: its text never reaches the client. The body")
	f.Comment("comes from a buffer reused once Write returns, so w must not keep the slice it")
	f.Comment("is given, as io.Writer requires; a recorder that copies it is fine.")
	f.Func().Id("Write").Params(id("w").Qual(pkgHTTP, "ResponseWriter"), id("r").Op("*").Qual(pkgHTTP, "Request"), id("err").Error()).Block(
		// The assertion first: errors.As needs its target on the heap, which
		// only wrapped errors should pay for.
		jen.List(id("e"), id("ok")).Op(":=").Id("err").Assert(errPtr()),
		jen.If(jen.Op("!").Id("ok")).Block(
			jen.Var().Id("wrapped").Add(errPtr()),
			jen.If(jen.Qual(pkgErrors, "As").Call(id("err"), jen.Op("&").Id("wrapped"))).Block(id("e").Op("=").Id("wrapped")),
		),
		jen.If(id("e").Op("==").Nil().Op("||").Add(eDot("def")).Op("==").Nil().Op("||").Add(eDot("err")).Op("!=").Nil()).Block(
			id("e").Op("=").Id("fallback"),
		),
		id("h").Op(":=").Id("w").Dot("Header").Call(),
		// All header values share one allocation, each a full slice of its own
		// (len == cap), so appending to one never touches another. Keys are
		// canonical already (errgen canonicalized the catalog's): Header.Set
		// would canonicalize them again.
		id("n").Op(":=").Lit(1).Op("+").Len(defDot("headers")),
		jen.If(defDot("challenge").Op("!=").Lit("")).Block(id("n").Op("++")),
		id("values").Op(":=").Make(jen.Index().String(), jen.Lit(0), id("n")),
		id("set").Op(":=").Func().Params(jen.List(id("name"), id("value")).String()).Block(
			id("values").Op("=").Append(id("values"), id("value")),
			id("n").Op(":=").Len(id("values")),
			id("h").Index(id("name")).Op("=").Id("values").Index(id("n").Op("-").Lit(1).Op(":").Id("n").Op(":").Id("n")),
		),
		id("set").Call(jen.Lit("Content-Type"), defDot("envelope").Dot("mediaType")),
		jen.For(jen.List(jen.Id("_"), id("hd")).Op(":=").Range().Add(defDot("headers"))).Block(
			id("v").Op(":=").Id("hd").Dot("value"),
			jen.If(id("hd").Dot("template").Op("!=").Nil().Op("&&").Add(eDot("details")).Op("!=").Nil()).Block(
				id("v").Op("=").Id("e").Dot("fill").Call(id("hd").Dot("template")),
			),
			jen.If(id("v").Op("!=").Lit("")).Block(id("set").Call(id("hd").Dot("name"), id("v"))),
		),
		jen.If(defDot("challenge").Op("!=").Lit("")).Block(
			id("set").Call(jen.Lit("Www-Authenticate"), defDot("challenge")),
		),
		id("w").Dot("WriteHeader").Call(defDot("Status")),
		jen.If(id("r").Op("!=").Nil().Op("&&").Id("r").Dot("Method").Op("==").Qual(pkgHTTP, "MethodHead")).Block(jen.Return()),
		jen.If(eDot("static").Call()).Block(
			jen.List(jen.Id("_"), jen.Id("_")).Op("=").Qual(pkgIO, "WriteString").Call(id("w"), defDot("body")),
			jen.Return(),
		),
		id("buf").Op(":=").Id("bodyBuffers").Dot("Get").Call().Assert(jen.Op("*").Index().Byte()),
		id("b").Op(":=").Add(eDot("appendJSON").Call(jen.Parens(jen.Op("*").Id("buf")).Index(jen.Op(":").Lit(0)))),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(id("b")),
		// A writer must not retain what it is given (io.Writer), so the buffer
		// can serve the next error; one grown by a huge body is let go.
		jen.If(jen.Cap(id("b")).Op("<=").Lit(64<<10)).Block(
			jen.Op("*").Id("buf").Op("=").Id("b"),
			id("bodyBuffers").Dot("Put").Call(id("buf")),
		),
	)
	f.Line()
	f.Comment("bodyBuffers recycles Write's buffers: a 429 storm writes thousands of bodies a second.")
	f.Var().Id("bodyBuffers").Op("=").Qual("sync", "Pool").Values(jen.Dict{
		id("New"): jen.Func().Params().Any().Block(
			id("b").Op(":=").Make(bytesT(), jen.Lit(0), jen.Lit(512)),
			jen.Return(jen.Op("&").Id("b")),
		),
	})
	f.Line()
}

func runtimeParse(f *jen.File) {
	f.Comment("Parse reads an error response back into its catalog error, details included.")
	f.Comment("It matches by code, or by status and title for envelopes without a code.")
	f.Func().Id("Parse").Params(id("status").Int(), id("body").Add(bytesT())).Params(errPtr(), jen.Error()).Block(
		jen.If(jen.Op("!").Qual(pkgJSON, "Valid").Call(id("body"))).Block(
			jen.Return(jen.Nil(), jen.Qual(pkgErrors, "New").Call(jen.Lit("parse error response: body is not valid JSON"))),
		),
		jen.For(id("i").Op(":=").Range().Id("envelopes")).Block(
			jen.If(jen.List(id("e"), id("ok")).Op(":=").Id("envelopes").Index(id("i")).Dot("parse").Call(id("status"), id("body")), id("ok")).Block(
				jen.Return(id("e"), jen.Nil()),
			),
		),
		jen.Return(jen.Nil(), jen.Qual(pkgErrors, "New").Call(jen.Lit("parse error response: no catalog error matches the status and body"))),
	)
	f.Line()
	f.Comment("parse reads body in this envelope; ok is false when it does not identify one of")
	f.Comment("the envelope's errors.")
	f.Func().Params(id("env").Op("*").Id("envelope")).Id("parse").Params(id("status").Int(), id("body").Add(bytesT())).Params(errPtr(), jen.Bool()).Block(
		jen.Var().Defs(
			jen.List(id("code"), id("title"), id("message"), id("requestID"), id("instance")).String(),
			id("hasMessage").Bool(),
			id("details").Qual(pkgJSON, "RawMessage"),
			id("members").Map(jen.String()).Qual(pkgJSON, "RawMessage"),
		),
		jen.For(jen.List(jen.Id("_"), id("f")).Op(":=").Range().Id("env").Dot("fields")).Block(
			jen.List(id("raw"), id("ok")).Op(":=").Id("lookupPath").Call(id("body"), id("f").Dot("path")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Continue()),
			jen.Switch(id("f").Dot("ref")).Block(
				jen.Case(jen.Lit("code")).Block(jen.List(id("code"), jen.Id("_")).Op("=").Id("stringValue").Call(id("raw"))),
				jen.Case(jen.Lit("title")).Block(jen.List(id("title"), jen.Id("_")).Op("=").Id("stringValue").Call(id("raw"))),
				jen.Case(jen.Lit("message")).Block(jen.List(id("message"), id("hasMessage")).Op("=").Id("stringValue").Call(id("raw"))),
				jen.Case(jen.Lit("request_id")).Block(jen.List(id("requestID"), jen.Id("_")).Op("=").Id("stringValue").Call(id("raw"))),
				jen.Case(jen.Lit("instance")).Block(jen.List(id("instance"), jen.Id("_")).Op("=").Id("stringValue").Call(id("raw"))),
				jen.Case(jen.Lit("details")).Block(
					jen.If(id("f").Dot("arg").Op("==").Lit("")).Block(
						id("details").Op("=").Id("raw"),
						jen.Break(),
					),
					jen.If(id("members").Op("==").Nil()).Block(id("members").Op("=").Map(jen.String()).Qual(pkgJSON, "RawMessage").Values()),
					id("members").Index(id("f").Dot("arg")).Op("=").Id("raw"),
				),
				jen.Case(jen.Lit("spread")).Block(
					jen.Var().Id("all").Map(jen.String()).Qual(pkgJSON, "RawMessage"),
					jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(id("raw"), jen.Op("&").Id("all")).Op("!=").Nil()).Block(jen.Break()),
					jen.For(jen.List(jen.Id("_"), id("k")).Op(":=").Range().Id("f").Dot("exclude")).Block(
						jen.Delete(id("all"), id("k")),
					),
					id("members").Op("=").Id("all"),
				),
			),
		),
		id("def").Op(":=").Id("env").Dot("identify").Call(id("status"), id("code"), id("title")),
		jen.If(id("def").Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
		jen.If(id("details").Op("==").Nil().Op("&&").Len(id("members")).Op(">").Lit(0)).Block(
			jen.List(id("details"), jen.Id("_")).Op("=").Qual(pkgJSON, "Marshal").Call(id("members")),
		),
		id("e").Op(":=").Op("&").Id("Error").Values(jen.Dict{id("def"): id("def"), id("message"): id("def").Dot("message")}),
		jen.If(id("def").Dot("zero").Op("!=").Nil().Op("&&").Id("details").Op("!=").Nil()).Block(
			jen.List(id("d"), jen.Err()).Op(":=").Id("decodeDetails").Call(id("def").Dot("zero"), id("details")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
			id("e").Op("=").Id("newError").Call(id("def"), id("d")),
		),
		jen.If(id("hasMessage").Op("&&").Id("message").Op("!=").Add(eDot("message")).Op("&&").Op("!").Parens(eDot("message").Op("==").Lit("").Op("&&").Id("message").Op("==").Id("def").Dot("Title"))).Block(
			eDot("message").Op("=").Id("message"),
			eDot("custom").Op("=").True(),
		),
		eDot("requestID").Op("=").Id("requestID"),
		eDot("instance").Op("=").Id("instance"),
		jen.Return(id("e"), jen.True()),
	)
	f.Line()
	f.Comment("identify finds the definition a body names: by code, or by status and title.")
	f.Func().Params(id("env").Op("*").Id("envelope")).Id("identify").Params(id("status").Int(), jen.List(id("code"), id("title")).String()).Op("*").Id("definition").Block(
		id("k").Op(":=").Id("errorKey").Values(jen.Dict{id("env"): id("env"), id("code"): id("code")}),
		jen.If(jen.Op("!").Id("env").Dot("hasCode")).Block(
			id("k").Op("=").Id("errorKey").Values(jen.Dict{id("env"): id("env"), id("status"): id("status"), id("title"): id("title")}),
		),
		jen.Return(jen.Id("index").Call().Dot("byKey").Index(id("k"))),
	)
	f.Line()
	f.Comment("errorKey is what identifies an error in a body of its envelope.")
	f.Type().Id("errorKey").Struct(
		id("env").Op("*").Id("envelope"),
		id("code").String().Comment("when the envelope carries the code"),
		id("status").Int().Comment("otherwise, the status and the title"),
		id("title").String(),
	)
	f.Line()
	f.Comment("errorIndex finds definitions without a walk through the table: a catalog may")
	f.Comment("have thousands of errors.")
	f.Type().Id("errorIndex").Struct(
		id("byKey").Map(jen.Id("errorKey")).Op("*").Id("definition"),
		id("byCode").Map(jen.String()).Op("*").Id("definition"),
	)
	f.Line()
	f.Comment("index returns the errorIndex, built on first use; the first definition of a key")
	f.Comment("wins, as a walk in catalog order would find it.")
	f.Var().Id("index").Op("=").Qual("sync", "OnceValue").Call(jen.Func().Params().Op("*").Id("errorIndex").Block(
		id("x").Op(":=").Op("&").Id("errorIndex").Values(jen.Dict{
			id("byKey"):  jen.Make(jen.Map(jen.Id("errorKey")).Op("*").Id("definition"), jen.Len(jen.Id("definitions"))),
			id("byCode"): jen.Make(jen.Map(jen.String()).Op("*").Id("definition"), jen.Len(jen.Id("definitions"))),
		}),
		jen.For(id("i").Op(":=").Range().Id("definitions")).Block(
			id("d").Op(":=").Op("&").Id("definitions").Index(id("i")),
			id("k").Op(":=").Id("errorKey").Values(jen.Dict{id("env"): id("d").Dot("envelope"), id("code"): jen.String().Call(id("d").Dot("Code"))}),
			jen.If(jen.Op("!").Id("d").Dot("envelope").Dot("hasCode")).Block(
				id("k").Op("=").Id("errorKey").Values(jen.Dict{id("env"): id("d").Dot("envelope"), id("status"): id("d").Dot("Status"), id("title"): id("d").Dot("Title")}),
			),
			jen.If(jen.List(jen.Id("_"), id("dup")).Op(":=").Id("x").Dot("byKey").Index(id("k")), jen.Op("!").Id("dup")).Block(
				id("x").Dot("byKey").Index(id("k")).Op("=").Id("d"),
			),
			jen.If(jen.List(jen.Id("_"), id("dup")).Op(":=").Id("x").Dot("byCode").Index(jen.String().Call(id("d").Dot("Code"))), jen.Op("!").Id("dup")).Block(
				id("x").Dot("byCode").Index(jen.String().Call(id("d").Dot("Code"))).Op("=").Id("d"),
			),
		),
		jen.Return(id("x")),
	))
	f.Line()
	f.Comment("lookupPath returns the JSON value at path; a step \"\" is an array's first element.")
	f.Func().Id("lookupPath").Params(id("body").Add(bytesT()), id("path").Index().String()).Params(bytesT(), jen.Bool()).Block(
		id("cur").Op(":=").Id("body"),
		jen.For(jen.List(jen.Id("_"), id("step")).Op(":=").Range().Id("path")).Block(
			jen.If(id("cur").Op("==").Nil()).Block(jen.Break()),
			jen.If(id("step").Op("==").Lit("")).Block(
				id("cur").Op("=").Id("firstElement").Call(id("cur")),
			).Else().Block(
				id("cur").Op("=").Id("member").Call(id("cur"), id("step")),
			),
		),
		jen.Return(id("cur"), id("cur").Op("!=").Nil()),
	)
	f.Line()
}

func runtimeRegistry(f *jen.File) {
	f.Comment("Lookup returns the definition of a code.")
	f.Func().Id("Lookup").Params(id("code").String()).Params(jen.Id("Definition"), jen.Bool()).Block(
		jen.If(id("d").Op(":=").Id("index").Call().Dot("byCode").Index(id("code")), id("d").Op("!=").Nil()).Block(
			jen.Return(id("d").Dot("Definition"), jen.True()),
		),
		jen.Return(jen.Id("Definition").Values(), jen.False()),
	)
	f.Line()
	f.Comment("Definitions returns every definition, in catalog order.")
	f.Func().Id("Definitions").Params().Index().Id("Definition").Block(
		id("out").Op(":=").Make(jen.Index().Id("Definition"), jen.Len(jen.Id("definitions"))),
		jen.For(id("i").Op(":=").Range().Id("definitions")).Block(
			id("out").Index(id("i")).Op("=").Id("definitions").Index(id("i")).Dot("Definition"),
		),
		jen.Return(id("out")),
	)
	f.Line()
}

func runtimeJSON(f *jen.File) {
	f.Comment("jsonSafe marks, by ASCII byte, what a JSON string holds as it is: encoding/json")
	f.Comment("escapes control characters, quote and backslash, and <, > and & (HTML-safe).")
	f.Const().Id("jsonSafe").Op("=").Lit("00000000000000000000000000000000110111011111111111111111111101011111111111111111111111111111011111111111111111111111111111111111")
	f.Line()
	f.Comment("appendString appends s as a JSON string exactly as encoding/json writes it")
	f.Comment("(HTML-safe, U+2028 and U+2029 escaped, invalid UTF-8 replaced), without its cost.")
	f.Func().Id("appendString").Params(id("b").Add(bytesT()), id("s").String()).Add(bytesT()).Block(
		jen.Const().Id("hex").Op("=").Lit("0123456789abcdef"),
		id("b").Op("=").Append(id("b"), jen.LitRune('"')),
		id("start").Op(":=").Lit(0),
		id("i").Op(":=").Lit(0),
		// Most strings need no escaping: a tight scan, then one copy.
		jen.For(id("i").Op("<").Len(id("s")).Op("&&").Id("s").Index(id("i")).Op("<").Qual(pkgUTF8, "RuneSelf").Op("&&").Id("jsonSafe").Index(id("s").Index(id("i"))).Op("==").LitRune('1')).Block(
			id("i").Op("++"),
		),
		jen.For(id("i").Op("<").Len(id("s"))).Block(
			jen.If(id("c").Op(":=").Id("s").Index(id("i")), id("c").Op("<").Qual(pkgUTF8, "RuneSelf")).Block(
				jen.If(id("jsonSafe").Index(id("c")).Op("==").LitRune('1')).Block(
					id("i").Op("++"),
					jen.Continue(),
				),
				id("b").Op("=").Append(id("b"), id("s").Index(id("start").Op(":").Id("i")).Op("...")),
				jen.Switch(id("c")).Block(
					jen.Case(jen.LitRune('"'), jen.LitRune('\\')).Block(id("b").Op("=").Append(id("b"), jen.LitRune('\\'), id("c"))),
					jen.Case(jen.LitRune('\b')).Block(id("b").Op("=").Append(id("b"), jen.LitRune('\\'), jen.LitRune('b'))),
					jen.Case(jen.LitRune('\f')).Block(id("b").Op("=").Append(id("b"), jen.LitRune('\\'), jen.LitRune('f'))),
					jen.Case(jen.LitRune('\n')).Block(id("b").Op("=").Append(id("b"), jen.LitRune('\\'), jen.LitRune('n'))),
					jen.Case(jen.LitRune('\r')).Block(id("b").Op("=").Append(id("b"), jen.LitRune('\\'), jen.LitRune('r'))),
					jen.Case(jen.LitRune('\t')).Block(id("b").Op("=").Append(id("b"), jen.LitRune('\\'), jen.LitRune('t'))),
					jen.Default().Block(
						id("b").Op("=").Append(id("b"), jen.LitRune('\\'), jen.LitRune('u'), jen.LitRune('0'), jen.LitRune('0'), id("hex").Index(id("c").Op(">>").Lit(4)), id("hex").Index(id("c").Op("&").Lit(0xF))),
					),
				),
				id("i").Op("++"),
				id("start").Op("=").Id("i"),
				jen.Continue(),
			),
			jen.List(id("r"), id("size")).Op(":=").Qual(pkgUTF8, "DecodeRuneInString").Call(id("s").Index(id("i").Op(":"))),
			jen.If(id("r").Op("==").Qual(pkgUTF8, "RuneError").Op("&&").Id("size").Op("==").Lit(1)).Block(
				id("b").Op("=").Append(id("b"), id("s").Index(id("start").Op(":").Id("i")).Op("...")),
				id("b").Op("=").Append(id("b"), jen.Lit(`\ufffd`).Op("...")),
				id("i").Op("+=").Id("size"),
				id("start").Op("=").Id("i"),
				jen.Continue(),
			),
			jen.If(id("r").Op("==").LitRune('\u2028').Op("||").Id("r").Op("==").LitRune('\u2029')).Block(
				id("b").Op("=").Append(id("b"), id("s").Index(id("start").Op(":").Id("i")).Op("...")),
				id("b").Op("=").Append(id("b"), jen.LitRune('\\'), jen.LitRune('u'), jen.LitRune('2'), jen.LitRune('0'), jen.LitRune('2'), id("hex").Index(id("r").Op("&").Lit(0xF))),
				id("i").Op("+=").Id("size"),
				id("start").Op("=").Id("i"),
				jen.Continue(),
			),
			id("i").Op("+=").Id("size"),
		),
		id("b").Op("=").Append(id("b"), id("s").Index(id("start").Op(":")).Op("...")),
		jen.Return(jen.Append(id("b"), jen.LitRune('"'))),
	)
}
