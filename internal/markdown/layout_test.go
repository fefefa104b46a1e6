package markdown

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// The compact layout of the bundled catalog is at least 40% shorter than
// the full one: the envelope is shown once, an error's example only where
// it carries details or headers, on one line as the service sends it.
func TestCompactIsShorter(t *testing.T) {
	c, err := catalog.Load("../../catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Docs.Layout != "" {
		t.Fatalf("the bundled catalog sets docs.layout %q; the test compares both", c.Docs.Layout)
	}
	full := mustGenerate(t, c, nil)
	c.Docs.Layout = catalog.LayoutFull
	if explicit := mustGenerate(t, c, nil); !bytes.Equal(full, explicit) {
		t.Error("docs.layout: full differs from the default")
	}
	c.Docs.Layout = catalog.LayoutCompact
	compact := mustGenerate(t, c, nil)
	nf, nc := bytes.Count(full, []byte("\n")), bytes.Count(compact, []byte("\n"))
	t.Logf("full %d lines, compact %d lines: %.0f%% shorter", nf, nc, 100*(1-float64(nc)/float64(nf)))
	if float64(nc) > 0.6*float64(nf) {
		t.Errorf("compact is %d lines, full %d: want at least 40%% shorter", nc, nf)
	}
	checkLayoutClaim(t, nf, nc)
}

// checkLayoutClaim holds docs/page.md's figures for the bundled catalog's
// two layouts to the pages' line counts: they drifted once the catalog
// grew (the page said 716 and 1,241 lines at 1,347 and 738).
func checkLayoutClaim(t *testing.T, full, compact int) {
	t.Helper()
	doc, err := os.ReadFile("../../docs/page.md")
	if err != nil {
		t.Fatal(err)
	}
	claim := regexp.MustCompile(`(\d+)% shorter in compact \(([\d,]+) lines instead of ([\d,]+)\)`).FindSubmatch(bytes.Join(bytes.Fields(doc), []byte(" ")))
	if claim == nil {
		t.Fatal("docs/page.md no longer says how much shorter the compact layout is: update the test")
	}
	want := fmt.Sprintf("%.0f%% shorter in compact (%s lines instead of %s)", 100*(1-float64(compact)/float64(full)), thousands(compact), thousands(full))
	if string(claim[0]) != want {
		t.Errorf("docs/page.md says %q; the bundled catalog's pages make it %q", claim[0], want)
	}
}

// thousands writes n as the docs do, with a comma between thousands.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Every test catalog's compact page passes the checks the full one does,
// and shows each error's example only where it has details or headers.
func TestCompactPage(t *testing.T) {
	for _, path := range testCatalogs(t) {
		t.Run(path, func(t *testing.T) {
			c, err := catalog.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			c.Docs.Layout = catalog.LayoutCompact
			page := mustGenerate(t, c, nil)
			doc := markdowntest.Parse(t, page)
			markdowntest.CheckTables(t, doc)
			markdowntest.CheckAnchors(t, doc, c)
			markdowntest.CheckReference(t, doc, c)
			markdowntest.CheckGroups(t, doc, c)
			markdowntest.CheckLint(t, page)
			blocks := map[string]int{}
			for _, b := range doc.JSONBlocks {
				if b.Anchor != "" {
					blocks[b.Anchor]++
				}
			}
			for _, e := range c.Errors {
				if want := len(e.Details) > 0; (blocks[e.Anchor] == 1) != want {
					t.Errorf("%s: %d json examples, want one only when it has details (%d)", e.Code, blocks[e.Anchor], len(e.Details))
				}
			}
			if n := bytes.Count(page, []byte("## Error response format")); n != 1 {
				t.Errorf("%d envelope sections, want 1", n)
			}
		})
	}
}

// The reference table, and the errors of each group, are sorted by status
// then code, whatever the catalog's order and grouping.
func TestReferenceSorted(t *testing.T) {
	c, err := catalog.Parse("sorted.yaml", []byte(`version: 1
api: Sorted
docs: {group_by: category}
errors:
  - {code: TOO_LATE, status: 409, category: Billing}
  - {code: PAY_FIRST, status: 402, category: Billing}
  - {code: DOWN, status: 503, category: Server, retryable: true}
  - {code: BROKEN, status: 500, category: Server, fallback: true}
  - {code: ALREADY, status: 409, category: Billing}
`))
	if err != nil {
		t.Fatal(err)
	}
	doc := markdowntest.Parse(t, mustGenerate(t, c, nil))
	var got []string
	for _, r := range doc.Table("Code", "Status", "Description").Rows {
		got = append(got, r.Cells[0])
	}
	if want := "`PAY_FIRST` `ALREADY` `TOO_LATE` `BROKEN` `DOWN`"; strings.Join(got, " ") != want {
		t.Errorf("reference rows %s, want %s", strings.Join(got, " "), want)
	}
	markdowntest.CheckGroups(t, doc, c) // Billing: 402, 409 ALREADY, 409 TOO_LATE; Server: 500, 503
}

// The page says how to handle a code a client does not know, names the
// fallback and marks it; the request-id sentence says what Write does (it
// echoes the request's id), and the examples carry the header.
func TestHandlingAndRequestID(t *testing.T) {
	src := `version: 1
api: Ids
format: nested
request_id: {header: X-Request-Id}
errors:
  - {code: NOPE, status: 404}
  - {code: OOPS, status: 500, fallback: true}
`
	c, err := catalog.Parse("ids.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	page := string(mustGenerate(t, c, nil))
	flat := strings.Join(strings.Fields(page), " ") // prose is wrapped
	for _, want := range []string{
		"## Handling errors",
		"by its HTTP status class",
		"the fallback, [`OOPS`](#oops) (500), is what the API sends for any error this page does not name; its section is marked **Fallback**",
		"> **Fallback:** the API sends this error for any error this page does not name.",
		"X-Request-Id: " + markdowntest.RequestID,
		`"request_id": "` + markdowntest.RequestID + `"`,
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// Write sends the request's id, or makes one (Config.RequestID, else
	// newRequestID): every error response carries one.
	sentence := regexp.MustCompile(strings.ReplaceAll("Every error response carries the id of its request in the `X-Request-Id` header and in the body: the id the request carried in that header, or one the service gave it", " ", `\s+`))
	if !sentence.MatchString(page) {
		t.Errorf("no request-id sentence true to Write:\n%s", page)
	}
	markdowntest.CheckJSONBlocks(t, markdowntest.Parse(t, []byte(page)), c)
	// Without the header configured, neither sentence nor header.
	c, err = catalog.Parse("ids.yaml", []byte(strings.Replace(src, "request_id: {header: X-Request-Id}\n", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if page := string(mustGenerate(t, c, nil)); strings.Contains(page, "X-Request-Id") || strings.Contains(page, "request carries an id") {
		t.Error("a request id on a page whose catalog configures none")
	}
}

// Bidi controls, zero-width characters, the BOM and NUL never reach the
// page as they are: replaced by U+FFFD in text, escaped in JSON examples
// (the same JSON value as the bytes sent).
func TestInvisibleCharacters(t *testing.T) {
	const evil = "\u202e\u2066\u2069\u200b\ufeff"
	c, err := catalog.Parse("evil.yaml", []byte(`version: 1
api: "Evil`+evil+`"
description: "intro`+evil+`"
docs: {sections: [{title: "T`+evil+`", body: "b`+evil+`"}]}
errors:
  - code: EVIL
    status: 400
    title: "Evil`+evil+`"
    message: "{who} did it`+evil+`"
    description: "desc`+evil+` and a NUL \0 here"
    causes: ["cause`+evil+`"]
    details:
      - {name: who, type: string, required: true, example: "adm`+evil+`in", description: "d`+evil+`"}
  - {code: INTERNAL, status: 500, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
		c.Docs.Layout = layout
		page := mustGenerate(t, c, nil)
		for _, r := range evil + "\x00" {
			if bytes.ContainsRune(page, r) {
				t.Errorf("%s: the page has U+%04X as it is", layout, r)
			}
		}
		if !bytes.Contains(page, []byte(`\u202e\u2066\u2069\u200b\ufeff`)) {
			t.Errorf("%s: the JSON example does not escape them:\n%s", layout, page)
		}
		if !bytes.Contains(page, []byte("intro\ufffd\ufffd\ufffd\ufffd\ufffd")) {
			t.Errorf("%s: the intro's characters are not replaced by U+FFFD", layout)
		}
		markdowntest.CheckLint(t, page)
	}
}

// No heading's GitHub-style slug is one of the page's anchors: a heading
// that would collide gains its status; the anchors themselves stay.
func TestHeadingSlugsAvoidAnchors(t *testing.T) {
	c, err := catalog.Parse("slugs.yaml", []byte(`version: 1
api: Slugs
docs: {group_by: category, sections: [{title: Conflict, body: x}]}
errors:
  - {code: CONFLICT, status: 409, category: Conflict}
  - {code: CONFLICT_409, status: 409, category: Other}
  - {code: ERROR-CODES, status: 400, category: Other}
  - {code: INTERNAL, status: 500, category: Other, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
		c.Docs.Layout = layout
		page := string(mustGenerate(t, c, nil))
		anchors := map[string]bool{}
		for _, m := range anchorIDs.FindAllStringSubmatch(page, -1) {
			anchors[m[1]] = true
		}
		for _, want := range []string{"conflict", "conflict-409", "error-codes", "internal"} {
			if !anchors[want] {
				t.Errorf("%s: anchor %s lost", layout, want)
			}
		}
		ids := slugger{}
		for _, line := range strings.Split(page, "\n") {
			if atxLevel(line) == 0 {
				continue
			}
			if id := ids.take(githubSlug(headingText(line))); anchors[id] {
				t.Errorf("%s: heading %q gets the id %s, an anchor's", layout, line, id)
			}
		}
	}
}

func TestGithubSlug(t *testing.T) {
	for in, want := range map[string]string{
		"CONFLICT": "conflict", "VALIDATION_ERROR": "validation_error", "400 Bad Request": "400-bad-request",
		"Errors | <b>": "errors--b", "Café Ünï": "café-ünï", "a.b-c": "ab-c", "CONFLICT (409)": "conflict-409",
	} {
		if got := githubSlug(in); got != want {
			t.Errorf("githubSlug(%q) = %q, want %q", in, got, want)
		}
	}
	s := slugger{}
	for _, want := range []string{"foo", "foo-1", "foo-2"} {
		if got := s.take("foo"); got != want {
			t.Errorf("take = %s, want %s", got, want)
		}
	}
}

// invisible's ranges without a table look-up hold no control or format
// character, and it agrees with the Unicode tables everywhere.
func TestInvisibleFastPath(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r != '\n' && r != '\t' && (r == utf8.RuneError || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r))
		if got := invisible(r); got != want {
			t.Fatalf("invisible(U+%04X) = %v, want %v", r, got, want)
		}
	}
}

// TestHasInvisible: hasInvisible, which decodes only what is past ASCII, is
// IndexFunc(invisible), which decodes every rune, on strings and bytes.
func TestHasInvisible(t *testing.T) {
	cases := []string{"", "a", "a\tb\n", "a\x00", "\x7f", "·", "a · b", "a ·\u200bb", "\u202e", "\xff", "a\xe2\x80", "é\xc3", "\U0001F600", "\U000E0001", "\u00ad", "\u0085", "x\u2028y"}
	for r := rune(0); r < 0x3000; r += 7 {
		cases = append(cases, "ab·"+string(r)+"z")
	}
	// every byte at every offset of a word and past it, in long ASCII text
	const text = "0123456789abcdefghijklmnopqrstuv"
	for c := range 256 {
		for at := range 20 {
			cases = append(cases, text[:at]+string(rune(c))+text[at:], text[:at]+string([]byte{byte(c)})+text[at:])
		}
	}
	for _, s := range cases {
		want := strings.IndexFunc(s, invisible) >= 0
		if got, gotBytes := hasInvisible(s), hasInvisible([]byte(s)); got != want || gotBytes != want {
			t.Errorf("hasInvisible(%q) = %v (bytes %v), want %v", s, got, gotBytes, want)
		}
	}
}

// BenchmarkHasInvisible is hasInvisible and IndexFunc(invisible) on the
// synthetic catalog's page.
func BenchmarkHasInvisible(b *testing.B) {
	for _, n := range sizes() {
		page := emitLayout(b, loadSynthetic(b, n), catalog.LayoutFull, goErrorParts|goPage)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, func() { hasInvisible(page) }, func() { _ = bytes.IndexFunc(page, invisible) >= 0 }, nil)
		})
	}
}

// In the compact layout a troubleshooting row is its check, as a label,
// then its solution: the label ends with a colon, unless the check ends
// with its own punctuation (most checks are questions), which a colon
// after would double ("resource?:"). errorPart writes what error.tmpl
// writes.
func TestCompactTroubleshootingLabel(t *testing.T) {
	for _, tc := range []struct{ check, want string }{
		{"Did another client update the resource?", "*Did another client update the resource?* Fetch it again."},
		{"Resource ID is correct", "*Resource ID is correct:* Fetch it again."},
		{"Check the ID.", "*Check the ID.* Fetch it again."},
		{"Still failing!", "*Still failing!* Fetch it again."},
		{"Then:", "*Then:* Fetch it again."},
		{"Is it `a?`", "*Is it `a?`:* Fetch it again."},
	} {
		c, err := catalog.Parse("label.yaml", []byte(`version: 1
api: Shop API
docs: {layout: compact}
errors:
  - code: CONFLICT
    status: 409
    troubleshooting: [{check: "`+strings.ReplaceAll(tc.check, `"`, `\"`)+`", solution: Fetch it again}]
  - {code: INTERNAL, status: 500, fallback: true}
`))
		if err != nil {
			t.Fatal(err)
		}
		page := emitLayout(t, c, catalog.LayoutCompact, 0)
		if fast := emitLayout(t, c, catalog.LayoutCompact, goErrorParts|goPage); !bytes.Equal(fast, page) {
			t.Errorf("%q: errorPart and error.tmpl differ", tc.check)
		}
		if want := "**Troubleshooting:** " + tc.want + "\n"; !strings.Contains(string(page), want) {
			t.Errorf("%q: the page lacks %q:\n%s", tc.check, want, page)
		}
	}
}

// "Handling errors" says where each envelope has the code: "the `code`
// member" when every envelope names it code (nested's error.code included);
// else, per media type, its member (OAuth 2's error), or, for an envelope
// without $code, that its bodies carry none and are told apart by status
// and title (as Parse tells them; an envelope without either is refused).
// The page never
// tells a client to branch on a member its bodies do not have.
func TestHandlingNamesTheCodeMember(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		want         []string
	}{
		{"nested", "format: nested", []string{"Branch on the `code` member, never on the message."}},
		{"oauth2", "format: oauth2", []string{"In `application/json` bodies, branch on the `error` member, never on the message.", "New errors may be added at any time"}},
		{"custom", "format: {name: k, media_type: application/json, body: {ok: false, error: {id: $code, text: $message}}}",
			[]string{"branch on the `error.id` member"}},
		{"no code", "format: {name: s, media_type: application/vnd.api+json, body: {errors: [{status: $status_text, title: $title}]}}",
			[]string{"`application/vnd.api+json` bodies carry no code: branch on the HTTP status and the `errors[].title` member, never on the message; the codes this page names errors by are not sent.", "New errors may be added"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := catalog.Parse("h.yaml", []byte("version: 1\napi: H\n"+tc.format+"\nerrors:\n  - {code: NOPE, status: 404}\n  - {code: OOPS, status: 500, fallback: true}\n"))
			if err != nil {
				t.Fatal(err)
			}
			page := string(mustGenerate(t, c, nil))
			i, j := strings.Index(page, "## Handling errors"), strings.Index(page, "## Error codes")
			if i < 0 || j < i {
				t.Fatalf("no Handling errors section:\n%s", page)
			}
			section := strings.Join(strings.Fields(page[i:j]), " ")
			for _, want := range tc.want {
				if !strings.Contains(section, want) {
					t.Errorf("the section lacks %q:\n%s", want, section)
				}
			}
			if tc.name != "nested" && strings.Contains(section, "`code` member") {
				t.Errorf("the section names a code member the bodies do not have:\n%s", section)
			}
		})
	}
}

// request_id.example is the id the examples carry, in the header and the
// body (seed 004 prints req_abc123), and the page still says the body
// carries the id.
func TestRequestIDExample(t *testing.T) {
	c, err := catalog.Parse("ids.yaml", []byte(`version: 1
api: Ids
format: nested
request_id: {header: X-Trace, example: req_abc123}
errors:
  - {code: NOPE, status: 404}
  - {code: OOPS, status: 500, fallback: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	page := mustGenerate(t, c, nil)
	flat := strings.Join(strings.Fields(string(page)), " ")
	for _, want := range []string{"X-Trace: req_abc123", `"request_id": "req_abc123"`, "in the `X-Trace` header and in the body"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(flat, markdowntest.RequestID) {
		t.Errorf("the page shows the default id %s besides the catalog's", markdowntest.RequestID)
	}
	markdowntest.CheckJSONBlocks(t, markdowntest.Parse(t, page), c)
}
