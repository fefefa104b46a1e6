package diff_test

import (
	"os"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/diff"
)

// ruleRow is a rule's row in docs/diff.md's rules table.
func ruleRow(r diff.Rule) string {
	who := "no"
	if r.Breaking() {
		parts := make([]string, len(r.Breaks))
		for i, a := range r.Breaks {
			parts[i] = string(a)
		}
		who = "**yes**: " + strings.Join(parts, ", ")
	}
	return "| `" + string(r.Kind) + "` | " + who + " | " + r.Rationale + " |"
}

const rulesHeader = "| Change | Breaking | Why |"

// TestRulesTableInREADME keeps docs/diff.md's rules table and Rules in step:
// the table holds exactly one row per rule, as ruleRow writes it, in order.
func TestRulesTableInREADME(t *testing.T) {
	data, err := os.ReadFile("../../docs/diff.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "\n"+rulesHeader+"\n| --- | --- | --- |\n")
	if !ok {
		t.Fatalf("docs/diff.md has no table headed %s", rulesHeader)
	}
	var rows []string
	for _, line := range strings.Split(table, "\n") {
		if !strings.HasPrefix(line, "|") {
			break
		}
		rows = append(rows, line)
	}
	var want []string
	for _, r := range diff.Rules {
		want = append(want, ruleRow(r))
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("docs/diff.md rules table:\n%s\n\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}
