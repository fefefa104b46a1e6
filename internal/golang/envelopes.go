package golang

import (
	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// envelopes writes, per envelope in use, an append function that writes the
// body (the same walk as example.Instance.Body, unrolled into
// straight-line code) and the field table Parse reads bodies back with.
func (g *packageWriter) envelopes(f *jen.File) {
	f.Comment("envelopes are the wire formats in use; definitions point into this table.")
	f.Var().Id("envelopes").Op("=").Index(jen.Lit(len(g.c.Envelopes))).Id("envelope").ValuesFunc(func(grp *jen.Group) {
		for _, env := range g.c.Envelopes {
			grp.Line().Values(jen.Dict{
				jen.Id("mediaType"):  jen.Lit(env.MediaType),
				jen.Id("appendBody"): jen.Id(envelopeFunc(env)),
				jen.Id("hasCode"):    jen.Lit(env.Has(catalog.RefCode)),
				jen.Id("fields"):     envelopeFields(env),
			})
		}
		grp.Line()
	})
	f.Line()
	for _, env := range g.c.Envelopes {
		w := &bodyWriter{g: g, named: env.NamedDetails()}
		w.node(env.Body)
		w.flush()
		f.Commentf("%s writes the %s envelope (%s).", envelopeFunc(env), env.Name, env.MediaType)
		f.Func().Id(envelopeFunc(env)).Params(jen.Id("b").Index().Byte(), jen.Id("e").Op("*").Id("Error")).Index().Byte().BlockFunc(func(grp *jen.Group) {
			for _, s := range w.stmts {
				grp.Add(s)
			}
			grp.Return(jen.Id("b"))
		})
		f.Line()
	}
}

func envelopeFunc(env *catalog.Envelope) string {
	return "append" + catalog.GoName(env.Name) + "Body"
}

// envelopeFields lists where each reference sits in the body, for Parse.
// A path step "" is the first element of an array.
func envelopeFields(env *catalog.Envelope) jen.Code {
	var fields []jen.Code
	var walk func(n *catalog.Node, path []string)
	walk = func(n *catalog.Node, path []string) {
		switch n.Kind {
		case catalog.KindObject:
			var others []string
			for _, m := range n.Members {
				if !m.Spread {
					others = append(others, m.Key)
				}
			}
			for _, m := range n.Members {
				if m.Spread {
					fields = append(fields, jen.Values(jen.Dict{
						jen.Id("ref"):     jen.Lit("spread"),
						jen.Id("path"):    stringList(path),
						jen.Id("exclude"): stringList(others),
					}))
					continue
				}
				walk(m.Value, append(append([]string(nil), path...), m.Key))
			}
		case catalog.KindArray:
			walk(n.Elem, append(append([]string(nil), path...), ""))
		case catalog.KindRef:
			d := jen.Dict{jen.Id("ref"): jen.Lit(string(n.Ref.Name)), jen.Id("path"): stringList(path)}
			if n.Ref.Arg != "" {
				d[jen.Id("arg")] = jen.Lit(n.Ref.Arg)
			}
			fields = append(fields, jen.Values(d))
		}
	}
	walk(env.Body, nil)
	return jen.Index().Id("envelopeField").Values(fields...)
}

func stringList(list []string) jen.Code {
	if len(list) == 0 {
		return jen.Nil()
	}
	return jen.Index().String().ValuesFunc(func(g *jen.Group) {
		for _, s := range list {
			g.Lit(s)
		}
	})
}

// bodyWriter turns an envelope template into append statements, merging
// constant text into single appends and deciding commas statically where it
// can: a member needs a comma when something was written before it in its
// object, which is only unknown after an optional member.
type bodyWriter struct {
	g       *packageWriter
	named   []string // details the envelope places by name, which a whole $details or a spread leaves out
	stmts   []jen.Code
	pending string // constant text not yet appended
}

// objectState is what is known about an object's members written so far.
type objectState int

const (
	stateEmpty   objectState = iota // nothing written yet
	stateWritten                    // at least one member written
	stateUnknown                    // depends on optional members
)

func (w *bodyWriter) lit(s string) { w.pending += s }

func (w *bodyWriter) flush() {
	if w.pending != "" {
		w.stmts = append(w.stmts, jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit(w.pending).Op("...")))
		w.pending = ""
	}
}

func (w *bodyWriter) stmt(s jen.Code) {
	w.flush()
	w.stmts = append(w.stmts, s)
}

// sub runs fn on a writer for a nested block and returns its statements.
func (w *bodyWriter) sub(fn func(*bodyWriter)) []jen.Code {
	inner := &bodyWriter{g: w.g}
	fn(inner)
	inner.flush()
	return inner.stmts
}

func (w *bodyWriter) node(n *catalog.Node) {
	switch n.Kind {
	case catalog.KindObject:
		w.object(n)
	case catalog.KindArray:
		w.lit("[")
		w.node(n.Elem)
		w.lit("]")
	case catalog.KindLiteral:
		w.lit(string(n.Literal))
	case catalog.KindRef:
		w.value(n.Ref)
	}
}

func (w *bodyWriter) object(n *catalog.Node) {
	w.lit("{")
	state := stateEmpty
	for _, m := range n.Members {
		switch {
		case m.Spread:
			body := w.sub(func(in *bodyWriter) {
				in.comma(state)
				in.stmt(jen.Id("b").Op("=").Add(w.detailsCall("appendDetailMembers", jen.Id("b"))))
			})
			w.stmt(jen.If(w.detailsCall("hasDetails")).Block(body...))
			state = afterOptional(state)
		case m.Value.Kind == catalog.KindRef && m.Value.Ref.Optional:
			cond, write := w.optional(m.Value.Ref)
			body := w.sub(func(in *bodyWriter) {
				in.comma(state)
				in.lit(string(example.JSONString(m.Key)) + ":")
				write(in)
			})
			w.stmt(jen.If(cond...).Block(body...))
			state = afterOptional(state)
		default:
			w.comma(state)
			w.lit(string(example.JSONString(m.Key)) + ":")
			w.node(m.Value)
			state = stateWritten
		}
	}
	w.lit("}")
}

func afterOptional(s objectState) objectState {
	if s == stateWritten {
		return stateWritten
	}
	return stateUnknown
}

// comma writes the separator a member needs in the given state. When only
// the runtime knows, the last byte tells: no value ends with '{', so a '{'
// means the object is still empty.
func (w *bodyWriter) comma(s objectState) {
	switch s {
	case stateWritten:
		w.lit(",")
	case stateUnknown:
		w.stmt(jen.If(jen.Id("b").Index(jen.Len(jen.Id("b")).Op("-").Lit(1)).Op("!=").LitRune('{')).Block(
			jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(',')),
		))
	}
}

// stringRef is the Go expression of a string-valued reference.
func (w *bodyWriter) stringRef(r catalog.Ref) *jen.Statement {
	def := jen.Id("e").Dot("def")
	switch r.Name {
	case catalog.RefCode:
		return jen.String().Call(def.Clone().Dot("Code"))
	case catalog.RefMessage:
		if r.Optional {
			return jen.Id("e").Dot("message")
		}
		return jen.Id("e").Dot("messageOrTitle").Call()
	case catalog.RefTitle:
		return def.Clone().Dot("Title")
	case catalog.RefType:
		return def.Clone().Dot("typeURI")
	case catalog.RefMeta:
		return def.Clone().Dot("meta").Index(jen.Lit(w.metaIndex(r.Arg)))
	case catalog.RefRequestID:
		return jen.Id("e").Dot("requestID")
	case catalog.RefInstance:
		return jen.Id("e").Dot("instance")
	case catalog.RefDocsURL:
		return def.Clone().Dot("DocsURL")
	case catalog.RefCategory:
		return def.Clone().Dot("Category")
	case catalog.RefStatusText:
		return jen.Qual(pkgStrconv, "Itoa").Call(def.Clone().Dot("Status"))
	}
	return nil
}

func (w *bodyWriter) metaIndex(name string) int {
	for i, n := range w.g.metaNames {
		if n == name {
			return i
		}
	}
	panic("errgen: meta name not collected: " + name)
}

// detailsCall calls the method of e that writes or tests the whole details,
// or, when the envelope places some by name, its Except form, which leaves
// those out.
func (w *bodyWriter) detailsCall(method string, args ...jen.Code) *jen.Statement {
	if len(w.named) == 0 {
		return jen.Id("e").Dot(method).Call(args...)
	}
	names := make([]jen.Code, len(w.named))
	for i, n := range w.named {
		names[i] = jen.Lit(n)
	}
	return jen.Id("e").Dot(method + "Except").Call(append(args, jen.Index().String().Values(names...))...)
}

func appendStringCall(v jen.Code) jen.Code {
	return jen.Id("b").Op("=").Id("appendString").Call(jen.Id("b"), v)
}

// value writes a reference's value unconditionally.
func (w *bodyWriter) value(r catalog.Ref) {
	switch r.Name {
	case catalog.RefStatus:
		w.stmt(jen.Id("b").Op("=").Qual(pkgStrconv, "AppendInt").Call(jen.Id("b"), jen.Int64().Call(jen.Id("e").Dot("def").Dot("Status")), jen.Lit(10)))
	case catalog.RefStatusText:
		w.lit(`"`)
		w.stmt(jen.Id("b").Op("=").Qual(pkgStrconv, "AppendInt").Call(jen.Id("b"), jen.Int64().Call(jen.Id("e").Dot("def").Dot("Status")), jen.Lit(10)))
		w.lit(`"`)
	case catalog.RefCode, catalog.RefTitle:
		// Pre-encoded once per definition: no escaping on every write.
		field := "code"
		if r.Name == catalog.RefTitle {
			field = "title"
		}
		w.stmt(jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("e").Dot("def").Dot("prepared").Call().Dot(field).Op("...")))
	case catalog.RefMessage:
		if r.Optional {
			w.stmt(appendStringCall(w.stringRef(r)))
			break
		}
		w.stmt(jen.Id("b").Op("=").Id("e").Dot("appendMessage").Call(jen.Id("b")))
	case catalog.RefDetails:
		if r.Arg == "" {
			w.stmt(jen.Id("b").Op("=").Add(w.detailsCall("appendDetails", jen.Id("b"))))
		} else {
			w.stmt(jen.Id("b").Op("=").Id("e").Dot("appendDetail").Call(jen.Id("b"), jen.Lit(r.Arg)))
		}
	default:
		w.stmt(appendStringCall(w.stringRef(r)))
	}
}

// optional returns the condition under which an optional reference is
// written, and what writes its value (bound to v by the condition, for
// strings).
func (w *bodyWriter) optional(r catalog.Ref) ([]jen.Code, func(*bodyWriter)) {
	switch r.Name {
	case catalog.RefStatus, catalog.RefStatusText:
		return []jen.Code{jen.True()}, func(in *bodyWriter) { in.value(r) }
	case catalog.RefDetails:
		if r.Arg == "" {
			return []jen.Code{w.detailsCall("hasDetails")}, func(in *bodyWriter) { in.value(r) }
		}
		return []jen.Code{jen.Id("e").Dot("hasDetail").Call(jen.Lit(r.Arg))}, func(in *bodyWriter) { in.value(r) }
	}
	return []jen.Code{jen.Id("v").Op(":=").Add(w.stringRef(r)), jen.Id("v").Op("!=").Lit("")},
		func(in *bodyWriter) { in.stmt(appendStringCall(jen.Id("v"))) }
}
