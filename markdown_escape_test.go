package errgen

import (
	"testing"
)

func TestMarkdownFuncs(t *testing.T) {
	tests := []struct {
		fn   string
		f    func(string) string
		in   string
		want string
	}{
		{"cell", mdCell, "a|b", `a\|b`},
		{"cell", mdCell, "a\r\nb\rc\nd", "a<br>b<br>c<br>d"},
		{"cell", mdCell, "  padded \n", "padded"},
		{"cell", mdCell, "`a|b` and `c\nd`", "`a\\|b` and `c d`"},
		{"cell", mdCell, "<script> `<kept>`", "&lt;script&gt; `<kept>`"},
		{"cell", mdCell, `escaped \| stays`, `escaped \| stays`},
		{"cell", mdCell, `\\| splits no more`, `\\\| splits no more`},
		{"cell", mdCell, `trailing \`, `trailing \\`},
		{"cell", mdCell, "``a`b`` <x>", "``a`b`` &lt;x&gt;"},
		{"cell", mdCell, "`unclosed <b>", "`unclosed &lt;b&gt;"},
		{"cell", mdCell, "\\`not code <b>`", "\\`not code &lt;b&gt;`"},

		{"inline", mdInline, "a\nb", "a b"},
		{"inline", mdInline, "# h", `\# h`},
		{"inline", mdInline, "- x", `\- x`},
		{"inline", mdInline, "+", `\+`},
		{"inline", mdInline, "1. x", `1\. x`},
		{"inline", mdInline, "12) x", `12\) x`},
		{"inline", mdInline, "404 Not Found", "404 Not Found"},
		{"inline", mdInline, "*emphasis* stays", "*emphasis* stays"},
		{"inline", mdInline, "* * *", `\* * *`},
		{"inline", mdInline, "___", `\___`},
		{"inline", mdInline, "```go", "\\```go"},
		{"inline", mdInline, "```code``` stays", "```code``` stays"},
		{"inline", mdInline, "[a]: /b", `\[a]: /b`},
		{"inline", mdInline, "> quote", "&gt; quote"},

		{"text", mdText, "p1\n\np2 <b>", "p1\n\np2 &lt;b&gt;"},
		{"text", mdText, "x\n```\n<b>\n```\ny <b>", "x\n```\n<b>\n```\ny &lt;b&gt;"},
		{"text", mdText, "x\n```\nopen <b>", "x\n```\nopen <b>\n```"},
		{"text", mdText, "x\n\n    ```\n<b>", "x\n\n    ```\n&lt;b&gt;"}, // indented: no fence

		{"markdown", mdVerbatim, "\na\r\nb <details>\n\n", "a\nb <details>"},
		{"markdown", mdVerbatim, "```\ncode", "```\ncode\n```"},
		{"markdown", mdVerbatim, "~~~~\nx\n~~~\n", "~~~~\nx\n~~~\n~~~~"},
		{"markdown", mdVerbatim, "```go\nx\n```", "```go\nx\n```"},

		{"heading", mdHeading, "NOT_FOUND", `NOT\_FOUND`},
		{"heading", mdHeading, " a\nb  c ", "a b c"},
		{"heading", mdHeading, "C# <x> | `y` *z*", "C\\# \\<x\\> \\| \\`y\\` \\*z\\*"},

		{"code", mdCode, "", ""},
		{"code", mdCode, "a", "`a`"},
		{"code", mdCode, "a`b", "``a`b``"},
		{"code", mdCode, "`a", "`` `a ``"},
		{"code", mdCode, "a``", "``` a`` ```"},
		{"code", mdCode, " a ", "`  a  `"},
		{"code", mdCode, "  ", "`  `"},
		{"code", mdCode, "a\r\nb", "`a b`"},

		{"url", mdURL, "https://x.example/a b<c>\x7f", "https://x.example/a%20b%3Cc%3E%7F"},
		{"anchor", mdAnchor, `a"b`, `<a id="a&#34;b"></a>`},
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
		if got := mdFence(tc.lang, tc.in); got != tc.want {
			t.Errorf("fence(%q, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

func TestMarkdownJSON(t *testing.T) {
	// Member order and encoding/json's escapes are the service's; indenting
	// must keep both.
	got, err := mdJSON([]byte(`{"b":1,"a":"\u003c\u2028","c":[],"d":{}}`))
	want := "{\n  \"b\": 1,\n  \"a\": \"\\u003c\\u2028\",\n  \"c\": [],\n  \"d\": {}\n}"
	if err != nil || got != want {
		t.Errorf("json = %q, %v; want %q", got, err, want)
	}
	if _, err := mdJSON([]byte(`{"a":`)); err == nil {
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
		if got := mdTrimBlankLines(tc.in); got != tc.want {
			t.Errorf("trim(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
