package markdown

import (
	"strconv"
	"strings"
	"text/template"

	"github.com/errgen/errgen/catalog"
)

// errorPart is the bundled error.tmpl written in Go: the part the page
// renders once per error, most of the page, and most of what text/template
// cost (reflection for every field and function). partFunc uses it for the
// page's own errors when error.tmpl is the bundled one, and runs the
// template otherwise, the plain path. TestErrorPartIsTemplate holds the two
// to the same bytes on every shipped catalog, in both layouts, and on
// hostile text, so a change to error.tmpl fails that test until it is made
// here too; BenchmarkErrorPart shows what it buys.
type errorPart struct {
	b       strings.Builder
	compact bool
}

// bundledErrorPart reports whether set renders error.tmpl with the bundled
// template's parse tree, which errorPart stands for.
func bundledErrorPart(set *template.Template) bool {
	base, err := bundled()
	if err != nil {
		return false
	}
	t, want := set.Lookup(errorTemplate), base.tmpl.Lookup(errorTemplate)
	return t != nil && want != nil && t.Tree == want.Tree
}

// render writes e's part as error.tmpl does, before partFunc trims it.
func (w *errorPart) render(e *errorData) (string, error) {
	w.b.Reset()
	w.head(e)
	if e.Description != "" {
		w.b.WriteString(prose(e.Description))
		w.b.WriteString("\n\n")
	}
	var err error
	if w.compact {
		err = w.compactStatus(e)
	} else {
		err = w.fullStatus(e)
	}
	if err != nil {
		return "", err
	}
	if err := w.details(e); err != nil {
		return "", err
	}
	if w.compact {
		w.compactAdvice(e)
	} else {
		w.fullAdvice(e)
		w.retry(e)
	}
	return w.b.String(), nil
}

func (w *errorPart) str(parts ...string) {
	for _, s := range parts {
		w.b.WriteString(s)
	}
}

// head is the heading, with its anchor, and the notes under it.
func (w *errorPart) head(e *errorData) {
	if w.compact {
		w.str("### ", anchor(e.Anchor), heading(e.Code))
	} else {
		w.str(anchor(e.Anchor), "\n\n### ", heading(e.Code))
	}
	if e.Deprecated != "" {
		w.str("\n\n> **Deprecated:** ", inline(e.Deprecated))
		if e.ReplacedBy != "" {
			w.str(" Replaced by [", codeSpan(e.ReplacedBy), "](#", e.ReplacementAnchor(), ").")
		}
	}
	if e.Since != "" {
		w.str("\n\n**Since:** ", inline(e.Since))
	}
	if e.Fallback {
		w.str("\n\n> **Fallback:** the API sends this error for any error this page does not name.")
	}
	w.str("\n\n")
}

// statusLine is the status, its reason and the title where it differs.
func (w *errorPart) statusLine(e *errorData) {
	w.str("**Status:** ", strconv.Itoa(e.Status))
	if e.Reason != "" {
		w.str(" ", e.Reason)
	}
	if e.Title != e.Reason {
		w.str(" · **Title:** ", inline(e.Title))
	}
}

func (w *errorPart) fullStatus(e *errorData) error {
	body, err := indentJSON(e.Body)
	if err != nil {
		return err
	}
	w.statusLine(e)
	if e.GRPCDomain != "" {
		w.str("\n\n**gRPC:** ", codeSpan(e.GRPCCode), " · **Reason:** ", codeSpan(e.GRPCReason), " · **Domain:** ", codeSpan(e.GRPCDomain))
	}
	w.str("\n\n**Example response:**\n\n", fencedBlock("http", e.Response), "\n\n", fencedBlock("json", body), "\n")
	if e.Message != nil {
		w.str("\n**Message:** ", codeSpan(e.Message.Source), "\n")
	}
	return nil
}

func (w *errorPart) compactStatus(e *errorData) error {
	w.statusLine(e)
	if e.Message != nil {
		w.str(" · **Message:** ", codeSpan(e.Message.Source))
	}
	w.str(" · **Retry:** ")
	switch {
	case !e.Retryable:
		w.str("no")
	case e.RetryAfter:
		w.str("yes, after `Retry-After`")
	default:
		w.str("yes, with backoff")
	}
	if len(e.Headers) > 0 || e.Challenge != "" {
		w.str("\n\n", fencedBlock("http", e.Response))
	}
	if len(e.Details) > 0 {
		body, err := compactJSON(e.Body)
		if err != nil {
			return err
		}
		w.str("\n\n", fencedBlock("json", body))
	}
	w.str("\n")
	return nil
}

// details is the details table, the allowed values of each enum and the
// tables of the objects' fields.
func (w *errorPart) details(e *errorData) error {
	if len(e.Details) == 0 {
		return nil
	}
	w.str("\n")
	if !w.compact {
		w.str("**Details:**\n\n")
	}
	described := e.DescribedDetails()
	if described {
		w.str("| Name | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n")
	} else {
		w.str("| Name | Type | Required | Example |\n| --- | --- | --- | --- |\n")
	}
	for _, d := range e.Details {
		w.str("| ", cell(codeSpan(d.Name)), " | ", cell(string(d.Type)), " | ", yesNo(d.Required), " | ")
		if described {
			w.str(cell(d.Summary()), " | ")
		}
		w.str(cell(codeSpan(d.Example)), " |\n")
	}
	for _, d := range e.Details {
		if len(d.Enum) > 0 {
			w.enum(d, d.Name)
		}
	}
	for _, d := range e.Details {
		tables, err := d.FieldTables()
		if err != nil {
			return err
		}
		for _, ft := range tables {
			w.fieldTable(ft)
		}
	}
	return nil
}

// fieldTable is the table of one object's fields and the allowed values of
// its enum fields, as error.tmpl writes them.
func (w *errorPart) fieldTable(ft fieldTable) {
	w.str("\n**Fields of ", codeSpan(ft.Path))
	if ft.Many {
		w.str(" (each object)")
	}
	if ft.Examples {
		w.str(":**\n\n| Name | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n")
	} else {
		w.str(":**\n\n| Name | Type | Required | Description |\n| --- | --- | --- | --- |\n")
	}
	for _, f := range ft.Fields {
		w.str("| ", cell(codeSpan(f.Name)), " | ", cell(string(f.Type)), " | ", yesNo(f.Required), " | ", cell(f.Summary()), " |")
		switch {
		case !ft.Examples:
		case f.Example == "":
			w.str(" — |")
		default:
			w.str(" ", cell(codeSpan(f.Example)), " |")
		}
		w.str("\n")
	}
	for _, f := range ft.Fields {
		if len(f.Enum) > 0 {
			w.enum(f.detailData, f.Path)
		}
	}
}

// enum writes the allowed values of d, an enum detail or field at path.
func (w *errorPart) enum(d detailData, path string) {
	w.str("\n**Allowed values of ", codeSpan(path), ":**\n\n")
	if !d.DescribedValues() {
		for _, v := range d.Enum {
			w.str("- ", codeSpan(v.Value), "\n")
		}
		return
	}
	w.str("| Value | Description |\n| --- | --- |\n")
	for _, v := range d.Enum {
		desc := "—"
		if v.Description != "" {
			desc = cell(v.Description)
		}
		w.str("| ", cell(codeSpan(v.Value)), " | ", desc, " |\n")
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// compactAdvice is causes, remediation and troubleshooting as sentences.
func (w *errorPart) compactAdvice(e *errorData) {
	for _, list := range []struct {
		title string
		items []string
	}{{"Common causes", e.Causes}, {"How to fix", e.Remediation}} {
		if len(list.items) > 0 {
			w.str("\n**", list.title, ":**")
			for _, s := range list.items {
				w.str(" ", sentence(s))
			}
			w.str("\n")
		}
	}
	if len(e.Troubleshooting) > 0 {
		w.str("\n**Troubleshooting:**")
		for _, t := range e.Troubleshooting {
			w.str(" *", inline(t.Check), ":* ", sentence(t.Solution))
		}
		w.str("\n")
	}
}

// fullAdvice is causes and remediation as lists, troubleshooting a table.
func (w *errorPart) fullAdvice(e *errorData) {
	for _, list := range []struct {
		title string
		items []string
	}{{"Common causes", e.Causes}, {"How to fix", e.Remediation}} {
		if len(list.items) > 0 {
			w.str("\n**", list.title, ":**\n\n")
			for _, s := range list.items {
				w.str("- ", inline(s), "\n")
			}
		}
	}
	if len(e.Troubleshooting) > 0 {
		w.str("\n**Troubleshooting:**\n\n| Check | Solution |\n| --- | --- |\n")
		w.troubleshootingRows(e.Troubleshooting)
	}
}

func (w *errorPart) troubleshootingRows(rows []catalog.Troubleshooting) {
	for _, t := range rows {
		w.str("| ", cell(t.Check), " | ", cell(t.Solution), " |\n")
	}
}

// retry is the full layout's retry advice and permalink.
func (w *errorPart) retry(e *errorData) {
	w.str("\n**Retry:** ")
	switch {
	case !e.Retryable:
		w.str("Do not retry without changing the request.")
	case e.RetryAfter:
		w.str("Safe to retry. Wait at least the number of seconds in the `Retry-After` header first.")
	default:
		w.str("Safe to retry. Back off exponentially between attempts.")
	}
	w.str("\n")
	if len(e.Help) > 0 {
		w.str("\n**Help:**\n\n")
		for _, l := range e.Help {
			w.str("- <", autolinkURL(l.URL), ">")
			if l.Description != "" {
				w.str(" ", inline(l.Description))
			}
			w.str("\n")
		}
	}
	if e.DocsLink != "" {
		w.str("\n**Permalink:** <", autolinkURL(e.DocsLink), ">\n")
	}
}
