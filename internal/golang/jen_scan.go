package golang

import (
	"github.com/dave/jennifer/jen"
)

// runtimeScan writes a minimal JSON scanner: rendering templates, $details.NAME
// and Parse only need to find members in valid JSON, which slicing does
// without the maps and allocations of encoding/json.
func runtimeScan(f *jen.File) {
	b, i := id("b"), id("i")
	f.Comment("skipSpace returns the index of the first non-space byte at or after i.")
	f.Func().Id("skipSpace").Params(id("b").Add(bytesT()), id("i").Int()).Int().Block(
		jen.For(i.Clone().Op("<").Len(b).Op("&&").Parens(
			b.Clone().Index(i).Op("==").LitRune(' ').Op("||").Add(b).Index(i).Op("==").LitRune('\t').Op("||").
				Add(b).Index(i).Op("==").LitRune('\n').Op("||").Add(b).Index(i).Op("==").LitRune('\r'))).Block(
			i.Clone().Op("++"),
		),
		jen.Return(i),
	)
	f.Line()
	f.Comment("skipValue returns the index just after the JSON value starting at i.")
	f.Func().Id("skipValue").Params(id("b").Add(bytesT()), id("i").Int()).Int().Block(
		jen.If(i.Clone().Op(">=").Len(b)).Block(jen.Return(i)),
		jen.Switch(b.Clone().Index(i)).Block(
			jen.Case(jen.LitRune('"')).Block(
				jen.For(i.Clone().Op("++"), i.Clone().Op("<").Len(b), i.Clone().Op("++")).Block(
					jen.Switch(b.Clone().Index(i)).Block(
						jen.Case(jen.LitRune('\\')).Block(i.Clone().Op("++")),
						jen.Case(jen.LitRune('"')).Block(jen.Return(i.Clone().Op("+").Lit(1))),
					),
				),
				jen.Return(i),
			),
			jen.Case(jen.LitRune('{'), jen.LitRune('[')).Block(
				id("depth").Op(":=").Lit(0),
				jen.For(jen.Empty(), i.Clone().Op("<").Len(b), i.Clone().Op("++")).Block(
					jen.Switch(b.Clone().Index(i)).Block(
						jen.Case(jen.LitRune('"')).Block(i.Clone().Op("=").Id("skipValue").Call(b, i).Op("-").Lit(1)),
						jen.Case(jen.LitRune('{'), jen.LitRune('[')).Block(id("depth").Op("++")),
						jen.Case(jen.LitRune('}'), jen.LitRune(']')).Block(
							id("depth").Op("--"),
							jen.If(id("depth").Op("==").Lit(0)).Block(jen.Return(i.Clone().Op("+").Lit(1))),
						),
					),
				),
				jen.Return(i),
			),
		),
		jen.For(i.Clone().Op("<").Len(b).Op("&&").Add(b).Index(i).Op("!=").LitRune(',').Op("&&").Add(b).Index(i).Op("!=").LitRune('}').
			Op("&&").Add(b).Index(i).Op("!=").LitRune(']').Op("&&").Add(b).Index(i).Op("!=").LitRune(' ').
			Op("&&").Add(b).Index(i).Op("!=").LitRune('\t').Op("&&").Add(b).Index(i).Op("!=").LitRune('\n').Op("&&").Add(b).Index(i).Op("!=").LitRune('\r')).Block(
			i.Clone().Op("++"),
		),
		jen.Return(i),
	)
	f.Line()
	f.Comment("member returns the value of the named member of a JSON object, the last one")
	f.Comment("when it repeats (as encoding/json decides), or nil.")
	f.Func().Id("member").Params(id("b").Add(bytesT()), id("name").String()).Add(bytesT()).Block(
		id("i").Op(":=").Id("skipSpace").Call(b, jen.Lit(0)),
		jen.If(i.Clone().Op(">=").Len(b).Op("||").Add(b).Index(i).Op("!=").LitRune('{')).Block(jen.Return(jen.Nil())),
		jen.Var().Id("found").Add(bytesT()),
		i.Clone().Op("=").Id("skipSpace").Call(b, i.Clone().Op("+").Lit(1)),
		jen.For(i.Clone().Op("<").Len(b).Op("&&").Add(b).Index(i).Op("==").LitRune('"')).Block(
			id("end").Op(":=").Id("skipValue").Call(b, i),
			id("key").Op(":=").Add(b).Index(i.Clone().Op(":").Id("end")),
			i.Clone().Op("=").Id("skipSpace").Call(b, id("end")),
			jen.If(i.Clone().Op(">=").Len(b).Op("||").Add(b).Index(i).Op("!=").LitRune(':')).Block(jen.Return(jen.Nil())),
			i.Clone().Op("=").Id("skipSpace").Call(b, i.Clone().Op("+").Lit(1)),
			id("end").Op("=").Id("skipValue").Call(b, i),
			jen.If(id("keyIs").Call(id("key"), id("name"))).Block(
				id("found").Op("=").Add(b).Index(i.Clone().Op(":").Id("end")),
			),
			i.Clone().Op("=").Id("skipSpace").Call(b, id("end")),
			jen.If(i.Clone().Op("<").Len(b).Op("&&").Add(b).Index(i).Op("==").LitRune(',')).Block(
				i.Clone().Op("=").Id("skipSpace").Call(b, i.Clone().Op("+").Lit(1)),
			),
		),
		jen.Return(id("found")),
	)
	f.Line()
	f.Comment("keyIs reports whether a JSON string is name; plain keys are compared in place.")
	f.Func().Id("keyIs").Params(id("key").Add(bytesT()), id("name").String()).Bool().Block(
		jen.If(jen.Len(id("key")).Op("==").Len(id("name")).Op("+").Lit(2).Op("&&").Id("string").Call(id("key").Index(jen.Lit(1).Op(":").Len(id("key")).Op("-").Lit(1))).Op("==").Id("name")).Block(
			jen.Return(jen.True()),
		),
		jen.If(jen.Qual("bytes", "IndexByte").Call(id("key"), jen.LitRune('\\')).Op("<").Lit(0)).Block(jen.Return(jen.False())),
		jen.List(id("k"), id("ok")).Op(":=").Id("stringValue").Call(id("key")),
		jen.Return(id("ok").Op("&&").Id("k").Op("==").Id("name")),
	)
	f.Line()
	f.Comment("firstElement returns the first element of a JSON array, or nil.")
	f.Func().Id("firstElement").Params(id("b").Add(bytesT())).Add(bytesT()).Block(
		id("i").Op(":=").Id("skipSpace").Call(b, jen.Lit(0)),
		jen.If(i.Clone().Op(">=").Len(b).Op("||").Add(b).Index(i).Op("!=").LitRune('[')).Block(jen.Return(jen.Nil())),
		i.Clone().Op("=").Id("skipSpace").Call(b, i.Clone().Op("+").Lit(1)),
		jen.If(i.Clone().Op(">=").Len(b).Op("||").Add(b).Index(i).Op("==").LitRune(']')).Block(jen.Return(jen.Nil())),
		jen.Return(b.Clone().Index(i.Clone().Op(":").Id("skipValue").Call(b, i))),
	)
	f.Line()
	f.Comment("stringValue decodes a JSON string; plain ones are sliced, not decoded.")
	f.Func().Id("stringValue").Params(id("raw").Add(bytesT())).Params(jen.String(), jen.Bool()).Block(
		jen.If(jen.Len(id("raw")).Op("<").Lit(2).Op("||").Id("raw").Index(jen.Lit(0)).Op("!=").LitRune('"')).Block(jen.Return(jen.Lit(""), jen.False())),
		id("plain").Op(":=").True(),
		jen.For(jen.List(jen.Id("_"), id("c")).Op(":=").Range().Id("raw").Index(jen.Lit(1).Op(":").Len(id("raw")).Op("-").Lit(1))).Block(
			jen.If(id("c").Op("==").LitRune('\\').Op("||").Id("c").Op("==").LitRune('"').Op("||").Id("c").Op("<").LitRune(' ').Op("||").Id("c").Op(">=").Qual(pkgUTF8, "RuneSelf")).Block(
				id("plain").Op("=").False(),
				jen.Break(),
			),
		),
		jen.If(id("plain")).Block(jen.Return(jen.String().Call(id("raw").Index(jen.Lit(1).Op(":").Len(id("raw")).Op("-").Lit(1))), jen.True())),
		jen.Var().Id("s").String(),
		jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(id("raw"), jen.Op("&").Id("s")),
		jen.Return(id("s"), jen.Err().Op("==").Nil()),
	)
	f.Line()
}
