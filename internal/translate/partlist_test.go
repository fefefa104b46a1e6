package translate

import (
	"strings"
	"testing"
)

// An entry whose free list (causes, remediation) is translated in part,
// an item still "", translates texts: a run after the catalog's texts
// changed keeps its hash and marks it stale. The loader reads such a list
// as untranslated, so the entry was taken for one all "" and given
// today's hash: the translator's item, made from yesterday's text, was
// vouched for without review, and validate never called it stale.
func TestUpdateKeepsSourceOfPartlyTranslatedList(t *testing.T) {
	const v1 = "version: 1\napi: Shop\nlanguages: [de]\nerrors:\n" +
		"  - code: NOT_FOUND\n    status: 404\n    title: Not found\n    message: Gone.\n" +
		"    causes: [The id is wrong., The item was deleted.]\n" +
		"    remediation: [Check the id., Ask support.]\n" +
		"  - {code: INTERNAL, status: 500, title: Internal, fallback: true}\n"
	v2 := strings.Replace(v1, "The id is wrong.", "The id is mistyped.", 1)
	v2 = strings.Replace(v2, "Check the id.", "Check the id twice.", 1)
	for _, tc := range []struct{ name, from, to string }{
		{"causes", "# en: The id is wrong.\n      - \"\"", "# en: The id is wrong.\n      - Die ID ist falsch."},
		{"remediation", "# en: Ask support.\n      - \"\"", "# en: Ask support.\n      - Fragen Sie den Support."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			skeleton, _ := update(t, v1, "")
			translated := strings.Replace(skeleton, tc.from, tc.to, 1)
			if translated == skeleton {
				t.Fatalf("no %q in:\n%s", tc.from, skeleton)
			}
			out, res := update(t, v2, translated)
			if res.Stale != 1 || !strings.Contains(out, StaleMark) {
				t.Errorf("%d marked stale, want the entry:\n%s", res.Stale, out)
			}
			if et := load(t, v2, out).Translations["de"].Errors["NOT_FOUND"]; !et.Stale {
				t.Errorf("loaded entry not stale (source %s):\n%s", et.Source, out)
			}
		})
	}
}
