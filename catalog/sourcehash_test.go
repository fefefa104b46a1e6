package catalog_test

import (
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// TestSourceHashesReused: one hasher making the hashes of a catalog's
// errors one after another, as the loader does, gives each the hash a
// fresh json.Marshal of its texts gives, whatever the error before it
// left in the hasher's buffers.
func TestSourceHashesReused(t *testing.T) {
	catalogs := map[string]*catalog.Catalog{}
	for _, sc := range catalogtest.All(t) {
		catalogs[sc.Name] = sc.C
	}
	for name, path := range map[string]string{"languages": "testdata/languages/catalog.yaml", "translated": "catalog/testdata/translated/catalog.yaml"} {
		c, err := catalog.Load(catalogtest.Path(path))
		if err != nil {
			t.Fatal(err)
		}
		catalogs[name] = c
	}
	for name, data := range map[string][]byte{"synthetic": catalogtest.Synthetic(200), "hostile": catalogtest.Hostile(), "scale": catalogtest.Scale(50)} {
		c, err := catalog.Parse(name+".yaml", data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		catalogs[name] = c
	}
	for name, c := range catalogs {
		es := append(append([]*catalog.Error(nil), c.Errors...), c.Retired...)
		for i, got := range catalog.SourceHashesReused(es) {
			if want := catalog.SourceHashMarshal(es[i]); got != want {
				t.Errorf("%s: %s: hash %s, want %s", name, es[i].Code, got, want)
			}
		}
	}
}
