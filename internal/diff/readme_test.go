package diff_test

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen/diag"
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

// TestJSONKeysInREADME: docs/diff.md lists, in order, every member
// --format json writes for a change, as `{"code", "kind", …}`, and the
// members of its position.
func TestJSONKeysInREADME(t *testing.T) {
	data, err := os.ReadFile("../../docs/diff.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(string(data)), " ")
	for _, tc := range []struct {
		name string
		v    any
	}{
		{"a change", diff.Change{}},
		{"a change's pos", diag.Pos{}},
	} {
		typ := reflect.TypeOf(tc.v)
		var keys []string
		for i := range typ.NumField() {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			if name == "-" {
				continue // not in the JSON
			}
			keys = append(keys, strconv.Quote(name))
		}
		if list := "`{" + strings.Join(keys, ", ") + "}`"; !strings.Contains(doc, list) {
			t.Errorf("docs/diff.md does not list the members of %s as %s", tc.name, list)
		}
	}
}

// TestExampleInDocs: the run docs/diff.md opens with prints what
// testdata/docs_example.txtar, its case, makes errgen diff print. It once
// showed two changes, without the response the status change takes away,
// and later none of the positions text output starts its lines with.
func TestExampleInDocs(t *testing.T) {
	data, err := os.ReadFile("../../docs/diff.md")
	if err != nil {
		t.Fatal(err)
	}
	_, shown, ok := strings.Cut(string(data), "```text\n$ errgen diff --base origin/main\n")
	if !ok {
		t.Fatal("docs/diff.md no longer opens with an errgen diff --base origin/main run: update the test")
	}
	shown, _, _ = strings.Cut(shown, "```")
	ar, err := txtar.ParseFile("testdata/docs_example.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name != "want" {
			continue
		}
		want, _, _ := strings.Cut(string(f.Data), "exit ")
		// The case's files are named as the docs' run names them: the
		// working tree's catalog, and the base's as REV:path.
		want = strings.NewReplacer("new.yaml", "catalog.yaml", "old.yaml", "origin/main:catalog.yaml").Replace(want)
		if shown != want {
			t.Errorf("docs/diff.md shows\n%s\ntestdata/docs_example.txtar prints\n%s", shown, want)
		}
		return
	}
	t.Fatal("testdata/docs_example.txtar has no want")
}
