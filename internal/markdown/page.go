package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// The types below are what the Markdown templates receive; the templates
// package documents their fields for template authors. Everything a
// template could not compute itself (example bodies, grouping, sorting) is
// computed here, once, in catalog order.

// page is the data of page.tmpl and the part templates.
type page struct {
	Catalog   *catalog.Catalog
	Title     string
	Intro     string
	Envelopes []*envelope
	Errors    []*errorData
	Groups    []*group
	Providers []catalog.Provider
	Sections  []catalog.Section
	Statuses  []*statusRow
	Retired   []*retiredCode
	Layout    string     // catalog.LayoutFull or catalog.LayoutCompact
	Fallback  *errorData // the error sent for any error the catalog does not name; nil when none

	RequestIDInBody bool // an error's body carries the request id (its envelope has $request_id)
	CodesInCode     bool // every envelope in use writes the code in a member named code ("code", "error.code")

	Language  string         // the language the page reads in (BCP 47)
	Languages []pageLanguage // every language's page, the default language's first; none when the catalog has one
	Words     words          // the page's own words in its language, escaped
}

// retiredCode is one row of the Retired codes table.
type retiredCode struct {
	*catalog.Error
	Anchor            string // the anchor the code had in use, kept so old links land here; "" when a code in use has it
	ReplacementAnchor string // the anchor of the code that replaces it; "" when none
}

// envelope is a wire format in use, with its example and field table.
type envelope struct {
	*catalog.Envelope
	Errors  []*errorData
	Sample  *errorData
	Example []byte
	Fields  []field
	Ordinal int // 2 for the second format of its media type, and so on; 0 for the first

	CodePath  string // the member that holds the code (code, error.code, error for oauth2); "" when the envelope has no $code
	TitlePath string // the member that holds the title (errors[].title); "" when none
}

// group is one section of errors: a status or a category.
type group struct {
	Title       string
	Description string // docs.groups' text for it, Markdown; "" when none
	Errors      []*errorData
}

// statusRow is one row of the quick reference.
type statusRow struct {
	Status int
	Reason string
	Errors []*errorData
}

// newPage computes everything the templates show for c, in the language
// c reads in (catalog.Catalog.In); name is the default language's page's
// file name, which the languages line links.
func newPage(c *catalog.Catalog, name string) (*page, error) {
	lang := cmp.Or(c.Reading, c.Language)
	p := &page{
		Catalog:   c,
		Title:     pageTitle(c, lang),
		Intro:     c.Description,
		Providers: c.Docs.Providers,
		Sections:  c.Docs.Sections,
		Layout:    layoutOf(c),
		Language:  lang,
		Languages: pageLanguages(c, name, lang),
		Words:     wordsIn(c, lang),
	}
	original := &pageLanguage{Tag: c.Language, Name: escapeWord(LanguageName(c.Language)), File: url.PathEscape(name)}
	if len(p.Languages) > 0 {
		original = &p.Languages[0]
	}
	if err := p.addErrors(c, original); err != nil {
		return nil, err
	}
	seen := map[string]int{} // formats per media type
	for _, env := range c.Envelopes {
		if d := newEnvelope(env, p.Errors, p.Words); d != nil {
			if seen[env.MediaType]++; seen[env.MediaType] > 1 {
				d.Ordinal = seen[env.MediaType]
			}
			p.Envelopes = append(p.Envelopes, d)
		}
	}
	p.CodesInCode = true
	for _, env := range p.Envelopes {
		if env.CodePath != "code" && !strings.HasSuffix(env.CodePath, ".code") {
			p.CodesInCode = false
		}
	}
	p.Groups = groupErrors(p.Errors, c.Docs.GroupBy)
	describeGroups(p.Groups, c.Docs)
	p.Statuses = statusRows(p.Errors)
	p.Retired = retiredCodes(c)
	return p, nil
}

// retiredCodes is the Retired codes table of c: none, and no set of the
// anchors in use to build, when c has none retired.
func retiredCodes(c *catalog.Catalog) []*retiredCode {
	if len(c.Retired) == 0 {
		return nil
	}
	inUse := make(map[string]bool, len(c.Errors)+len(c.Retired))
	for _, e := range c.Errors {
		inUse[e.Anchor] = true
	}
	var retired []*retiredCode
	for _, e := range c.Retired {
		r := &retiredCode{Error: e, ReplacementAnchor: replacementAnchor(e.ReplacedBy)}
		if !inUse[e.Anchor] { // conflict retired, CONFLICT in use: the section keeps the anchor
			r.Anchor = e.Anchor
			inUse[e.Anchor] = true
		}
		retired = append(retired, r)
	}
	return retired
}

// addErrors adds the docs of c's errors to p, in catalog order; original is
// the default language's page. The errors, and their details, are each
// allocated in one block, not one allocation per error and per detail
// list: at 1,000 errors in two languages these were a fifth of what the
// Markdown stage allocated.
func (p *page) addErrors(c *catalog.Catalog, original *pageLanguage) error {
	errs := make([]errorData, len(c.Errors))
	n := 0
	for _, e := range c.Errors {
		n += len(e.Details)
	}
	details := make([]detailData, n)
	p.Errors = make([]*errorData, 0, len(c.Errors))
	for i, e := range c.Errors {
		d := &errs[i]
		if err := newErrorData(d, e, c.RequestID, sentIn(c, e), p.Words, details[:0:len(e.Details)]); err != nil {
			return fmt.Errorf("error %s: %w", e.Code, err)
		}
		details = details[len(e.Details):]
		d.GRPCDomain, d.Original = c.GRPC.Domain, original
		p.Errors = append(p.Errors, d)
		if e.Fallback {
			p.Fallback = d
		}
		if c.RequestID.Header != "" && bytes.Contains(d.Body, []byte(c.RequestID.ExampleID())) {
			p.RequestIDInBody = true
		}
	}
	return nil
}

// newErrorData computes e's docs into d, its details into details, which
// has room for them. requestID is the catalog's request_id: with a header,
// the example response is one to a request that sent the example id, which
// Write echoes in the header and the body. lang is the language
// Write sends e in to a reader of the page (sentIn), "" for a catalog of
// one language.
func newErrorData(d *errorData, e *catalog.Error, requestID catalog.RequestIDOptions, lang string, w words, details []detailData) error {
	sent := e // the example is what Write sends, whole in the default language when e is not sent translated
	if !e.SentTranslated() {
		sent = e.InDefault()
	}
	in, err := example.NewDocumented(sent, requestID)
	if err != nil {
		return err
	}
	body := in.Body() // what example.Documented returns, from the same instance
	d.setFields(e)
	d.Reason, d.Body, d.Words = http.StatusText(e.Status), body, w
	if d.Response, err = exampleResponse(sent, in, d.Reason, requestID, lang); err != nil {
		return err
	}
	for _, h := range e.Headers {
		d.RetryAfter = d.RetryAfter || h.Name == "Retry-After"
	}
	if len(e.Details) > 0 {
		d.Details = details
	}
	for _, det := range e.Details {
		ex, err := example.DetailJSON(det)
		if err != nil {
			return fmt.Errorf("detail %s: %w", det.Name, err)
		}
		d.Details = append(d.Details, newDetailData(det, string(ex), w))
	}
	return nil
}

// exampleResponse is the status line and headers of e's example response
// (in), reason the status's: the headers in the order the generated Write
// sets them, which also leaves out a header whose value renders empty. It
// is written into one buffer, where a string per line and their join made
// three allocations a line.
func exampleResponse(e *catalog.Error, in *example.Instance, reason string, requestID catalog.RequestIDOptions, lang string) (string, error) {
	var b strings.Builder
	b.Grow(112 + len(e.Envelope.MediaType) + len(e.Challenge))
	b.WriteString("HTTP/1.1 ")
	b.WriteString(strconv.Itoa(e.Status))
	if reason != "" {
		b.WriteByte(' ')
		b.WriteString(reason)
	}
	line := func(name, value string) {
		b.WriteByte('\n')
		b.WriteString(name)
		b.WriteString(": ")
		b.WriteString(value)
	}
	line("Content-Type", e.Envelope.MediaType)
	for _, h := range e.Headers {
		v, err := example.HeaderValue(h.Value, in.Details)
		if err != nil {
			return "", err
		}
		if v != "" {
			line(h.Name, v)
		}
	}
	if e.Challenge != "" {
		line("WWW-Authenticate", e.Challenge)
	}
	if requestID.Header != "" {
		line(requestID.Header, requestID.ExampleID())
	}
	if lang != "" {
		line("Content-Language", lang)
		line("Vary", "Accept-Language")
	}
	return b.String(), nil
}

// newEnvelope returns env's docs, or nil when no error is written in it
// (the catalog's default envelope when every error overrides it).
func newEnvelope(env *catalog.Envelope, all []*errorData, w words) *envelope {
	d := &envelope{Envelope: env}
	for _, e := range all {
		if e.Envelope == env {
			d.Errors = append(d.Errors, e)
		}
	}
	if len(d.Errors) == 0 {
		return nil
	}
	// An example with details shows the most of the format.
	d.Sample = d.Errors[0]
	for _, e := range d.Errors {
		if len(e.Details) > 0 {
			d.Sample = e
			break
		}
	}
	d.Example = d.Sample.Body
	d.Fields = envelopeFields(env, d.Errors, w)
	d.CodePath = refPath(env, catalog.RefCode)
	d.TitlePath = refPath(env, catalog.RefTitle)
	return d
}

// groupErrors groups by status or category: status groups by status,
// categories in order of first appearance, the errors of each group by
// status then code, as the reference table.
func groupErrors(errs []*errorData, by string) []*group {
	var groups []*group
	index := map[string]*group{}
	for _, e := range errs {
		title := e.Category
		if by != "category" {
			title = strings.TrimSpace(strconv.Itoa(e.Status) + " " + e.Reason)
		}
		g := index[title]
		if g == nil {
			g = &group{Title: title}
			index[title] = g
			groups = append(groups, g)
		}
		g.Errors = append(g.Errors, e)
	}
	for _, g := range groups {
		slices.SortStableFunc(g.Errors, byStatusThenCode)
	}
	if by != "category" {
		slices.SortStableFunc(groups, func(a, b *group) int { return a.Errors[0].Status - b.Errors[0].Status })
	}
	return groups
}

// describeGroups gives each group its text of docs.groups, which names it
// by its category (as the page's language reads it) or its status.
func describeGroups(groups []*group, d catalog.DocsOptions) {
	if len(d.Groups) == 0 {
		return
	}
	texts := make(map[string]string, len(d.Groups))
	for _, g := range d.Groups {
		if _, ok := texts[g.Group]; !ok { // two categories one translation names alike: one group, the first's text
			texts[g.Group] = g.Description
		}
	}
	for _, g := range groups {
		name := g.Title
		if d.GroupBy != "category" {
			name = strconv.Itoa(g.Errors[0].Status)
		}
		g.Description = texts[name]
	}
}

// byStatusThenCode orders errors as a reader scans a reference: by status,
// then by code.
func byStatusThenCode(a, b *errorData) int {
	if a.Status != b.Status {
		return a.Status - b.Status
	}
	return strings.Compare(a.Code, b.Code)
}

// layoutOf is the page layout docs.layout names, full when unset.
func layoutOf(c *catalog.Catalog) string {
	if c.Docs.Layout == catalog.LayoutCompact {
		return catalog.LayoutCompact
	}
	return catalog.LayoutFull
}

// statusRows lists the statuses in use, sorted, each with its errors
// sorted by code.
func statusRows(errs []*errorData) []*statusRow {
	var rows []*statusRow
	index := map[int]*statusRow{}
	for _, e := range errs {
		r := index[e.Status]
		if r == nil {
			r = &statusRow{Status: e.Status, Reason: e.Reason}
			index[e.Status] = r
			rows = append(rows, r)
		}
		r.Errors = append(r.Errors, e)
	}
	slices.SortStableFunc(rows, func(a, b *statusRow) int { return a.Status - b.Status })
	for _, r := range rows {
		slices.SortStableFunc(r.Errors, byStatusThenCode)
	}
	return rows
}

// pageTitle is the page's title: the catalog's, or its translation's; or,
// when the catalog gives none, the page's own word for it in lang, so that
// a catalog in German, or its French page, is not titled in English.
func pageTitle(c *catalog.Catalog, lang string) string {
	if !c.Docs.TitleDefault {
		return c.Docs.Title
	}
	i := slices.IndexFunc(wordTable, func(row wordRow) bool { return row.key == "page_title" })
	return wordIn(c, lang, wordTable[i])
}
