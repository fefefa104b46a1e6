package errgen

import (
	"bytes"
	"fmt"
	"go/doc/comment"
	"go/format"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/catalog"
)

// docTraps is catalog text that go/doc/comment reads as something other
// than a paragraph when a wrapped line starts with it: list items, a
// heading, a link definition, quotes it rewrites, a would-be block comment.
const docTraps = "- dash item * star item + plus item 1. numbered 2) paren # Heading [Link]: https://example.com/x " +
	"``quoted'' /* not a block */ // not a line //go:generate x line 12 export y `raw` é😀 "

// declsCatalog returns a catalog whose descriptions put every trap at the
// start of some wrapped comment line, and whose details have names, types
// and comments of every length, for struct alignment.
func declsCatalog() []byte {
	var b strings.Builder
	b.WriteString("version: 1\napi: \"Decls ``quoted'' API\"\nformat: flat\nerrors:\n")
	types := []string{"string", "integer", "number", "boolean", "string[]", "map[string]string", "object"}
	for i := range 60 {
		status := 400 + i%30
		if i == 0 {
			status = 500
		} else if status == 401 || status == 407 {
			status = 422
		}
		fmt.Fprintf(&b, "  - code: E%d\n    status: %d\n    title: T%d\n", i, status, i)
		// Shift the traps along the wrap points, a character at a time.
		fmt.Fprintf(&b, "    description: %q\n", strings.Repeat("x", i)+" "+strings.Repeat(docTraps, 3))
		if i == 0 {
			b.WriteString("    fallback: true\n")
			continue
		}
		b.WriteString("    details:\n")
		for j := range i%5 + 1 {
			name := "d" + strings.Repeat("Long", (i+j)%4) + fmt.Sprint(j)
			fmt.Fprintf(&b, "      - name: %s\n        type: %q\n        required: %v\n", name, types[(i+j)%len(types)], j%2 == 0)
			if (i+j)%7 == 6 {
				// Nothing left once made one line.
				fmt.Fprintf(&b, "        description: %q\n", []string{" ", "\t", "\u00a0", "\u2028", "\u3000"}[i%5])
			} else if (i+j)%3 != 0 {
				fmt.Fprintf(&b, "        description: %q\n", strings.Repeat("w ", (i*j)%7)+docTraps[:(i*7+j)%len(docTraps)])
			}
		}
	}
	// A wrapped line that is a link definition alone, which gofmt moves.
	b.WriteString("  - code: LINK\n    status: 418\n    title: Link\n    description: \"" + strings.Repeat("y", 85) + " [Docs]: https://example.com/docs\"\n")
	return []byte(b.String())
}

// TestGoDeclsAreGofmt holds the directly written declarations to gofmt,
// where catalog text is most likely to make them differ.
func TestGoDeclsAreGofmt(t *testing.T) {
	for name, data := range map[string][]byte{"decls": declsCatalog(), "hostile": hostileCatalog(), "synthetic": syntheticCatalog(1234)} {
		t.Run(name, func(t *testing.T) {
			c, err := catalog.Parse(name+".yaml", data)
			if err != nil {
				t.Fatal(err)
			}
			src, err := emitGo(c, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkGofmt(t, src)
			typeCheckGo(t, src)
			if n := bytes.Count(src, []byte("\npackage ")); n != 1 {
				t.Errorf("%d package clauses", n)
			}
		})
	}
}

// checkGofmt fails when gofmt would change src.
func checkGofmt(t *testing.T, src []byte) {
	t.Helper()
	formatted, err := format.Source(src)
	if err != nil {
		t.Fatalf("generated Go does not parse: %v", err)
	}
	if !bytes.Equal(formatted, src) {
		t.Fatalf("gofmt changes the generated Go:\n%s", udiff.Unified("generated", "gofmt", string(src), string(formatted)))
	}
}

// FuzzPlainDoc holds plainDoc to go/doc/comment: text it calls plain must
// come back from a parse and print unchanged.
func FuzzPlainDoc(f *testing.F) {
	for _, s := range []string{docTraps, "plain words", "- item", "# Heading", "[x]: https://e.x", "a ``b'' c", "http://x.y/z.", "Deprecated: use X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := wrap(s)
		if !plainDoc(lines) {
			return
		}
		text := strings.Join(lines, "\n") + "\n"
		if len(lines) == 0 {
			text = ""
		}
		var p comment.Parser
		var pr comment.Printer
		if got := string(pr.Comment(p.Parse(text))); got != text {
			t.Fatalf("plainDoc(%q) is true, but go/doc/comment prints\n%q", lines, got)
		}
	})
}
