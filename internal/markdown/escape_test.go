package markdown

import (
	"strings"
	"testing"
)

func TestMarkdownFuncs(t *testing.T) {
	tests := []struct {
		fn   string
		f    func(string) string
		in   string
		want string
	}{
		{"cell", cell, "a|b", `a\|b`},
		{"cell", cell, "a\r\nb\rc\nd", "a<br>b<br>c<br>d"},
		{"cell", cell, "  padded \n", "padded"},
		{"cell", cell, "`a|b` and `c\nd`", "`a\\|b` and `c d`"},
		{"cell", cell, "<script> `<kept>`", "&lt;script&gt; `<kept>`"},
		{"cell", cell, `escaped \| stays`, `escaped \| stays`},
		{"cell", cell, `\\| splits no more`, `\\\| splits no more`},
		{"cell", cell, `trailing \`, `trailing \\`},
		{"cell", cell, "``a`b`` <x>", "``a`b`` &lt;x&gt;"},
		{"cell", cell, "`unclosed <b>", "`unclosed &lt;b&gt;"},
		{"cell", cell, "\\`not code <b>`", "\\`not code &lt;b&gt;`"},

		{"inline", inline, "a\nb", "a b"},
		{"inline", inline, "# h", `\# h`},
		{"inline", inline, "- x", `\- x`},
		{"inline", inline, "+", `\+`},
		{"inline", inline, "1. x", `1\. x`},
		{"inline", inline, "12) x", `12\) x`},
		{"inline", inline, "404 Not Found", "404 Not Found"},
		{"inline", inline, "*emphasis* stays", "*emphasis* stays"},
		{"inline", inline, "* * *", `\* * *`},
		{"inline", inline, "___", `\___`},
		{"inline", inline, "```go", "\\```go"},
		{"inline", inline, "```code``` stays", "```code``` stays"},
		{"inline", inline, "[a]: /b", `\[a]: /b`},
		{"inline", inline, "> quote", "&gt; quote"},

		// A bare URL becomes an autolink (GFM links it all the same; MD034
		// rejects it bare), without the punctuation that ends its sentence.
		{"inline", inline, "See https://status.example.com.", "See <https://status.example.com>."},
		{"inline", inline, "https://a.example/x?y=1&z=(2), then", "<https://a.example/x?y=1&z=(2)>, then"},
		{"inline", inline, "(see http://a.example/b)", "(see <http://a.example/b>)"},
		{"inline", inline, "at https://a.example/<b>", "at <https://a.example/>&lt;b&gt;"},
		{"inline", inline, "*https://a.example*", "*<https://a.example>*"},
		{"inline", inline, "`https://a.example` stays", "`https://a.example` stays"},
		{"inline", inline, "[docs](https://a.example) stays", "[docs](https://a.example) stays"},
		{"inline", inline, "[see https://a.example](https://b.example) stays", "[see https://a.example](https://b.example) stays"},
		{"inline", inline, "xhttps://a.example and https:// and https://-x stay", "xhttps://a.example and https:// and https://-x stay"},
		{"cell", cell, "https://a.example/a|b", `<https://a.example/a>\|b`},
		{"inline", inline, "Mail support+api@example.com.", "Mail <support+api@example.com>."},
		{"inline", inline, "a@b and a@b- and x/a@b.c and @b.c stay", "a@b and a@b- and x/a@b.c and @b.c stay"},
		{"inline", inline, "`a@b.c` stays", "`a@b.c` stays"},
		{"text", prose, "p1\n\nhttps://a.example/x_y", "p1\n\n<https://a.example/x_y>"},

		{"text", prose, "p1\n\np2 <b>", "p1\n\np2 &lt;b&gt;"},
		{"text", prose, "x\n```\n<b>\n```\ny <b>", "x\n```\n<b>\n```\ny &lt;b&gt;"},
		{"text", prose, "x\n```\nopen <b>", "x\n```\nopen <b>\n```"},
		{"text", prose, "x\n\n    ```\n<b>", "x\n\n    ```\n&lt;b&gt;"}, // indented: no fence

		{"markdown", verbatim, "\na\r\nb <details>\n\n", "a\nb <details>"},
		{"markdown", verbatim, "```\ncode", "```\ncode\n```"},
		{"markdown", verbatim, "~~~~\nx\n~~~\n", "~~~~\nx\n~~~\n~~~~"},
		{"markdown", verbatim, "```go\nx\n```", "```go\nx\n```"},

		{"heading", heading, "NOT_FOUND", `NOT\_FOUND`},
		{"heading", heading, " a\nb  c ", "a b c"},
		{"heading", heading, "C# <x> | `y` *z*", "C\\# \\<x\\> \\| \\`y\\` \\*z\\*"},

		{"code", codeSpan, "", ""},
		{"code", codeSpan, "a", "`a`"},
		{"code", codeSpan, "a`b", "``a`b``"},
		{"code", codeSpan, "`a", "`` `a ``"},
		{"code", codeSpan, "a``", "``` a`` ```"},
		{"code", codeSpan, " a ", "`  a  `"},
		{"code", codeSpan, "  ", "`  `"},
		{"code", codeSpan, "a\r\nb", "`a b`"},

		{"url", autolinkURL, "https://x.example/a b<c>\x7f", "https://x.example/a%20b%3Cc%3E%7F"},
		{"anchor", anchor, `a"b`, `<a id="a&#34;b"></a>`},
	}
	for _, tc := range tests {
		if got := tc.f(tc.in); got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.fn, tc.in, got, tc.want)
		}
	}
}

func TestMarkdownFence(t *testing.T) {
	tests := []struct {
		lang, in, want string
	}{
		{"json", "{}", "```json\n{}\n```"},
		{"json", "{}\n", "```json\n{}\n```"},
		{"", "a ``` b\n````", "`````\na ``` b\n````\n`````"},
		{"http", "", "```http\n```"},
	}
	for _, tc := range tests {
		if got := fencedBlock(tc.lang, tc.in); got != tc.want {
			t.Errorf("fence(%q, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

func TestMarkdownJSON(t *testing.T) {
	// Member order and encoding/json's escapes are the service's; indenting
	// must keep both.
	got, err := indentJSON([]byte(`{"b":1,"a":"\u003c\u2028","c":[],"d":{}}`))
	want := "{\n  \"b\": 1,\n  \"a\": \"\\u003c\\u2028\",\n  \"c\": [],\n  \"d\": {}\n}"
	if err != nil || got != want {
		t.Errorf("json = %q, %v; want %q", got, err, want)
	}
	if _, err := indentJSON([]byte(`{"a":`)); err == nil {
		t.Error("json of invalid JSON: no error")
	}
}

func TestMarkdownTrimBlankLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\n\n  \nA\n\nB\n\n", "A\n\nB"},
		{"  \n\n", ""},
		{"", ""},
		{"    indented\n", "    indented"},
	}
	for _, tc := range tests {
		if got := trimBlankLines(tc.in); got != tc.want {
			t.Errorf("trim(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestProseOneLineIsLines: prose's path for one line of text gives what
// proseLines gives, on every description of every shipped catalog, of the
// synthetic and hostile catalogs, and on the safety seeds.
func TestProseOneLineIsLines(t *testing.T) {
	texts := append([]string{"", " ", "a", "```", "```go", "  ~~~ x", "[a]: /b", "a ]: b", "x\r", "`a|b` <c>", "\u00a0x\u00a0"}, safetySeeds...)
	for _, c := range shortcutCatalogs(t) {
		texts = append(texts, c.Description)
		for _, e := range c.Errors {
			texts = append(texts, e.Description, e.Title)
		}
	}
	for _, s := range texts {
		if got, want := prose(s), proseLines(strings.TrimSpace(normalizeBreaks(s))); got != want {
			t.Errorf("prose(%q) = %q, proseLines %q", s, got, want)
		}
	}
}
