package markdowntest

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// LineLimit is markdownlint's default line length (MD013).
const LineLimit = 80

// CheckLint checks, without markdownlint, the rules of its default
// configuration that a generated page is prone to break, as the page's own
// markdownlint-configure-file directive leaves them:
//
//   - MD013: no line but a table row or a code block line is longer than
//     LineLimit, unless nothing past the limit is white space (a long URL);
//   - MD033: the only HTML elements are a (the anchors) and br (line breaks
//     in table cells); comments are not elements;
//   - MD060: every table row is compact, one space on each side of every
//     column pipe, and no cell is empty.
//
// `npx markdownlint-cli2`, where it is installed, checks every rule.
func CheckLint(t testing.TB, page []byte) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	root := md.Parser().Parse(text.NewReader(page))
	code := map[int]bool{} // line numbers (0-based) inside code blocks
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				code[bytes.Count(page[:seg.Start], []byte("\n"))] = true
			}
		case *ast.RawHTML:
			var b bytes.Buffer
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				b.Write(seg.Value(page))
			}
			checkElements(t, b.String())
		case *ast.HTMLBlock:
			var b bytes.Buffer
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				b.Write(seg.Value(page))
			}
			checkElements(t, b.String())
		}
		return ast.WalkContinue, nil
	})
	for i, line := range strings.Split(string(page), "\n") {
		switch {
		case code[i]:
		case strings.HasPrefix(strings.TrimLeft(line, " >"), "|"):
			checkCompactRow(t, i+1, line)
		case utf8.RuneCountInString(line) > LineLimit && strings.ContainsAny(string([]rune(line)[LineLimit:]), " \t"):
			t.Errorf("MD013: line %d is %d characters long, more than %d:\n%s", i+1, utf8.RuneCountInString(line), LineLimit, line)
		}
	}
}

var (
	htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	htmlTag     = regexp.MustCompile(`</?([A-Za-z][A-Za-z0-9-]*)`)
)

// checkElements reports the HTML elements of raw other than a and br.
func checkElements(t testing.TB, raw string) {
	t.Helper()
	for _, m := range htmlTag.FindAllStringSubmatch(htmlComment.ReplaceAllString(raw, ""), -1) {
		if name := strings.ToLower(m[1]); name != "a" && name != "br" {
			t.Errorf("MD033: inline HTML element %s in %q", name, raw)
		}
	}
}

// checkCompactRow reports a table row whose column pipes (those not
// escaped) lack a space on either side, or that has an empty cell.
func checkCompactRow(t testing.TB, n int, line string) {
	t.Helper()
	row := strings.TrimLeft(line, " >")
	if !strings.HasSuffix(row, " |") {
		t.Errorf("MD060: table row %d does not end with \" |\": %s", n, line)
		return
	}
	var pipes []int
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			pipes = append(pipes, i)
		}
	}
	for k, p := range pipes {
		if (k > 0 && row[p-1] != ' ') || (k < len(pipes)-1 && row[p+1] != ' ') {
			t.Errorf("MD060: table row %d has a pipe without a space beside it at column %d: %s", n, p+1, line)
			return
		}
		if k > 0 && strings.TrimSpace(row[pipes[k-1]+1:p]) == "" {
			t.Errorf("MD060: table row %d has an empty cell: %s", n, line)
			return
		}
	}
}
