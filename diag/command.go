package diag

import (
	"fmt"
	"strconv"
	"strings"
)

// Program is how a message names errgen when it does not know how errgen
// was invoked: the library's callers, and errgen run by that name.
const Program = "errgen"

// Command is one of errgen's command lines that a message names, as its
// arguments after the program: "translate de", "init", "--templates DIR".
// Formatted with %s it reads as Program runs it ("errgen translate de");
// the packages that make diagnostics pass it as an argument of their
// message's format, so that the diagnostic records it (CommandIn), for
// the CLI to name it as the user invoked errgen.
type Command string

// String is the command line as Program runs it.
func (c Command) String() string { return c.As(Program) }

// As is the command line as prog runs it ("go tool errgen translate de");
// prog "" is Program.
func (c Command) As(prog string) string {
	if prog == "" {
		prog = Program
	}
	return prog + " " + string(c)
}

// namedCommand is what CommandIn finds among a message's arguments.
func (c Command) namedCommand() Command { return c }

// Naming is a text, built before the diagnostic it goes in (a hint kept
// in a table), that names one of errgen's commands: Format holds one %s,
// for Command. As an argument of a message's format it is the text, and
// CommandIn finds its command.
type Naming struct {
	Format  string
	Command Command
}

// String is the text, the command as Program runs it; Format itself when
// it names none.
func (n Naming) String() string {
	if n.Command == "" {
		return n.Format
	}
	return fmt.Sprintf(n.Format, n.Command)
}

func (n Naming) namedCommand() Command { return n.Command }

// CommandIn is the command the arguments of a message's format name (a
// Command, or a Naming's), "" for none: what the message's diagnostic
// records as its Command.
func CommandIn(args ...any) Command {
	for _, a := range args {
		if n, ok := a.(interface{ namedCommand() Command }); ok {
			return n.namedCommand()
		}
	}
	return ""
}

// InvokedAs is d as it reads to a user who invoked errgen as prog (go tool
// errgen, go run ./cmd/errgen): the command it names, run by prog. Text in
// double quotes is the user's own, quoted with %q (a source field that
// reads "run errgen translate"), and stays as it was written.
func (d Diagnostic) InvokedAs(prog string) Diagnostic {
	if d.Command == "" || prog == "" || prog == Program {
		return d
	}
	return d.NamedAs(d.Command, prog)
}

// NamedAs is d naming c, run by prog, where it named its command: the CLI
// gives a command the arguments only it knows (the catalog the user
// named). It names both in one pass, so that the text it writes (a path
// quoted for the shell, which may hold a ") is never read again as the
// message's.
func (d Diagnostic) NamedAs(c Command, prog string) Diagnostic {
	if d.Command == "" {
		return d
	}
	plain, named := d.Command.String(), c.As(prog)
	d.Msg = replaceUnquoted(d.Msg, plain, named)
	d.Hint = replaceUnquoted(d.Hint, plain, named)
	d.Command = c
	return d
}

// replaceUnquoted is s with each old outside a Go-quoted string ("…", its
// \" and \\ escaped) replaced by new. The command a message names is never
// quoted; the user's texts it quotes are. A " that starts no Go-quoted
// string (one in a path the message names as it is: a folder q"x) is a
// character like any other: read as the start of a quotation, it hid every
// command after it.
func replaceUnquoted(s, old, new string) string {
	if !strings.Contains(s, old) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '"' {
			if quoted, err := strconv.QuotedPrefix(s[i:]); err == nil {
				b.WriteString(quoted)
				i += len(quoted)
				continue
			}
		}
		if strings.HasPrefix(s[i:], old) {
			b.WriteString(new)
			i += len(old)
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// InvokedAs is a copy of l, each diagnostic as it reads to a user who
// invoked errgen as prog (Diagnostic.InvokedAs).
func (l *List) InvokedAs(prog string) *List {
	out := *l
	out.Items = make([]Diagnostic, len(l.Items))
	for i, d := range l.Items {
		out.Items[i] = d.InvokedAs(prog)
	}
	return &out
}
