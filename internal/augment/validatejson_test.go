package augment

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// validateCases are YAML documents whose JSON kin-openapi may or may not
// read alike, and whether asJSON converts them.
var validateCases = []struct {
	name, spec string
	converts   bool
}{
	{"bad example", badExample, true},
	{"missing path parameter", missingPathParam, true},
	{"path items", pathItems, true},
	{"wrong type", "openapi: 3.0.3\ninfo: 5\npaths: {}\n", true},
	{"no info", "openapi: 3.0.3\npaths: {}\n", true},
	{"dangling ref", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Nope'}\n", true},
	{"integer status", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        200: {description: OK}\n", true},
	{"integer key 007", "openapi: 3.0.3\ninfo: {title: T, version: '1', x-k: {007: a}}\npaths: {}\n", false},
	{"float key", "openapi: 3.0.3\ninfo: {title: T, version: '1', x-k: {1.0: a}}\npaths: {}\n", false},
	{"null key", "openapi: 3.0.3\ninfo: {title: T, version: '1', x-k: {~: a}}\npaths: {}\n", false},
	{"bool key", "openapi: 3.0.3\ninfo: {title: T, version: '1', x-k: {true: a}}\npaths: {}\n", true},
	{"timestamps", "openapi: 3.0.3\ninfo: {title: T, version: 2024-01-02}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {type: string, format: date}\n              example: 2024-01-02\n", true},
	{"timestamp for an integer", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {type: integer}\n              example: 2001-12-14t21:59:43.10-05:00\n", true},
	{"numbers", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {type: array, items: {type: integer}}\n              example: [0x1F, 0o17, 017, 1_000, 1.0, .5, +3, 12345678901234567890, -0]\n", true},
	{"negative zero", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {type: array, items: {type: integer}}\n              example: [{a: -0, b: -0.0}]\n", true},
	{"yaml 1.1 words", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {type: boolean}\n              example: yes\n", true},
	{"infinity", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {type: number}\n              example: .inf\n", false},
	{"anchor and alias", "openapi: 3.0.3\ninfo: &i {title: T, version: '1'}\npaths: {}\nx-again: *i\n", false},
	{"merge key", "openapi: 3.0.3\nx-base: &b {title: T}\ninfo: {<<: *b, version: '1'}\npaths: {}\n", false},
	{"explicit tag", "openapi: 3.0.3\ninfo: {title: !!str 5, version: '1'}\npaths: {}\n", false},
	{"repeated key", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\ninfo: {title: U, version: '2'}\npaths: {}\n", false},
	{"two documents", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n---\nx: 1\n", true},
	{"not yaml", "openapi: [3.0.3\n", false},
	{"control characters", "openapi: 3.0.3\ninfo: {title: \"T\\u0001\\t</script>\\u2028\", version: '1'}\npaths: {}\n", true},
}

// validateSpec, which gives kin-openapi a YAML document as JSON where it
// converts, answers as kin-openapi does reading the YAML itself: for the
// cases above, and for every YAML spec of the repository's test data and
// the goldens errgen augmented them into.
func TestValidateSpecAsJSON(t *testing.T) {
	if raceEnabled {
		t.Skip("kin-openapi's validation of the real specs takes minutes under the race detector")
	}
	type input struct {
		name     string
		spec     []byte
		converts bool
	}
	var inputs []input
	for _, tc := range validateCases {
		inputs = append(inputs, input{tc.name, []byte(tc.spec), tc.converts})
	}
	root := filepath.Join("..", "openapi", "testdata")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".yaml" {
			return err
		}
		data, err := os.ReadFile(path)
		inputs = append(inputs, input{path, data, true})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			if _, ok := asJSON(in.spec); ok != in.converts {
				t.Errorf("asJSON converts: %v, want %v", ok, in.converts)
			}
			got, want := validateSpec(in.spec, false), validateSpecAsGiven(in.spec, false)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("validateSpec: %v\nkin-openapi on the YAML: %v", got, want)
			}
		})
	}
}
