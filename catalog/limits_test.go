package catalog

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// errorLines is an errors list of n minimal errors, codes from first on.
func errorLines(first, n int) string {
	var b strings.Builder
	b.WriteString("errors:\n")
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, "  - {code: E%06d, status: 400}\n", i)
	}
	return b.String()
}

const maxErrorsHint = "split the API's errors into several catalogs, one per service or domain, each generating its own package"

// TestMaxErrors: a list of more than MaxErrors errors is refused with one
// problem at the list, saying the limit and what to do, and nothing else
// about the catalog; so is an included file that takes the merged catalog
// past it; a catalog of MaxErrors errors loads.
func TestMaxErrors(t *testing.T) {
	head := "version: 1\napi: Big API\n"
	fallback := "  - {code: INTERNAL, status: 500, fallback: true}\n"
	_, err := Parse("big.yaml", []byte(head+errorLines(1, MaxErrors)+fallback))
	want := fmt.Sprintf("big.yaml:4:3: errors: the list holds %d errors, more than errgen's limit of %d (catalog.MaxErrors): %s",
		MaxErrors+1, MaxErrors, maxErrorsHint)
	if err == nil || err.Error() != want {
		t.Errorf("%d errors: got\n%v\nwant\n%s", MaxErrors+1, err, want)
	}

	half := MaxErrors/2 + 1
	dir := writeTree(t, map[string]string{
		"catalog.yaml":  head + "include: [errors/*.yaml]\n" + errorLines(0, half) + fallback,
		"errors/a.yaml": errorLines(half, half),
		"errors/b.yaml": errorLines(2*half, 1),
	})
	_, err = Load(filepath.Join(dir, "catalog.yaml"))
	want = fmt.Sprintf("%s:2:3: errors: with this list the catalog holds %d errors, more than errgen's limit of %d (catalog.MaxErrors): %s",
		filepath.Join(dir, "errors", "a.yaml"), 2*half+1, MaxErrors, maxErrorsHint)
	if err == nil || err.Error() != want {
		t.Errorf("included files: got\n%v\nwant\n%s", err, want)
	}

	if testing.Short() {
		return // loading MaxErrors errors takes a few seconds
	}
	if _, err := Parse("big.yaml", []byte(head+errorLines(1, MaxErrors-1)+fallback)); err != nil {
		t.Errorf("%d errors: %v", MaxErrors, err)
	}
}

// An include list of more than MaxIncludes items is one problem, at the
// list, and none of its items is read or globbed: each item cost a read
// or a listing of its folder.
func TestMaxIncludes(t *testing.T) {
	list := func(n int) string {
		var b strings.Builder
		b.WriteString("version: 1\napi: Big API\ninclude:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - 'errors/[q]%d*.yaml'\n", i)
		}
		return b.String()
	}
	files := &countingFiles{MemFiles: MemFiles{"catalog.yaml": []byte(list(MaxIncludes + 1))}, reads: map[string]int{}, globs: map[string]int{}}
	_, err := LoadFiles(files, "catalog.yaml")
	want := fmt.Sprintf("catalog.yaml:4:3: include: the list holds %d items, more than errgen's limit of %d (catalog.MaxIncludes): "+
		"name the files by a glob per folder (errors/*.yaml), or split the API's errors into several catalogs", MaxIncludes+1, MaxIncludes)
	if err == nil || err.Error() != want {
		t.Errorf("%d items: got\n%v\nwant\n%s", MaxIncludes+1, err, want)
	}
	if len(files.globs) != 0 || len(files.reads) != 1 {
		t.Errorf("read %v and globbed %v; want the root read, nothing globbed", files.reads, files.globs)
	}

	_, err = Parse("catalog.yaml", []byte(list(MaxIncludes)))
	if err == nil || strings.Contains(err.Error(), "MaxIncludes") {
		t.Errorf("%d items: got %v, want each reported matching no file", MaxIncludes, err)
	}
}
