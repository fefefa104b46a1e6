package errgen

import (
	"reflect"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// TestMDMirrorsCatalog checks that mdError and mdDetail repeat every field of
// the catalog types they embed (but the ones they shadow on purpose), with
// the same type and, for every error of a catalog, the same value: templates
// must see exactly what the embedded structs hold.
func TestMDMirrorsCatalog(t *testing.T) {
	mirrors := func(outer, inner reflect.Type, shadowed string) {
		t.Helper()
		for f := range inner.Fields() {
			if !f.IsExported() || f.Name == shadowed {
				continue
			}
			g, ok := outer.FieldByName(f.Name)
			if !ok || len(g.Index) != 1 {
				t.Errorf("%s does not repeat %s.%s", outer, inner, f.Name)
			} else if g.Type != f.Type {
				t.Errorf("%s.%s is a %s, %s.%s a %s", outer, f.Name, g.Type, inner, f.Name, f.Type)
			}
		}
	}
	mirrors(reflect.TypeFor[mdError](), reflect.TypeFor[catalog.Error](), "Details")
	mirrors(reflect.TypeFor[mdDetail](), reflect.TypeFor[catalog.Detail](), "Example")

	same := func(outer reflect.Value, inner reflect.Value, shadowed string) {
		t.Helper()
		for f := range inner.Type().Fields() {
			if !f.IsExported() || f.Name == shadowed {
				continue
			}
			if !reflect.DeepEqual(outer.Field(mustIndex(t, outer.Type(), f.Name)).Interface(), inner.FieldByIndex(f.Index).Interface()) {
				t.Errorf("%s.%s differs from the catalog's", outer.Type(), f.Name)
			}
		}
	}
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(60))
	if err != nil {
		t.Fatal(err)
	}
	page, err := newMDPage(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range page.Errors {
		same(reflect.ValueOf(e).Elem(), reflect.ValueOf(e.Error).Elem(), "Details")
		if len(e.Details) != len(e.Error.Details) {
			t.Fatalf("%s: %d details, want %d", e.Code, len(e.Details), len(e.Error.Details))
		}
		for _, d := range e.Details {
			same(reflect.ValueOf(d), reflect.ValueOf(d.Detail).Elem(), "Example")
		}
	}
}

func mustIndex(t *testing.T, typ reflect.Type, name string) int {
	t.Helper()
	f, ok := typ.FieldByName(name)
	if !ok || len(f.Index) != 1 {
		t.Fatalf("%s has no field %s of its own", typ, name)
	}
	return f.Index[0]
}
