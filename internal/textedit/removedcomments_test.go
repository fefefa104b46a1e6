package textedit

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Remove reports each comment it takes out, where it was and the removed
// member it belongs to, and no # that is a scalar's character; every
// comment of the text is either left in it or reported.
func TestRemoveReportsComments(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // line:col key
	}{
		{"none", "m:\n  a: x\n  r: true\n  b: y\n", nil},
		{"a line's comment", "m:\n  a: x\n  r: true   # checked\n  b: y\n", []string{"3:13 r"}},
		{"characters, not bytes", "m:\n  r: 'ü' # c\n", []string{"2:10 r"}},
		{"a comment line heading the next of a run", "m:\n  r: 1\n  # heads r2\n  r2: 2\n  b: y\n", []string{"3:3 r2"}},
		{"a comment line of a member's own", "m:\n  r:\n    x: 1\n    # r's own\n  r2: 2\n", []string{"4:5 r"}},
		{"ending a line of a block mapping", "m:\n  r:\n    x: 1 # one\n    y: 2\n", []string{"3:10 r"}},
		{"ending a flow mapping", "m:\n  r: {a: 1} # c\n  b: y\n", []string{"2:13 r"}},
		{"heading the run: left", "m:\n  a: x\n  # above\n  r: 1\n", nil},
		{"after the run: left", "m:\n  r: 1\n  # heads b\n  b: y\n", nil},
		{"no blank before #", "m:\n  r: a#b\n", nil},
		{"quoted, with \" #\" inside", "m:\n  r: 'a # b'\n  b: y\n", nil},
		{"a quoted key", "m:\n  r: {'#k': 1}\n", nil},
		{"quoted over two lines", "m:\n  r: \"a #\n    # b\" # c\n  b: y\n", []string{"3:10 r"}},
		{"a block scalar's lines are text", "m:\n  r: | # c\n    a # b\n    # d\n  b: y\n", []string{"2:8 r"}},
		{"a comment less indented ends a block scalar", "m:\n  r: |\n      text\n    # after\n  b: y\n", []string{"4:5 r"}},
		{"flow: after the comma", "m: {a: x,  # c\n    r: true}\n", []string{"1:12 r"}},
		{"flow: quoted, with \" #\" inside", "m: {r: 'a # b',  # c\n    a: x}\n", []string{"1:18 r"}},
		// r2 is a key to remove too, inside r (a section removed whole)
		{"in a member to remove too, inside one", "m:\n  r:\n    a: 1\n    r2:\n      x: 1\n      # r2's\n  b: y\n", []string{"6:7 r2"}},
		{"ending a line of one", "m:\n  r:\n    r2: 1 # c\n", []string{"3:11 r2"}},
		{"heading one", "m:\n  r:\n    # heads r2\n    r2: 1\n", []string{"3:5 r2"}},
		{"in a member to keep, inside one", "m:\n  r:\n    a: 1 # c\n    r2: 2\n", []string{"3:10 r"}},
		{"on the outer key's line", "m:\n  r: # on r\n    r2: 1\n", []string{"2:6 r"}},
		{"less indented than the inner keys", "m:\n  r:\n    r2: 1\n   # r's\n  b: y\n", []string{"4:4 r"}},
		{"in a flow mapping, inside one", "m:\n  r: {r2: 1, # c\n    a: 2}\n", []string{"2:14 r2"}},
		{"after a flow mapping", "m:\n  r: {r2: 1} # c\n", []string{"2:14 r"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var file yaml.Node
			if err := yaml.Unmarshal([]byte(tt.text), &file); err != nil {
				t.Fatal(err)
			}
			removed := removeReporting(t, &file, tt.text)
			var got []string
			for _, c := range removed.Comments {
				got = append(got, fmt.Sprintf("%d:%d %s", c.Line, c.Col, c.Key.Value))
			}
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("comments %v, want %v (text left: %q)", got, tt.want, removed.Text)
			}
		})
	}
}

// FuzzRemoveReportsComments: whatever the text, every comment yaml.v3
// keeps in its tree is left in what Remove leaves, or reported, and every
// comment reported is one: the text reads the same without it. (yaml.v3
// drops some comments of flow collections from its tree, [# c], so the
// counts may differ the other way.)
func FuzzRemoveReportsComments(f *testing.F) {
	for _, s := range []string{
		"m:\n  a: x # a\n  r: true   # checked\n  # heads r2\n  r2:\n    x: 1 # one\n    y: |\n      # text\n    # r2's\n  b: y\n",
		"m: {a: x,  # c\n    r: 'a # b', r2: [1, # d\n 2]}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var file yaml.Node
		if len(text) > 4096 || yaml.Unmarshal([]byte(text), &file) != nil || len(file.Content) == 0 {
			return
		}
		removed, err := Remove(&file, []byte(text), false, keysNamed(&file, "r", "r2"))
		var left yaml.Node
		var data, leftData any
		if err != nil || yaml.Unmarshal(removed.Text, &left) != nil || yaml.Unmarshal([]byte(text), &data) != nil ||
			yaml.Unmarshal(removed.Text, &leftData) != nil || !reflect.DeepEqual(emptyAsNil(withoutKeys(data, "r", "r2")), emptyAsNil(leftData)) {
			// refused, or a text errgen never writes, whose members Remove
			// does not take out cleanly (r: !t, then its value on the next
			// line, at r's indentation; quotes inside a flow mapping's
			// plain scalars): augment reads what is left back and stops
			// if it does not parse, and the comments are then moot. A
			// mapping emptied goes with its key, or is left {} or null:
			// each reads as nothing
			return
		}
		// yaml.v3 drops some comments from its tree, in what is left as in
		// the text: what is left is counted by its lines too, the most
		// comments they could hold
		kept := max(leftComments(removed.Text, &left), linesWithComments(removed.Text))
		if before, after := commentCount(&file), kept+len(removed.Comments); before > after {
			t.Errorf("%q had %d comments; only %d are left in %q or reported (%v)", text, before, after, removed.Text, removed.Comments)
		}
		// each reported comment is one: the text means the same with other
		// words in it (not without it: a line left blank would not end a
		// block scalar as a comment line does)
		var want any
		if yaml.Unmarshal([]byte(text), &want) != nil {
			return
		}
		src := newSource([]byte(text), false)
		for _, c := range removed.Comments {
			at := src.offset(&yaml.Node{Line: c.Line, Column: c.Col})
			line, _ := slices.BinarySearch(src.lines, at+1)
			reworded := text[:at] + "# reworded" + text[src.ends[line-1]:]
			var got any
			if err := yaml.Unmarshal([]byte(reworded), &got); err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("%q: %d:%d is no comment: reworded, the text reads %v (%v), not %v", text, c.Line, c.Col, got, err, want)
			}
		}
	})
}

// removeReporting takes the members keyed r and r2 out of text, whose
// tree is file, and checks that the result parses and that every comment
// of text is left or reported.
func removeReporting(t *testing.T, file *yaml.Node, text string) *Removed {
	t.Helper()
	removed, err := Remove(file, []byte(text), false, keysNamed(file, "r", "r2"))
	if err != nil {
		t.Fatal(err)
	}
	var left yaml.Node
	if err := yaml.Unmarshal(removed.Text, &left); err != nil {
		t.Fatalf("%q does not parse: %v", removed.Text, err)
	}
	if before, after := commentCount(file), leftComments(removed.Text, &left)+len(removed.Comments); before != after {
		t.Errorf("%q had %d comments; %d are left in %q or reported (%v)", text, before, after, removed.Text, removed.Comments)
	}
	return removed
}

// withoutKeys is data, as yaml.v3 decodes a text, without the members of
// its mappings keyed one of names.
func withoutKeys(data any, names ...string) any {
	switch d := data.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, v := range d {
			if !slices.Contains(names, k) {
				out[k] = withoutKeys(v, names...)
			}
		}
		return out
	case map[any]any:
		out := map[any]any{}
		for k, v := range d {
			if s, ok := k.(string); !ok || !slices.Contains(names, s) {
				out[k] = withoutKeys(v, names...)
			}
		}
		return out
	case []any:
		out := make([]any, len(d))
		for i, v := range d {
			out[i] = withoutKeys(v, names...)
		}
		return out
	}
	return data
}

// keysNamed is the set of keys of the text's mappings named one of names.
func keysNamed(n *yaml.Node, names ...string) map[*yaml.Node]bool {
	keys := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for i, c := range n.Content {
			for _, name := range names {
				if n.Kind == yaml.MappingNode && i%2 == 0 && c.Value == name {
					keys[c] = true
				}
			}
			walk(c)
		}
	}
	walk(n)
	return keys
}

// leftComments is commentCount of left, the tree of text, or for a
// document of comments only, of which yaml.v3 keeps none, their count.
func leftComments(text []byte, left *yaml.Node) int {
	if len(left.Content) > 0 {
		return commentCount(left)
	}
	count := 0
	for line := range strings.SplitSeq(string(text), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			count++
		}
	}
	return count
}

// linesWithComments is how many lines of text (broken as YAML breaks
// them) have a # at their start or after a blank or a flow indicator: at
// least as many as hold a comment.
func linesWithComments(text []byte) int {
	count := 0
	for _, line := range strings.FieldsFunc(string(text), func(r rune) bool { return r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029' }) {
		if strings.HasPrefix(strings.TrimSpace(line), "#") || hasCommentMark(line) {
			count++
		}
	}
	return count
}

// hasCommentMark reports whether line has a # after a blank or a flow
// indicator, where yaml.v3 may read a comment.
func hasCommentMark(line string) bool {
	for i := 1; i < len(line); i++ {
		if line[i] == '#' && strings.IndexByte(" \t,[]{}?:", line[i-1]) >= 0 {
			return true
		}
	}
	return false
}

// commentCount is how many comments yaml.v3 read in the tree of n: the #
// lines of its nodes' comments.
func commentCount(n *yaml.Node) int {
	count := 0
	for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		for line := range strings.SplitSeq(c, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				count++
			}
		}
	}
	for _, c := range n.Content {
		count += commentCount(c)
	}
	return count
}

// ReplacedComments reports the comments of the text a value's replacement
// takes out (from the value's first token to its end), each with its key,
// and none outside it: above the value's first member, on its key's line,
// after an inline value, or in JSON.
func TestReplacedComments(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // line:col key
	}{
		{"none", "m:\n  r:\n    x: 1\n  b: y\n", nil},
		{"ending a line of the value", "m:\n  r:\n    x: 1 # one\n    y: 2\n", []string{"3:10 r"}},
		{"a line of the value", "m:\n  r:\n    x: 1\n    # mine\n    y: 2\n", []string{"4:5 r"}},
		{"a trailing comment of the value's last member", "m:\n  r:\n    x:\n      a: 1\n      # x's own\n  b: y\n", []string{"5:7 r"}},
		{"after the value, at its members' column: left", "m:\n  r:\n    x: 1\n    # after\n  b: y\n", nil},
		{"above the first member: left", "m:\n  r:\n    # above\n    x: 1\n", nil},
		{"on the key's line: left", "m:\n  r: # key\n    x: 1\n", nil},
		{"after an inline value: left", "m:\n  r: {x: 1} # after\n", nil},
		{"inside a flow value", "m:\n  r: {x: 1, # in\n    y: 2}\n", []string{"2:13 r"}},
		{"a block scalar's lines are text", "m:\n  r:\n    d: |\n      # text\n", nil},
		{"heading the next member: left", "m:\n  r:\n    x: 1\n  # heads b\n  b: y\n", nil},
		{"JSON has none", "{\"m\": {\"r\": {\"x\": 1}}}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var file yaml.Node
			if err := yaml.Unmarshal([]byte(tt.text), &file); err != nil {
				t.Fatal(err)
			}
			m := file.Content[0].Content[1]
			members := []Member{{Key: m.Content[0], Value: m.Content[1], InFlow: m.Style&yaml.FlowStyle != 0}}
			var got []string
			for _, c := range ReplacedComments([]byte(tt.text), strings.HasPrefix(tt.text, "{"), members) {
				got = append(got, fmt.Sprintf("%d:%d %s", c.Line, c.Col, c.Key.Value))
			}
			if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
				t.Errorf("comments %v, want %v", got, tt.want)
			}
		})
	}
}
