package translate

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// catalogRetired has a retired code with a reason and one without beside
// a deprecated code and one in full use.
const catalogRetired = `version: 1
api: Shop
languages: [de]
errors:
  - {code: NOT_FOUND, status: 404, title: Not found}
  - {code: MISSING, status: 404, title: Missing, deprecated: Use NOT_FOUND., replaced_by: NOT_FOUND}
  - {code: GONE, status: 410, title: Gone, retired: true, deprecated: Use NOT_FOUND., replaced_by: NOT_FOUND}
  - {code: EXPIRED, status: 410, title: Expired, retired: true}
  - {code: INTERNAL, status: 500, title: Internal error, fallback: true}
`

// A deprecated code's reason is asked for with its other texts, last; of
// a retired code only the reason is (the page's table of retired codes
// gives its code, status, reason and replacement, none of its other
// texts), and a retired code without one gets no entry. A file that
// translates them is complete; an entry a translator wrote while the code
// was in use keeps its texts and is asked for the reason.
func TestReasonsAskedFor(t *testing.T) {
	out, _ := update(t, catalogRetired, "")
	c := load(t, catalogRetired, "")
	for _, want := range []string{
		"  MISSING:\n    source: " + catalog.SourceHash(c.Errors[1]) + "\n    # en: Missing\n    title: \"\"\n    # en: Use NOT_FOUND.\n    deprecated: \"\"\n",
		"  GONE:\n    source: " + catalog.SourceHash(c.Retired[0]) + "\n    # en: Use NOT_FOUND.\n    deprecated: \"\"\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no entry\n%s\nin:\n%s", want, out)
		}
	}
	if strings.Contains(out, "EXPIRED") {
		t.Errorf("an entry for the retired EXPIRED, which gives no reason:\n%s", out)
	}
	filled := strings.NewReplacer(
		"  # en: Errors\n  title: \"\"", "  # en: Errors\n  title: Fehler",
		"    # en: Not found\n    title: \"\"", "    # en: Not found\n    title: Nicht gefunden",
		"    # en: Missing\n    title: \"\"", "    # en: Missing\n    title: Fehlt",
		"    # en: Internal error\n    title: \"\"", "    # en: Internal error\n    title: Interner Fehler",
		"    # en: Use NOT_FOUND.\n    deprecated: \"\"", "    # en: Use NOT_FOUND.\n    deprecated: NOT_FOUND verwenden.",
	).Replace(out)
	lc := load(t, catalogRetired, filled)
	if len(lc.Warnings.Items) != 0 {
		t.Errorf("warnings for a file that translates every text shown:\n%s\n%s", lc.Warnings.Error(), filled)
	}
	if de := lc.In("de"); de.Errors[1].Deprecated != "NOT_FOUND verwenden." || de.Retired[0].Deprecated != "NOT_FOUND verwenden." {
		t.Errorf("reasons in German: %q, %q", de.Errors[1].Deprecated, de.Retired[0].Deprecated)
	}
	old := strings.Replace(filled, "  GONE:\n    source: "+catalog.SourceHash(c.Retired[0])+"\n    # en: Use NOT_FOUND.\n    deprecated: NOT_FOUND verwenden.\n", "  GONE:\n    title: Weg\n", 1)
	got, res := update(t, catalogRetired, old)
	if want := "  GONE:\n    title: Weg\n    # en: Use NOT_FOUND.\n    deprecated: \"\"\n"; !strings.HasSuffix(got, want) || res.Added != 1 {
		t.Errorf("added %d; the retired code's entry is not\n%s\nat the end of:\n%s", res.Added, want, got)
	}
}
