package golang

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEveryFixedFileIsCopied: a file added to the fixed half is one the
// emitter copies, or the generated package would lack it.
func TestEveryFixedFileIsCopied(t *testing.T) {
	paths, err := filepath.Glob("fixed/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range paths {
		name := filepath.Base(p)
		if !strings.HasSuffix(name, "_test.go") && name != "doc.go" && name != "table.go" {
			files = append(files, name)
		}
	}
	slices.Sort(files)
	copied := slices.Sorted(slices.Values(fixedFiles))
	if !slices.Equal(files, copied) {
		t.Errorf("fixed/ holds %v; the emitter copies %v", files, copied)
	}
}
