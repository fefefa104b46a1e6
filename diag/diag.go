// Package diag is errgen's one diagnostics type: what the catalog loader,
// OpenAPI augmentation and errgen diff report, each with its file, line and
// column, a severity, a message and an optional hint, printed one way.
//
// It is a leaf: it imports the standard library only, so every other
// package of errgen may use it.
package diag

import (
	"cmp"
	"fmt"
	"strings"
)

// Severity says how much a diagnostic matters.
type Severity uint8

const (
	// Error fails the run: nothing is written.
	Error Severity = iota
	// Warning is printed and does not fail the run (unless asked to).
	Warning
	// Notice says what errgen did or left alone; never a failure.
	Notice
)

// String is the severity's word as printed before a non-error message.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Notice:
		return "notice"
	}
	return fmt.Sprintf("Severity(%d)", s)
}

// Pos is a place in a file, 1-based like the YAML parser's. Line 0 means
// the whole file.
type Pos struct {
	File string `json:"file"` // the path as the user gave it
	Line int    `json:"line"` // 1-based line; 0 for the whole file
	Col  int    `json:"col"`  // 1-based column; 0 for the whole line
}

// String is file:line:col, file:line for a whole line (what text/template
// tells of a parse error), or file alone for the whole file.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// LineRef names where other is, for a message about a problem at pos:
// "line 5" in the same file, "errors/billing.yaml:5" in another.
func LineRef(pos, other Pos) string {
	if other.File == pos.File || other.File == "" {
		return fmt.Sprintf("line %d", other.Line)
	}
	return fmt.Sprintf("%s:%d", other.File, other.Line)
}

// Compare orders positions by file, then line, then column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(strings.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}

// Diagnostic is one thing errgen has to say about an input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string // what is wrong, lower case, no trailing period
	// Hint is what to do about it, printed right after Msg: it carries its
	// own separator (" (did you mean \"title\"?)", ": write it out").
	Hint string
	// Remedy is, for a problem a flag would get past, that flag as data:
	// a command that reports the problem where the flag is not at hand
	// (the catalog's openapi.augment) says how to give it from Remedy,
	// never from Msg or Hint, whose words may change. It is not printed.
	Remedy Remedy
	// Command is the command of errgen's that Msg or Hint tells the user
	// to run, as plain errgen runs it; "" for none. Only the CLI knows how
	// errgen was invoked (go tool errgen): it names the command so through
	// InvokedAs, and a library caller reads the text as it is.
	Command Command
}

// Remedy is a flag of errgen openapi that would get past a problem of the
// spec it augments; the zero value is none.
type Remedy struct {
	Kind RemedyKind
	// Component is, for ForceReplacesComponent, the spec's component that
	// differs from errgen's, as --replace takes it
	// (components.responses.BadRequest).
	Component string
}

// RemedyKind says which flag gets past a problem, and how.
type RemedyKind uint8

const (
	// NoRemedy: no flag gets past the problem; only an edit does.
	NoRemedy RemedyKind = iota
	// ForceReplacesComponent: --force (or --replace Component) replaces a
	// component of the spec's that differs from errgen's of the same name.
	ForceReplacesComponent
	// ForceRewritesPart: --force rewrites a part errgen wrote that was
	// edited by hand since.
	ForceRewritesPart
	// ForceDropsComment: --force drops a comment written in a part errgen
	// writes anew on every run.
	ForceDropsComment
	// AllowInvalidSpec: --allow-invalid-spec augments a spec that is not
	// valid before errgen changes anything.
	AllowInvalidSpec
)

// String names the kind as a test failure shows it.
func (k RemedyKind) String() string {
	switch k {
	case NoRemedy:
		return "none"
	case ForceReplacesComponent:
		return "force-replaces-component"
	case ForceRewritesPart:
		return "force-rewrites-part"
	case ForceDropsComment:
		return "force-drops-comment"
	case AllowInvalidSpec:
		return "allow-invalid-spec"
	}
	return fmt.Sprintf("RemedyKind(%d)", k)
}

// String is the diagnostic's line: "file:line:col: message", with
// "warning: " or "notice: " before the message when it is no error.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity != Error {
		b.WriteString(d.Severity.String())
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	b.WriteString(d.Hint)
	return b.String()
}
