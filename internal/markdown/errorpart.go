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
	b       []byte // what the part is appended to: its own buffer, or the page's (pagePart)
	scratch []byte // an example body, indented
	compact bool
	w       words // the page's
}

// bundledErrorPart reports whether set renders error.tmpl with the bundled
// template's parse tree, which errorPart stands for.
func bundledErrorPart(set *template.Template) bool {
	return bundledPart(set, errorTemplate)
}

// render writes e's part as error.tmpl does, before partFunc trims it.
func (w *errorPart) render(e *errorData) (string, error) {
	w.b = w.b[:0]
	if err := w.write(e); err != nil {
		return "", err
	}
	return string(w.b), nil
}

// write appends e's part to w.b.
func (w *errorPart) write(e *errorData) error {
	w.head(e)
	if e.Description != "" {
		w.str(prose(e.Description), "\n\n")
	}
	var err error
	if w.compact {
		err = w.compactStatus(e)
	} else {
		err = w.fullStatus(e)
	}
	if err != nil {
		return err
	}
	if err := w.details(e); err != nil {
		return err
	}
	if w.compact {
		w.compactAdvice(e)
	} else {
		w.fullAdvice(e)
		w.retry(e)
	}
	return nil
}

func (w *errorPart) str(parts ...string) {
	for _, s := range parts {
		w.b = append(w.b, s...)
	}
}

// boldLabel appends before, text as a bold label (**Status:**, as the page's
// words end a label), then after.
func (w *errorPart) boldLabel(before, text string, after ...string) {
	w.str(before, "**", w.w.labelled(text), "**")
	w.str(after...)
}

// code appends codeSpan(s).
func (w *errorPart) code(s string) { w.b = appendCodeSpan(w.b, s) }

// head is the heading, with its anchor, and the notes under it.
func (w *errorPart) head(e *errorData) {
	if w.compact {
		w.b = appendHeading(appendAnchor(append(w.b, "### "...), e.Anchor), e.Code)
	} else {
		w.b = appendHeading(append(appendAnchor(w.b, e.Anchor), "\n\n### "...), e.Code)
	}
	if e.Deprecated != "" {
		reason := inline(e.Deprecated)
		if e.ReplacedBy != "" {
			reason = w.w.spaced(reason, w.w.ended(w.w["replaced_by"]+" ["+codeSpan(e.ReplacedBy)+"](#"+e.ReplacementAnchor()+")"))
		}
		w.boldLabel("\n\n> ", w.w["deprecated"], " ", reason)
	}
	if e.Since != "" {
		w.boldLabel("\n\n", w.w["since"], " ", inline(e.Since))
	}
	if e.Fallback {
		w.boldLabel("\n\n> ", w.w["fallback"], " ", w.w["fallback_note"])
	}
	if len(e.Untranslated) > 0 {
		w.boldLabel("\n\n", w.w["untranslated"], " ")
		var parts strings.Builder
		for i, k := range e.Untranslated {
			if i > 0 {
				parts.WriteString(w.w[separatorKey])
			}
			parts.WriteString(w.w[k])
		}
		original := w.w.parenthesized("[" + e.Original.Name + "](" + e.Original.File + "#" + e.Anchor + ")")
		w.str(w.w.ended(w.w.spaced(parts.String(), original)))
	}
	w.str("\n\n")
}

// statusLine is the status, its reason and the title where it differs.
func (w *errorPart) statusLine(e *errorData) {
	w.boldLabel("", w.w["status"], " ", strconv.Itoa(e.Status))
	if e.Reason != "" {
		w.str(" ", e.Reason)
	}
	if e.Title != e.Reason {
		w.boldLabel(" · ", w.w["title"], " ", inline(e.Title))
	}
}

func (w *errorPart) fullStatus(e *errorData) error {
	body, err := w.indentJSON(e.Body)
	if err != nil {
		return err
	}
	w.statusLine(e)
	if e.GRPCDomain != "" {
		w.boldLabel("\n\n", "gRPC", " ")
		w.code(e.GRPCCode)
		w.boldLabel(" · ", w.w["reason"], " ")
		w.code(e.GRPCReason)
		w.boldLabel(" · ", w.w["domain"], " ")
		w.code(e.GRPCDomain)
	}
	w.boldLabel("\n\n", w.w["example_response"], "\n\n")
	w.b = appendFence(w.b, "http", e.Response)
	w.str("\n\n")
	w.b = appendFence(w.b, "json", body)
	w.str("\n")
	if e.Message != nil {
		w.boldLabel("\n", w.w["message"], " ")
		w.code(e.Message.Source)
		w.str("\n")
	}
	return nil
}

func (w *errorPart) compactStatus(e *errorData) error {
	w.statusLine(e)
	if e.Message != nil {
		w.boldLabel(" · ", w.w["message"], " ")
		w.code(e.Message.Source)
	}
	w.boldLabel(" · ", w.w["retry"], " ")
	switch {
	case !e.Retryable:
		w.str(w.w["no"])
	case e.RetryAfter:
		w.str(w.w["yes"], w.w[separatorKey], w.w["retry_after_compact"])
	default:
		w.str(w.w["yes"], w.w[separatorKey], w.w["retry_backoff_compact"])
	}
	if len(e.Headers) > 0 || e.Challenge != "" {
		w.str("\n\n")
		w.b = appendFence(w.b, "http", e.Response)
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
		w.boldLabel("", w.w["details"], "\n\n")
	}
	described := false // e.DescribedDetails(), from the details' own copies, which lie together
	for _, d := range e.Details {
		described = described || d.Description != ""
	}
	w.str("| ", w.w["name"], " | ", w.w["type"], " | ", w.w["required"], " | ")
	if described {
		w.str(w.w["description"], " | ", w.w["example"], " |\n| --- | --- | --- | --- | --- |\n")
	} else {
		w.str(w.w["example"], " |\n| --- | --- | --- | --- |\n")
	}
	for _, d := range e.Details {
		w.str("| ")
		w.b = appendCellCode(w.b, d.Name)
		w.str(" | ", cell(string(d.Type)), " | ", w.yesNo(d.Required), " | ")
		if described {
			w.str(cell(d.Summary()), " | ")
		}
		if d.Example == "" { // an optional detail without one: no empty cell
			w.str("—")
		} else {
			w.b = appendCellCode(w.b, d.Example)
		}
		w.str(" |\n")
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
	title := fill(w.w["fields_of"], "path", codeSpan(ft.Path))
	if ft.Many {
		title = w.w.spaced(title, w.w["each_object"])
	}
	w.boldLabel("\n", title, "\n\n| ", w.w["name"], " | ", w.w["type"], " | ", w.w["required"], " | ", w.w["description"], " |")
	if ft.Examples {
		w.str(" ", w.w["example"], " |\n| --- | --- | --- | --- | --- |\n")
	} else {
		w.str("\n| --- | --- | --- | --- |\n")
	}
	for _, f := range ft.Fields {
		w.str("| ", cell(codeSpan(f.Name)), " | ", cell(string(f.Type)), " | ", w.yesNo(f.Required), " | ", cell(f.Summary()), " |")
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
	w.boldLabel("\n", fill(w.w["allowed_values"], "detail", codeSpan(path)), "\n\n")
	if !d.DescribedValues() {
		for _, v := range d.Enum {
			w.str("- ", codeSpan(v.Value), "\n")
		}
		return
	}
	w.str("| ", w.w["value"], " | ", w.w["description"], " |\n| --- | --- |\n")
	for _, v := range d.Enum {
		desc := "—"
		if v.Description != "" {
			desc = cell(v.Description)
		}
		w.str("| ", cell(codeSpan(v.Value)), " | ", desc, " |\n")
	}
}

func (w *errorPart) yesNo(b bool) string {
	if b {
		return w.w["yes"]
	}
	return w.w["no"]
}

// compactAdvice is causes, remediation and troubleshooting as sentences,
// and the help links on one line.
func (w *errorPart) compactAdvice(e *errorData) {
	for _, list := range []struct {
		title string
		items []string
	}{{w.w["causes"], e.Causes}, {w.w["remediation"], e.Remediation}} {
		if len(list.items) > 0 {
			text := w.w.sentence(list.items[0])
			for _, s := range list.items[1:] {
				text = w.w.spaced(text, w.w.sentence(s))
			}
			w.boldLabel("\n", list.title, " ", text, "\n")
		}
	}
	if len(e.Troubleshooting) > 0 {
		// The space after a check's closing * stays: a * between a
		// full-width colon and a letter closes no emphasis.
		var text string
		for i, t := range e.Troubleshooting {
			item := "*" + w.w.label(t.Check) + "* " + w.w.sentence(t.Solution)
			if i == 0 {
				text = item
			} else {
				text = w.w.spaced(text, item)
			}
		}
		w.boldLabel("\n", w.w["troubleshooting"], " ", text, "\n")
	}
	if len(e.Help) > 0 { // the links are on no other part of the page
		w.boldLabel("\n", w.w["help"])
		for i, l := range e.Help {
			if i > 0 {
				w.str(" ·")
			}
			w.str(" <", autolinkURL(l.URL), ">")
			if l.Description != "" {
				w.str(" ", inline(l.Description))
			}
		}
		w.str("\n")
	}
}

// fullAdvice is causes and remediation as lists, troubleshooting a table.
func (w *errorPart) fullAdvice(e *errorData) {
	for _, list := range []struct {
		title string
		items []string
	}{{w.w["causes"], e.Causes}, {w.w["remediation"], e.Remediation}} {
		if len(list.items) > 0 {
			w.boldLabel("\n", list.title, "\n\n")
			for _, s := range list.items {
				w.str("- ", inline(s), "\n")
			}
		}
	}
	if len(e.Troubleshooting) > 0 {
		w.boldLabel("\n", w.w["troubleshooting"], "\n\n| ", w.w["check"], " | ", w.w["solution"], " |\n| --- | --- |\n")
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
	w.boldLabel("\n", w.w["retry"], " ")
	switch {
	case !e.Retryable:
		w.str(w.w["retry_no"])
	case e.RetryAfter:
		w.str(w.w.spaced(w.w["retry_yes"], w.w["retry_wait"]))
	default:
		w.str(w.w.spaced(w.w["retry_yes"], w.w["retry_backoff"]))
	}
	w.str("\n")
	if len(e.Help) > 0 {
		w.boldLabel("\n", w.w["help"], "\n\n")
		for _, l := range e.Help {
			w.str("- <", autolinkURL(l.URL), ">")
			if l.Description != "" {
				w.str(" ", inline(l.Description))
			}
			w.str("\n")
		}
	}
	if e.DocsLink != "" {
		w.boldLabel("\n", w.w["permalink"], " <", autolinkURL(e.DocsLink), ">\n")
	}
}
