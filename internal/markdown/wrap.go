package markdown

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// lineLimit is markdownlint's default line length (MD013), which the
// page's prose keeps to. Tables and code blocks cannot be wrapped without
// changing what they show; the page's markdownlint directive exempts them.
const lineLimit = 80

// reader renders a paragraph as GitHub does, to compare it before and
// after wrapping.
var reader = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

// blocks parses a page's block structure only, which is all wrapProse
// needs from it: paragraphs (their lines), and tables, which must be known
// to it, or their rows would be taken for a paragraph. Leaving inlines
// unparsed halves the time of a page.
var blocks = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
		util.Prioritized(extension.NewTableParagraphTransformer(), 200))...),
)

// wrapProse refills the page's paragraphs that have a line longer than
// lineLimit, whoever wrote them: templates or catalog text. Only
// paragraphs are touched, never headings, tables or code; hard line breaks
// stay; and a paragraph is changed only if it renders to the same HTML,
// white space aside, afterwards: a break that would open a block (a list, a
// heading) or split a construct that cannot span lines is never kept.
//
// It parses only the parts of the page that have a long line
// (wrapInGroups), and writes the result over page where it can
// (wrapInPlace); wrapWhole, the plain path, parses the whole page.
func wrapProse(page []byte) []byte { return wrapInPlace(page) }

// wrapWhole is wrapProse on the whole page in one parse.
func wrapWhole(page []byte) []byte {
	doc := blocks.Parse(text.NewReader(page))
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock {
			edits = append(edits, refill(page, n)...)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(edits) == 0 {
		return page
	}
	var out bytes.Buffer
	out.Grow(len(page) + len(edits)*8)
	last := 0
	for _, e := range edits { // in page order: the walk is in document order
		out.Write(page[last:e.from])
		out.WriteString(e.with)
		last = e.to
	}
	out.Write(page[last:])
	return out.Bytes()
}

// edit replaces page[from:to] with with.
type edit struct {
	from, to int
	with     string
}

// word is a run of a paragraph's text that is never split, and what
// separates it from the word before: a single space, a soft line break
// (both may become either), or anything else, kept as it is.
type word struct {
	from, to int  // the word's source range
	sepFrom  int  // the separator's source range is [sepFrom, from)
	soft     bool // the separator is a soft line break
	glue     bool // the separator is kept as it is: a hard line break, several spaces
}

// refill returns the edits that refill n's lines to lineLimit, or none when
// no line is too long or refilling would change how n renders.
func refill(src []byte, n ast.Node) []edit {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil
	}
	first := lines.At(0)
	lineStart := bytes.LastIndexByte(src[:first.Start], '\n') + 1
	prefix := string(src[lineStart:first.Start])
	if strings.ContainsRune(prefix, '\t') || !tooLong(src, lines) {
		return nil
	}
	indent := continuationIndent(prefix)
	words := paragraphWords(src, lines)
	var edits []edit
	var after bytes.Buffer // the paragraph as goldmark will see it
	col := width([]byte(prefix))
	for i, w := range words {
		size := width(src[w.from:w.to])
		var sep []byte
		if i > 0 {
			sep = src[w.sepFrom:w.from]
		}
		switch {
		case i == 0:
		case w.glue:
			if nl := bytes.LastIndexByte(sep, '\n'); nl >= 0 { // a hard break
				after.Write(sep[:nl+1])
				col = width(sep[nl+1:])
			} else {
				after.Write(sep)
				col += width(sep)
			}
		case (col+1+size > lineLimit || col+1+size+spaceBeforeLast(src, words[i+1:]) > lineLimit) && col > len(indent) && (w.soft || safeLineStart(src[w.from:w.to])):
			edits = append(edits, edit{w.sepFrom, w.from, "\n" + indent})
			after.WriteByte('\n')
			col = len(indent)
		default:
			if w.soft || len(sep) != 1 {
				edits = append(edits, edit{w.sepFrom, w.from, " "})
			}
			after.WriteByte(' ')
			col++
		}
		after.Write(src[w.from:w.to])
		col += size
	}
	var before bytes.Buffer
	for i := range lines.Len() {
		seg := lines.At(i)
		before.Write(seg.Value(src))
	}
	if !sameRendering(before.Bytes(), after.Bytes()) {
		return nil
	}
	return edits
}

// spaceBeforeLast is how far past the word before rest the line reaches
// as markdownlint's MD013 measures it, 0 when rest starts with none of the
// words joined to it by a single space that no line may start with (the
// French "champs ;", "Statut :**"), which go where it goes: MD013 counts
// the line's last word as one character, so a long word alone is allowed
// but not one that starts past the limit, and the word before them goes
// to the next line rather than leave one there.
func spaceBeforeLast(src []byte, rest []word) int {
	n, last := 0, 0
	for _, w := range rest {
		if w.glue || w.soft || safeLineStart(src[w.from:w.to]) {
			break
		}
		last = n + 2 // the space and the last word's first character
		n += 1 + width(src[w.from:w.to])
	}
	return last
}

// tooLong reports whether a line of lines is longer than lineLimit.
func tooLong(src []byte, lines *text.Segments) bool {
	for i := range lines.Len() {
		seg := lines.At(i)
		start := bytes.LastIndexByte(src[:seg.Start], '\n') + 1
		if width(bytes.TrimRight(src[start:seg.Stop], " \t\r\n")) > lineLimit {
			return true
		}
	}
	return false
}

// paragraphWords splits the paragraph of lines into words.
func paragraphWords(src []byte, lines *text.Segments) []word {
	var words []word
	sepFrom, soft, glue := -1, false, false
	for i := range lines.Len() {
		seg := lines.At(i)
		end := seg.Start + len(bytes.TrimRight(src[seg.Start:seg.Stop], " \t\r\n"))
		for p := seg.Start; p < end; {
			if src[p] == ' ' {
				q := p
				for q < end && src[q] == ' ' {
					q++
				}
				if sepFrom < 0 { // not the indentation after a line break
					sepFrom, soft = p, false
					glue = q-p != 1 || src[p-1] == '\\'
				}
				p = q
				continue
			}
			q := p
			for q < end && src[q] != ' ' {
				q++
			}
			words = append(words, word{from: p, to: q, sepFrom: sepFrom, soft: soft, glue: glue})
			sepFrom, glue = -1, false
			p = q
		}
		// The line ends: a hard break (two spaces, a backslash) is kept.
		trailing := src[end:seg.Stop]
		hard := bytes.HasPrefix(trailing, []byte("  ")) || (end > seg.Start && src[end-1] == '\\')
		sepFrom, soft, glue = end, !hard, hard
	}
	return words
}

// safeLineStart reports whether a line starting with word continues a
// paragraph whatever follows: letters, non-ASCII text, numbers that are
// not list markers, and the punctuation that opens no block.
func safeLineStart(word []byte) bool {
	r, _ := utf8.DecodeRune(word)
	switch {
	case r >= utf8.RuneSelf:
		return !unicode.IsSpace(r)
	case unicode.IsLetter(r):
		return true
	case unicode.IsDigit(r):
		digits := bytes.TrimLeft(word, "0123456789")
		return len(digits) == 0 || (digits[0] != '.' && digits[0] != ')')
	case r == '*' || r == '_':
		return len(bytes.Trim(word, "*_")) > 0
	case r == '`':
		return !bytes.HasPrefix(word, []byte("```"))
	}
	return strings.ContainsRune(`(["'!&/$@{`, r)
}

// continuationIndent is the indent of a continuation line of a paragraph
// whose line has prefix before it: block quote markers kept, the rest
// (list markers, indentation) spaces.
func continuationIndent(prefix string) string {
	return strings.Map(func(r rune) rune {
		if r == '>' {
			return r
		}
		return ' '
	}, prefix)
}

// sameRendering reports whether two texts of a paragraph render the same,
// white space aside.
func sameRendering(before, after []byte) bool {
	was, err1 := renderWords(before)
	is, err2 := renderWords(after)
	return err1 == nil && err2 == nil && slices.Equal(was, is)
}

// renderWords is md rendered to HTML, split at white space.
func renderWords(md []byte) ([]string, error) {
	var b bytes.Buffer
	if err := reader.Convert(md, &b); err != nil {
		return nil, err
	}
	return strings.Fields(b.String()), nil
}

// width is the number of characters of s, as markdownlint counts them.
func width(s []byte) int { return utf8.RuneCount(s) }
