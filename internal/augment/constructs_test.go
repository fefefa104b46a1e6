package augment

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

// Constructs an adversarial pass found, valid and once handled wrongly:
// each is refused naming it, or handled by its meaning.
func TestAugmentConstructs(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	const head = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"
	const op = "paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n"
	refused := []struct{ name, spec, want string }{
		{"merge-responses.yaml", head + op + "components:\n  x-base: &r\n    Mine: {description: mine}\n  responses:\n    <<: *r\n",
			"merge-responses.yaml:12:5: components.responses takes keys through a YAML merge key (<<)"},
		{"merge-components.yaml", head + op + "x-base: &c\n  responses: {Unauthorized: {description: mine}}\ncomponents:\n  <<: *c\n",
			"merge-components.yaml:11:3: components takes keys through a YAML merge key (<<)"},
		{"merge-paths.yaml", head + "x-p: &p\n  /b:\n    get:\n      responses: {'200': {description: ok}}\npaths:\n  <<: *p\n",
			"merge-paths.yaml:8:3: paths takes keys through a YAML merge key (<<)"},
	}
	for _, key := range []string{"+500", "0x1F4", "5_00"} {
		refused = append(refused, struct{ name, spec, want string }{"status" + key + ".yaml",
			head + strings.Replace(op, "'200': {description: ok}", "'200': {description: ok}\n        "+key+": {description: oops}", 1),
			"status" + key + ".yaml:8:9: GET /a: the status key " + key + " is an integer YAML spells otherwise than in decimal digits"})
	}
	for _, tc := range refused {
		if _, _, err := Augment(c, []byte(tc.spec), tc.name, Options{}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
	handled := []struct {
		name, spec string
		check      func(out []byte) string
	}{
		{"quote-in-plain.yaml", head + "paths:\n  /a:\n    get:\n      responses: {'200': {description: a 'b}}\n", nil},
		{"flow-root.yaml", "{openapi: 3.0.3, info: {title: T, version: '1'}, paths: {/a: {get: {responses: {'200': {description: ok}}}}}}\n", nil},
		{"cr.yaml", strings.ReplaceAll(head+op, "\n", "\r"), func(out []byte) string {
			if bytes.IndexByte(out, '\n') >= 0 {
				return "a \\n in a CR-only file"
			}
			return ""
		}},
		{"nel.yaml", strings.ReplaceAll(head+op, "\n", "\u0085"), func(out []byte) string {
			if bytes.IndexByte(out, '\n') >= 0 || bytes.Count(out, []byte("\u0085")) < 20 {
				return "inserted lines not broken by NEL"
			}
			return ""
		}},
	}
	for _, tc := range handled {
		out, _, err := Augment(c, []byte(tc.spec), tc.name, Options{})
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if tc.check != nil {
			if msg := tc.check(out); msg != "" {
				t.Errorf("%s: %s:\n%q", tc.name, msg, out)
			}
		}
		if !isSubsequence([]byte(tc.spec), out) {
			t.Errorf("%s: the input is not a subsequence of the output: %s", tc.name, firstLost([]byte(tc.spec), out))
		}
		if again, _, err := Augment(c, out, tc.name, Options{}); err != nil || !bytes.Equal(again, out) {
			t.Errorf("%s: augmenting again: %v, changed: %v", tc.name, err, !bytes.Equal(again, out))
		}
	}
}

// A UTF-16 spec with a byte order mark is augmented as its UTF-8 text
// would be, and written back in UTF-16 of the same byte order.
func TestAugmentUTF16(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	spec := "openapi: 3.0.3\ninfo: {title: Crabs 🦀, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n"
	want, _, err := Augment(c, []byte(spec), "api.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		out, _, err := Augment(c, toUTF16([]byte(spec), order), "api.yaml", Options{})
		if err != nil {
			t.Fatalf("%v: %v", order, err)
		}
		if !bytes.Equal(out, toUTF16(want, order)) {
			t.Errorf("%v: the output is not the UTF-8 augmentation in UTF-16", order)
		}
	}
	if _, _, err := Augment(c, []byte{0xFF, 0xFE, 'a'}, "odd.yaml", Options{}); err == nil || !strings.Contains(err.Error(), "UTF-16 byte order mark") {
		t.Errorf("odd UTF-16: %v", err)
	}
}
