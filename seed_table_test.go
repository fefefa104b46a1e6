package errgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Seed 000's page is one table: each status's description, probable cause
// and remediation steps side by side. The stackone example reproduces it
// with a reference.tmpl of its own (docs.templates): its quick reference
// has the seed's two columns, and each error's row holds, in them, the
// cause and the steps seed 000 gives for its status (seedAdvices: the
// cause first, then the steps). The bundled table has three columns, the
// advice being in each error's section.
func TestSeed000Table(t *testing.T) {
	seed, haveSeed := readSeed(t, "000")
	if haveSeed && !strings.Contains(seed, "Probable CauseRemediation Steps") {
		t.Fatal("seed 000's table has no Probable Cause and Remediation Steps columns")
	}
	page, err := os.ReadFile(filepath.Join("examples", "stackone", "errors.md"))
	if err != nil {
		t.Fatal(err)
	}
	const header = "| Code | Status | Description | Probable Cause | Remediation Steps |\n"
	if !strings.Contains(string(page), header) {
		t.Fatalf("examples/stackone/errors.md has no %q", header)
	}
	rows := map[string][]string{} // by code: the cells
	for line := range strings.Lines(string(page)) {
		if code, ok := rowCode(line); ok {
			rows[code] = strings.Split(strings.Trim(strings.TrimSpace(line), "|"), " | ")
		}
	}
	checked := 0
	for _, sa := range seedAdvices {
		if sa.seed != "000" {
			continue
		}
		cells := rows[sa.codes[0]]
		if len(cells) != 5 {
			t.Errorf("%s: row %q, want 5 cells", sa.codes[0], cells)
			continue
		}
		if !strings.Contains(plainText(cells[3]), plainText(sa.quotes[0])) {
			t.Errorf("%s: probable cause %q lacks %q", sa.codes[0], cells[3], sa.quotes[0])
		}
		for _, q := range sa.quotes[1:] {
			if !strings.Contains(plainText(cells[4]), plainText(q)) {
				t.Errorf("%s: remediation steps %q lack %q", sa.codes[0], cells[4], q)
			}
		}
		checked++
	}
	if checked != 11 {
		t.Errorf("checked %d of seed 000's 11 statuses", checked)
	}
}

// rowCode is the code of a quick reference row: | [`CODE`](#anchor) | ….
func rowCode(line string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "| [`")
	if !ok {
		return "", false
	}
	code, _, ok := strings.Cut(rest, "`]")
	return code, ok
}
