package augment

import (
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
)

// A section of the author's that holds nothing but errgen's parts (the
// author deleted their last schema since the run that added errgen's) goes
// with them, and so does components, left empty: a run gives what a first
// run on the author's spec without them gives. Taking errgen's parts out
// left "schemas:" with no value, which read as null, and the run stopped:
// "components.schemas must be a mapping, not empty".
func TestAugmentRerunEmptiedSection(t *testing.T) {
	v1 := loadRerunCatalog(t, "catalog-v1.yaml")
	bare := "openapi: 3.1.0\ninfo: {title: Own, version: '1'}\npaths:\n  /items/{id}:\n    get:\n      operationId: getItem\n" +
		"      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      x-errors: [NOT_FOUND]\n" +
		"      responses:\n        '200':\n          description: OK\n"
	own := "    Item:\n      type: string\n"
	out1, _, err := Augment(v1, []byte(bare+"components:\n  schemas:\n"+own), "api.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out1), own) {
		t.Fatalf("no %q in:\n%s", own, out1)
	}
	edited := strings.Replace(string(out1), own, "", 1)
	got, _, err := Augment(v1, []byte(edited), "api.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := Augment(v1, []byte(bare), "api.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("a run on the spec without the author's schema differs from a first run without it:\n%s", udiff.Unified("want", "got", string(want), string(got)))
	}
}
