package translate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// BenchmarkUpdateScale runs errgen translate's work on the scale catalog
// in English and German (catalogtest.ScaleTranslated): the new file; the
// file translating every text without source hashes (full); and the file
// a first run wrote, filled in, after a tenth of the catalog's messages
// changed (stale). Compare B/op and allocs/op before and after a change
// (docs/performance.md, Translate, augment and diff).
func BenchmarkUpdateScale(b *testing.B) {
	sizes := []int{1000, 10000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		for _, file := range []string{"new", "full", "stale"} {
			c, text := scaleCase(b, n, file)
			b.Run(fmt.Sprintf("%s/errors=%d", file, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Update(c, "de", text, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// scaleCase is the catalog of n errors in English and German loaded with
// the translation file of the case, and that file.
func scaleCase(b *testing.B, n int, file string) (*catalog.Catalog, []byte) {
	root, translation := catalogtest.ScaleTranslated(n, "de")
	load := func(root, text []byte) *catalog.Catalog {
		files := catalog.MemFiles{"catalog.yaml": root}
		if text != nil {
			files["translations/de.yaml"] = text
		}
		c, err := catalog.LoadFiles(files, "catalog.yaml")
		if err != nil {
			b.Fatal(err)
		}
		return c
	}
	switch file {
	case "full":
		return load(root, translation), translation
	case "stale":
		res, err := Update(load(root, nil), "de", nil, Options{})
		if err != nil {
			b.Fatal(err)
		}
		filled := []byte(strings.NewReplacer(`    title: ""`, `    title: "Titel"`, `    message: ""`, `    message: "Fehler bei {field}"`,
			`    description: ""`, `    description: "Beschreibung."`).Replace(string(res.File)))
		lines := strings.SplitAfter(string(root), "\n")
		for i, line := range lines {
			if strings.HasPrefix(line, "    message: ") && i%10 == 3 {
				lines[i] = strings.Replace(line, "Request failed", "Request was refused by", 1)
			}
		}
		return load([]byte(strings.Join(lines, "")), filled), filled
	}
	return load(root, nil), nil
}
