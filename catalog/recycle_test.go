package catalog_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// recycleCases are catalogs with their files, for the test that LoadFiles,
// which makes the translations' trees in the catalog's node slabs, loads
// what LoadFilesPlain loads: every shipped catalog (some in several
// languages), the bad catalogs (some with broken, stale or partial
// translations), and the scale, synthetic and hostile catalogs, the scale
// one in one language, two and three.
func recycleCases(t testing.TB) map[string]catalog.Files {
	cases := map[string]catalog.Files{}
	disk := func(name, path string) {
		files, _, err := catalog.DiskFiles(path)
		if err != nil {
			t.Fatal(err)
		}
		cases[name] = files
	}
	for _, sc := range catalogtest.All(t) {
		disk(sc.Name, sc.Path)
	}
	disk("languages", catalogtest.Path("testdata/languages/catalog.yaml"))
	disk("translated", catalogtest.Path("catalog/testdata/translated/catalog.yaml"))
	bad, err := filepath.Glob(catalogtest.Path("catalog/testdata/bad/*.txtar"))
	if err != nil || len(bad) == 0 {
		t.Fatalf("no bad catalogs: %v", err)
	}
	for _, path := range bad {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files := catalog.MemFiles{}
		for _, f := range ar.Files {
			if f.Name != "want" {
				files[f.Name] = f.Data
			}
		}
		cases["bad/"+filepath.Base(path)] = files
	}
	cases["synthetic"] = catalog.MemFiles{"catalog.yaml": catalogtest.Synthetic(300)}
	cases["hostile"] = catalog.MemFiles{"catalog.yaml": catalogtest.Hostile()}
	for _, langs := range [][]string{{"de"}, {"de", "fr"}, {"de", "fr", "es"}} {
		cases["scale/"+strings.Join(langs, "+")] = scaleIn(300, langs)
	}
	return cases
}

// scaleIn is the scale catalog of n errors in English and langs, each with
// its translation file.
func scaleIn(n int, langs []string) catalog.MemFiles {
	files := catalog.MemFiles{}
	root, _ := catalogtest.ScaleTranslated(n, langs[0])
	files["catalog.yaml"] = []byte(strings.Replace(string(root), "languages: ["+langs[0]+"]", "languages: ["+strings.Join(langs, ", ")+"]", 1))
	for _, lang := range langs {
		_, files[catalog.TranslationFile(lang)] = catalogtest.ScaleTranslated(n, lang)
	}
	return files
}

// TestRecycledNodesLoadAlike: LoadFiles and LoadFilesPlain make the same
// catalog, or the same problems, of every case. The package's tests
// poison the slabs a load releases (export_test.go), so that a node read
// after its release shows here and in every other test of the package.
func TestRecycledNodesLoadAlike(t *testing.T) {
	for name, files := range recycleCases(t) {
		got, gotErr := catalog.LoadFiles(files, "catalog.yaml", errgen.Check)
		want, wantErr := catalog.LoadFilesPlain(files, "catalog.yaml", errgen.Check)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%s: LoadFiles says\n%v\nLoadFilesPlain says\n%v", name, gotErr, wantErr)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: LoadFiles and LoadFilesPlain load different catalogs", name)
		}
	}
}

// BenchmarkRecycledNodes is LoadFiles (the shortcut: the translations'
// trees in the catalog's node slabs) and LoadFilesPlain, in turn, on the
// scale catalog in English and German, and in English and three other
// languages. Besides benchpair.Run's figures, it reports the bytes each
// allocates a load (shortcut-B/op, plain-B/op), which the reuse is for.
func BenchmarkRecycledNodes(b *testing.B) {
	defer catalog.SetPoisonReleased(catalog.SetPoisonReleased(false))
	for _, langs := range [][]string{{"de"}, {"de", "fr", "es"}} {
		files := scaleIn(1000, langs)
		b.Run("en+"+strings.Join(langs, "+"), func(b *testing.B) {
			var bytes [2]uint64
			load := func(i int, loadFiles func(catalog.Files, string, ...catalog.Check) (*catalog.Catalog, error)) func() {
				return func() {
					var before, after runtime.MemStats
					runtime.ReadMemStats(&before)
					if _, err := loadFiles(files, "catalog.yaml", errgen.Check); err != nil {
						b.Fatal(err)
					}
					runtime.ReadMemStats(&after)
					bytes[i] += after.TotalAlloc - before.TotalAlloc
				}
			}
			benchpair.Run(b, load(0, catalog.LoadFiles), load(1, catalog.LoadFilesPlain), nil)
			b.ReportMetric(float64(bytes[0])/float64(b.N), "shortcut-B/op")
			b.ReportMetric(float64(bytes[1])/float64(b.N), "plain-B/op")
		})
	}
}

// FuzzRecycledNodes: whatever the catalog and its translation file hold,
// LoadFiles (the translation's tree in the catalog's node slabs) and
// LoadFilesPlain load the same catalog, or report the same problems.
func FuzzRecycledNodes(f *testing.F) {
	for _, n := range []int{1, 3} {
		files := scaleIn(n, []string{"de"})
		f.Add(files["catalog.yaml"], files[catalog.TranslationFile("de")])
	}
	f.Fuzz(func(t *testing.T, root, translation []byte) {
		files := catalog.MemFiles{"catalog.yaml": root, catalog.TranslationFile("de"): translation}
		got, gotErr := catalog.LoadFiles(files, "catalog.yaml")
		want, wantErr := catalog.LoadFilesPlain(files, "catalog.yaml")
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("LoadFiles says\n%v\nLoadFilesPlain says\n%v", gotErr, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatal("LoadFiles and LoadFilesPlain load different catalogs")
		}
	})
}
