package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var long = strings.Repeat("word ", 30) + "end."

// TestWrapProse: long paragraph lines are refilled at 80 columns in every
// container, continuation lines keep the container's prefix and never
// start a block, what cannot be wrapped is left as it is, and the page
// renders the same.
func TestWrapProse(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		same   bool   // in comes back unchanged
		prefix string // of every line of the result
	}{
		{name: "paragraph", in: long + "\n"},
		{name: "short lines joined with a long one", in: "a\n" + long + "\n"},
		{name: "list item", in: "- " + long + "\n", prefix: "  "},
		{name: "ordered list item", in: "10. " + long + "\n", prefix: "    "},
		{name: "block quote", in: "> " + long + "\n", prefix: "> "},
		{name: "code span", in: "`" + long + "`\n"},
		{name: "hard break kept", in: strings.Repeat("y ", 20) + "\\\n" + long + "\n"},
		{name: "two-space hard break kept", in: strings.Repeat("y ", 20) + " \n" + long + "\n"},
		{name: "no break before a list marker", in: strings.Repeat("x", 75) + " - item + item * item\n"},
		{name: "no break before an ordered marker", in: strings.Repeat("x", 75) + " 1. one 2) two\n"},
		{name: "no break before a heading, quote or fence", in: strings.Repeat("x", 78) + " # h > q ``` f\n"},
		{name: "no space past the limit before French punctuation", in: strings.Repeat("x", 73) + " champs ; filtrer : la suite\n"},
		{name: "no word starting past the limit after French punctuation", in: strings.Repeat("x", 72) + " champs : la suite\n"},
		{name: "short paragraph kept", in: "short\nlines\n", same: true},
		{name: "table kept", in: "| a | b |\n| --- | --- |\n| " + long + " | x |\n", same: true},
		{name: "code block kept", in: "```\n" + long + "\n```\n", same: true},
		{name: "heading kept", in: "# " + long + "\n", same: true},
		{name: "long word kept", in: strings.Repeat("z", 100) + "\n", same: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := string(wrapProse([]byte(tc.in)))
			checkSameRendering(t, tc.in, got)
			if tc.same {
				if got != tc.in {
					t.Errorf("wrapProse(%q) = %q, want it unchanged", tc.in, got)
				}
				return
			}
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			if len(lines) < 2 {
				t.Fatalf("wrapProse(%q) = %q: not wrapped", tc.in, got)
			}
			for i, l := range lines {
				if n := utf8.RuneCountInString(l); n > lineLimit {
					t.Errorf("line %d is %d long: %q", i+1, n, l)
				}
				if i == 0 || strings.HasSuffix(lines[i-1], "\\") || strings.HasSuffix(lines[i-1], "  ") {
					continue
				}
				rest, ok := strings.CutPrefix(l, tc.prefix)
				if !ok || !safeLineStart([]byte(rest)) {
					t.Errorf("continuation line %d = %q, want prefix %q and a safe start", i+1, l, tc.prefix)
				}
			}
		})
	}
}

// FuzzWrapProse: whatever the Markdown, wrapping changes how it renders
// only in white space, and leaves no paragraph line longer than it was
// made by wrapping.
func FuzzWrapProse(f *testing.F) {
	for _, s := range []string{long, "- " + long, "> " + long, "1. " + long, "`" + long + "`", "[" + long + "](https://x.example)", "**" + long + "**", "<b>" + long + "</b>"} {
		f.Add(s)
	}
	for _, s := range safetySeeds {
		f.Add(s + " " + long)
	}
	for _, s := range groupCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := string(wrapProse([]byte(s)))
		if whole := string(wrapWhole([]byte(s))); got != whole {
			t.Errorf("in groups and whole differ:\n%q\n%q", got, whole)
		}
		checkSameRendering(t, s, got)
		if again := string(wrapProse([]byte(got))); again != got {
			t.Errorf("wrapping twice differs:\n%q\n%q", got, again)
		}
	})
}

func checkSameRendering(t *testing.T, in, out string) {
	t.Helper()
	was, err1 := renderWords([]byte(in))
	is, err2 := renderWords([]byte(out))
	if err1 != nil || err2 != nil || strings.Join(was, " ") != strings.Join(is, " ") {
		t.Errorf("rendering changed:\n%q\n%q", in, out)
	}
}

// TestWrapProseWithoutSpaces: a Japanese paragraph, spaces only where the
// words or a Latin name put them, is broken at those spaces alone, never
// inside a link or code span, and leaves no line that markdownlint's
// MD013 rejects: longer than the limit only when it has no space past it.
func TestWrapProseWithoutSpaces(t *testing.T) {
	ja := func(r string, n int) string { return strings.Repeat(r, n) }
	for _, tc := range []struct{ name, in string }{
		{"no space at all", ja("あ", 120) + "。\n"},
		{"a link and a code span", ja("あ", 50) + "`Retry-After`" + ja("い", 20) + "（[English](errors.md#order-conflict)）" + ja("う", 40) + "。" + ja("え", 30) + "\n"},
		{"a label, then one long word", "**未翻訳：** " + ja("タ", 60) + "（[English](errors.md#order-conflict)）。\n"},
		{"Latin names among the text", ja("お", 40) + " HTTP " + ja("か", 40) + " `code` " + ja("き", 40) + " 4xx " + ja("く", 40) + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(wrapProse([]byte(tc.in)))
			checkSameRendering(t, tc.in, got)
			if strings.ReplaceAll(got, "\n", " ") != strings.ReplaceAll(tc.in, "\n", " ") {
				t.Errorf("wrapProse(%q) = %q: changed more than spaces", tc.in, got)
			}
			for i, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
				if strings.Count(l, "`")%2 != 0 || strings.Count(l, "[") != strings.Count(l, "]") || strings.Count(l, "(") != strings.Count(l, ")") {
					t.Errorf("line %d breaks a code span or link: %q", i+1, l)
				}
				if runes := []rune(l); len(runes) > lineLimit && strings.Contains(string(runes[lineLimit:]), " ") {
					t.Errorf("line %d is %d long with a space past %d: %q", i+1, len(runes), lineLimit, l)
				}
			}
		})
	}
}
