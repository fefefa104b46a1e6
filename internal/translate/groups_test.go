package translate

import (
	"strings"
	"testing"
)

// docs.groups' texts are top-level texts keyed by the group's name: a new
// file asks for each under its source text as a comment, a file without
// them gains them, and a changed text refreshes its comment and makes a
// translated file stale.
func TestUpdateGroups(t *testing.T) {
	v1 := strings.Replace(catalogV1, "api: Shop\n", "api: Shop\ndocs:\n  groups:\n    - {group: 404, description: The resource is not there.}\n    - {group: 500, description: Our fault.}\n", 1)
	v2 := strings.Replace(v1, "Our fault.", "Something broke on our side.", 1)
	skeleton, _ := update(t, v1, "")
	const groups = "docs:\n  groups:\n    # en: The resource is not there.\n    \"404\": \"\"\n    # en: Our fault.\n    \"500\": \"\"\n"
	if !strings.Contains(skeleton, groups) {
		t.Fatalf("no %q in the new file:\n%s", groups, skeleton)
	}
	withoutGroups, _ := update(t, catalogV1, "")
	translated := strings.Replace(skeleton, "\"500\": \"\"", "\"500\": Unser Fehler.", 1)
	tests := []struct {
		name, root, file string
		added, stale     int
		want             []string
		gone             string
	}{
		{"file without them", v1, withoutGroups, 1, 0, []string{groups}, ""},
		{"changed, untranslated", v2, skeleton, 0, 0, []string{"    # en: Something broke on our side.\n    \"500\": \"\"\n"}, "Our fault."},
		{"changed, translated", v2, translated, 0, 1, []string{"    # en: Something broke on our side.\n    \"500\": Unser Fehler.\n"}, "Our fault."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, res := update(t, tt.root, tt.file)
			if res.Added != tt.added || res.Stale != tt.stale {
				t.Errorf("added %d, stale %d; want %d, %d", res.Added, res.Stale, tt.added, tt.stale)
			}
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("no %q in:\n%s", want, out)
				}
			}
			if tt.gone != "" && strings.Contains(out, tt.gone) {
				t.Errorf("the old source text %q is still there:\n%s", tt.gone, out)
			}
		})
	}
}
