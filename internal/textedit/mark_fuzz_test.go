package textedit

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// FuzzMark: whatever the text, marking the scalar value of m's first
// member (errgen translate's "# stale") is refused, or writes a text that
// reads as the text did, its line ending in the mark; unmarking that gives
// the text back, and marking it again changes nothing.
func FuzzMark(f *testing.F) {
	for _, s := range []string{
		"m:\n  a: x   # mine, kept\n  b: 1\n",
		"m:\n  a: 'x' # c\r\n",
		"m:\n  a: &x \"q # r\" # c\n  b: *x\n",
		"m:\n  a: plain\n    more # c\n",
		"m:\n  a: x # stale\n",
	} {
		f.Add(s)
	}
	mark := func(text string, on bool) ([]byte, error) {
		file, m, err := mappingM(text)
		if err != nil {
			return nil, err
		}
		adds := NewAdditions()
		adds.Mark(m.Content[1], "stale", on)
		return New(file, []byte(text), false, adds).Write(nil)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var want any
		if len(text) > 4096 || !strings.HasSuffix(text, "\n") || strings.Contains(text, "stale") || yaml.Unmarshal([]byte(text), &want) != nil {
			return
		}
		if trailingBlanks.MatchString(text) {
			return // unmarking takes the blanks before the mark out with it
		}
		marked, err := mark(text, true)
		if err != nil {
			return
		}
		var got any
		if err := yaml.Unmarshal(marked, &got); err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q marked is %q, which reads %#v (%v), not %#v", text, marked, got, err, want)
		}
		if !strings.Contains(string(marked), " # stale") {
			t.Fatalf("%q marked is %q, without the mark", text, marked)
		}
		if again, err := mark(string(marked), true); err != nil || string(again) != string(marked) {
			t.Fatalf("%q marked again is %q (%v), not as it was", marked, again, err)
		}
		if back, err := mark(string(marked), false); err != nil || string(back) != text {
			t.Fatalf("%q marked is %q, unmarked %q (%v), not the text", text, marked, back, err)
		}
	})
}

var (
	errNoMember    = &PosError{Msg: "m has no member"}
	trailingBlanks = regexp.MustCompile(`[ \t](\r\n|\r|\n)`)
)

// mappingM parses text and finds its mapping m, of one member at least,
// which the fuzz targets edit; err is errNoMember when there is none.
func mappingM(text string) (file, m *yaml.Node, err error) {
	file = &yaml.Node{}
	if err := yaml.Unmarshal([]byte(text), file); err != nil {
		return nil, nil, err
	}
	if len(file.Content) > 0 {
		m = yamlnode.Get(file.Content[0], "m")
	}
	if m == nil || m.Kind != yaml.MappingNode || len(m.Content) < 2 {
		return nil, nil, errNoMember
	}
	return file, m, nil
}
