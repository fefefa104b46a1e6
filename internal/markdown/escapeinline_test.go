package markdown

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// TestEscapeInlineRuns: escapeInline, which copies runs of plain bytes at
// once and returns text whose escapes change nothing as it is, is
// escapeInlinePlain, the loop that writes byte by byte, in every breaks
// mode, on random text of the bytes its cases look at.
func TestEscapeInlineRuns(t *testing.T) {
	const alphabet = "ab \\`![]()<>|\n\rx:/é"
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []string{"", "plain text", "a\\", "`code` and | pipe", "![img](javascript:x)", "x\r\ny",
		"see https://a.example/x.", "`c`https://a.example <https://a.example> (http://a.example/(b)) x|https://a.example|y",
		"[t](https://a.example) https://b.example", "HTTPS://A.EXAMPLE:80/a\\b",
		"mail a.b+c@d.example. or x@y, x/a@b.c, `a@b.c` a@b@c.d https://u@h.example a@h.example-"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString([]string{"https://a.example", "http://", " ", "(", ")", ".", "`", "|", "<", "](", "x", "\n", "@", "a@b.c", "/", "-"}[rng.IntN(16)])
		}
		cases = append(cases, b.String())
	}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		for _, br := range []breaks{keepBreaks, spaceBreaks, brBreaks} {
			if got, want := escapeInline(s, br), escapeInlinePlain(s, br); got != want {
				t.Errorf("escapeInline(%q, %d) = %q, want %q", s, br, got, want)
			}
		}
	}
}

// escapeInlinePlain is escapeInline as it was before it copied runs: the
// plain path TestEscapeInlineRuns holds it to.
func escapeInlinePlain(s string, br breaks) string {
	s = normalizeBreaks(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		if start, end, ok := autolinkAt(s, i); ok {
			b.WriteString("<" + s[start:end] + ">")
			i = end
			continue
		}
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteString(s[i : i+2])
			i += 2
			continue
		case c == '\\' && br != keepBreaks && (i+1 == len(s) || s[i+1] == '\n'):
			// A lone backslash would escape the <br> or the cell's closing pipe.
			b.WriteString(`\\`)
		case c == '`':
			n := runLength(s[i:], '`')
			end := closingRun(s, i+n, n)
			if end < 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			// A span renders its line breaks as spaces, so it may as well
			// hold spaces: a break in it would let its next line start a
			// block (an HTML block, say) before spans are ever looked for.
			span := strings.ReplaceAll(s[i:end+n], "\n", " ")
			if br == brBreaks {
				// GFM splits rows on pipes before it finds code spans.
				span = strings.ReplaceAll(span, "|", `\|`)
			}
			b.WriteString(span)
			i = end + n
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			b.WriteString(`\!`) // an image would load whatever the author names
		case c == ']' && i+1 < len(s) && s[i+1] == '(' && unsafeDestination(s[i+2:]):
			b.WriteString(`]\(`) // not a link, text: see unsafeDestination
			i += 2
			continue
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '|' && br == brBreaks:
			b.WriteString(`\|`)
		case c == '\n' && br == spaceBreaks:
			b.WriteByte(' ')
		case c == '\n' && br == brBreaks:
			b.WriteString("<br>")
		default:
			b.WriteByte(c)
		}
		i++
	}
	return b.String()
}

// autolinkAt is the bare email address or URL that starts at s[i], if
// any: bareEmail of the "@" after the local part starting there, or
// bareURL of the "://" after the scheme.
func autolinkAt(s string, i int) (start, end int, ok bool) {
	if i == 0 || !isEmailLocal(s[i-1]) {
		at := i
		for at < len(s) && isEmailLocal(s[at]) {
			at++
		}
		if at < len(s) && s[at] == '@' {
			if start, end, ok := bareEmail(s, at, &lazyLink{}); ok && start == i {
				return start, end, ok
			}
		}
	}
	for _, colon := range []int{i + 4, i + 5} {
		if colon < len(s) && s[colon] == ':' {
			if start, end, ok := bareURL(s, colon, &lazyLink{}); ok && start == i {
				return start, end, ok
			}
		}
	}
	return 0, 0, false
}

// BenchmarkEscapeInline is escapeInline and escapeInlinePlain on the
// synthetic catalog's texts as the page's table cells and lines take them.
func BenchmarkEscapeInline(b *testing.B) {
	c := loadSynthetic(b, 1000)
	var texts []string
	for _, e := range c.Errors {
		texts = append(texts, e.Title, e.Description)
		texts = append(texts, e.Causes...)
		texts = append(texts, e.Remediation...)
	}
	benchpair.Run(b, func() {
		for _, s := range texts {
			escapeInline(s, spaceBreaks)
		}
	}, func() {
		for _, s := range texts {
			escapeInlinePlain(s, spaceBreaks)
		}
	}, nil)
}

// TestAutolinkURLPrefix: autolinkURL, which copies what needs no encoding
// at once, is autolinkURLPlain, byte by byte.
func TestAutolinkURLPrefix(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const alphabet = "ab:/?#%<> \t\x7f\x00é"
	cases := []string{"", "https://example.com/a", "https://x/<y>", "a b", "é"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := autolinkURL(s), autolinkURLPlain(s); got != want {
			t.Errorf("autolinkURL(%q) = %q, want %q", s, got, want)
		}
	}
}

// autolinkURLPlain is autolinkURL as it was before it copied its plain
// prefix at once.
func autolinkURLPlain(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == 0x7f || c == '<' || c == '>' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// TestHeadingSingleSpaced: heading, which skips splitting text that is
// single spaced and copying text with nothing to escape, is headingPlain.
func TestHeadingSingleSpaced(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const alphabet = "aB_ #*\t\n\r\v\f\x00\u00a0\u3000é`|"
	cases := []string{"", " ", "NOT_FOUND", "Not found", " a", "a ", "a  b", "a\u00a0b", "a\x85b"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := heading(s), headingPlain(s); got != want {
			t.Errorf("heading(%q) = %q, want %q", s, got, want)
		}
	}
}

// headingPlain is heading as it was before singleSpaced.
func headingPlain(s string) string {
	s = strings.Join(strings.Fields(normalizeBreaks(s)), " ")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(headingEscapes, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// TestSingleSpaced: text singleSpaced reports is its fields joined by
// single spaces, which heading and errorSummary skip making again.
func TestSingleSpaced(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const alphabet = "aB_ \t\n\r\v\f\x00\u00a0\u3000\u0085é"
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if singleSpaced(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Errorf("singleSpaced(%q), but its fields join to %q", s, strings.Join(strings.Fields(s), " "))
		}
	}
}

// TestEscapeBlockStartGuards: escapeBlockStart, which tries each
// expression only on lines starting as its matches must, escapes what
// escapeBlockStartPlain, trying all three, escapes; and
// escapeLinkDefinitions leaves text without "]:" as it is.
func TestEscapeBlockStartGuards(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const alphabet = "1234567890.)-*_+#[]: \t`~ax"
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := escapeBlockStart(s), escapeBlockStartPlain(s); got != want {
			t.Errorf("escapeBlockStart(%q) = %q, want %q", s, got, want)
		}
		if got, want := escapeLinkDefinitions(s), linkDefinitionAnywhere.ReplaceAllStringFunc(s, func(m string) string { return `\` + m }); got != want {
			t.Errorf("escapeLinkDefinitions(%q) = %q, want %q", s, got, want)
		}
	}
}

// escapeBlockStartPlain is escapeBlockStart trying every expression.
func escapeBlockStartPlain(s string) string {
	if s == "" {
		return s
	}
	if m := orderedMarker.FindStringSubmatchIndex(s); m != nil {
		return s[:m[3]] + `\` + s[m[3]:]
	}
	fence := openingFence(s) != ""
	bullet := strings.IndexByte("-+*", s[0]) >= 0 && (len(s) == 1 || s[1] == ' ' || s[1] == '\t')
	if s[0] == '#' || bullet || fence || thematicBreak.MatchString(s) || linkDefinition.MatchString(s) {
		return `\` + s
	}
	return s
}

// TestAppendCodeSpan: appendCodeSpan and appendCellCode append what
// codeSpan and cell of it return, on random text of the bytes they look at.
func TestAppendCodeSpan(t *testing.T) {
	const alphabet = "a `|\n\r\\<"
	rng := rand.New(rand.NewPCG(5, 6))
	cases := []string{"", " ", "  ", "`", " a ", "a|b", "``x`", "x\r\ny", strings.Repeat("`", 40)}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := string(appendCodeSpan([]byte("x"), s)), "x"+codeSpan(s); got != want {
			t.Errorf("appendCodeSpan(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendCellCode([]byte("x"), s)), "x"+cell(codeSpan(s)); got != want {
			t.Errorf("appendCellCode(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestAppendHeading: appendHeading and appendAnchor append what heading and
// anchor return.
func TestAppendHeading(t *testing.T) {
	for _, s := range append([]string{"", "E00042_FAILED", "a  b", " a", "C# <x> | `y` *z*", "é_x", "a\tb", `x"&<y`}, safetySeeds...) {
		if got, want := string(appendHeading([]byte("x"), s)), "x"+heading(s); got != want {
			t.Errorf("appendHeading(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendAnchor([]byte("x"), s)), "x"+anchor(s); got != want {
			t.Errorf("appendAnchor(%q) = %q, want %q", s, got, want)
		}
	}
}
