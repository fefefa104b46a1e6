// Package templates holds the text/template files errgen renders the Markdown
// error-reference page with. Each file is one part of the page, so that
// `errgen --templates DIR` (errgen.Options.Templates) can replace a part by
// putting a file of the same name in DIR; the other parts stay bundled. Only
// DIR's *.tmpl files are read, and one whose name is not listed here is an
// error, so a misspelt override never goes unnoticed. An empty override file
// removes its part.
//
// # Files
//
//	page.tmpl       the whole page: markdownlint directive, title, intro, then each part below, in this order
//	envelope.tmpl   "Error response format": per envelope, an example body and a field table
//	handling.tmpl   "Handling errors": where the code is, unknown codes by status class, the fallback named, what Write does with request ids
//	reference.tmpl  "Error codes": the | Code | Status | Description | table, by status then code
//	error.tmpl      one error's section; page.tmpl renders it per error, under each group's heading
//	retired.tmpl    "Retired codes": the table of codes reserved forever; nothing when none is retired
//	providers.tmpl  "Provider-specific issues"; nothing when the catalog has no providers
//	sections.tmpl   the catalog's extra docs sections
//
// A part the page gains is a new file here and one more {{part}} line in
// page.tmpl, as retired.tmpl shows; a notice about one error goes in
// error.tmpl, with the deprecation notice and since.
//
// page.tmpl renders each part with {{part "name.tmpl" .}}, which trims the
// blank lines around the part's output, and puts one blank line before each
// part that is not empty: parts need not care about their edges, and an
// emptied part leaves no gap. Within a part, Markdown blocks are separated by
// one blank line. errgen writes the "<!-- Code generated … -->" marker before
// page.tmpl's output (so no override can drop it) and ends the page with one
// newline.
//
// A catalog with languages has a page per language, each rendered with
// these templates from the catalog as it reads in that language; the
// words of .Words, never text written in a template, make a page read in
// its language.
//
// Then every paragraph with a line longer than 80 columns is refilled to
// 80 columns, overrides' included: at single spaces, never before a word
// that would open a block, and only where the paragraph renders the same
// afterwards. Headings, tables and code blocks are left as they are;
// page.tmpl's markdownlint-configure-file directive exempts tables and code
// from MD013 (line length), allows the a and br elements (MD033), and lets
// headings from the catalog repeat under different parents (MD024), so
// that the page passes markdownlint's default configuration as generated.
//
// Last, every bidi control, zero-width or other format character, BOM, NUL
// and other control character but tab and newline is replaced by U+FFFD,
// as in the Go output (JSON examples have them as \u escapes already: the
// same value as the bytes sent); and a heading whose GitHub-style slug
// would be one of the page's <a id> anchors gains its status, "CONFLICT
// (409)", so that renderers that give headings ids repeat none.
//
// Templates are parsed with Option("missingkey=error"). Catalog codes
// and anchors are validated (letters, digits, _ - .), so templates write them
// into links and tables as they are.
//
// # Data
//
// page.tmpl, envelope.tmpl, reference.tmpl, retired.tmpl, providers.tmpl and sections.tmpl
// receive the Page:
//
//	.Catalog    *catalog.Catalog  the whole validated catalog, for anything not below
//	.Title      string            docs.title
//	.Intro      string            the catalog's description (Markdown, written verbatim)
//	.Envelopes  []Envelope        the envelopes some error is written in, default first
//	.Errors     []Error           every error, in catalog order
//	.Groups     []Group           the errors grouped by docs.group_by: statuses in order, categories in order of
//	                              first appearance; the errors of a group by status, then code
//	.Layout     string            docs.layout: "full" (the default) or "compact"; error.tmpl asks {{layout}}
//	.Fallback   Error             the error sent for any error the catalog does not name; nil when none
//	.RequestIDInBody bool         an example body carries the request id ($request_id in its envelope)
//	.CodesInCode bool             every envelope in use writes the code in a member named code (code, error.code,
//	                              errors[].code): handling.tmpl then says "the `code` member", else where each envelope has it
//	.Language   string            the language the page reads in (a BCP 47 tag): the catalog's default, or one of its languages
//	.Languages  []Language        the languages line: every language's page, the default's first; none for a catalog of one
//	                              language. A Language has .Tag, .Name (its endonym, escaped), .File (the page's file name,
//	                              escaped for a link) and .Current (the page being rendered)
//	.Words      map[string]string the page's own words in its language, by key (docs/page.md lists the keys), escaped for
//	                              any place on the page; {name} placeholders are filled with fill
//	.Providers  []catalog.Provider  docs.providers (.Name, .Notes, .Issues with .Error .Cause .Fix)
//	.Sections   []catalog.Section   docs.sections (.Title, .Body)
//	.Statuses   []Status          the errors by status, sorted by status, each status's errors by code
//	.Retired    []Retired         the retired codes, in catalog order: every field of catalog.Error
//	                              (.Code, .Status, .Title, .Deprecated, .ReplacedBy …), .ReplacementAnchor,
//	                              and .Anchor: the code's anchor from when it was in use, kept so that
//	                              old links land on its row; "" when a code in use has the same anchor
//
// An Envelope has every field of catalog.Envelope (.Name, .MediaType, .Body)
// and:
//
//	.Errors   []Error     the errors written in it, in catalog order
//	.Sample   Error       the error its example shows: the first with details, else the first
//	.Example  []byte      .Sample's body, compact, byte for byte what the generated Go code writes
//	.Fields   []Field     one row per member: .Path (error.code, errors[].status, {detail}), .Type, .Description
//	.Ordinal  int         2 for the second envelope with its media type, 3 for the third; 0 for the first
//	.CodePath string      the member that holds the code (code, error.code, error for oauth2); "" when the envelope has no $code
//	.TitlePath string     the member that holds the title (title, errors[].title); "" when none (an envelope without
//	                      $code has one: Parse tells its errors apart by status and title)
//
// A Group has .Title ("404 Not Found" or the category), .Description (the
// catalog's docs.groups text for it, Markdown as an error's description is,
// for the text function; "" when none) and .Errors []Error. A
// Status has .Status (int), .Reason ("Not Found", "" when the status has no
// standard reason phrase) and .Errors []Error.
//
// error.tmpl receives an Error: every field of catalog.Error (.Code, .Status,
// .Title, .Message, .Description, .Causes, .Remediation, .Troubleshooting,
// .Headers, .Retryable, .Challenge, .Anchor, .DocsLink, .Category …) and:
//
//	.Reason      string    the status's reason phrase, "" when it has none
//	.Body        []byte    the example body, compact, byte for byte what the generated Go code writes
//	.Response    string    the example response's status line and headers, one a line, the catalog's
//	                       request-id header included (with the id a client could have sent: Write echoes it)
//	.Details     []Detail  every field of catalog.Detail, but .Example is the example's JSON text ("" for none;
//	                       an object's without its own is made of its fields' examples);
//	                       .Enum lists an enum detail's values (.Value, .Description), the allowed-values table
//	.RetryAfter  bool      the error sets a Retry-After header
//	.Summary     string    the first paragraph of its description, else its message, else its title, on one line
//	.DescribedDetails bool some detail has a description (the details table's Description column)
//	.ReplacementAnchor string  the anchor of .ReplacedBy's section, "" when the error has no replacement
//	.Words       map[string]string  the page's words, as the Page has them
//	.Untranslated []string  on a page in another language, the parts left in the default language (title, message,
//	                       description, causes, remediation, troubleshooting, details, deprecated: each a key of .Words)
//	.Original    Language  the default language's page, which an untranslated error's note links
//	(.Deprecated, the reason, in the page's language when translated, and .Since are catalog.Error's fields: "" when not set)
//
// A Detail also has .Summary (its description, else "One of the allowed
// values below." for an enum, else "—"), .DescribedValues (some allowed
// value has a description: a table, else a list) and .FieldTables, the
// tables of an object detail's fields, nested objects after their parent's
// (none without fields): each has .Path (problems, problems.limits), .Many
// (the detail is a list of such objects), .Examples (some field has an
// example: an Example column) and .Fields, each a Detail with its .Path
// (problems.kind, the caption of its allowed values).
//
// # Functions
//
// Catalog text is Markdown: code spans, emphasis and links work in it, but
// HTML does not, and it must never break the page's structure. Hence:
//
//	cell s       a table cell: inline escapes, | → \|, line breaks → <br> (spaces inside code spans)
//	inline s     one line of text (list item, status line): < > → &lt; &gt; outside code spans, line breaks → spaces,
//	             and what would open a heading, list, fence or thematic break at a line's start is escaped
//	text s       a block of catalog prose (a description): < > escaped as in inline, line breaks and fenced code
//	             blocks kept as the author wrote them, a fence left open closed
//	markdown s   docs-owned Markdown (intro, sections, provider notes), verbatim but for line endings and an unclosed fence
//	heading s    heading text: Markdown punctuation backslash-escaped, line breaks → spaces
//	code s       a code span whose backtick fence is longer than any run inside, padded when needed; "" for ""
//	anchor id    <a id="id"></a>, the page's stable link target for an error
//	json b       b (compact JSON) indented by two spaces, member order and escapes kept
//	json1 b      b as one line of compact JSON, byte for byte what the service writes
//	sentence s   inline s ending with a full stop (the page's sentence word), for list items run together in a paragraph
//	label s      inline s ending with a colon (the page's label word), unless it ends with . ? ! or : already (or 。？！：), for a label before its text
//	layout       the page's layout, "full" or "compact" (error.tmpl receives one error, not the page)
//	fence lang s a fenced code block whose fence is longer than any backtick run in s
//	url s        s with spaces, control characters, < and > percent-encoded, safe in <…> autolinks
//	part name .  the named template rendered with ., blank lines around it trimmed ("" when empty)
//	fill w n v … the word w with each placeholder {n} replaced by v, Markdown made by the template, as it is
package templates

import "embed"

// FS holds the bundled templates, one file per part of the page.
//
//go:embed *.tmpl
var FS embed.FS
