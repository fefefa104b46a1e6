package markdown

import (
	"github.com/errgen/errgen/catalog"
)

// errorData is one error as error.tmpl shows it.
//
// Besides embedding the catalog error (for its methods, and for templates
// that name .Error), it repeats each of its fields: text/template looks a
// field up by name on every use, and a promoted field costs a search of the
// embedded structs (reflect's FieldByNameFunc) where a field of errorData's
// own is a plain scan. TestMirrorsCatalog keeps the copies complete. The
// plain path beside this shortcut is the same types without the copies
// (plainPageOf, mirror_test.go): TestMirrorRendersAsPlain holds both to the
// same page, and BenchmarkMirror measures what the copies buy on the whole
// emitter, about a tenth of its time at 1,000 and 10,000 errors.
type errorData struct {
	*catalog.Error
	Reason     string
	Body       []byte
	Response   string
	Details    []detailData // shadows catalog.Error.Details: the example as JSON text
	RetryAfter bool
	GRPCDomain string        // the catalog's grpc.domain: the page shows gRPC codes when it is set
	Words      words         // the page's own words (page.Words)
	Original   *pageLanguage // the default language's page, which the untranslated note links; nil when the catalog has one language

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
	Envelope        *catalog.Envelope
	Meta            []catalog.Meta
	Challenge       string
	Fallback        bool
	GRPCCode        string
	GRPCReason      string
	Help            []catalog.Link
	Deprecated      string
	ReplacedBy      string
	Replacement     *catalog.Error
	Since           string
	Retired         bool
	TypeURI         string
	Anchor          string
	DocsLink        string
	Untranslated    []string
	Pos             catalog.Pos
}

// detailData is a detail with its example as the JSON the body carries. Like
// errorData, it repeats the fields of the detail it embeds.
type detailData struct {
	*catalog.Detail
	Example string // shadows catalog.Detail.Example
	words   words  // the page's, for Summary

	// catalog.Detail's fields but Example, in its order
	Name        string
	GoName      string
	Type        catalog.DetailType
	Required    bool
	Description string
	Enum        []catalog.EnumValue
	Fields      []*catalog.Detail
	GRPC        string
	Pos         catalog.Pos
}

// newErrorFields is the errorData of e with e's fields copied.
func newErrorFields(e *catalog.Error) *errorData {
	d := new(errorData)
	d.setFields(e)
	return d
}

// setFields makes d the errorData of e with e's fields copied, and nothing
// else set.
func (d *errorData) setFields(e *catalog.Error) {
	*d = errorData{
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
		Envelope:        e.Envelope,
		Meta:            e.Meta,
		Challenge:       e.Challenge,
		Fallback:        e.Fallback,
		GRPCCode:        e.GRPCCode,
		GRPCReason:      e.GRPCReason,
		Help:            e.Help,
		Deprecated:      e.Deprecated,
		ReplacedBy:      e.ReplacedBy,
		Replacement:     e.Replacement,
		Since:           e.Since,
		Retired:         e.Retired,
		TypeURI:         e.TypeURI,
		Anchor:          e.Anchor,
		DocsLink:        e.DocsLink,
		Untranslated:    e.Untranslated,
		Pos:             e.Pos,
	}
}

// newDetailData is the detailData of d with d's fields copied.
func newDetailData(d *catalog.Detail, example string, w words) detailData {
	return detailData{
		Detail:      d,
		Example:     example,
		words:       w,
		Name:        d.Name,
		GoName:      d.GoName,
		Type:        d.Type,
		Required:    d.Required,
		Description: d.Description,
		Enum:        d.Enum,
		Fields:      d.Fields,
		GRPC:        d.GRPC,
		Pos:         d.Pos,
	}
}
