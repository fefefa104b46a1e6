package translate

import (
	"bytes"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textedit"
)

// load loads a catalog with its German file from memory.
func load(t *testing.T, root, de string) *catalog.Catalog {
	t.Helper()
	files := catalog.MemFiles{"catalog.yaml": []byte(root)}
	if de != "" {
		files["translations/de.yaml"] = []byte(de)
	}
	c, err := catalog.LoadFiles(files, "catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// update runs Update on de for root, and checks that a second run changes
// nothing.
func update(t *testing.T, root, de string) (string, *Result) {
	t.Helper()
	var text []byte
	if de != "" {
		text = []byte(de)
	}
	res, err := Update(load(t, root, de), "de", text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	again, err := Update(load(t, root, string(res.File)), "de", res.File, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.File, res.File) {
		t.Errorf("a second run changed the file:\n%s\nto:\n%s", res.File, again.File)
	}
	if again.Added+again.Stale+again.Reviewed != 0 {
		t.Errorf("a second run counts changes: %+v", again)
	}
	return string(res.File), res
}

const catalogV1 = `version: 1
api: Shop
languages: [de]
errors:
  - code: NOT_FOUND
    status: 404
    title: Not found
    message: "{kind} not found"
    causes: [It was deleted.]
    details:
      - {name: kind, type: string, required: true, description: What was looked for.}
  - code: INTERNAL
    status: 500
    title: Internal error
    fallback: true
`

// catalogV2 changes NOT_FOUND's message, gives INTERNAL a description and
// adds CONFLICT.
var catalogV2 = strings.NewReplacer(
	`"{kind} not found"`, `"{kind} was not found"`,
	"    fallback: true\n", "    fallback: true\n    description: Our fault.\n  - {code: CONFLICT, status: 409, message: Changed since}\n",
).Replace(catalogV1)

// A translator's file, in a style of its own: comments, flow mappings,
// quotes, a blank line, keys in another order. Its source hashes are those
// of catalogV1.
func translatorsFile(t *testing.T) string {
	c := load(t, catalogV1, "")
	return `# Deutsch, von Hand gepflegt.
language: de
source: ` + catalog.TopSourceHash(c) + `

errors:
  INTERNAL: {source: ` + catalog.SourceHash(c.Errors[1]) + `, title: 'Interner Fehler'}   # kurz
  NOT_FOUND:
    title: Nicht gefunden
    source: ` + catalog.SourceHash(c.Errors[0]) + `
    message: "{kind} nicht gefunden"  # Platzhalter bleibt
    causes:
      - Es wurde gelöscht.
    details:
      kind: {description: Was gesucht wurde.}
docs: {title: Fehler}
`
}

// errgen translate on a catalog with new and changed texts keeps every
// byte the translator wrote, in order, adds entries for what is missing,
// marks the changed entry stale, and is idempotent; the result loads with
// warnings for the stale and the untranslated texts.
func TestUpdateKeepsTranslatorsBytes(t *testing.T) {
	de := translatorsFile(t)
	out, res := update(t, catalogV2, de)
	if !subsequence(de, out) {
		t.Errorf("the translator's text is not kept in order:\n%s", out)
	}
	if res.Stale != 1 || res.Added == 0 || res.Reviewed != 0 {
		t.Errorf("result %+v", res)
	}
	for _, want := range []string{
		"# " + StaleMark + "\n", // NOT_FOUND's source line, marked
		"  CONFLICT:\n    source: ",
		"    # en: Changed since\n    message: \"\"\n",
		`'Interner Fehler', description: ""}   # kurz`, // INTERNAL's new description, in its flow mapping (no comment there), its key plain as the mapping's
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	c := load(t, catalogV2, out)
	de2 := c.Translations["de"]
	// INTERNAL's texts changed too (a description added): it is stale, but
	// a flow mapping has no room for the mark.
	if !de2.Errors["NOT_FOUND"].Stale || !de2.Errors["INTERNAL"].Stale || de2.Errors["CONFLICT"].Translates() {
		t.Errorf("stale NOT_FOUND %v INTERNAL %v, CONFLICT translates %v", de2.Errors["NOT_FOUND"].Stale, de2.Errors["INTERNAL"].Stale, de2.Errors["CONFLICT"].Translates())
	}
	if got := c.In("de").Errors[0].Message.Source; got != "{kind} nicht gefunden" {
		t.Errorf("the stale message reads %q", got)
	}
	if n := len(c.Warnings.Items); n != 3 {
		t.Errorf("%d warnings, want two stale and untranslated:\n%s", n, c.Warnings.Error())
	}
}

// An entry marked reviewed: true gets today's source hash, and loses the
// mark and the stale comment; nothing else changes.
func TestUpdateRecordsReviews(t *testing.T) {
	stale, _ := update(t, catalogV2, translatorsFile(t))
	reviewed := strings.Replace(stale, "    message: \"{kind} nicht gefunden\"", "    reviewed: true\n    message: \"{kind} wurde nicht gefunden\"", 1)
	out, res := update(t, catalogV2, reviewed)
	if res.Reviewed != 1 || res.Stale != 0 || res.Added != 0 {
		t.Errorf("result %+v", res)
	}
	c := load(t, catalogV2, out)
	before := catalog.SourceHash(load(t, catalogV1, "").Errors[0])
	want := strings.Replace(stale, "    message: \"{kind} nicht gefunden\"", "    message: \"{kind} wurde nicht gefunden\"", 1)
	want = strings.Replace(want, `source: `+before+` # `+StaleMark, `source: `+catalog.SourceHash(c.Errors[0]), 1)
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	if c.Translations["de"].Errors["NOT_FOUND"].Stale {
		t.Error("the reviewed entry is stale")
	}
}

// A new file has an entry for every text, each untranslated, none stale;
// its layout is pinned here.
func TestUpdateWritesNewFile(t *testing.T) {
	out, _ := update(t, catalogV1, "")
	c := load(t, catalogV1, out)
	if c.Translations["de"].Errors["NOT_FOUND"].Translates() || len(c.Warnings.Items) != 1 {
		t.Errorf("warnings:\n%s", c.Warnings.Error())
	}
	want := `language: de
source: ` + catalog.TopSourceHash(c) + `
errors:
  NOT_FOUND:
    source: ` + catalog.SourceHash(c.Errors[0]) + `
    # en: Not found
    title: ""
    # en: {kind} not found
    message: ""
    causes:
      # en: It was deleted.
      - ""
    details:
      kind:
        # en: What was looked for.
        description: ""
  INTERNAL:
    source: ` + catalog.SourceHash(c.Errors[1]) + `
    # en: Internal error
    title: ""
`
	if _, body, _ := strings.Cut(out, "language: de\n"); "language: de\n"+body != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

// subsequence reports whether every byte of a is in b, in order.
func subsequence(a, b string) bool {
	i := 0
	for j := 0; i < len(a) && j < len(b); j++ {
		if a[i] == b[j] {
			i++
		}
	}
	return i == len(a)
}

// An entry in a flow mapping marked reviewed: true loses the mark and gets
// today's source hash, as a block one does, every other byte kept: a mark
// left behind would have the next run record a later change as reviewed.
// The hash is written as the old one was: plain, or quoted.
func TestUpdateRecordsReviewsInFlow(t *testing.T) {
	c := load(t, catalogV1, "")
	now := catalog.SourceHash(c.Errors[0])
	head := "language: de\nsource: " + catalog.TopSourceHash(c) + "\ndocs: {title: Fehler}\nerrors:\n  INTERNAL: {source: " + catalog.SourceHash(c.Errors[1]) + ", title: Intern}\n"
	tail := `, message: "{kind} fehlt", causes: [Weg.], details: {kind: {description: Art}}}   # flow` + "\n"
	tests := []struct {
		name, entry, want string
	}{
		{"no source yet", "{title: Nicht da, reviewed: true", `{source: ` + now + `, title: Nicht da`},
		{"reviewed first", "{reviewed: true, title: Nicht da", `{source: ` + now + `, title: Nicht da`},
		{"an old source", "{source: 00000000, reviewed: true, title: Nicht da", `{source: ` + now + `, title: Nicht da`},
		{"an old source last", "{title: Nicht da, source: 00000000, reviewed: true", `{title: Nicht da, source: ` + now},
		{"an old source quoted", "{source: '00000000', reviewed: true, title: Nicht da", `{source: '` + now + `', title: Nicht da`},
		{"a title of two lines", "{title: Nicht\n      da, reviewed: true", `{source: ` + now + `, title: Nicht` + "\n      da"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			de := head + "  NOT_FOUND: " + tt.entry + tail
			out, res := update(t, catalogV1, de)
			if want := head + "  NOT_FOUND: " + tt.want + tail; out != want || res.Reviewed != 1 {
				t.Errorf("reviewed %d, got:\n%s\nwant:\n%s", res.Reviewed, out, want)
			}
			if nf := load(t, catalogV1, out).Translations["de"].Errors["NOT_FOUND"]; nf.Reviewed || nf.Stale {
				t.Errorf("NOT_FOUND reviewed %v, stale %v", nf.Reviewed, nf.Stale)
			}
		})
	}
}

// An editor's error is said in the file's name: with its place when it has
// one, after a colon and a space when not.
func TestInFile(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&textedit.PosError{Line: 3, Col: 5, Msg: "cannot find the value to replace"}, "translations/de.yaml:3:5: cannot find the value to replace"},
		{textedit.ErrOverlap, "translations/de.yaml: edits overlap"},
	} {
		if got := inFile("translations/de.yaml", tt.err).Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// A translator's comment on an entry's source line stays when errgen
// translate marks the entry stale, and when it records the review: only
// the stale mark comes and goes.
func TestUpdateKeepsSourceLineComments(t *testing.T) {
	c1, c2 := load(t, catalogV1, ""), load(t, catalogV2, "")
	old, now := catalog.SourceHash(c1.Errors[0]), catalog.SourceHash(c2.Errors[0])
	de := strings.Replace(translatorsFile(t), "    source: "+old+"\n", "    source: "+old+"   # Anna, 2026-11: checked with legal\n", 1)
	stale, res := update(t, catalogV2, de)
	if want := "    source: " + old + "   # Anna, 2026-11: checked with legal # " + StaleMark + "\n"; !strings.Contains(stale, want) || res.Stale != 1 {
		t.Fatalf("stale %d, no %q in:\n%s", res.Stale, want, stale)
	}
	reviewed := strings.Replace(stale, "    message: \"{kind} nicht gefunden\"", "    reviewed: true\n    message: \"{kind} nicht gefunden\"", 1)
	out, res := update(t, catalogV2, reviewed)
	if want := "    source: " + now + "   # Anna, 2026-11: checked with legal\n"; !strings.Contains(out, want) || res.Reviewed != 1 {
		t.Errorf("reviewed %d, no %q in:\n%s", res.Reviewed, want, out)
	}
}

// Only an entry that translates texts is marked stale when its source
// texts change: one left untranslated ("" texts, as errgen translate wrote
// it) has nothing to review, and errgen validate does not call it stale.
func TestUpdateMarksOnlyTranslations(t *testing.T) {
	skeleton, _ := update(t, catalogV1, "")
	for _, tt := range []struct {
		name, file string
		stale      int
	}{
		{"untranslated", skeleton, 0},
		{"translated", strings.Replace(skeleton, "    title: \"\"", "    title: Nicht gefunden", 1), 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, res := update(t, catalogV2, tt.file)
			if got := strings.Count(out, StaleMark); res.Stale != tt.stale || got != tt.stale {
				t.Errorf("stale %d, %d marks, want %d:\n%s", res.Stale, got, tt.stale, out)
			}
			if nf := load(t, catalogV2, out).Translations["de"].Errors["NOT_FOUND"]; nf.Stale != (tt.stale == 1) {
				t.Errorf("errgen validate calls NOT_FOUND stale: %v", nf.Stale)
			}
		})
	}
}

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
