package catalog_test

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// A { that opens a placeholder no } closes is sent as text ("{id was not
// found."): a warning says so, at the message or header. Braces around
// anything but a name stay text without a word, as docs/catalog.md says.
// Before, nothing was said, and the catalog sent "{id" to every client.
func TestUnclosedPlaceholder(t *testing.T) {
	for _, tc := range []struct {
		name, message, header, want string
	}{
		{"unclosed in the message", "{id was not found.", "", `catalog.yaml:6:14: warning: error "NOT_FOUND": message: {id is not closed, so it is sent as text: write {id} for the detail`},
		{"unclosed at the end", "Not found: {id", "", `warning: error "NOT_FOUND": message: {id is not closed`},
		{"unclosed in a header", "Not found.", "{id", `warning: error "NOT_FOUND": header X-Resource: {id is not closed`},
		{"closed", "{id} was not found.", "{id}", ""},
		{"JSON in the text", `Send {"id": 1}.`, "", ""},
		{"a mapping in the text", "Send {id: 1}.", "", ""},
		{"a brace alone", "Use { and }.", "", ""},
		{"no name after it", "Price in {€.", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			header := ""
			if tc.header != "" {
				header = "    headers: {X-Resource: " + quote(tc.header) + "}\n"
			}
			src := "version: 1\napi: Shop\nformat: flat\nerrors:\n  - code: NOT_FOUND\n    message: " + quote(tc.message) + "\n    status: 404\n" + header +
				"    details: [{name: id, type: string, required: true}]\n  - {code: INTERNAL, status: 500, fallback: true}\n"
			c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(src)}, "catalog.yaml")
			if err != nil {
				t.Fatalf("%v\n%s", err, src)
			}
			got := c.Warnings.Error()
			if tc.want == "" && strings.Contains(got, "not closed") || tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("warnings:\n%s\nwant %q", got, tc.want)
			}
		})
	}
}

// quote is s as a YAML double-quoted scalar.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// A translated message is held to the same rule as the catalog's.
func TestUnclosedPlaceholderTranslated(t *testing.T) {
	root := "version: 1\napi: Shop\nformat: flat\nlanguages: [de]\nerrors:\n  - code: NOT_FOUND\n    message: \"{id} was not found.\"\n    status: 404\n" +
		"    details: [{name: id, type: string, required: true}]\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	for de, want := range map[string]string{
		"{id wurde nicht gefunden.":  `translations/de.yaml:4:14: warning: error "NOT_FOUND": message: {id is not closed, so it is sent as text: write {id} for the detail`,
		"{id} wurde nicht gefunden.": "",
	} {
		file := "language: de\nerrors:\n  NOT_FOUND:\n    message: " + quote(de) + "\n"
		c, err := catalog.LoadFiles(catalog.MemFiles{"catalog.yaml": []byte(root), catalog.TranslationFile("de"): []byte(file)}, "catalog.yaml")
		if err != nil {
			t.Fatalf("%s: %v", de, err)
		}
		got := c.Warnings.Error()
		if want == "" && strings.Contains(got, "not closed") || want != "" && !strings.Contains(got, want) {
			t.Errorf("%s: warnings:\n%s\nwant %q", de, got, want)
		}
	}
}
