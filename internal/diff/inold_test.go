package diff_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen/internal/diff"
)

// TestInOldIsTheOldCatalogs: a change at a file only the old catalog has (its
// root, a translation file taken out since) is marked InOld, and one at a file
// only the new catalog has is not, in every case of testdata: the text output
// lists the old catalog's lines after the new one's by InOld, and a change at
// a base's file (REV:translations/es.yaml) not so marked sorted by name among
// the new catalog's, first or last as the revision was called (HEAD, main).
func TestInOldIsTheOldCatalogs(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatal("no test cases", err)
	}
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		sides := map[string]map[string]bool{"old": {}, "new": {}}
		for _, f := range ar.Files {
			files[f.Name] = string(f.Data)
			for side := range sides {
				if f.Name == side+".yaml" {
					sides[side][f.Name] = true
				} else if rest, ok := strings.CutPrefix(f.Name, side+"/"); ok {
					sides[side][rest] = true
				}
			}
		}
		for _, c := range diff.Compare(load(t, "old", files), load(t, "new", files)) {
			onlyOld := sides["old"][c.Pos.File] && !sides["new"][c.Pos.File]
			onlyNew := sides["new"][c.Pos.File] && !sides["old"][c.Pos.File]
			if onlyOld && !c.InOld || onlyNew && c.InOld {
				t.Errorf("%s: %s %s at %s: InOld %v", filepath.Base(path), c.Code, c.Kind, c.Pos, c.InOld)
			}
		}
	}
}
