package translate

import (
	"strings"
	"testing"
)

// An entry holding nothing but reviewed: true goes with the mark, and is
// written again as a new entry, every text to translate under its source
// text; the translator's comment on the mark's line stays. The mark's
// removal left "NOT_FOUND:" with no value, which read as an empty entry:
// errgen translate never filled it again, and called the file up to date.
func TestUpdateReviewedOnlyEntry(t *testing.T) {
	de := "language: de\nerrors:\n  NOT_FOUND:\n    reviewed: true # checked, Anna\n  INTERNAL:\n    title: Intern\n"
	out, res := update(t, catalogV1, de)
	if res.Reviewed != 1 {
		t.Errorf("result %+v", res)
	}
	for _, want := range []string{
		"errors:\n    # checked, Anna\n  INTERNAL:\n",
		"  NOT_FOUND:\n    source: ",
		"    # en: Not found\n    title: \"\"\n",
		"      kind:\n        # en: What was looked for.\n        description: \"\"\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	e := load(t, catalogV1, out).Translations["de"].Errors["NOT_FOUND"]
	if e == nil || e.Source == "" {
		t.Errorf("NOT_FOUND's entry %+v has no source:\n%s", e, out)
	}
}
