package translate

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// An entry still all "" when the catalog's texts change gets today's
// source hash with today's source comments: a translator who then fills
// it in translates today's texts. It kept the hash it was written with,
// so the fresh translation was called stale ("the en texts changed since
// it was made") and --strict failed until it was marked reviewed. An
// entry marked stale whose texts were all emptied since loses the mark.
// An entry that translates texts keeps its hash and is marked stale.
func TestUpdateRefreshesUntranslatedSource(t *testing.T) {
	const v1 = "version: 1\napi: Shop\nlanguages: [de]\nerrors:\n" +
		"  - {code: NOT_FOUND, status: 404, title: Not found, message: Gone away.}\n" +
		"  - {code: GONE, status: 410, title: Gone, message: Gone for good.}\n" +
		"  - {code: INTERNAL, status: 500, title: Internal, fallback: true}\n"
	v2 := strings.NewReplacer("Gone away.", "It is gone.", "Gone for good.", "It is gone for good.", "title: Internal,", "title: Internal error,").Replace(v1)
	skeleton, _ := update(t, v1, "")
	old := load(t, v1, skeleton)
	oldHash := func(code string) string {
		for _, e := range old.Errors {
			if e.Code == code {
				return catalog.SourceHash(e)
			}
		}
		t.Fatalf("no %s", code)
		return ""
	}
	// GONE translated; INTERNAL marked stale by an earlier run, its text emptied since
	translated := strings.Replace(skeleton, "    # en: Gone for good.\n    message: \"\"", "    # en: Gone for good.\n    message: Für immer weg.", 1)
	translated = strings.Replace(translated, "source: "+oldHash("INTERNAL"), "source: "+oldHash("INTERNAL")+" # "+StaleMark, 1)
	out, res := update(t, v2, translated)
	if res.Stale != 1 {
		t.Errorf("result %+v, want GONE alone marked stale", res)
	}
	now := load(t, v2, out)
	for _, e := range now.Errors {
		source := now.Translations["de"].Errors[e.Code].Source
		if want := e.Code != "GONE"; (source == catalog.SourceHash(e)) != want {
			t.Errorf("%s: source %s, today's %s: want today's %v", e.Code, source, catalog.SourceHash(e), want)
		}
	}
	if strings.Count(out, StaleMark) != 1 || !strings.Contains(out, "source: "+oldHash("GONE")+" # "+StaleMark) {
		t.Errorf("want GONE alone marked stale:\n%s", out)
	}
}
