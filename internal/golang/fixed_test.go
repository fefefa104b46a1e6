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

// TestMetaField: the meta field is aligned with the field above it, as
// gofmt aligns it, and only catalogs with meta names get it.
func TestMetaField(t *testing.T) {
	fx, err := loadFixed()
	if err != nil {
		t.Fatal(err)
	}
	if fx.metaField(nil) != "" {
		t.Error("a meta field without meta names")
	}
	above := fx.head[strings.LastIndex(fx.head[:len(fx.head)-1], "\n")+1:]
	got := fx.metaField([]string{"param", "type"})
	if !strings.HasPrefix(above, "\t"+metaAfter+" ") || strings.Index(got, "[]string") != fx.typeCol || strings.Index(got, "//") != strings.Index(above, "//") {
		t.Errorf("meta field\n%sbelow\n%s", got, above)
	}
	if !strings.HasSuffix(got, "// meta values referenced by envelopes: param, type\n") {
		t.Errorf("meta field %q", got)
	}
}
