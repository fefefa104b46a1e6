package diag

import (
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
// prog+" "+command. It first cuts text into pieces at each quote that no
// backslash inside a quoted string escapes, then rewrites every other
// piece, those outside quotes.
func invokedModel(text, command, prog string) string {
	var pieces []string
	start, inside := 0, false
	for i := 0; i < len(text); i++ {
		switch {
		case inside && text[i] == '\\':
			i++ // the escaped byte, a quote among them
		case text[i] == '"':
			pieces = append(pieces, text[start:i])
			start, inside = i, !inside
		}
	}
	pieces = append(pieces, text[start:])
	for k := 0; k < len(pieces); k += 2 { // the even pieces are outside quotes
		pieces[k] = rewritePlain(pieces[k], command, prog)
	}
	return strings.Join(pieces, "")
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
