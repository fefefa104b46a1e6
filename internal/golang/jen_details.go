package golang

import (
	"github.com/dave/jennifer/jen"
)

const (
	pkgMath    = "math"
	pkgReflect = "reflect"
	pkgStrings = "strings"
)

// rk is a reflect.Kind, or another name of package reflect.
func rk(name string) *jen.Statement { return jen.Qual(pkgReflect, name) }

// runtimeDetails writes how errors carry their details. Details structs hold
// only what errgen generates (strings, ints, float64s, bools, []string,
// map[string]string, json.RawMessage), so the scalars are written directly,
// as the body is written, without encoding/json's per-call reflection and
// caches; every other field, and every value encoding/json refuses, still
// goes through encoding/json, so the bytes and the errors are exactly its own.
// Details that hold slices, maps or raw JSON are encoded once, at
// construction: the caller could change them afterwards.
func runtimeDetails(f *jen.File) {
	detailsConstruct(f)
	detailsPrepared(f)
	detailsEncode(f)
	detailsAccess(f)
	detailsTemplates(f)
}

func detailsConstruct(f *jen.File) {
	f.Comment("newError builds an error with details, checking that they encode, and renders the")
	f.Comment("message from them, the same way errgen rendered the docs.")
	f.Func().Id("newError").Params(id("def").Op("*").Id("definition"), id("details").Any()).Add(errPtr()).Block(
		id("e").Op(":=").Op("&").Id("Error").Values(jen.Dict{id("def"): id("def"), id("details"): id("details"), id("message"): id("def").Dot("message")}),
		id("p").Op(":=").Id("def").Dot("prepared").Call(),
		jen.Switch().Block(
			jen.Case(id("p").Dot("eager").Op("||").Qual(pkgReflect, "TypeOf").Call(id("details")).Op("!=").Qual(pkgReflect, "TypeOf").Call(id("def").Dot("zero"))).Block(
				jen.List(id("raw"), jen.Err()).Op(":=").Id("appendDetailsObject").Call(jen.Make(bytesT(), jen.Lit(0), jen.Lit(128)), id("def"), id("details")),
				jen.If(jen.Err().Op("!=").Nil()).Block(
					eDot("err").Op("=").Err(),
					jen.Return(id("e")),
				),
				eDot("detailsJSON").Op("=").Id("raw"),
			),
			jen.Case(id("p").Dot("floats")).Block(
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("appendDetailsObject").Call(jen.Nil(), id("def"), id("details")), jen.Err().Op("!=").Nil()).Block(
					eDot("err").Op("=").Err(),
					jen.Return(id("e")),
				),
			),
		),
		jen.If(id("def").Dot("messageTemplate").Op("!=").Nil()).Block(
			eDot("message").Op("=").Id("e").Dot("fill").Call(id("def").Dot("messageTemplate")),
		),
		jen.Return(id("e")),
	)
	f.Line()
}

func detailsPrepared(f *jen.File) {
	f.Comment("prepared is what the runtime works out once per definition, on first use, so")
	f.Comment("that the definitions table stays small, and so does the generated package.")
	f.Type().Id("prepared").Struct(
		id("fields").Index().Id("detailsField").Comment("how to encode the details, from their struct tags"),
		id("eager").Bool().Comment("the details hold slices, maps or raw JSON: newError encodes them"),
		id("floats").Bool().Comment("the details hold float64s, which may be NaN: newError checks them"),
		id("code").String().Comment("the code as a JSON string"),
		id("title").String().Comment("the title as a JSON string"),
		id("message").String().Comment(`the catalog's message as a JSON string; "" when it has placeholders`),
	)
	f.Line()
	f.Comment("detailsField is how one field of a <Name>Details struct is encoded.")
	f.Type().Id("detailsField").Struct(
		id("name").String().Comment("the detail's name in the catalog"),
		id("key").String().Comment(`the member's key, quoted, with its colon: "name":`),
		id("omitEmpty").Bool().Comment("optional details are left out when empty"),
	)
	f.Line()
	quote := func(s jen.Code) jen.Code { return jen.String().Call(jen.Id("appendString").Call(jen.Nil(), s)) }
	f.Comment("prepared returns what the runtime works out once per definition.")
	f.Func().Params(id("def").Op("*").Id("definition")).Id("prepared").Params().Op("*").Id("prepared").Block(
		id("def").Dot("once").Dot("Do").Call(jen.Func().Params().Block(
			id("p").Op(":=").Op("&").Id("def").Dot("prep"),
			id("p").Dot("code").Op("=").Add(quote(jen.String().Call(id("def").Dot("Code")))),
			id("p").Dot("title").Op("=").Add(quote(id("def").Dot("Title"))),
			jen.If(id("def").Dot("message").Op("!=").Lit("")).Block(
				id("p").Dot("message").Op("=").Add(quote(id("def").Dot("message"))),
			),
			jen.If(id("def").Dot("zero").Op("==").Nil()).Block(jen.Return()),
			id("t").Op(":=").Qual(pkgReflect, "TypeOf").Call(id("def").Dot("zero")),
			id("p").Dot("fields").Op("=").Make(jen.Index().Id("detailsField"), id("t").Dot("NumField").Call()),
			jen.For(id("i").Op(":=").Range().Id("p").Dot("fields")).Block(
				id("sf").Op(":=").Id("t").Dot("Field").Call(id("i")),
				jen.List(id("name"), id("opts"), jen.Id("_")).Op(":=").Qual(pkgStrings, "Cut").Call(id("sf").Dot("Tag").Dot("Get").Call(jen.Lit("json")), jen.Lit(",")),
				id("p").Dot("fields").Index(id("i")).Op("=").Id("detailsField").Values(jen.Dict{
					id("name"):      id("name"),
					id("key"):       jen.String().Call(jen.Id("appendString").Call(jen.Nil(), id("name"))).Op("+").Lit(":"),
					id("omitEmpty"): id("opts").Op("==").Lit("omitempty"),
				}),
				jen.Switch(id("sf").Dot("Type").Dot("Kind").Call()).Block(
					jen.Case(rk("String"), rk("Int"), rk("Bool")).Block(),
					jen.Case(rk("Float64")).Block(id("p").Dot("floats").Op("=").True()),
					jen.Default().Block(id("p").Dot("eager").Op("=").True()),
				),
			),
		)),
		jen.Return(jen.Op("&").Id("def").Dot("prep")),
	)
	f.Line()
}

func detailsEncode(f *jen.File) {
	f.Comment("appendDetailsObject appends details as json.Marshal writes them, and fails where")
	f.Comment("it fails, with its error.")
	f.Func().Id("appendDetailsObject").Params(id("b").Add(bytesT()), id("def").Op("*").Id("definition"), id("details").Any()).Params(bytesT(), jen.Error()).Block(
		id("v").Op(":=").Qual(pkgReflect, "ValueOf").Call(id("details")),
		jen.If(jen.Op("!").Id("v").Dot("IsValid").Call().Op("||").Id("v").Dot("Type").Call().Op("!=").Qual(pkgReflect, "TypeOf").Call(id("def").Dot("zero"))).Block(
			jen.List(id("raw"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(id("details")),
			jen.Return(jen.Append(id("b"), id("raw").Op("...")), jen.Err()),
		),
		id("b").Op("=").Append(id("b"), jen.LitRune('{')),
		id("start").Op(":=").Len(id("b")),
		jen.For(jen.List(id("i"), id("f")).Op(":=").Range().Id("def").Dot("prepared").Call().Dot("fields")).Block(
			id("fv").Op(":=").Id("v").Dot("Field").Call(id("i")),
			jen.If(id("f").Dot("omitEmpty").Op("&&").Id("isEmptyValue").Call(id("fv"))).Block(jen.Continue()),
			jen.If(jen.Len(id("b")).Op(">").Id("start")).Block(id("b").Op("=").Append(id("b"), jen.LitRune(','))),
			id("b").Op("=").Append(id("b"), id("f").Dot("key").Op("...")),
			jen.Var().Id("ok").Bool(),
			jen.If(jen.List(id("b"), id("ok")).Op("=").Id("appendValue").Call(id("b"), id("fv")), jen.Op("!").Id("ok")).Block(
				jen.Comment("encoding/json's own error, which names the field."),
				jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(id("details")),
				jen.Return(id("b"), jen.Err()),
			),
		),
		jen.Return(jen.Append(id("b"), jen.LitRune('}')), jen.Nil()),
	)
	f.Line()
	f.Comment("appendValue appends a detail's JSON value; ok is false for a value encoding/json refuses.")
	f.Func().Id("appendValue").Params(id("b").Add(bytesT()), id("v").Qual(pkgReflect, "Value")).Params(bytesT(), jen.Bool()).Block(
		jen.Switch(id("v").Dot("Kind").Call()).Block(
			jen.Case(rk("String")).Block(jen.Return(jen.Id("appendString").Call(id("b"), id("v").Dot("String").Call()), jen.True())),
			jen.Case(rk("Int")).Block(jen.Return(jen.Qual(pkgStrconv, "AppendInt").Call(id("b"), id("v").Dot("Int").Call(), jen.Lit(10)), jen.True())),
			jen.Case(rk("Bool")).Block(jen.Return(jen.Qual(pkgStrconv, "AppendBool").Call(id("b"), id("v").Dot("Bool").Call()), jen.True())),
			jen.Case(rk("Float64")).Block(
				id("x").Op(":=").Id("v").Dot("Float").Call(),
				jen.If(jen.Qual(pkgMath, "IsNaN").Call(id("x")).Op("||").Qual(pkgMath, "IsInf").Call(id("x"), jen.Lit(0))).Block(jen.Return(id("b"), jen.False())),
				jen.Return(jen.Id("appendFloat").Call(id("b"), id("x")), jen.True()),
			),
		),
		jen.List(id("raw"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(id("v").Dot("Interface").Call()),
		jen.Return(jen.Append(id("b"), id("raw").Op("...")), jen.Err().Op("==").Nil()),
	)
	f.Line()
	f.Comment("isEmptyValue is encoding/json's omitempty test, for the kinds details have.")
	f.Func().Id("isEmptyValue").Params(id("v").Qual(pkgReflect, "Value")).Bool().Block(
		jen.Switch(id("v").Dot("Kind").Call()).Block(
			jen.Case(rk("String"), rk("Slice"), rk("Map")).Block(jen.Return(id("v").Dot("Len").Call().Op("==").Lit(0))),
			jen.Case(rk("Int")).Block(jen.Return(id("v").Dot("Int").Call().Op("==").Lit(0))),
			jen.Case(rk("Float64")).Block(jen.Return(id("v").Dot("Float").Call().Op("==").Lit(0))),
			jen.Case(rk("Bool")).Block(jen.Return(jen.Op("!").Id("v").Dot("Bool").Call())),
		),
		jen.Return(jen.False()),
	)
	f.Line()
	f.Comment("appendFloat writes a finite float64 as encoding/json does: like ES6, with an")
	f.Comment("exponent only for very small or very large values, and no leading zero in it.")
	f.Func().Id("appendFloat").Params(id("b").Add(bytesT()), id("x").Float64()).Add(bytesT()).Block(
		id("format").Op(":=").Byte().Call(jen.LitRune('f')),
		jen.If(id("abs").Op(":=").Qual(pkgMath, "Abs").Call(id("x")), id("abs").Op("!=").Lit(0).Op("&&").Parens(id("abs").Op("<").Lit(1e-6).Op("||").Id("abs").Op(">=").Lit(1e21))).Block(
			id("format").Op("=").LitRune('e'),
		),
		id("b").Op("=").Qual(pkgStrconv, "AppendFloat").Call(id("b"), id("x"), id("format"), jen.Lit(-1), jen.Lit(64)),
		jen.If(id("n").Op(":=").Len(id("b")), id("format").Op("==").LitRune('e').Op("&&").Id("b").Index(id("n").Op("-").Lit(4)).Op("==").LitRune('e').Op("&&").
			Id("b").Index(id("n").Op("-").Lit(3)).Op("==").LitRune('-').Op("&&").Id("b").Index(id("n").Op("-").Lit(2)).Op("==").LitRune('0')).Block(
			jen.Comment("e-07 becomes e-7."),
			id("b").Index(id("n").Op("-").Lit(2)).Op("=").Id("b").Index(id("n").Op("-").Lit(1)),
			id("b").Op("=").Id("b").Index(jen.Op(":").Id("n").Op("-").Lit(1)),
		),
		jen.Return(id("b")),
	)
	f.Line()
}

// detailsAccess writes what the envelope writers call: they never see how
// the details are held.
func detailsAccess(f *jen.File) {
	null := func() jen.Code { return jen.Return(jen.Append(id("b"), jen.Lit("null").Op("..."))) }
	method(f, "appendDetails appends the details object, {} when there are none.", "appendDetails").Params(id("b").Add(bytesT())).Add(bytesT()).Block(
		jen.If(eDot("detailsJSON").Op("!=").Nil()).Block(jen.Return(jen.Append(id("b"), eDot("detailsJSON").Op("...")))),
		jen.If(eDot("details").Op("==").Nil()).Block(jen.Return(jen.Append(id("b"), jen.Lit("{}").Op("...")))),
		jen.Comment("newError checked that they encode."),
		jen.List(id("b"), jen.Id("_")).Op("=").Id("appendDetailsObject").Call(id("b"), eDot("def"), eDot("details")),
		jen.Return(id("b")),
	)
	f.Line()
	method(f, "appendDetailMembers appends the members of the details object without its braces: a spread.", "appendDetailMembers").Params(id("b").Add(bytesT())).Add(bytesT()).Block(
		id("start").Op(":=").Len(id("b")),
		id("b").Op("=").Add(eDot("appendDetails").Call(id("b"))),
		jen.Copy(id("b").Index(id("start").Op(":")), id("b").Index(id("start").Op("+").Lit(1).Op(":").Len(id("b")).Op("-").Lit(1))),
		jen.Return(id("b").Index(jen.Op(":").Len(id("b")).Op("-").Lit(2))),
	)
	f.Line()
	method(f, "hasDetails reports whether the details object has members.", "hasDetails").Params().Bool().Block(
		jen.If(eDot("detailsJSON").Op("!=").Nil()).Block(jen.Return(jen.Len(eDot("detailsJSON")).Op(">").Lit(2))),
		id("v").Op(":=").Qual(pkgReflect, "ValueOf").Call(eDot("details")),
		jen.If(jen.Op("!").Id("v").Dot("IsValid").Call()).Block(jen.Return(jen.False())),
		jen.For(jen.List(id("i"), id("f")).Op(":=").Range().Add(defDot("prepared").Call().Dot("fields"))).Block(
			jen.If(jen.Op("!").Id("f").Dot("omitEmpty").Op("||").Op("!").Id("isEmptyValue").Call(id("v").Dot("Field").Call(id("i")))).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
	f.Line()
	f.Comment("detailField returns a detail's value, and whether the body carries it: optional")
	f.Comment("details are left out when empty.")
	f.Func().Params(id("e").Add(errPtr())).Id("detailField").Params(id("name").String()).Params(rk("Value"), jen.Bool()).Block(
		id("v").Op(":=").Qual(pkgReflect, "ValueOf").Call(eDot("details")),
		jen.If(jen.Op("!").Id("v").Dot("IsValid").Call()).Block(jen.Return(rk("Value").Values(), jen.False())),
		jen.For(jen.List(id("i"), id("f")).Op(":=").Range().Add(defDot("prepared").Call().Dot("fields"))).Block(
			jen.If(id("f").Dot("name").Op("==").Id("name")).Block(
				id("fv").Op(":=").Id("v").Dot("Field").Call(id("i")),
				jen.Return(id("fv"), jen.Op("!").Parens(id("f").Dot("omitEmpty").Op("&&").Id("isEmptyValue").Call(id("fv")))),
			),
		),
		jen.Return(rk("Value").Values(), jen.False()),
	)
	f.Line()
	method(f, "hasDetail reports whether the body carries the named detail.", "hasDetail").Params(id("name").String()).Bool().Block(
		jen.If(eDot("detailsJSON").Op("!=").Nil()).Block(jen.Return(jen.Id("member").Call(eDot("detailsJSON"), id("name")).Op("!=").Nil())),
		jen.List(jen.Id("_"), id("ok")).Op(":=").Add(eDot("detailField").Call(id("name"))),
		jen.Return(id("ok")),
	)
	f.Line()
	method(f, "appendDetail appends the named detail's JSON value, or null when the body leaves it out.", "appendDetail").Params(id("b").Add(bytesT()), id("name").String()).Add(bytesT()).Block(
		jen.If(eDot("detailsJSON").Op("!=").Nil()).Block(
			jen.If(id("raw").Op(":=").Id("member").Call(eDot("detailsJSON"), id("name")), id("raw").Op("!=").Nil()).Block(
				jen.Return(jen.Append(id("b"), id("raw").Op("..."))),
			),
			null(),
		),
		jen.List(id("fv"), id("ok")).Op(":=").Add(eDot("detailField").Call(id("name"))),
		jen.If(jen.Op("!").Id("ok")).Block(null()),
		jen.List(id("b"), jen.Id("_")).Op("=").Id("appendValue").Call(id("b"), id("fv")),
		jen.Return(id("b")),
	)
	f.Line()
}

func detailsTemplates(f *jen.File) {
	method(f, "appendMessage appends what a bare $message writes: the message, else the title.", "appendMessage").Params(id("b").Add(bytesT())).Add(bytesT()).Block(
		id("p").Op(":=").Add(defDot("prepared").Call()),
		jen.Switch().Block(
			jen.Case(eDot("message").Op("==").Lit("")).Block(jen.Return(jen.Append(id("b"), id("p").Dot("title").Op("...")))),
			jen.Case(id("p").Dot("message").Op("!=").Lit("").Op("&&").Add(eDot("message")).Op("==").Add(defDot("message"))).Block(
				jen.Return(jen.Append(id("b"), id("p").Dot("message").Op("..."))),
			),
		),
		jen.Return(jen.Id("appendString").Call(id("b"), eDot("message"))),
	)
	f.Line()
	method(f, "fill renders a message or header template from the details.", "fill").Params(id("parts").Index().Id("templatePart")).String().Block(
		jen.If(jen.Len(id("parts")).Op("==").Lit(1).Op("&&").Id("parts").Index(jen.Lit(0)).Dot("detail").Op("!=").Lit("")).Block(
			jen.Comment("A lone placeholder, as in Retry-After: no buffer needed."),
			jen.Return(eDot("detailText").Call(id("parts").Index(jen.Lit(0)).Dot("detail"))),
		),
		jen.Var().Id("b").Index().Byte(),
		jen.For(jen.List(jen.Id("_"), id("p")).Op(":=").Range().Id("parts")).Block(
			jen.If(id("p").Dot("detail").Op("==").Lit("")).Block(
				id("b").Op("=").Append(id("b"), id("p").Dot("literal").Op("...")),
			).Else().Block(
				id("b").Op("=").Append(id("b"), eDot("detailText").Call(id("p").Dot("detail")).Op("...")),
			),
		),
		jen.Return(jen.String().Call(id("b"))),
	)
	f.Line()
	f.Comment("detailText is a detail as templates show it: a string as it is (invalid UTF-8")
	f.Comment("replaced, as in the body), any other value as its JSON text; \"\" when absent.")
	f.Func().Params(id("e").Add(errPtr())).Id("detailText").Params(id("name").String()).String().Block(
		jen.List(id("v"), id("ok")).Op(":=").Add(eDot("detailField").Call(id("name"))),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Lit(""))),
		jen.Switch(id("v").Dot("Kind").Call()).Block(
			jen.Case(rk("String")).Block(jen.Return(jen.Id("validUTF8").Call(id("v").Dot("String").Call()))),
			jen.Case(rk("Int")).Block(jen.Return(jen.Qual(pkgStrconv, "FormatInt").Call(id("v").Dot("Int").Call(), jen.Lit(10)))),
		),
		jen.List(id("b"), jen.Id("_")).Op(":=").Id("appendValue").Call(jen.Nil(), id("v")),
		jen.Return(jen.String().Call(id("b"))),
	)
	f.Line()
	f.Comment("validUTF8 replaces each invalid byte of s with U+FFFD, as encoding/json does.")
	f.Func().Id("validUTF8").Params(id("s").String()).String().Block(
		jen.If(jen.Qual(pkgUTF8, "ValidString").Call(id("s"))).Block(jen.Return(id("s"))),
		id("b").Op(":=").Make(bytesT(), jen.Lit(0), jen.Len(id("s")).Op("+").Lit(8)),
		jen.For(jen.List(jen.Id("_"), id("r")).Op(":=").Range().Id("s")).Block(
			id("b").Op("=").Qual(pkgUTF8, "AppendRune").Call(id("b"), id("r")),
		),
		jen.Return(jen.String().Call(id("b"))),
	)
	f.Line()
}
