package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aymanbagabas/go-udiff"
)

// longLine is the length past which --check's diff shows a changed line
// only around its changes: a minified JSON spec (Stripe's, Twilio's) is one
// line of megabytes, which a change of one byte would print twice, whole.
const longLine = 1000

// excerptContext is how much of a long line the diff shows on each side of
// where its change starts and where it ends.
const excerptContext = 120

// staleDiff is the unified diff of an output's file, old, against what a
// run would write, data, its long lines shortened (shortenLongLines), and
// how many it shortened: the reader is told, since "…" may be the file's
// own text, and such a diff no longer applies as a patch.
func staleDiff(path string, old, data []byte) (diff string, shortened int) {
	return shortenLongLines(udiff.Unified(path, path+" (generated)", string(old), string(data)))
}

// shortenedNotice is what --check says of the diff of path when it
// shortened lines of it.
func shortenedNotice(path string, shortened int) string {
	return fmt.Sprintf("errgen: the diff of %s shows %s (over %d bytes, or replaced by one) only around their changes, … where text is left out: it does not apply as a patch",
		path, plural(shortened, "changed line"), longLine)
}

// shortenLongLines replaces each removed or added line of diff longer than
// longLine by excerpts around its change, "…" where it leaves text out: a
// removed line is compared with the added line in the same place of the
// hunk's change, and a line with none is shown by its start. shortened
// is how many lines it shortened.
func shortenLongLines(diff string) (_ string, shortened int) {
	if len(diff) <= longLine {
		return diff, 0
	}
	lines := strings.SplitAfter(diff, "\n")
	whole := slices.Clone(lines)
	start := 0
	for start < len(lines) && !strings.HasPrefix(lines[start], "@@") {
		start++ // the "---" and "+++" header lines
	}
	for i := start; i < len(lines); {
		removed, next := prefixed(lines, i, '-')
		added, next := prefixed(lines, next, '+')
		if next == i {
			i++
			continue
		}
		for n := range max(len(removed), len(added)) {
			switch {
			case n < len(removed) && n < len(added):
				lines[removed[n]], lines[added[n]] = shortenPair(lines[removed[n]], lines[added[n]])
			case n < len(removed):
				lines[removed[n]] = shortenAlone(lines[removed[n]])
			default:
				lines[added[n]] = shortenAlone(lines[added[n]])
			}
		}
		for _, at := range slices.Concat(removed, added) {
			if lines[at] != whole[at] {
				shortened++
			}
		}
		i = next
	}
	return strings.Join(lines, ""), shortened
}

// prefixed is the indexes of the lines from lines[i] on that start with
// mark, up to the first that starts otherwise but with "\" (the "\ No
// newline at end of file" after a line), and the index of that line.
func prefixed(lines []string, i int, mark byte) (marked []int, next int) {
	for ; i < len(lines); i++ {
		switch {
		case strings.HasPrefix(lines[i], string(mark)):
			marked = append(marked, i)
		case !strings.HasPrefix(lines[i], "\\"):
			return marked, i
		}
	}
	return marked, i
}

// shortenPair shortens a removed line and the added line that replaces it
// when either is long: each shows where the two start and stop differing.
func shortenPair(removed, added string) (string, string) {
	oldText, oldEnd := splitEnd(removed[1:])
	newText, newEnd := splitEnd(added[1:])
	if len(oldText) <= longLine && len(newText) <= longLine {
		return removed, added
	}
	prefix := 0
	for prefix < min(len(oldText), len(newText)) && oldText[prefix] == newText[prefix] {
		prefix++
	}
	suffix := 0
	for suffix < min(len(oldText), len(newText))-prefix && oldText[len(oldText)-1-suffix] == newText[len(newText)-1-suffix] {
		suffix++
	}
	return "-" + excerpt(oldText, prefix, len(oldText)-suffix) + oldEnd,
		"+" + excerpt(newText, prefix, len(newText)-suffix) + newEnd
}

// shortenAlone shortens a long removed or added line that replaces no
// other: its start is shown.
func shortenAlone(line string) string {
	text, end := splitEnd(line[1:])
	if len(text) <= longLine {
		return line
	}
	return line[:1] + span(text, 0, 2*excerptContext) + end
}

// splitEnd splits a diff line's line break from its text.
func splitEnd(line string) (text, end string) {
	text = strings.TrimSuffix(line, "\n")
	return text, line[len(text):]
}

// excerpt is text around its change, text[from:to]: excerptContext bytes
// on each side of from and of to, one span when the two meet.
func excerpt(text string, from, to int) string {
	if to-from <= 2*excerptContext {
		return span(text, from-excerptContext, to+excerptContext)
	}
	head := span(text, from-excerptContext, from+excerptContext)
	tail := span(text, to-excerptContext, to+excerptContext)
	return strings.TrimSuffix(head, "…") + "…" + strings.TrimPrefix(tail, "…")
}

// span is text[from:to], its bounds clamped and moved to the start of a
// character, with "…" where it leaves text out.
func span(text string, from, to int) string {
	from, to = runeStart(text, max(from, 0)), runeStart(text, min(to, len(text)))
	s := text[from:to]
	if from > 0 {
		s = "…" + s
	}
	if to < len(text) {
		s += "…"
	}
	return s
}

// runeStart is at, or the start of the next character when at is inside
// one.
func runeStart(text string, at int) int {
	for at < len(text) && !utf8.RuneStart(text[at]) {
		at++
	}
	return at
}
