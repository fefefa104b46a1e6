package diag

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzInvokedAs renders a diagnostic of any message, hint and command for
// any program, and checks it against invokedModel, which scans for the
// plain command line itself: for errgen or no program given, and for a
// diagnostic that names no command, the diagnostic is as it was; else its
// message and hint have exactly the occurrences of "errgen COMMAND"
// outside quoted strings (the user's texts, quoted with %q), left to right
// and not overlapping, read "PROG COMMAND", and nothing else
// of the diagnostic changes; List.InvokedAs renders each item so, and
// leaves the list it copies alone. Seeds: TestInvokedAs's cases.
func FuzzInvokedAs(f *testing.F) {
	f.Add("stale: review it, and run errgen translate de", " (errgen translate de marks it)", "translate de", "errgen")
	f.Add("stale: review it, and run errgen translate de", " (errgen translate de marks it)", "translate de", "")
	f.Add("stale: review it, and run errgen translate de", " (errgen translate de marks it)", "translate de", "go tool errgen")
	f.Add("stale: review it, and run errgen translate de", " (errgen translate de marks it)", "translate de", "go run ./cmd/errgen")
	f.Add("errgen translate de is not what this says", "", "", "go tool errgen")
	f.Add("errgen init writes one; errgen translate de fills it", "", "init", "go tool errgen")
	f.Add("errgen errgen errgen x errgen x", "errgen x errgen xerrgen x", "x", "errgen x")
	f.Add(`source "run errgen translate" is not a source hash (which errgen translate writes)`, "", "translate", "go tool errgen")
	f.Add(`"a \\" errgen x \\\" errgen x" errgen x "errgen x`, `\\"errgen x"`, "x", "p")
	f.Add(`languages: "de" has no file q"x/de.yaml: errgen translate de writes it`, ` (errgen translate de "x" writes it)`, "translate de", "go tool errgen")
	f.Fuzz(func(t *testing.T, msg, hint, command, prog string) {
		d := Diagnostic{Pos: Pos{"c.yaml", 2, 3}, Severity: Warning, Msg: msg, Hint: hint, Command: Command(command)}
		want := d
		if command != "" && prog != "" && prog != "errgen" {
			want.Msg, want.Hint = invokedModel(msg, command, prog), invokedModel(hint, command, prog)
		}
		got := d.InvokedAs(prog)
		if !strings.Contains(msg, "errgen "+command) && got.Msg != msg {
			t.Fatalf("InvokedAs(%q) changed %q, which does not name errgen %s, to %q", prog, msg, command, got.Msg)
		}
		if got != want {
			t.Fatalf("InvokedAs(%q) of %+v:\ngot  %+v\nwant %+v", prog, d, got, want)
		}
		l := &List{Items: []Diagnostic{d, d}}
		out := l.InvokedAs(prog)
		if len(out.Items) != 2 || out.Items[0] != want || out.Items[1] != want || l.Items[0] != d || l.Items[1] != d {
			t.Fatalf("List.InvokedAs(%q): %+v from %+v, want each %+v", prog, out.Items, l.Items, want)
		}
	})
}

// invokedModel is text with each "errgen "+command outside a quoted
// string, scanning left to right and resuming after one found, written
// prog+" "+command. A quoted string is the shortest text from a quote on
// that strconv.Unquote reads; a quote that starts none is text like any
// other (a folder q"x a message names). It copies the quoted strings as
// they are and rewrites the pieces between them.
func invokedModel(text, command, prog string) string {
	var b strings.Builder
	start := 0 // of the piece outside quotes being read
	for i := 0; i < len(text); i++ {
		if text[i] != '"' {
			continue
		}
		for j := i + 2; j <= len(text); j++ {
			if text[j-1] != '"' {
				continue
			}
			if _, err := strconv.Unquote(text[i:j]); err == nil {
				b.WriteString(rewritePlain(text[start:i], command, prog))
				b.WriteString(text[i:j])
				start, i = j, j-1
				break
			}
		}
	}
	b.WriteString(rewritePlain(text[start:], command, prog))
	return b.String()
}

// rewritePlain is text with each "errgen "+command, scanning left to right
// and resuming after one found, written prog+" "+command.
func rewritePlain(text, command, prog string) string {
	plain := []byte("errgen " + command)
	var b strings.Builder
	for i := 0; i < len(text); {
		if i+len(plain) <= len(text) && text[i:i+len(plain)] == string(plain) {
			b.WriteString(prog + " " + command)
			i += len(plain)
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String()
}
