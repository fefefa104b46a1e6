package errgen

import (
	"errors"
	"os"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/catalogtest"
)

// FuzzSplitTwin splits any catalog's errors into parts files of an
// include glob (catalogtest.Split) and holds the split catalog to its
// single-file twin, as docs/catalog.md promises: both load or neither,
// with the same problems said the same way but for where (their number,
// severities and messages, but for the places they name); loaded, they generate the same outputs byte
// for byte.
func FuzzSplitTwin(f *testing.F) {
	for _, tc := range goldenCases {
		if data, err := os.ReadFile(tc.catalog); err == nil && len(data) < 16<<10 {
			f.Add(data, uint8(2))
		}
	}
	f.Add(catalogtest.Hostile(), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, parts uint8) {
		files, err := catalogtest.Split(data, int(parts%8)+1)
		if err != nil {
			return
		}
		single := files["single.yaml"]
		delete(files, "single.yaml")
		split, splitErr := catalog.LoadFiles(catalog.MemFiles(files), "catalog.yaml", Check)
		twin, twinErr := catalog.Parse("catalog.yaml", single, Check)
		if (splitErr == nil) != (twinErr == nil) {
			t.Fatalf("split catalog: %v\nsingle-file twin: %v\n%s", splitErr, twinErr, single)
		}
		if splitErr != nil {
			if a, b := problemWords(splitErr), problemWords(twinErr); !slices.Equal(a, b) {
				t.Fatalf("split catalog's problems:\n%v\nsingle-file twin's:\n%v\n%s", splitErr, twinErr, single)
			}
			return
		}
		sameOutputs(t, generateAll(t, func() (*catalog.Catalog, error) { return split, nil }),
			generateAll(t, func() (*catalog.Catalog, error) { return twin, nil }))
	})
}

// otherPlace is where a message says another problem or declaration is:
// "line 5" in the same file, "errors/part0001.yaml:5" in another.
var otherPlace = regexp.MustCompile(`[^\s"(]+\.yaml:\d+|line \d+`)

// problemWords are the severities and messages of err's problems, sorted
// (their order follows their files), and their count; an error that is not
// a list of problems is its text.
func problemWords(err error) []string {
	var list *diag.List
	if !errors.As(err, &list) {
		return []string{err.Error()}
	}
	var words []string
	for _, d := range list.Items {
		words = append(words, d.Severity.String()+" "+otherPlace.ReplaceAllString(d.Msg+d.Hint, "…"))
	}
	slices.Sort(words)
	return append(words, "count "+strconv.Itoa(list.Count()))
}
