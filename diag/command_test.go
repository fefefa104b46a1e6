package diag

import (
	"fmt"
	"testing"
)

// A diagnostic reads as plain errgen runs the command it names, and as the
// program the CLI was invoked as once rendered for it; one that names no
// command, or the plain program, reads as it is.
func TestInvokedAs(t *testing.T) {
	stale := Diagnostic{Pos: Pos{"translations/de.yaml", 3, 3}, Severity: Warning,
		Msg: "stale: review it, and run errgen translate de", Hint: " (errgen translate de marks it)", Command: "translate de"}
	tests := []struct {
		name string
		d    Diagnostic
		prog string
		want string
	}{
		{"plain", stale, Program, "translations/de.yaml:3:3: warning: stale: review it, and run errgen translate de (errgen translate de marks it)"},
		{"no program given", stale, "", "translations/de.yaml:3:3: warning: stale: review it, and run errgen translate de (errgen translate de marks it)"},
		{"go tool", stale, "go tool errgen", "translations/de.yaml:3:3: warning: stale: review it, and run go tool errgen translate de (go tool errgen translate de marks it)"},
		{"go run", stale, "go run ./cmd/errgen", "translations/de.yaml:3:3: warning: stale: review it, and run go run ./cmd/errgen translate de (go run ./cmd/errgen translate de marks it)"},
		{"names no command", Diagnostic{Pos: Pos{"c.yaml", 1, 1}, Msg: "errgen translate de is not what this says"}, "go tool errgen", "c.yaml:1:1: errgen translate de is not what this says"},
		{"the user's quoted text", Diagnostic{Pos: Pos{"de.yaml", 4, 13}, Msg: `source "run errgen translate" is not a source hash (which errgen translate writes)`, Command: "translate"}, "go tool errgen", `de.yaml:4:13: source "run errgen translate" is not a source hash (which go tool errgen translate writes)`},
		{"a quote that quotes nothing", Diagnostic{Pos: Pos{"q\"x/c.yaml", 4, 13}, Msg: `languages: "de" has no translation file q"x/translations/de.yaml (errgen translate de writes it)`, Command: "translate de"}, "go tool errgen", `q"x/c.yaml:4:13: languages: "de" has no translation file q"x/translations/de.yaml (go tool errgen translate de writes it)`},
		{"another command of the same program", Diagnostic{Pos: Pos{"c.yaml", 1, 1}, Msg: "errgen init writes one; errgen translate de fills it", Command: "init"}, "go tool errgen", "c.yaml:1:1: go tool errgen init writes one; errgen translate de fills it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.InvokedAs(tt.prog).String(); got != tt.want {
				t.Errorf("InvokedAs(%q) = %q, want %q", tt.prog, got, tt.want)
			}
			l := &List{Items: []Diagnostic{tt.d}}
			if got := l.InvokedAs(tt.prog).Error(); got != tt.want {
				t.Errorf("List.InvokedAs(%q) = %q, want %q", tt.prog, got, tt.want)
			}
			if l.Items[0] != tt.d {
				t.Errorf("List.InvokedAs changed the list it copies: %+v", l.Items[0])
			}
		})
	}
}

// CommandIn finds the command a message's arguments name, a Command's or a
// Naming's, which formats as plain errgen runs it.
func TestCommandIn(t *testing.T) {
	tests := []struct {
		args      []any
		want      Command
		formatted string
	}{
		{[]any{"x", Command("translate de")}, "translate de", "x errgen translate de"},
		{[]any{"x", Naming{Format: "(%s writes it)", Command: "init"}}, "init", "x (errgen init writes it)"},
		{[]any{"x", Naming{Format: "100% yours"}}, "", "x 100% yours"},
		{[]any{"x", "errgen init"}, "", "x errgen init"},
	}
	for _, tt := range tests {
		if got := CommandIn(tt.args...); got != tt.want {
			t.Errorf("CommandIn(%v) = %q, want %q", tt.args, got, tt.want)
		}
		if got := fmt.Sprintf("%s %s", tt.args...); got != tt.formatted {
			t.Errorf("formatted %q, want %q", got, tt.formatted)
		}
	}
}
