package augment

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/catalog"
)

// Augment never panics, whatever the spec; what it writes keeps every byte
// of the input in order (without --force), is deterministic, and
// augmenting it again changes nothing. The seeds are the test specs and
// the text cases; go test -fuzz FuzzAugment explores from them.
func FuzzAugment(f *testing.F) {
	for _, name := range []string{"petstore-expanded.yaml", "tictactoe.yaml", "tasks-3.1.yaml", "notes-3.0.json", "real/oai31-webhook-example.yaml", "real/oai30-callback-example.yaml"} {
		data, err := os.ReadFile(filepath.Join(specs, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
	}
	for _, tc := range textCases {
		f.Add([]byte(tc.spec), false)
	}
	f.Add([]byte("openapi: 3.0.3\ninfo: &i {title: T, version: '1'}\npaths:\n  /a: &p\n    get:\n      x-errors: &x [NOT_FOUND]\n      responses: {'200': {description: OK}}\n  /b: *p\ncomponents: {}\n"), true)
	// flow responses: a comment after a comma, a comma ending the mapping
	f.Add([]byte("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {\n        '200': {description: OK}, # the one\n        'd01': {description: D}\n      }\n"), false)
	f.Add([]byte("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: OK},}\n  /b:\n    get:\n      responses: {'200': {description: OK}, }\n"), false)
	f.Add([]byte(`{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/a": {"get": {"x-errors": [1, {"a": 2}]}}}}`), false)
	// anchors and tags on the nodes errgen writes into and beside
	f.Add([]byte("openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: &r {'200': &d {description: !!str 'OK'}}\n  /b:\n    get:\n      responses: !!map\n        '200': *d\n"), false)
	c, err := catalog.Parse("fuzz.yaml", []byte(fuzzCatalog))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, spec []byte, force bool) {
		opts := Options{Force: force}
		out, _, err := Augment(c, spec, "fuzz.yaml", opts)
		if err != nil {
			if out != nil {
				t.Error("output along with an error")
			}
			return
		}
		if !force && !isSubsequence(spec, out) {
			t.Fatalf("the input is not a subsequence of the output: %s\n%s", firstLost(spec, out), out)
		}
		again, _, err := Augment(c, spec, "fuzz.yaml", opts)
		if err != nil || !bytes.Equal(out, again) {
			t.Errorf("second run differs (err %v)", err)
		}
		twice, _, err := Augment(c, out, "fuzz.yaml", opts)
		if err != nil || !bytes.Equal(out, twice) {
			t.Errorf("augmenting the output again changes it (err %v):\n%s", err, udiff.Unified("once", "twice", string(out), string(twice)))
		}
	})
}
