package catalog

import (
	"fmt"
	"runtime"
	"testing"
)

// splitCatalog is a root including files small files of one error each.
func splitCatalog(files int) MemFiles {
	m := MemFiles{"catalog.yaml": []byte("version: 1\napi: Split API\nformat: flat\ninclude: [errors/*.yaml]\n" +
		"errors:\n  - {code: INTERNAL, status: 500, message: Internal., fallback: true}\n")}
	for i := range files {
		m[fmt.Sprintf("errors/e%05d.yaml", i)] = fmt.Appendf(nil, "errors:\n  - code: E%05d\n    status: 400\n"+
			"    message: Error number %d.\n    description: The description of error %d.\n", i, i, i)
	}
	return m
}

// A split catalog's files share the node slabs: each parse starts where the
// last left off. A slab of each file's own made a file of 100 bytes cost
// 45 KiB, and 16,000 included files 750 MB of resident set.
func TestIncludedFilesShareSlabs(t *testing.T) {
	for _, files := range []int{500, 2000} {
		t.Run(fmt.Sprint(files), func(t *testing.T) {
			m := splitCatalog(files)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			c, err := LoadFiles(m, "catalog.yaml")
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Errors) != files+1 {
				t.Fatalf("%d errors, want %d", len(c.Errors), files+1)
			}
			// The file's text, its share of the slabs, its error and the
			// globbing take some 4.5 KiB a file; a slab of its own, 40 KiB.
			if perFile := (after.TotalAlloc - before.TotalAlloc) / uint64(files); perFile > 16<<10 {
				t.Errorf("loading %d included files allocated %d bytes a file, want under 16 KiB", files, perFile)
			}
		})
	}
}
