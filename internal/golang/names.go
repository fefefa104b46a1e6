package golang

// The rules of this file are the Go output's: what a catalog must avoid so
// that the generated Go package compiles and reads well. They know the
// generated code's identifiers, which the catalog package does not; the root
// package passes Rules to catalog.Load, so that they are reported with every
// other problem of a catalog, in one run.

import (
	"fmt"
	"go/token"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/names"
)

// Rules is the catalog.Check of the Go output: no detail's Go parameter may be a
// keyword, shadow a predeclared identifier or hide a name the generated code
// uses, and no two declarations (an error's constant, sentinel, details type
// and constructors, an enum detail's type and constants) may have the same Go
// identifier.
func Rules(c *catalog.Catalog) []diag.Diagnostic {
	var probs []diag.Diagnostic
	for _, e := range c.Errors {
		for _, d := range e.Details {
			if !d.Required { // only required details become parameters
				continue
			}
			if p, bad := goParamProblem(e, d); bad {
				probs = append(probs, p)
			}
		}
	}
	return append(probs, goIdentifierProblems(c)...)
}

// goPredeclared are Go's predeclared identifiers: a parameter named like one
// compiles but shadows it, which generated code must never do.
var goPredeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true, "close": true,
	"comparable": true, "complex": true, "complex64": true, "complex128": true, "copy": true,
	"delete": true, "error": true, "false": true, "float32": true, "float64": true, "imag": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true, "iota": true, "len": true,
	"make": true, "max": true, "min": true, "new": true, "nil": true, "panic": true, "print": true,
	"println": true, "real": true, "recover": true, "rune": true, "string": true, "true": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
}

// goCodeNames are the local variables and imported packages of a generated
// constructor: a parameter of the same name would collide with them.
var goCodeNames = map[string]bool{"d": true, "e": true, "json": true, "http": true, "strconv": true, "errors": true}

// goConstructorNames are what a generated constructor's body refers to,
// which a parameter of the same name would hide.
var goConstructorNames = map[string]bool{"definitions": true, "newError": true}

// goParamProblem reports a required detail whose parameter of e's
// constructor would be a keyword, shadow a predeclared identifier, or
// collide with or hide a name the generated constructor uses.
func goParamProblem(e *catalog.Error, d *catalog.Detail) (diag.Diagnostic, bool) {
	if d.Name == "" {
		return diag.Diagnostic{}, false
	}
	param := names.Param(d.Name)
	var reason string
	switch {
	case token.IsKeyword(param):
		reason = "and " + param + " is a Go keyword"
	case goPredeclared[param]:
		reason = "which would shadow Go's predeclared " + param
	case goCodeNames[param]:
		reason = "which the generated code uses for its own " + param
	case goConstructorNames[param]:
		reason = "which would hide the generated " + param + " the constructor uses"
	default:
		return diag.Diagnostic{}, false
	}
	ctor := names.New(e)
	if e.Name == "" {
		ctor = "the constructor"
	}
	return diag.Diagnostic{Pos: d.Pos, Msg: fmt.Sprintf("required detail %q is %s's parameter named %s, %s", d.Name, ctor, param, reason), Hint: ": rename the detail, or make it optional (optional details are not parameters)"}, true
}

// goIdentifierProblems reports two declarations whose generated Go
// identifiers would collide although their names differ, e.g. the constant
// of FOO_DETAILS and the details type of CODE_FOO (both CodeFooDetails), or
// the enum type of a detail and another error's constant. An error without
// a Name (its code is at fault, reported already) declares nothing.
func goIdentifierProblems(c *catalog.Catalog) []diag.Diagnostic {
	var probs []diag.Diagnostic
	// owner holds who declares each identifier, by its place in decls: a
	// map of small values, which a 10,000-error catalog's 40,000
	// identifiers probe and fill faster than one of whole decls.
	owner := make(map[string]int, 4*len(c.Errors))
	decls := make([]decl, 0, 4*len(c.Errors))
	declare := func(id string, pos catalog.Pos, d decl) {
		i, ok := owner[id]
		if !ok {
			owner[id] = len(decls)
			decls = append(decls, d)
			return
		}
		prev := decls[i]
		msg := fmt.Sprintf("code %q would declare the Go identifier %s, already declared for %q", d.e.Code, id, prev.e.Code)
		if d.id.Detail != nil || prev.id.Detail != nil {
			msg = fmt.Sprintf("%s would declare the Go identifier %s, already declared for %s", d.describe(), id, prev.describe())
		}
		probs = append(probs, diag.Diagnostic{Pos: pos, Msg: msg, Hint: ": rename one of them"})
	}
	reserved, err := reservedNames()
	if err != nil {
		return append(probs, diag.Diagnostic{Msg: "errgen's fixed Go code does not parse (please report this): " + err.Error()})
	}
	var ids []names.Ident
	for _, e := range c.Errors {
		ids = names.AppendDeclared(ids[:0], e)
		for _, id := range ids {
			if reserved[id.Name] {
				d := decl{e, id}
				probs = append(probs, diag.Diagnostic{Pos: id.Pos, Msg: fmt.Sprintf("%s would declare the Go identifier %s, which errgen keeps for the generated package's own code", d.describe(), id.Name), Hint: ": rename it"})
				continue
			}
			declare(id.Name, id.Pos, decl{e, id})
		}
	}
	return probs
}

// decl is what declares a generated identifier: an error, or one of its enum
// details or values.
type decl struct {
	e  *catalog.Error
	id names.Ident
}

// describe names what declares an identifier: an error, or one of its enum
// details or values.
func (d decl) describe() string {
	switch {
	case d.id.Value != nil:
		return fmt.Sprintf("enum value %q of detail %q of code %q", d.id.Value.Value, d.id.Detail.Name, d.e.Code)
	case d.id.Detail != nil:
		return fmt.Sprintf("detail %q of code %q", d.id.Detail.Name, d.e.Code)
	}
	return fmt.Sprintf("code %q", d.e.Code)
}
