package textedit

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// FuzzReplaceComment: whatever the text, rewriting the "# en:" comment
// block above each key of its mapping m (errgen translate's source texts),
// or taking every other key's out, is refused, or writes a text that reads
// as the text did, whose block, when the text had one, is the new comment
// or gone; doing it again changes nothing.
func FuzzReplaceComment(f *testing.F) {
	for _, s := range []string{
		"m:\n  # checked by Anna\n  # en: Old.\n  a: alt # mine\n",
		"m:\r\n  # en: Old.\r\n  a: alt\r\n",
		"m:\n  x: |\n    # en: text, not a comment\n  a: 1\n",
		"m:\n  x: \"q\n    # en: text\"\n  a: 1\n",
		"m:\n  # en: Old,\n  #     very old.\n  #\n  a: alt\n",
		"m:\n  a: 1\n  # mine\n  # en: Old.\n  b: alt\n  # en: Old.\n  c: 2\n",
	} {
		f.Add(s)
	}
	const comment = "# en: New text,\n#     on two lines."
	rewrite := func(text string) ([]byte, error) {
		file, m, err := mappingM(text)
		if err != nil {
			return nil, err
		}
		adds := NewAdditions()
		for i := 0; i < len(m.Content); i += 2 {
			if i%4 == 2 { // every other key's block taken out
				adds.ReplaceComment(m.Content[i], "# en:", "")
				continue
			}
			adds.ReplaceComment(m.Content[i], "# en:", comment)
		}
		return New(file, []byte(text), false, adds).Write(nil)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var want any
		if len(text) > 4096 || !strings.HasSuffix(text, "\n") || yaml.Unmarshal([]byte(text), &want) != nil {
			return
		}
		got, err := rewrite(text)
		if err != nil {
			return
		}
		var back any
		if err := yaml.Unmarshal(got, &back); err != nil || !reflect.DeepEqual(back, want) {
			t.Fatalf("%q became %q, which reads %#v (%v), not %#v", text, got, back, err, want)
		}
		if again, err := rewrite(string(got)); err != nil || string(again) != string(got) {
			t.Fatalf("%q became %q, then %q (%v)", text, got, again, err)
		}
	})
}

// A line of a block or quoted scalar right above a key reads like a
// comment but is the scalar's text: ReplaceComment leaves it. Before, the
// "# en:" line of the block scalar x was taken for the comment above a,
// and rewritten, emptying x (FuzzReplaceComment's seeds).
func TestReplaceCommentAfterScalarText(t *testing.T) {
	for _, text := range []string{
		"m:\n  x: |\n    # en: text, not a comment\n  a: 1\n",
		"m:\n  x: \"q\n    # en: text\"\n  a: 1\n",
		"l:\n  - |\n    # en: text\n  - 1\n",
	} {
		var file yaml.Node
		if err := yaml.Unmarshal([]byte(text), &file); err != nil {
			t.Fatal(err)
		}
		adds := NewAdditions()
		for _, key := range []string{"m", "l"} {
			c := yamlnode.Get(file.Content[0], key)
			if c == nil {
				continue
			}
			last := c.Content[len(c.Content)-1] // the last item
			if c.Kind == yaml.MappingNode {
				last = c.Content[len(c.Content)-2] // the last key
			}
			adds.ReplaceComment(last, "# en:", "# en: New.")
		}
		got, err := New(&file, []byte(text), false, adds).Write(nil)
		if err != nil || string(got) != text {
			t.Errorf("%q became %q (%v)", text, got, err)
		}
	}
}
