package translate

import (
	"strings"
	"testing"
)

// A stale entry's free list (causes, remediation) whose length no longer
// matches the catalog's shows today's whole list as source texts, one
// block above its first item, and loses errgen's comments above its other
// items; the translator's items stay byte for byte, and so do comments of
// the translator's own. Before, a list whose length changed kept its
// items' comments: the reviewer read "# en: It was deleted." above the
// old translation, and the catalog's new causes appeared nowhere in the
// file.
func TestUpdateShowsWholeFreeList(t *testing.T) {
	const one, two = "[It was deleted.]", "[It was never made., It was deleted since.]"
	const block = "    causes:\n      # en: It was never made.\n      # en: It was deleted since.\n      - "
	skeleton, _ := update(t, catalogV1, "")
	translated := strings.Replace(skeleton, "      - \"\"\n", "      - 'Es wurde gelöscht.'  # Anna\n", 1)
	twoItems := strings.Replace(strings.Replace(catalogV1, one, two, 1), "It was never made.", "It was made wrong.", 1)
	skeleton2, _ := update(t, twoItems, "")
	translated2 := strings.NewReplacer("      # en: It was made wrong.\n      - \"\"\n", "      # Anna: zwei Sätze\n      # en: It was made wrong.\n      - Falsch angelegt.\n",
		"      - \"\"\n", "      - Seither gelöscht.\n").Replace(skeleton2)
	// the translator matched the lengths under the block and marked the
	// entry reviewed; then the catalog reworded a cause
	matched := strings.NewReplacer("      - 'Es wurde gelöscht.'  # Anna\n", "      - Nie angelegt.\n      - Seither gelöscht.\n",
		"  NOT_FOUND:\n", "  NOT_FOUND:\n    reviewed: true\n").Replace(mustUpdate(t, catalogV1, two, translated))
	matched = mustUpdate(t, catalogV1, two, matched)
	if strings.Contains(matched, StaleMark) || !strings.Contains(matched, block) {
		t.Errorf("the review is not recorded under the block:\n%s", matched)
	}
	for _, tt := range []struct {
		name, file, causes string
		items, want        []string
	}{
		{"lengthened", translated, two, []string{"      - 'Es wurde gelöscht.'  # Anna\n"},
			[]string{block + "'Es wurde gelöscht.'  # Anna\n    details:"}},
		{"shortened", translated2, "[It was deleted.]", []string{"      - Falsch angelegt.\n", "      - Seither gelöscht.\n"},
			[]string{"    causes:\n      # Anna: zwei Sätze\n      # en: It was deleted.\n      - Falsch angelegt.\n      - Seither gelöscht.\n    details:"}},
		{"matched since, then changed", matched, "[It was never made., It was deleted lately.]", []string{"      - Nie angelegt.\n      - Seither gelöscht.\n"},
			[]string{strings.Replace(block, "since", "lately", 1) + "Nie angelegt.\n      - Seither gelöscht.\n    details:"}},
		{"flow", strings.Replace(translated, "    causes:\n      # en: It was deleted.\n      - 'Es wurde gelöscht.'  # Anna\n", "    causes: [Es wurde gelöscht.]\n", 1), two,
			[]string{"    causes: [Es wurde gelöscht.]\n"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, item := range tt.items {
				if !strings.Contains(tt.file, item) {
					t.Fatalf("no %q in:\n%s", item, tt.file)
				}
			}
			out, res := update(t, strings.Replace(catalogV1, one, tt.causes, 1), tt.file)
			if res.Stale != 1 {
				t.Errorf("stale %d, want the entry", res.Stale)
			}
			for _, want := range append(tt.items, tt.want...) {
				if !strings.Contains(out, want) {
					t.Errorf("no %q in:\n%s", want, out)
				}
			}
		})
	}
}

// mustUpdate is the file Update writes when the catalog's causes become
// causes.
func mustUpdate(t *testing.T, root, causes, file string) string {
	t.Helper()
	out, _ := update(t, strings.Replace(root, "[It was deleted.]", causes, 1), file)
	return out
}
