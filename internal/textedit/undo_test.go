package textedit

import (
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// Remove undoes what Write inserted, byte for byte, whatever the author
// wrote around it: blank lines or a space inside braces errgen filled, a
// comment after the comma before its members, a comma ending a flow
// mapping. (FuzzAugment found the first two: augmenting a spec twice
// took the author's bytes away, or a comment with them. FuzzAddMembers
// found the empty value, after which a blank was left, and the key "y:",
// which the members written after it made a key "y". FuzzAugmentReplace
// found JSON members before one of the author's: they went with the
// author's separator before them, not errgen's after, so that a blank line
// there, or the author's spacing, was lost on every re-run.
// FuzzReplaceMember found members after a tag ending a flow mapping, whose
// comma yaml.v3 read as the tag's, and before a comment right after the
// mapping's last token ({x: 1,#), which made their last value's text
// "1#"; FuzzAddMembers members indented like an explicit key (? 0), past
// its ?.)
func TestRemoveUndoesWrite(t *testing.T) {
	tests := []struct {
		name, text string
		isJSON     bool
		before     string // the key the members go before, or "" for the end
	}{
		{"block", "m:\n  x: 1\n", false, ""},
		{"block, before a member", "m:\n  x: 1\n  # heads y\n  y: 2\n", false, "y"},
		{"block, after an explicit key's member", "m:\n  ? 0\n  1:\n", false, ""},
		{"block, before a member after an explicit key's", "m:\n  ? 0\n  1: 2\n", false, "1"},
		{"empty flow in block", "m: {}\n", false, ""},
		{"empty flow in block, a space inside", "m: { }\n", false, ""},
		{"empty flow in block, over lines", "x:\n  m: {\n\n  }\n", false, ""},
		{"flow", "m: {x: 1}\n", false, ""},
		{"flow, a comma at the end", "m: {x: 1,}\n", false, ""},
		{"flow, a comma and a space at the end", "m: {x: 1, }\n", false, ""},
		{"flow, before a member after a comment", "m: {x: 1, # c\n  y: 2}\n", false, "y"},
		{"flow, before the first member", "m: {x: 1}\n", false, "x"},
		{"flow, after an empty value", "m: {x: }\n", false, ""},
		{"flow, after a key ending in a colon", "m: {x, y:}\n", false, ""},
		{"flow, after an empty value tagged", "m: {x: !t }\n", false, ""},
		{"flow, after a value ending in a colon", "m: {x: y:}\n", false, ""},
		{"flow over lines, after an empty value", "m: {x:\n}\n", false, ""},
		{"flow, a comment right after the comma ending it", "m: {x: 1,#\n}\n", false, ""},
		{"flow, a comment right after a comma spaced from the value", "m: {x: 1 ,# c\n}\n", false, ""},
		{"flow, a comment right after a comma on its own line", "m: {x: 1\n ,#\n}\n", false, ""},
		{"flow, a comma spaced from the value ending it", "m: {x: 1 ,}\n", false, ""},
		{"flow, a comma on the line after the value ending it", "m: {x: 1\n  ,}\n", false, ""},
		{"flow, a comment right after its last value", "m: {x: \"1\"#\n}\n", false, ""},
		{"empty flow, a comment right after the brace", "m: {#\n}\n", false, ""},
		{"flow, after a key of a tag alone", "m: {0: 0,! }\n", false, ""},
		{"json", `{"m": {"x": 1}}`, true, ""},
		{"json, before a member", "{\n  \"m\": {\n    \"x\": 1\n  }\n}\n", true, "x"},
		{"json, before a member after a blank line", "{\n  \"m\": {\n    \"w\": 0,\n\n    \"x\": 1\n  }\n}\n", true, "x"},
		{"json, before a member, spaced unlike the text's first members", `{"m": {"w": 0,"x": 1}, "n": 2}`, true, "x"},
		{"json, before a member after blanks ending a line", "{\n  \"m\": {\n    \"w\": 0, \n    \"x\": 1\n  }\n}\n", true, "x"},
		{"empty json", `{"m": {}}`, true, ""},
		{"empty json, a space inside", `{"m": { }}`, true, ""},
		{"empty pretty json, blank lines inside", "{\n  \"m\": {\n      \n     \n}\n}\n", true, ""},
		{"empty pretty json, CRLF", "{\r\n  \"m\": {\r\n  }\r\n}\r\n", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			written := writeMembers(t, tt.text, tt.isJSON, tt.before)
			file := parseText(t, written, tt.isJSON)
			removed, err := Remove(file, written, tt.isJSON, keysNamed(file, "a", "b"))
			if err != nil {
				t.Fatal(err)
			}
			if string(removed.Text) != tt.text {
				t.Errorf("Remove(%q) = %q, want %q back", written, removed.Text, tt.text)
			}
			if len(removed.Comments) > 0 {
				t.Errorf("Remove reports comments of the author's: %v", removed.Comments)
			}
		})
	}
}

// writeMembers adds a: 1 and b: 2 to text's mapping m, before its member
// keyed before (at its end for ""), and writes them in.
func writeMembers(t *testing.T, text string, isJSON bool, before string) []byte {
	t.Helper()
	file := parseText(t, []byte(text), isJSON)
	m := yamlnode.Get(file.Content[0], "m")
	if m == nil {
		m = yamlnode.Get(yamlnode.Get(file.Content[0], "x"), "m")
	}
	at := len(m.Content)
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == before {
			at = i
		}
	}
	adds := NewAdditions()
	var added []*yaml.Node
	for i, key := range []string{"a", "b"} {
		k, v := yamlnode.Str(key), yamlnode.Int(i+1)
		adds.Add(k, v)
		added = append(added, k, v)
	}
	m.Content = slices.Insert(m.Content, at, added...)
	written, err := New(file, []byte(text), isJSON, adds).Write(nil)
	if err != nil {
		t.Fatal(err)
	}
	return written
}

func parseText(t *testing.T, text []byte, isJSON bool) *yaml.Node {
	t.Helper()
	file, ok := parseFuzzText(string(text), isJSON)
	if !ok {
		t.Fatalf("%q does not parse", text)
	}
	return file
}
