package augment

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// A JSON spec whose member errgen replaces is the last of its object:
// errgen appends its own members after the replaced one. It found where
// to append from the replacing value, which has no place in the text, and
// panicked (index out of range) on --force and --replace, where YAML and a
// member not last worked.
func TestAugmentJSONReplacesLastMember(t *testing.T) {
	c, err := catalog.Parse("catalog.yaml", []byte("version: 1\napi: X\nerrors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: INTERNAL, status: 500, fallback: true}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, spec string
		opts       Options
	}{{
		name: "the operation's own response, --force",
		spec: `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"x-errors":["NOT_FOUND"],"responses":{"404":{"description":"mine"}}}}}}`,
		opts: Options{Force: true},
	}, {
		name: "the spec's component, --replace",
		spec: `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"x-errors":["NOT_FOUND"],"responses":{"200":{"description":"ok"}}}}},"components":{"responses":{"NotFound":{"description":"mine"}}}}`,
		opts: Options{Replace: []string{"components.responses.NotFound"}},
	}} {
		for _, layout := range []string{"compact", "indented"} {
			spec := []byte(tc.spec + "\n")
			if layout == "indented" {
				var b bytes.Buffer
				if err := json.Indent(&b, []byte(tc.spec), "", "  "); err != nil {
					t.Fatal(err)
				}
				spec = append(b.Bytes(), '\n')
			}
			out, _, err := Augment(c, spec, "api.json", tc.opts)
			if err != nil {
				t.Errorf("%s, %s: %v", tc.name, layout, err)
				continue
			}
			if !json.Valid(out) {
				t.Errorf("%s, %s: the output is not JSON:\n%s", tc.name, layout, out)
				continue
			}
			doc := loadValidOpenAPI(t, out)
			if r := doc.Paths.Find("/a").Get.Responses.Status(404); r == nil || r.Ref != "#/components/responses/NotFound" {
				t.Errorf("%s, %s: GET /a 404 does not refer to errgen's NotFound:\n%s", tc.name, layout, out)
			}
			if d := doc.Components.Responses["NotFound"].Value.Description; d == nil || *d != "Not Found" {
				t.Errorf("%s, %s: NotFound is not errgen's:\n%s", tc.name, layout, out)
			}
			if again, _, err := Augment(c, out, "api.json", tc.opts); err != nil || !bytes.Equal(again, out) {
				t.Errorf("%s, %s: augmenting the output again changes it (err %v):\n%s", tc.name, layout, err, again)
			}
		}
	}
}
