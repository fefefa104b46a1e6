package augment

import (
	"bytes"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// errgen writes in the style of the author's text, less what it replaces:
// a re-run finds errgen's text where the author's was, and skips it. The
// style errgen followed was that of a value it replaced (the spec's only
// $ref, or first quoted scalar, at a status --force replaces, or in a
// component --replace names), so the first re-run wrote its parts anew in
// another (found by FuzzAugmentReplace).
func TestAugmentStyleNotFromReplaced(t *testing.T) {
	c, err := catalog.Parse("fuzz.yaml", []byte(fuzzCatalog))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, spec string
		opts       Options
		want       string // in the output: errgen's $ref, quoted like the author's left
	}{{
		name: "the only $ref at a status --force replaces",
		spec: "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n        '500': {$ref: \"#/components/responses/Mine\"}\ncomponents:\n  responses:\n    Mine: {description: mine}\n",
		opts: Options{Force: true},
		want: "$ref: '#/components/schemas/InternalServerErrorBody'",
	}, {
		name: "the first $ref in a component --replace names",
		spec: "openapi: 3.0.3\ninfo: {title: T, version: '1'}\ncomponents:\n  responses:\n    InternalServerError:\n      description: mine\n      content: {application/json: {schema: {$ref: \"#/components/schemas/Mine\"}}}\n    Ok: {description: ok}\n  schemas:\n    Mine: {type: object}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Ok'}\n",
		opts: Options{Replace: []string{"components.responses.InternalServerError"}},
		want: "'500':\n          $ref: '#/components/responses/InternalServerError'",
	}, {
		name: "the first quoted scalar in a component --force replaces, status keys quoted like it",
		spec: "openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\ncomponents:\n  responses:\n    InternalServerError: {description: 'mine'}\npaths:\n  /a:\n    get:\n      responses:\n        default: {description: ok}\n",
		opts: Options{Force: true},
		want: "      responses:\n        \"500\":\n          $ref: '#/components/responses/InternalServerError'\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := Augment(c, []byte(tc.spec), "api.yaml", tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), tc.want) {
				t.Errorf("the output lacks %q:\n%s", tc.want, out)
			}
			for _, opts := range []Options{tc.opts, {}} {
				if again, _, err := Augment(c, out, "api.yaml", opts); err != nil || !bytes.Equal(again, out) {
					t.Errorf("augmenting the output again with %+v changes it (err %v):\n%s", opts, err, again)
				}
			}
		})
	}
}
