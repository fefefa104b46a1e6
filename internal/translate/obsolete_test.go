package translate

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// trialV1 is a new user's catalog; trialV2 renames its detail id ident
// and takes UNAUTHORIZED out.
const trialV1 = `version: 1
api: F5
languages: [de]
errors:
  - code: NOT_FOUND
    status: 404
    message: "{id} was not found."
    details:
      - {name: id, type: string, required: true, description: The id.}
  - {code: UNAUTHORIZED, status: 403, description: "Not signed in.\n\nSign in first."}
  - {code: INTERNAL_ERROR, status: 500, fallback: true}
`

var trialV2 = strings.NewReplacer("{id}", "{ident}", "name: id,", "name: ident,", "  - {code: UNAUTHORIZED, status: 403, description: \"Not signed in.\\n\\nSign in first.\"}\n", "").Replace(trialV1)

// errgen translate takes out the entries of a file for what the catalog no
// longer has, and nothing else: the file it wrote for trialV1 becomes, for
// trialV2, the file it writes for trialV2 from scratch (the detail's
// entry gone, with details: it alone held, and written again for ident);
// a translator's file keeps every other byte (a comment above a removed
// key too), its texts and comments in the removed entries reported, but
// errgen's source texts. A second run changes nothing (update checks).
func TestUpdateRemovesObsolete(t *testing.T) {
	skeleton, _ := update(t, trialV1, "")
	fresh, _ := update(t, trialV2, "")
	translated := strings.NewReplacer(
		"  UNAUTHORIZED:\n", "  # nicht mehr lange\n  UNAUTHORIZED:  # bald weg\n",
	).Replace(skeleton)
	translated = strings.Replace(translated, "title: \"\"", "title: Nicht gefunden  # kurz", 1)
	translated = strings.Replace(translated, "# en: Forbidden\n    title: \"\"", "# en: Unauthorized\n    title: Nicht angemeldet", 1)
	translated = strings.Replace(translated, "# en: The id.\n        description: \"\"", "# en: The id.\n        description: Die ID.", 1)
	for _, tc := range []struct {
		name, in string
		want     func(out string) bool
		removed  []Removal
	}{{
		name: "errgen's own file",
		in:   skeleton,
		want: func(out string) bool { return out == fresh }, // its entries translating nothing, today's hashes
		removed: []Removal{
			{Path: []string{"errors", "NOT_FOUND", "details", "id"}},
			{Path: []string{"errors", "UNAUTHORIZED"}},
		},
	}, {
		name: "a translator's file",
		in:   translated,
		want: func(out string) bool {
			kept := cut(cut(translated, "    details:\n      id:\n", "  UNAUTHORIZED:"), "  UNAUTHORIZED:", "  INTERNAL_ERROR:")
			return subsequence(kept, out) && !strings.Contains(out, "Nicht angemeldet") && !strings.Contains(out, "Die ID.")
		},
		removed: []Removal{
			{Path: []string{"errors", "NOT_FOUND", "details", "id"}, Texts: []string{`description: "Die ID."`}},
			{Path: []string{"errors", "UNAUTHORIZED"}, Texts: []string{`title: "Nicht angemeldet"`}, Comments: []string{"# bald weg"}},
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			out, res := update(t, trialV2, tc.in)
			if !tc.want(out) {
				t.Errorf("got:\n%s\nfrom:\n%s", out, tc.in)
			}
			for i := range res.Removed {
				res.Removed[i].Pos = tc.removed[min(i, len(tc.removed)-1)].Pos
			}
			if !reflect.DeepEqual(res.Removed, tc.removed) {
				t.Errorf("Removed = %+v, want %+v", res.Removed, tc.removed)
			}
			c := load(t, trialV2, out)
			if n := len(c.Translations["de"].Obsolete); n != 0 || strings.Contains(c.Warnings.Error(), "obsolete") {
				t.Errorf("%d obsolete entries left:\n%s", n, c.Warnings.Error())
			}
		})
	}
}

// cut is s without the text from the line starting with from up to the
// one starting with to (kept).
func cut(s, from, to string) string {
	i := strings.Index(s, from)
	j := strings.Index(s[i:], to)
	return s[:i] + s[i+j:]
}

// In flow mappings too, errgen translate takes out the obsolete members
// only (an enum value, a category), and a mapping its removals would empty
// goes whole.
func TestUpdateRemovesObsoleteInFlow(t *testing.T) {
	const root = `version: 1
api: F5
languages: [de]
errors:
  - code: NOT_FOUND
    status: 404
    title: Not found
    category: Lookup
    details:
      - {name: kind, type: string, enum: [{value: user, description: A user.}]}
      - {name: scope, type: string, enum: [{value: here, description: Here.}]}
  - {code: INTERNAL_ERROR, status: 500, fallback: true, title: Internal}
`
	for _, tc := range []struct{ name, in, want string }{{
		name: "an enum value and a category",
		in:   "language: de\ncategories: {Old: \"\", Lookup: Suche}\nerrors:\n  NOT_FOUND: {title: Nicht gefunden, details: {kind: {enum: {user: Nutzer, order: \"\"}}}}\n",
		want: "language: de\ncategories: {Lookup: Suche}\nerrors:\n  NOT_FOUND: {title: Nicht gefunden, details: {kind: {enum: {user: Nutzer}}}}\n",
	}, {
		name: "every member of a mapping",
		in:   "language: de\ncategories: {Old: \"\"}\nerrors:\n  NOT_FOUND: {title: Nicht gefunden, details: {kind: {enum: {order: \"\"}}, scope: {enum: {here: Hier}}}}\n",
		want: "language: de\nerrors:\n  NOT_FOUND: {title: Nicht gefunden, details: {scope: {enum: {here: Hier}}}}\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			out, _ := update(t, root, tc.in)
			if !subsequence(tc.want, out) || strings.Contains(out, "Old") || strings.Contains(out, "order") {
				t.Errorf("got:\n%s\nwant the text of:\n%s", out, tc.want)
			}
		})
	}
}

// A text the catalog took out (an error's description, a detail's) leaves
// its translation obsolete, as a code taken out does: errgen translate
// takes it out, reporting what it held, and keeps the rest byte for byte.
// Before, it was an error ("nothing to translate") that stopped every
// command, errgen translate included.
func TestUpdateRemovesTranslationOfTextTakenOut(t *testing.T) {
	const before = `version: 1
api: F5
languages: [de]
errors:
  - code: NOT_FOUND
    status: 404
    description: The resource is not there.
    details:
      - {name: id, type: string, required: true, description: The id.}
  - {code: GONE, status: 410}
  - {code: INTERNAL_ERROR, status: 500, fallback: true}
`
	after := strings.NewReplacer("    description: The resource is not there.\n", "", ", description: The id.}", "}", "  - {code: GONE, status: 410}\n", "").Replace(before)
	skeleton, _ := update(t, before, "")
	translated := strings.Replace(skeleton, "# en: The resource is not there.\n    description: \"\"", "# en: The resource is not there.\n    description: Die Ressource fehlt.", 1)
	translated = strings.Replace(translated, "# en: The id.\n        description: \"\"", "# en: The id.\n        description: Die ID.", 1)
	translated = strings.Replace(translated, "  GONE:\n", "  GONE:  # bald weg\n", 1)
	if translated == skeleton || strings.Count(translated, "Die ") != 2 || !strings.Contains(translated, "# bald weg") {
		t.Fatalf("the skeleton has not the expected shape:\n%s", skeleton)
	}
	out, res := update(t, after, translated)
	for _, gone := range []string{"Die Ressource fehlt.", "Die ID.", "The resource is not there.", "The id."} {
		if strings.Contains(out, gone) {
			t.Errorf("%q is still in the file:\n%s", gone, out)
		}
	}
	var texts []string
	for _, r := range res.Removed {
		texts = append(texts, r.Texts...)
	}
	if got := strings.Join(texts, "|"); !strings.Contains(got, "Die Ressource fehlt.") || !strings.Contains(got, "Die ID.") {
		t.Errorf("removed texts %q, want both translations reported", got)
	}
	// The comment on GONE's line is GONE's, though errgen's source texts
	// above went first and its line moved up.
	for _, r := range res.Removed {
		if gone := r.Path[len(r.Path)-1] == "GONE"; gone != slices.Contains(r.Comments, "# bald weg") {
			t.Errorf("removal %v has comments %q", r.Path, r.Comments)
		}
	}
}
