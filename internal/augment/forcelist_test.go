package augment

import (
	"bytes"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// A component errgen replaces whose last member is a list written with
// its dashes at its key's column (required:\n- code), as many specs write
// them: errgen replaced it up to that key's line and left the dashes
// below its own text, and --force and --replace failed ("errgen's
// insertions do not read back as YAML (please report this ...)").
func TestAugmentReplacesComponentEndingWithCompactList(t *testing.T) {
	c, err := catalog.Parse("fuzz.yaml", []byte(fuzzCatalog))
	if err != nil {
		t.Fatal(err)
	}
	spec := "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\ncomponents:\n  schemas:\n    InternalServerErrorBody:\n      type: object\n      required:\n      - code\n    Other:\n      type: string\n"
	for _, opts := range []Options{{Force: true}, {Replace: []string{"components.schemas.InternalServerErrorBody"}}} {
		out, _, err := Augment(c, []byte(spec), "api.yaml", opts)
		if err != nil {
			t.Fatalf("%+v: %v", opts, err)
		}
		loadValidOpenAPI(t, out)
		if !strings.Contains(string(out), "    Other:\n      type: string\n") || strings.Contains(string(out), "      - code\n    Other") {
			t.Errorf("%+v: the author's list is left, or Other lost:\n%s", opts, out)
		}
		if again, _, err := Augment(c, out, "api.yaml", opts); err != nil || !bytes.Equal(again, out) {
			t.Errorf("%+v: augmenting the output again changes it (err %v)", opts, err)
		}
	}
}
