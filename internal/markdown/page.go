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
}

// group is one section of errors: a status or a category.
type group struct {
	Title  string
	Errors []*errorData
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
		Title:     c.Docs.Title,
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
	for _, e := range c.Errors {
		d, err := newErrorData(e, c.RequestID.Header, sentIn(c, e), p.Words)
		if err != nil {
			return nil, fmt.Errorf("error %s: %w", e.Code, err)
		}
		d.GRPCDomain, d.Original = c.GRPC.Domain, original
		p.Errors = append(p.Errors, d)
		if e.Fallback {
			p.Fallback = d
		}
		if c.RequestID.Header != "" && bytes.Contains(d.Body, []byte(exampleRequestID)) {
			p.RequestIDInBody = true
		}
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
	p.Groups = groupErrors(p.Errors, c.Docs.GroupBy)
	p.Statuses = statusRows(p.Errors)
	inUse := map[string]bool{}
	for _, e := range c.Errors {
		inUse[e.Anchor] = true
	}
	for _, e := range c.Retired {
		r := &retiredCode{Error: e, ReplacementAnchor: replacementAnchor(e.ReplacedBy)}
		if !inUse[e.Anchor] { // conflict retired, CONFLICT in use: the section keeps the anchor
			r.Anchor = e.Anchor
			inUse[e.Anchor] = true
		}
		p.Retired = append(p.Retired, r)
	}
	return p, nil
}

// newErrorData computes e's docs. requestID is the catalog's request-id
// header, "" for none: the example response is then one to a request that
// sent an id, which Write echoes in the header and the body. lang is the
// language Write sends e in to a reader of the page (sentIn), "" for a
// catalog of one language.
func newErrorData(e *catalog.Error, requestID, lang string, w words) (*errorData, error) {
	in, err := example.New(e)
	if err != nil {
		return nil, err
	}
	if requestID != "" {
		in.RequestID = exampleRequestID
	}
	body := in.Body() // what example.Body returns, from the same instance
	d := newErrorFields(e)
	d.Reason, d.Body, d.Words = http.StatusText(e.Status), body, w
	// The headers in the order the generated Write sets them, which also
	// leaves out a header whose value renders empty.
	resp := []string{strings.TrimSpace("HTTP/1.1 " + strconv.Itoa(e.Status) + " " + d.Reason), "Content-Type: " + e.Envelope.MediaType}
	for _, h := range e.Headers {
		v, err := example.HeaderValue(h.Value, in.Details)
		if err != nil {
			return nil, err
		}
		if v != "" {
			resp = append(resp, h.Name+": "+v)
		}
		d.RetryAfter = d.RetryAfter || h.Name == "Retry-After"
	}
	if e.Challenge != "" {
		resp = append(resp, "WWW-Authenticate: "+e.Challenge)
	}
	if requestID != "" {
		resp = append(resp, requestID+": "+exampleRequestID)
	}
	if lang != "" {
		resp = append(resp, "Content-Language: "+lang, "Vary: Accept-Language")
	}
	d.Response = strings.Join(resp, "\n")
	for _, det := range e.Details {
		ex, err := example.DetailJSON(det)
		if err != nil {
			return nil, fmt.Errorf("detail %s: %w", det.Name, err)
		}
		d.Details = append(d.Details, newDetailData(det, string(ex), w))
	}
	return d, nil
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

// exampleRequestID is the request id example responses carry in the
// catalog's request-id header.
const exampleRequestID = "req_01JD8X4K2M9QF7ZC3T5VNBW6YH"

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
