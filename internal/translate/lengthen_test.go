package translate

import (
	"strings"
	"testing"
)

// A list translated by position that the catalog lengthened gets the rows
// it lacks at its end, each "" under its source text, as a new entry's
// are: troubleshooting rows, in a block or a flow list, sections,
// providers and a provider's issues. Before, errgen translate added none,
// and the list stayed short: errgen validate warned that it read in en,
// and errgen translate, which adds what is missing, never mended it.
// Causes and remediation, free lists, are not lengthened: an item left ""
// would make the whole translated list read in en (their source texts show
// as one block, TestUpdateShowsWholeFreeList).
func TestUpdateLengthensPositionalLists(t *testing.T) {
	const rows = "    troubleshooting:\n      - {check: The id is right, solution: Copy it again.}\n"
	const docs = "docs:\n  sections: [{title: Handling, body: Branch on it.}]\n  providers: [{name: Lever, notes: Lever fails., issues: [{error: \"429\", cause: Too fast., fix: Wait.}]}]\n"
	v1 := strings.NewReplacer("    causes: [It was deleted.]\n", "    causes: [It was deleted.]\n"+rows, "api: Shop\n", "api: Shop\n"+docs).Replace(catalogV1)
	v2 := strings.NewReplacer(rows, rows+"      - {check: It moved, solution: Look it up.}\n",
		"[It was deleted.]", "[It was deleted., It was moved.]",
		"Branch on it.}]", "Branch on it.}, {title: Limits, body: Mind them.}]",
		"fix: Wait.}]}]", "fix: Wait.}, {error: \"503\", cause: Down., fix: Retry.}]}, {name: Paywise, notes: Paywise fails.}]").Replace(v1)
	skeleton, _ := update(t, v1, "")
	translated := strings.NewReplacer(
		"    - title: \"\"\n      # en: Branch on it.\n      body: \"\"", "    - title: Umgang\n      # en: Branch on it.\n      body: Nach ihm verzweigen.",
		"        - cause: \"\"\n          # en: Wait.\n          fix: \"\"", "        - cause: Zu schnell.\n          # en: Wait.\n          fix: Warten.",
		"      - \"\"\n", "      - Es wurde gelöscht.\n",
		"      - check: \"\"\n        solution: \"\"", "      - check: Die ID stimmt\n        solution: Neu kopieren.",
	).Replace(skeleton)
	flow := strings.Replace(translated, "      - check: Die ID stimmt\n        solution: Neu kopieren.", "      [{check: Die ID stimmt, solution: Neu kopieren.}]", 1)
	flow = strings.Replace(flow, "    troubleshooting:\n      # en: check: The id is right\n      # en: solution: Copy it again.\n", "    troubleshooting:\n", 1)
	for _, tt := range []struct {
		name, file string
		want       []string
	}{
		{"block", translated, []string{
			"      - check: Die ID stimmt\n        solution: Neu kopieren.\n      # en: check: It moved\n      # en: solution: Look it up.\n      - check: \"\"\n        solution: \"\"\n",
			"      body: Nach ihm verzweigen.\n    # en: Limits\n    - title: \"\"\n      # en: Mind them.\n      body: \"\"\n",
			"          fix: Warten.\n        # 503\n        # en: Down.\n        - cause: \"\"\n          # en: Retry.\n          fix: \"\"\n",
			"    # Paywise\n    # en: Paywise fails.\n    - notes: \"\"\n",
			"    causes:\n      # en: It was deleted.\n      # en: It was moved.\n      - Es wurde gelöscht.\n    troubleshooting:", // today's whole free list, its item kept
		}},
		{"flow", flow, []string{
			"    troubleshooting:\n      [{check: Die ID stimmt, solution: Neu kopieren.}, {check: \"\", solution: \"\"}]\n",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.file == skeleton || !strings.Contains(tt.file, "Neu kopieren.") {
				t.Fatalf("nothing translated in:\n%s", tt.file)
			}
			out, res := update(t, v2, tt.file)
			if !subsequence(tt.file, out) {
				t.Errorf("the translator's text is not kept in order:\n%s", out)
			}
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("no %q in:\n%s", want, out)
				}
			}
			if res.Stale != 2 {
				t.Errorf("stale %d, want the entry and the top", res.Stale)
			}
			c := load(t, v2, out)
			if w := c.Warnings.Error(); strings.Contains(w, "in the catalog: translate each") {
				t.Errorf("a list is still short:\n%s", w)
			}
			if got := c.In("de").Errors[0].Troubleshooting[0].Check; got != "Die ID stimmt" {
				t.Errorf("the stale first row reads %q", got)
			}
		})
	}
}

// A detail, or an enum value, the catalog added under a translated entry
// gets its "" text under its source, the entry's translations kept: they
// are mapping members, which errgen translate adds as it adds an entry's
// missing texts.
func TestUpdateAddsNewDetailsAndEnumValues(t *testing.T) {
	const scope = "      - {name: scope, type: string, description: Where., enum: [{value: here, description: Here.}]}\n"
	v1 := strings.Replace(catalogV1, "description: What was looked for.}\n", "description: What was looked for.}\n"+scope, 1)
	v2 := strings.Replace(v1, scope, strings.Replace(scope, "Here.}]", "Here.}, {value: there, description: There.}]", 1)+"      - {name: shelf, type: string, description: The shelf.}\n", 1)
	skeleton, _ := update(t, v1, "")
	translated := strings.NewReplacer("description: \"\"", "description: Übersetzt.", "here: \"\"", "here: Hier.").Replace(skeleton)
	out, _ := update(t, v2, translated)
	for _, want := range []string{
		"          # en: Here.\n          here: Hier.\n          # en: There.\n          there: \"\"\n",
		"      shelf:\n        # en: The shelf.\n        description: \"\"\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if !subsequence(translated, out) {
		t.Errorf("the translator's text is not kept in order:\n%s", out)
	}
}
