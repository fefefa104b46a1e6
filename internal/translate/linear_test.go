//go:build unix

package translate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/growth"
	"github.com/errgen/errgen/internal/textedit"
	"github.com/errgen/errgen/internal/yamlnode"
)

// manyErrors is a catalog of n errors in English and German, each with a
// detail when detailed.
func manyErrors(n int, detailed bool) string {
	var b strings.Builder
	b.WriteString("version: 1\napi: Many\nlanguages: [de]\nerrors:\n")
	b.WriteString("  - {code: INTERNAL, status: 500, title: Internal error, fallback: true}\n")
	details := ""
	if detailed {
		details = ", details: [{name: id, type: string, description: The id.}]"
	}
	for i := range n {
		fmt.Fprintf(&b, "  - {code: E%06d, status: 400, title: Error %d%s}\n", i, i, details)
	}
	return b.String()
}

// Update costs time in proportion to the catalog, whether it writes a new
// file, updates one with an entry for every code, or takes an obsolete
// detail out of every entry: looking each code's entry up by scanning the
// errors mapping took time quadratic in it.
func TestUpdateLinear(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("times Update on catalogs of 2,000 and 16,000 errors")
	}
	for _, file := range []string{"none", "entries", "obsolete"} {
		t.Run(file, func(t *testing.T) {
			fastest := func(n int) time.Duration {
				root := manyErrors(n, false)
				c, text := load(t, root, ""), []byte(nil)
				if file != "none" { // the file a first run writes: an entry for every code
					res, err := Update(load(t, manyErrors(n, file == "obsolete"), ""), "de", nil, Options{})
					if err != nil {
						t.Fatal(err)
					}
					c, text = load(t, root, string(res.File)), res.File
				}
				if want := n * btoi(file == "obsolete"); len(c.Translations["de"].Obsolete) != want {
					t.Fatalf("%d obsolete entries, want %d", len(c.Translations["de"].Obsolete), want)
				}
				return growth.Fastest(3, func() {
					if _, err := Update(c, "de", text, Options{}); err != nil {
						t.Fatal(err)
					}
				})
			}
			ratio, small, large := growth.Eightfold(2000, fastest)
			if ratio > growth.MaxEightfold {
				t.Errorf("8 times the errors took %.1f times as long (%v, %v): want about 8", ratio, small, large)
			} else {
				t.Logf("8 times the errors took %.1f times as long (%v, %v)", ratio, small, large)
			}
		})
	}
}

// fill and refreshComments, which look each member of what the file should
// hold up in what it holds (a file's categories, one per category of the
// catalog), cost time in proportion to them: a scan for each took 8 times
// the categories 60 times as long.
func TestFillLinear(t *testing.T) {
	mapping := func(n int, value string) *yaml.Node {
		m := yamlnode.Map()
		for i := range n {
			v := yamlnode.Str(value)
			v.HeadComment = "# en: Category"
			yamlnode.Set(m, fmt.Sprintf("Category %d", i), v)
		}
		return m
	}
	u := &updater{c: &catalog.Catalog{Language: "en"}, adds: textedit.NewAdditions(), res: &Result{}}
	fastest := func(n int) time.Duration {
		have, want := mapping(n, "Kategorie"), mapping(n, "")
		return growth.Fastest(3, func() {
			if added := u.fill(have, want); added != 0 {
				t.Fatalf("%d members added to a mapping that has them all", added)
			}
			u.refreshComments(have, want)
		})
	}
	if ratio, small, large := growth.Eightfold(4000, fastest); ratio > growth.MaxEightfold {
		t.Errorf("8 times the categories took %.1f times as long (%v, %v): want about 8", ratio, small, large)
	} else {
		t.Logf("8 times the categories took %.1f times as long (%v, %v)", ratio, small, large)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// BenchmarkUpdateErrors writes the file of catalogs of 2,000 and 16,000
// errors: compare the two sizes' times (28 times as long for the larger
// while each code's entry was looked up by scanning, 6 to 8 times since).
func BenchmarkUpdateErrors(b *testing.B) {
	for _, n := range []int{2000, 16000} {
		files := catalog.MemFiles{"catalog.yaml": []byte(manyErrors(n, false))}
		c, err := catalog.LoadFiles(files, "catalog.yaml")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint("errors=", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Update(c, "de", nil, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
