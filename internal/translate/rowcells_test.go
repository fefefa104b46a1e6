package translate

import (
	"strings"
	"testing"
)

// A row of a list translated by position that lacks a cell (a
// troubleshooting row with its check alone, a provider's issue without
// its fix, a provider without its notes) gets the cell "" under its
// source text, as a row the list lacks does: errgen validate warns that
// the cell reads in en and that errgen translate adds what the file
// lacks, and errgen translate added nothing. The translator's cells stay
// as they are, in a block or a flow row.
func TestUpdateFillsARowsMissingCells(t *testing.T) {
	const rows = "    troubleshooting:\n      - {check: The id is right, solution: Copy it again.}\n"
	const docs = "docs:\n  providers: [{name: Lever, notes: Lever fails., issues: [{error: \"429\", cause: Too fast., fix: Wait.}]}]\n"
	root := strings.NewReplacer("    causes: [It was deleted.]\n", "    causes: [It was deleted.]\n"+rows, "api: Shop\n", "api: Shop\n"+docs).Replace(catalogV1)
	skeleton, _ := update(t, root, "")
	for _, tt := range []struct {
		name, from, to string
		want           []string
	}{
		{"a block row without its solution", "      - check: \"\"\n        solution: \"\"", "      - check: Die ID stimmt",
			[]string{"      - check: Die ID stimmt\n        solution: \"\"\n"}},
		{"a flow row without its check", "      - check: \"\"\n        solution: \"\"", "      - {solution: Neu kopieren.}",
			[]string{"      - {solution: Neu kopieren., check: \"\"}\n"}},
		{"an issue without its fix", "        - cause: \"\"\n          # en: Wait.\n          fix: \"\"", "        - cause: Zu schnell.",
			[]string{"        - cause: Zu schnell.\n          # en: Wait.\n          fix: \"\"\n"}},
		{"a provider without its notes", "    - notes: \"\"\n      issues:", "    - issues:",
			[]string{"    - issues:\n", "      notes: \"\"\n"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			file := strings.Replace(skeleton, tt.from, tt.to, 1)
			if file == skeleton {
				t.Fatalf("no %q in the skeleton:\n%s", tt.from, skeleton)
			}
			out, _ := update(t, root, file)
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("no %q in:\n%s", want, out)
				}
			}
		})
	}
}
