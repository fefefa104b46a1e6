package translate

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// A stale entry's source texts, the comments errgen wrote above its texts,
// are brought up to date, so that the translator asked to review it reads
// the new text there; the translation and the translator's own comments
// stay, and the entry of a text that did not change keeps its comments.
func TestUpdateRefreshesSourceComments(t *testing.T) {
	skeleton, _ := update(t, catalogV1, "")
	translated := strings.Replace(skeleton, "    # en: {kind} not found\n    message: \"\"", "    # Anna: Platzhalter bleibt\n    # en: {kind} not found\n    message: \"{kind} nicht gefunden\"", 1)
	if translated == skeleton {
		t.Fatalf("no message to translate in:\n%s", skeleton)
	}
	out, res := update(t, strings.Replace(catalogV2, "It was deleted.", "It was deleted or never made.", 1), translated)
	if res.Stale != 1 {
		t.Errorf("result %+v", res)
	}
	for _, want := range []string{
		"    # Anna: Platzhalter bleibt\n    # en: {kind} was not found\n    message: \"{kind} nicht gefunden\"\n",
		"    # en: Not found\n    title: \"\"\n",
		"      # en: It was deleted or never made.\n      - \"\"\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "{kind} not found") || strings.Contains(out, "deleted.") {
		t.Errorf("the old source text is still there:\n%s", out)
	}
}

// The file's top is kept as an entry is: when the catalog's top-level
// texts change, the source texts errgen wrote above the top's texts (a
// section's title and body, a provider's notes and its issues' among
// them, below the name comment heading each) are brought up to date, whether the top translates them (and is marked
// stale) or they are all still "". They stayed as they were written, so a
// reviewer read the old description above the translation.
func TestUpdateRefreshesTopSourceComments(t *testing.T) {
	v1 := strings.Replace(catalogV1, "api: Shop\n", "api: Shop\ndescription: Errors carry a code.\ndocs:\n  title: Errors\n  sections: [{title: Handling, body: Branch on it.}]\n  providers: [{name: Lever, notes: Lever fails., issues: [{error: \"429\", cause: Too fast., fix: Wait.}]}]\n", 1)
	v2 := strings.NewReplacer("Errors carry a code.", "Every error carries a code.", "title: Errors", "title: Error codes", "Handling", "Handling them", "Branch on it.", "Branch on the code.", "Lever fails.", "Lever failed.", "Too fast.", "Too many.").Replace(v1)
	skeleton, _ := update(t, v1, "")
	for _, tt := range []struct {
		name, file string
		stale      int
	}{
		{"untranslated", skeleton, 0},
		{"translated", strings.Replace(skeleton, "description: \"\"", "description: Fehler tragen einen Code.", 1), 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, res := update(t, v2, tt.file)
			if res.Stale != tt.stale {
				t.Errorf("stale %d, want %d", res.Stale, tt.stale)
			}
			for _, want := range []string{"# en: Every error carries a code.\ndescription: ", "  # en: Error codes\n  title: \"\"\n", "    # en: Handling them\n    - title: \"\"\n      # en: Branch on the code.\n      body: \"\"\n",
				"    # Lever\n    # en: Lever failed.\n    - notes: \"\"\n", "        # 429\n        # en: Too many.\n        - cause: \"\"\n"} {
				if !strings.Contains(out, want) {
					t.Errorf("no %q in:\n%s", want, out)
				}
			}
			if strings.Contains(out, "Errors carry a code.") || strings.Contains(out, "# en: Errors\n") || strings.Contains(out, "on it.") || strings.Contains(out, "Handling\n") || strings.Contains(out, "fails.") || strings.Contains(out, "fast.") {
				t.Errorf("the old source text is still there:\n%s", out)
			}
		})
	}
}

// A troubleshooting row's source texts, written above the row as one
// block (a line for its check, one for its solution), are brought up to
// date as a text's are, the translator's comment above them kept: only
// list items that are texts were, so a row read its old check.
func TestUpdateRefreshesRowComments(t *testing.T) {
	v1 := strings.Replace(catalogV1, "    causes: [It was deleted.]\n", "    causes: [It was deleted.]\n    troubleshooting:\n      - check: Is the id right?\n        solution: Copy it again.\n      - check: Was it deleted?\n        solution: Restore it.\n", 1)
	v2 := strings.Replace(v1, "Was it deleted?", "Was it deleted or moved?", 1)
	skeleton, _ := update(t, v1, "")
	for _, tt := range []struct {
		name, file, want string
	}{
		{"untranslated", skeleton,
			"      # en: check: Was it deleted or moved?\n      # en: solution: Restore it.\n      - check: \"\"\n"},
		{"translated, with a comment of the translator's",
			strings.Replace(skeleton, "      # en: check: Was it deleted?\n      # en: solution: Restore it.\n      - check: \"\"\n        solution: \"\"",
				"      # Anna: prüfen\n      # en: check: Was it deleted?\n      # en: solution: Restore it.\n      - check: Gelöscht?\n        solution: Wiederherstellen.", 1),
			"      # Anna: prüfen\n      # en: check: Was it deleted or moved?\n      # en: solution: Restore it.\n      - check: Gelöscht?\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.file == skeleton && tt.name != "untranslated" {
				t.Fatalf("no row to translate in:\n%s", skeleton)
			}
			out, _ := update(t, v2, tt.file)
			if !strings.Contains(out, tt.want) || strings.Contains(out, "deleted?") || !strings.Contains(out, "      # en: check: Is the id right?\n      # en: solution: Copy it again.\n      - check:") {
				t.Errorf("got:\n%s\nwant in it:\n%s", out, tt.want)
			}
		})
	}
}

// A translator's comment on the reviewed: true line errgen translate takes
// out stays, in block and flow entries and at the top: in a block mapping
// as a comment line of its own where the mark was, in a flow one where it
// was written; the review is recorded all the same, and a second run
// changes nothing.
func TestUpdateKeepsReviewedComments(t *testing.T) {
	c := load(t, catalogV1, "")
	now, top := catalog.SourceHash(c.Errors[0]), catalog.TopSourceHash(c)
	head := "language: de\nsource: " + top + "\ndocs: {title: Fehler}\nerrors:\n  INTERNAL: {source: " + catalog.SourceHash(c.Errors[1]) + ", title: Intern}\n"
	texts := "title: Nicht da, message: \"{kind} fehlt\", causes: [Weg.], details: {kind: {description: Art}}"
	block := "    title: Nicht da\n    message: \"{kind} fehlt\"\n    causes: [Weg.]\n    details: {kind: {description: Art}}\n"
	tests := []struct {
		name, file, want string
	}{
		{"block, after the source",
			head + "  NOT_FOUND:\n    source: 00000000\n    reviewed: true   # geprüft, Anna\n" + block,
			head + "  NOT_FOUND:\n    source: " + now + "\n    # geprüft, Anna\n" + block},
		{"block, last, no source yet",
			head + "  NOT_FOUND:\n" + block + "    reviewed: true # geprüft\n",
			head + "  NOT_FOUND:\n    source: " + now + "\n" + block + "    # geprüft\n"},
		{"block, a stale mark on the source",
			head + "  NOT_FOUND:\n    source: 00000000 # " + StaleMark + "\n    reviewed: true # geprüft\n" + block,
			head + "  NOT_FOUND:\n    source: " + now + "\n    # geprüft\n" + block},
		{"the top",
			"language: de\nsource: " + top + "\nreviewed: true # Seite geprüft\ndocs: {title: Fehler}\nerrors:\n  INTERNAL: {source: " + catalog.SourceHash(c.Errors[1]) + ", title: Intern}\n  NOT_FOUND: {source: " + now + ", " + texts + "}\n",
			"language: de\nsource: " + top + "\n# Seite geprüft\ndocs: {title: Fehler}\nerrors:\n  INTERNAL: {source: " + catalog.SourceHash(c.Errors[1]) + ", title: Intern}\n  NOT_FOUND: {source: " + now + ", " + texts + "}\n"},
		{"the top, on the file's first line",
			"reviewed: true # Seite geprüft\nlanguage: de\nsource: " + top + "\ndocs: {title: Fehler}\nerrors:\n  INTERNAL: {source: " + catalog.SourceHash(c.Errors[1]) + ", title: Intern}\n  NOT_FOUND: {source: " + now + ", " + texts + "}\n",
			"# Seite geprüft\nlanguage: de\nsource: " + top + "\ndocs: {title: Fehler}\nerrors:\n  INTERNAL: {source: " + catalog.SourceHash(c.Errors[1]) + ", title: Intern}\n  NOT_FOUND: {source: " + now + ", " + texts + "}\n"},
		{"flow, after the braces",
			head + "  NOT_FOUND: {source: 00000000, " + texts + ", reviewed: true}   # geprüft\n",
			head + "  NOT_FOUND: {source: " + now + ", " + texts + "}   # geprüft\n"},
		{"flow, after its comma",
			head + "  NOT_FOUND: {source: 00000000, reviewed: true,   # geprüft\n    " + texts + "}\n",
			head + "  NOT_FOUND: {source: " + now + ",   # geprüft\n    " + texts + "}\n"},
		{"flow, first",
			head + "  NOT_FOUND: {reviewed: true,   # geprüft\n    " + texts + "}\n",
			head + "  NOT_FOUND: {   # geprüft\n    source: " + now + ", " + texts + "}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, res := update(t, catalogV1, tt.file)
			if out != tt.want || res.Reviewed != 1 {
				t.Errorf("reviewed %d, got:\n%s\nwant:\n%s", res.Reviewed, out, tt.want)
			}
			if nf := load(t, catalogV1, out).Translations["de"].Errors["NOT_FOUND"]; nf.Reviewed || nf.Stale {
				t.Errorf("NOT_FOUND reviewed %v, stale %v", nf.Reviewed, nf.Stale)
			}
		})
	}
}

// An entry whose only translated text a change of the catalog set aside
// (a troubleshooting table a row short, a message naming a detail renamed)
// is marked stale all the same: it translates that text, which reads in
// the catalog's language until the translator mends it and reviews it.
func TestUpdateMarksSetAsideTranslations(t *testing.T) {
	const before = "version: 1\napi: Shop\nlanguages: [de]\nerrors:\n" +
		"  - code: NOT_FOUND\n    status: 404\n    message: \"{id} not found\"\n" +
		"    details: [{name: id, type: string, required: true, description: The id.}]\n" +
		"    troubleshooting: [{check: The id, solution: Fix it.}]\n" +
		"  - {code: INTERNAL, status: 500, fallback: true}\n"
	skeleton, _ := update(t, before, "")
	for _, tt := range []struct {
		name, translated, after string
	}{
		{"a row added under the table", strings.Replace(strings.Replace(skeleton, `check: ""`, "check: Die ID", 1), `solution: ""`, "solution: Korrigieren.", 1),
			strings.Replace(before, "[{check: The id, solution: Fix it.}]", "[{check: The id, solution: Fix it.}, {check: Its age, solution: Renew it.}]", 1)},
		{"the detail of the message renamed", strings.Replace(skeleton, `    message: ""`, `    message: "{id} fehlt"`, 1),
			strings.ReplaceAll(before, "id", "ident")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// the translation as made from before: its source is before's
			made, _ := update(t, before, tt.translated)
			out, res := update(t, tt.after, made)
			if res.Stale != 1 || strings.Count(out, StaleMark) != 1 {
				t.Errorf("stale %d, want NOT_FOUND marked:\n%s", res.Stale, out)
			}
			if nf := load(t, tt.after, out).Translations["de"].Errors["NOT_FOUND"]; !nf.Stale {
				t.Errorf("errgen validate calls NOT_FOUND fresh")
			}
		})
	}
}
