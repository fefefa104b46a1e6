package errgen

import (
	"encoding/json"
	"fmt"
	"net/http"
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

// mdPage is the data of page.tmpl and the part templates.
type mdPage struct {
	Catalog   *catalog.Catalog
	Title     string
	Intro     string
	Envelopes []*mdEnvelope
	Errors    []*mdError
	Groups    []*mdGroup
	Providers []catalog.Provider
	Sections  []catalog.Section
	Statuses  []*mdStatus
}

// mdEnvelope is a wire format in use, with its example and field table.
type mdEnvelope struct {
	*catalog.Envelope
	Errors  []*mdError
	Sample  *mdError
	Example []byte
	Fields  []mdField
}

// mdError is one error as error.tmpl shows it.
//
// Besides embedding the catalog error (for its methods, and for templates
// that name .Error), it repeats each of its fields: text/template looks a
// field up by name on every use, and a promoted field costs a search of the
// embedded structs (reflect's FieldByNameFunc) where a field of mdError's
// own is a plain scan. TestMDMirrorsCatalog keeps the copies complete.
type mdError struct {
	*catalog.Error
	Reason     string
	Body       []byte
	Response   string
	Details    []mdDetail // shadows catalog.Error.Details: the example as JSON text
	RetryAfter bool

	// catalog.Error's fields but Details, in its order
	Code            string
	Name            string
	Status          int
	Title           string
	Message         *catalog.Template
	Description     string
	Category        string
	Causes          []string
	Remediation     []string
	Troubleshooting []catalog.Troubleshooting
	Headers         []*catalog.Header
	Retryable       bool
	Format          *catalog.Envelope
	Meta            []catalog.Meta
	Challenge       string
	Fallback        bool
	TypeURI         string
	Anchor          string
	DocsLink        string
	Pos             catalog.Pos
}

// mdDetail is a detail with its example as the JSON the body carries. Like
// mdError, it repeats the fields of the detail it embeds.
type mdDetail struct {
	*catalog.Detail
	Example string // shadows catalog.Detail.Example

	// catalog.Detail's fields but Example, in its order
	Name        string
	GoName      string
	Type        catalog.DetailType
	Required    bool
	Description string
	Pos         catalog.Pos
}

// newMDErrorFields is the mdError of e with e's fields copied.
func newMDErrorFields(e *catalog.Error) *mdError {
	return &mdError{
		Error:           e,
		Code:            e.Code,
		Name:            e.Name,
		Status:          e.Status,
		Title:           e.Title,
		Message:         e.Message,
		Description:     e.Description,
		Category:        e.Category,
		Causes:          e.Causes,
		Remediation:     e.Remediation,
		Troubleshooting: e.Troubleshooting,
		Headers:         e.Headers,
		Retryable:       e.Retryable,
		Format:          e.Format,
		Meta:            e.Meta,
		Challenge:       e.Challenge,
		Fallback:        e.Fallback,
		TypeURI:         e.TypeURI,
		Anchor:          e.Anchor,
		DocsLink:        e.DocsLink,
		Pos:             e.Pos,
	}
}

// newMDDetail is the mdDetail of d with d's fields copied.
func newMDDetail(d *catalog.Detail, example string) mdDetail {
	return mdDetail{
		Detail:      d,
		Example:     example,
		Name:        d.Name,
		GoName:      d.GoName,
		Type:        d.Type,
		Required:    d.Required,
		Description: d.Description,
		Pos:         d.Pos,
	}
}

// mdGroup is one section of errors: a status or a category.
type mdGroup struct {
	Title  string
	Errors []*mdError
}

// mdStatus is one row of the quick reference.
type mdStatus struct {
	Status int
	Reason string
	Errors []*mdError
}

// newMDPage computes everything the templates show for c.
func newMDPage(c *catalog.Catalog) (*mdPage, error) {
	p := &mdPage{
		Catalog:   c,
		Title:     c.Docs.Title,
		Intro:     c.Description,
		Providers: c.Docs.Providers,
		Sections:  c.Docs.Sections,
	}
	for _, e := range c.Errors {
		d, err := newMDError(e)
		if err != nil {
			return nil, fmt.Errorf("error %s: %w", e.Code, err)
		}
		p.Errors = append(p.Errors, d)
	}
	for _, env := range c.Envelopes {
		if d := newMDEnvelope(env, p.Errors); d != nil {
			p.Envelopes = append(p.Envelopes, d)
		}
	}
	p.Groups = mdGroupErrors(p.Errors, c.Docs.GroupBy)
	p.Statuses = mdStatusRows(p.Errors)
	return p, nil
}

func newMDError(e *catalog.Error) (*mdError, error) {
	in, err := example.New(e)
	if err != nil {
		return nil, err
	}
	body := in.Body() // what example.Body returns, from the same instance
	d := newMDErrorFields(e)
	d.Reason, d.Body = http.StatusText(e.Status), body
	// The headers in the order the generated Write sets them, which also
	// leaves out a header whose value renders empty.
	resp := []string{strings.TrimSpace("HTTP/1.1 " + strconv.Itoa(e.Status) + " " + d.Reason), "Content-Type: " + e.Format.MediaType}
	for _, h := range e.Headers {
		v, err := example.Fill(h.Value, in.Details)
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
	d.Response = strings.Join(resp, "\n")
	for _, det := range e.Details {
		ex, err := mdExampleJSON(det.Example)
		if err != nil {
			return nil, fmt.Errorf("detail %s: %w", det.Name, err)
		}
		d.Details = append(d.Details, newMDDetail(det, ex))
	}
	return d, nil
}

// mdExampleJSON is a detail's example as encoding/json writes it in the body.
func mdExampleJSON(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case catalog.ExampleJSON:
		return string(v), nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// newMDEnvelope returns env's docs, or nil when no error is written in it
// (the catalog's default envelope when every error overrides it).
func newMDEnvelope(env *catalog.Envelope, all []*mdError) *mdEnvelope {
	d := &mdEnvelope{Envelope: env}
	for _, e := range all {
		if e.Format == env {
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
	d.Fields = mdEnvelopeFields(env, d.Errors)
	return d
}

// mdGroupErrors groups by status or category, groups in order of first
// appearance, errors in catalog order.
func mdGroupErrors(errs []*mdError, by string) []*mdGroup {
	var groups []*mdGroup
	index := map[string]*mdGroup{}
	for _, e := range errs {
		title := e.Category
		if by != "category" {
			title = strings.TrimSpace(strconv.Itoa(e.Status) + " " + e.Reason)
		}
		g := index[title]
		if g == nil {
			g = &mdGroup{Title: title}
			index[title] = g
			groups = append(groups, g)
		}
		g.Errors = append(g.Errors, e)
	}
	return groups
}

// mdStatusRows lists the statuses in use, sorted, each with its errors in
// catalog order.
func mdStatusRows(errs []*mdError) []*mdStatus {
	var rows []*mdStatus
	index := map[int]*mdStatus{}
	for _, e := range errs {
		r := index[e.Status]
		if r == nil {
			r = &mdStatus{Status: e.Status, Reason: e.Reason}
			index[e.Status] = r
			rows = append(rows, r)
		}
		r.Errors = append(r.Errors, e)
	}
	slices.SortStableFunc(rows, func(a, b *mdStatus) int { return a.Status - b.Status })
	return rows
}
