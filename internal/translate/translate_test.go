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
	if again.Added+again.Texts+again.Stale+again.Reviewed != 0 {
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
