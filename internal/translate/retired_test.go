package translate

import (
	"strings"
	"testing"
)

// catalogRetired has a retired code beside one in use.
const catalogRetired = `version: 1
api: Shop
languages: [de]
errors:
  - {code: NOT_FOUND, status: 404, title: Not found}
  - {code: GONE, status: 410, title: Gone, retired: true, deprecated: Use NOT_FOUND., replaced_by: NOT_FOUND}
  - {code: INTERNAL, status: 500, title: Internal error, fallback: true}
`

// A retired code's texts are shown nowhere (the page's table of retired
// codes gives its code, status, reason and replacement): errgen translate
// asks for no entry, and a file without one is fully translated; an entry
// a translator wrote while the code was in use stays as it is.
func TestRetiredCodesAskNoTranslation(t *testing.T) {
	out, _ := update(t, catalogRetired, "")
	if strings.Contains(out, "GONE") {
		t.Errorf("an entry for the retired GONE:\n%s", out)
	}
	filled := strings.NewReplacer(
		"  # en: Errors\n  title: \"\"", "  # en: Errors\n  title: Fehler",
		"    # en: Not found\n    title: \"\"", "    # en: Not found\n    title: Nicht gefunden",
		"    # en: Internal error\n    title: \"\"", "    # en: Internal error\n    title: Interner Fehler",
	).Replace(out)
	if c := load(t, catalogRetired, filled); len(c.Warnings.Items) != 0 {
		t.Errorf("warnings for a file that translates every code in use:\n%s\n%s", c.Warnings.Error(), filled)
	}
	kept := filled + "  GONE:\n    title: Weg\n"
	if got, _ := update(t, catalogRetired, kept); got != kept {
		t.Errorf("the retired code's entry changed:\n%s", got)
	}
}
